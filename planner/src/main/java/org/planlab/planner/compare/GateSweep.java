package org.planlab.planner.compare;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.planlab.planner.phased.CostGate;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.SuiteResult;

/**
 * The gate-regret curve: for each cost threshold, what a two-phase optimizer
 * would spend and lose against always running phase 2.
 *
 * <p>It replays one run in which phase 2 always ran (threshold 0). The
 * phases are deterministic and phase 2 does not depend on the threshold, so
 * a query's plan under threshold T is phase 1's plan when phase 1's cost is
 * at most T and the better of the two otherwise, and its optimization time is
 * phase 1's time plus, when phase 2 runs, phase 2's. The curve only changes
 * at phase-1 costs, so sweeping exactly those thresholds (and 0 and ∞)
 * draws it completely.
 *
 * @param config the configuration whose gate is swept
 * @param points one per threshold, in increasing threshold order
 */
public record GateSweep(String config, List<Point> points) {

  /**
   * One threshold.
   *
   * @param threshold the gate threshold
   * @param phase2Queries queries for which phase 2 would run
   * @param totalOptimizeMs optimization time of all queries
   * @param medianOptimizeMs median optimization time per query
   * @param geomeanCostRatio geometric mean of cost / always-phase-2 cost: the regret
   * @param maxCostRatio the worst query's cost ratio
   */
  public record Point(double threshold, int phase2Queries, double totalOptimizeMs,
      double medianOptimizeMs, double geomeanCostRatio, double maxCostRatio) {
  }

  /** A query as the replay needs it. */
  private record Replay(double phase1Cost, double phase1Ms, double phase2Ms, double bestCost) {
  }

  /**
   * Replays {@code always}, a run with threshold 0, at {@code thresholds};
   * with none, at every breakpoint of the curve.
   *
   * @throws IllegalArgumentException if {@code always} is not such a run
   */
  public static GateSweep of(SuiteResult always, List<Double> thresholds) {
    List<Replay> queries = new ArrayList<>();
    for (QueryResult q : always.queries()) {
      if (q.status() != QueryStatus.PLANNED) {
        continue;
      }
      if (q.phases().size() < 2 || q.gate() == null || !q.gate().ranPhase2()) {
        throw new IllegalArgumentException("query " + q.id() + " of " + always.config()
            + " did not run phase 2: a sweep replays a run in which it always ran");
      }
      PhaseTrace p1 = q.phases().get(0);
      double p2ms = 0;
      for (PhaseTrace p : q.phases().subList(1, q.phases().size())) {
        p2ms += p.wallMs();
      }
      queries.add(new Replay(p1.costAfter().value(), p1.wallMs(), p2ms, q.serialCost().value()));
    }
    TreeSet<Double> ts = new TreeSet<>();
    if (thresholds.isEmpty()) {
      ts.add(0.0);
      queries.forEach(r -> ts.add(r.phase1Cost()));
      ts.add(Double.POSITIVE_INFINITY);
    } else {
      ts.addAll(thresholds);
    }
    List<Point> points = new ArrayList<>();
    for (double t : ts) {
      CostGate gate = CostGate.cost(t);
      int ran = 0;
      double total = 0;
      double[] times = new double[queries.size()];
      double logSum = 0;
      double max = 0;
      for (int i = 0; i < queries.size(); i++) {
        Replay r = queries.get(i);
        boolean run = gate.runs(r.phase1Cost());
        double cost = run ? r.bestCost() : r.phase1Cost();
        double ms = r.phase1Ms() + (run ? r.phase2Ms() : 0);
        ran += run ? 1 : 0;
        total += ms;
        times[i] = ms;
        double ratio = r.bestCost() > 0 ? cost / r.bestCost() : 1;
        logSum += Math.log(ratio);
        max = Math.max(max, ratio);
      }
      Arrays.sort(times);
      double median = times.length == 0 ? 0 : times.length % 2 == 1 ? times[times.length / 2]
          : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
      points.add(new Point(t, ran, total, median,
          queries.isEmpty() ? 1 : Math.exp(logSum / queries.size()), max));
    }
    return new GateSweep(always.config(), points);
  }

  public static final List<String> CSV_COLUMNS = List.of("config", "threshold",
      "phase2_queries", "total_optimize_ms", "median_optimize_ms", "geomean_cost_ratio",
      "max_cost_ratio");

  public void writeCsv(Writer out) throws IOException {
    out.write(String.join(",", CSV_COLUMNS) + "\n");
    for (Point p : points) {
      out.write(String.format(Locale.ROOT, "%s,%s,%d,%.3f,%.3f,%.6g,%.6g%n", config,
          Double.isInfinite(p.threshold()) ? "inf" : String.format(Locale.ROOT, "%.6g",
              p.threshold()),
          p.phase2Queries(), p.totalOptimizeMs(), p.medianOptimizeMs(), p.geomeanCostRatio(),
          p.maxCostRatio()));
    }
  }
}
