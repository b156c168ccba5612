package org.planlab.planner.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.SuiteResult;

/**
 * Two suite results side by side, query by query: how much longer the
 * candidate took to optimize, how much more its plan costs, and whether the
 * plan changed. Ratios are candidate / baseline, so above 1 is worse.
 *
 * @param baseline the configuration compared against
 * @param candidate the configuration compared
 * @param rows one per query present in both, regressions first
 * @param onlyInOne ids of queries that only one of the results has
 */
public record Comparison(String baseline, String candidate, List<Row> rows,
    List<String> onlyInOne) {

  /** A query in both results. Ratios are null where either side has no plan. */
  public record Row(String query, QueryStatus baselineStatus, QueryStatus candidateStatus,
      double baselineOptimizeMs, double candidateOptimizeMs, @Nullable Double timeRatio,
      @Nullable Double baselineCost, @Nullable Double candidateCost, @Nullable Double costRatio,
      boolean planChanged) {

    /** True if the candidate's plan costs more, or it failed where the baseline did not. */
    public boolean regression() {
      return (costRatio != null && costRatio > 1 + RELATIVE_TOLERANCE)
          || (baselineStatus == QueryStatus.PLANNED && candidateStatus != QueryStatus.PLANNED);
    }
  }

  /** Cost ratios within this of 1 count as equal: estimates carry float noise. */
  public static final double RELATIVE_TOLERANCE = 1e-6;

  /**
   * The two runs compared. Costs of different cost models are in different
   * units, so between runs of different models there are no cost ratios
   * (and no cost regressions), only times, statuses and plan changes.
   */
  public static Comparison of(SuiteResult baseline, SuiteResult candidate) {
    boolean sameUnits = baseline.costModel().name().equals(candidate.costModel().name());
    Map<String, QueryResult> base = new LinkedHashMap<>();
    baseline.queries().forEach(q -> base.put(q.id(), q));
    List<Row> rows = new ArrayList<>();
    List<String> only = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (QueryResult c : candidate.queries()) {
      QueryResult b = base.get(c.id());
      if (b == null) {
        only.add(c.id());
        continue;
      }
      seen.add(c.id());
      double bt = optimizeMs(b);
      double ct = optimizeMs(c);
      Double bc = b.cost() == null ? null : b.cost().value();
      Double cc = c.cost() == null ? null : c.cost().value();
      boolean changed = b.plan() == null || c.plan() == null
          ? b.plan() != c.plan() : !b.plan().render().equals(c.plan().render());
      rows.add(new Row(c.id(), b.status(), c.status(), bt, ct, bt > 0 ? ct / bt : null, bc, cc,
          sameUnits && bc != null && cc != null && bc > 0 ? cc / bc : null, changed));
    }
    base.keySet().stream().filter(id -> !seen.contains(id)).forEach(only::add);
    rows.sort(Comparator.comparing((Row r) -> !r.regression())
        .thenComparing(r -> r.costRatio() == null ? 0 : -r.costRatio())
        .thenComparing(r -> r.timeRatio() == null ? 0 : -r.timeRatio()));
    boolean models = !baseline.costModel().name().equals(candidate.costModel().name());
    boolean dops = baseline.dop() != candidate.dop();
    return new Comparison(label(baseline, models, dops), label(candidate, models, dops), rows,
        only);
  }

  /**
   * A run's name: its configuration, with its cost model and its degree of
   * parallelism where the two runs compared differ in them, e.g.
   * {@code two-phase@pg/dop4}.
   */
  static String label(SuiteResult r, boolean model, boolean dop) {
    return r.config() + (model ? "@" + r.costModel().name() : "")
        + (dop ? "/dop" + r.dop() : "");
  }

  private static double optimizeMs(QueryResult q) {
    return q.stages().optimize() == null ? 0 : q.stages().optimize().wallMs();
  }

  /** Geometric mean of the time ratios that exist. */
  public double geomeanTimeRatio() {
    return geomean(rows.stream().map(Row::timeRatio).toList());
  }

  /** Geometric mean of the cost ratios that exist. */
  public double geomeanCostRatio() {
    return geomean(rows.stream().map(Row::costRatio).toList());
  }

  /** Total optimization time of the candidate over the baseline's, over the shared queries. */
  public double totalTimeRatio() {
    double b = rows.stream().mapToDouble(Row::baselineOptimizeMs).sum();
    double c = rows.stream().mapToDouble(Row::candidateOptimizeMs).sum();
    return b > 0 ? c / b : Double.NaN;
  }

  public long regressions() {
    return rows.stream().filter(Row::regression).count();
  }

  static double geomean(List<Double> values) {
    double sum = 0;
    int n = 0;
    for (Double v : values) {
      if (v != null && v > 0 && Double.isFinite(v)) {
        sum += Math.log(v);
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.exp(sum / n);
  }
}
