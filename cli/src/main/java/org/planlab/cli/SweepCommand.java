package org.planlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.planlab.planner.compare.GateSweep;
import org.planlab.planner.compare.GateSweepChart;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.phased.CostGate;
import org.planlab.planner.phased.PhasedOptimizer;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.AtomicFiles;
import org.planlab.planner.result.ResultFileException;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.result.SuiteResult;
import org.planlab.planner.suite.SuiteRunner;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code planlab sweep}: the gate-regret curve over cost thresholds. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Sweep the cost gate's threshold, or with --dop the degree of parallelism.",
        "",
        "Threshold: for each threshold, the queries that run "
        + "phase 2, total and median optimization time, and the geometric-mean cost against "
        + "always running phase 2 (the gate's regret).",
        "",
        "Plans the suite once with phase 2 always on, then replays that run at each threshold "
            + "(phases are deterministic, and phase 2 does not depend on the threshold). Writes "
            + "the run's result file, a CSV and an HTML page with the chart.",
        "",
        "--dop 1,2,4,8: plans the suite at each degree; per query the serial cost, the "
            + "estimated speedup at each degree (serial cost / parallel cost) and where the "
            + "plan at the highest degree is parallel. Writes a CSV and one result file per "
            + "degree."},
    footer = {"", "Examples:",
        "  planlab sweep tpch",
        "  planlab sweep tpch --threshold 1e5,1e6,1e7,1e8 --sf 100",
        "  planlab sweep tpch --from results/tpch-exhaustive-20261125-160000.json",
        "  planlab sweep tpch --configs two-phase,my-config.yaml",
        "  planlab sweep tpch --dop 1,2,4,8 --cost-model pg"})
final class SweepCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE", description = "The suite: tpch or tpcds.")
  String suite;

  @Option(names = "--threshold", split = ",", paramLabel = "T",
      description = "Thresholds to report, e.g. 1e3,1e5,1e7 (default: every point where the "
          + "curve changes, with 0 and infinity).")
  List<Double> thresholds = new ArrayList<>();

  @Option(names = "--from", paramLabel = "FILE",
      description = "Replay this result file (a run with phase 2 always on, such as "
          + "--config exhaustive) instead of planning now.")
  Path from;

  @Option(names = {"--query", "-q"}, split = ",", paramLabel = "ID",
      description = "Only these queries.")
  List<String> queryIds = new ArrayList<>();

  @Option(names = "--out", paramLabel = "PREFIX",
      description = "Output files PREFIX.json, PREFIX.csv and PREFIX.html "
          + "(default: results/sweep-<suite>-<config>-<time>).")
  Path out;

  @Mixin
  PlanningOptions planning;

  @Option(names = "--configs", split = ",", paramLabel = "NAME",
      description = "Sweep several configurations (names or files) in one run, each with its "
          + "own output files (default: --config).")
  List<String> configs = new ArrayList<>();

  @Override
  public Integer call() {
    for (double t : thresholds) {
      if (!(t >= 0)) {
        throw new UserError("--threshold must be >= 0, got " + t);
      }
    }
    Workload workload = planning.workload(suite);
    if (spec.commandLine().getParseResult().hasMatchedOption("--dop")) {
      return sweepDop(workload);
    }
    if (from != null) {
      SuiteResult always;
      try {
        always = ResultFiles.read(from);
      } catch (ResultFileException e) {
        throw new UserError(e.getMessage());
      }
      report(always, out != null ? out : defaultPrefix(always.config(), OutputFiles.timestamp()),
          false);
      return Planlab.OK;
    }
    List<String> names = configs.isEmpty() ? List.of(planning.config) : configs;
    List<PhasedOptimizer> optimizers = new ArrayList<>();
    for (String name : names) {
      Optimizer o = planning.optimizer(name);
      if (!(o instanceof PhasedOptimizer phased) || phased.phases().size() < 2) {
        throw new UserError("configuration " + name + " has no phase 2 to gate");
      }
      optimizers.add(phased);
    }
    List<WorkloadQuery> queries = PlanningOptions.queries(workload, queryIds);
    String time = OutputFiles.timestamp();
    PrintWriter err = spec.commandLine().getErr();
    for (PhasedOptimizer phased : optimizers) {
      Path prefix = out == null ? defaultPrefix(phased.name(), time)
          : optimizers.size() == 1 ? out : Path.of(out + "-" + phased.name());
      OutputFiles.checkWritable(Path.of(prefix + ".json"));
      PhasedOptimizer alwaysOn = phased.withGate(phased.name() + "@0", CostGate.cost(0));
      err.printf(Locale.ROOT, "planlab: planning %d %s queries with %s, phase 2 always on%n",
          queries.size(), workload.name(), phased.name());
      // Serial plans: the gate chooses between serial phases.
      SuiteResult always = new SuiteRunner(workload.name(), planning.scaleFactor,
          planning.session(planning.schema(workload), alwaysOn, 1))
          .run(queries, new SuiteRunner.Listener() {
            @Override
            public void finished(int index, int total, org.planlab.planner.result.QueryResult r,
                SuiteResult soFar) {
              err.printf(Locale.ROOT, "[%2d/%d] %-6s %s%n", index + 1, total, r.id(),
                  r.status().label());
            }
          });
      try {
        ResultFiles.write(Path.of(prefix + ".json"), always);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + prefix + ".json: " + e.getMessage(), e);
      }
      report(always, prefix, optimizers.size() > 1);
    }
    return Planlab.OK;
  }

  /**
   * {@code --dop 1,2,4,8}: the suite planned at each degree under one
   * configuration; per query the serial cost, the speedup at each degree and
   * where the plan at the highest degree is parallel.
   */
  private int sweepDop(Workload workload) {
    if (from != null || !thresholds.isEmpty() || !configs.isEmpty()) {
      throw new UserError("--dop sweeps degrees of one configuration (--config); it does not "
          + "combine with --from, --threshold or --configs");
    }
    List<Integer> dops = planning.dops();
    Optimizer optimizer = planning.optimizer();
    List<WorkloadQuery> queries = PlanningOptions.queries(workload, queryIds);
    Path prefix = out != null ? out : Path.of("results", "sweep-dop-" + suite + "-"
        + optimizer.name() + "-" + OutputFiles.timestamp());
    OutputFiles.checkWritable(Path.of(prefix + ".csv"));
    PrintWriter err = spec.commandLine().getErr();
    org.planlab.planner.stats.StatisticsSchema schema = planning.schema(workload);
    List<SuiteResult> runs = new ArrayList<>();
    for (int dop : dops) {
      err.printf(Locale.ROOT, "planlab: planning %d %s queries with %s at dop %d%n",
          queries.size(), workload.name(), optimizer.name(), dop);
      SuiteResult r = new SuiteRunner(workload.name(), planning.scaleFactor,
          planning.session(schema, optimizer, dop)).run(queries, new SuiteRunner.Listener() { });
      runs.add(r);
      try {
        ResultFiles.write(Path.of(prefix + "-dop" + dop + ".json"), r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + prefix + ": " + e.getMessage(), e);
      }
    }
    org.planlab.planner.compare.DopSweep sweep = org.planlab.planner.compare.DopSweep.of(runs);
    write(Path.of(prefix + ".csv"), sweep::writeCsv);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "costs in %s; speedup = serial cost / parallel cost%n",
        runs.get(0).costModel().unit());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-6s %12s", "query",
        "serial cost"));
    for (int d : dops) {
      head.append(String.format(Locale.ROOT, " %8s", "dop " + d));
    }
    o.println(head + "  plan at dop " + dops.get(dops.size() - 1));
    for (org.planlab.planner.compare.DopSweep.Row r : sweep.rows()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6s %12s", r.query(),
          r.serialCost() == null ? "-" : PlanText.number(r.serialCost())));
      for (org.planlab.planner.compare.DopSweep.Cell c : r.cells()) {
        line.append(String.format(Locale.ROOT, " %8s", c.speedup() == null ? "-"
            : String.format(Locale.ROOT, "%.2f", c.speedup())));
      }
      o.println(line + "  " + r.cells().get(r.cells().size() - 1).shape());
    }
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "%-19s", "parallel plans"));
    StringBuilder geo = new StringBuilder(String.format(Locale.ROOT, "%-19s", "geomean speedup"));
    StringBuilder div = new StringBuilder(String.format(Locale.ROOT, "%-19s", "divisor (bound)"));
    for (int i = 0; i < dops.size(); i++) {
      summary.append(String.format(Locale.ROOT, " %8d", sweep.parallelQueries(i)));
      geo.append(String.format(Locale.ROOT, " %8.2f", sweep.geomeanSpeedup(i)));
      div.append(String.format(Locale.ROOT, " %8.2f",
          org.planlab.planner.parallel.ParallelCosting.divisorOfDegree(dops.get(i))));
    }
    o.println(summary);
    o.println(geo);
    o.println(div);
    o.flush();
    err.println("planlab: wrote " + prefix + ".csv");
    return Planlab.OK;
  }

  /** Replays {@code always}, writes PREFIX.csv and PREFIX.html, prints the table. */
  private void report(SuiteResult always, Path prefix, boolean heading) {
    GateSweep sweep;
    try {
      sweep = GateSweep.of(always, thresholds);
    } catch (IllegalArgumentException e) {
      throw new UserError((from == null ? "" : from + ": ") + e.getMessage());
    }
    write(Path.of(prefix + ".csv"), sweep::writeCsv);
    write(Path.of(prefix + ".html"), w -> w.write(GateSweepChart.html(sweep,
        "Gate sweep: " + always.suite() + " at sf " + PlanText.number(always.scaleFactor()))));
    PrintWriter o = spec.commandLine().getOut();
    if (heading) {
      o.println("== " + sweep.config());
    }
    o.printf("%12s %8s %12s %10s %12s %10s%n", "threshold", "phase 2", "total ms", "median ms",
        "cost ratio", "max ratio");
    for (GateSweep.Point p : sweep.points()) {
      o.printf(Locale.ROOT, "%12s %8d %12.1f %10.2f %12.4f %10.4f%n",
          Double.isInfinite(p.threshold()) ? "inf" : PlanText.number(p.threshold()),
          p.phase2Queries(), p.totalOptimizeMs(), p.medianOptimizeMs(), p.geomeanCostRatio(),
          p.maxCostRatio());
    }
    o.flush();
    spec.commandLine().getErr().println("planlab: wrote " + prefix + ".csv and " + prefix
        + ".html");
  }

  private Path defaultPrefix(String config, String time) {
    return Path.of("results", "sweep-" + suite + "-" + config + "-" + time);
  }

  private static void write(Path file, AtomicFiles.TextWriter content) {
    OutputFiles.checkWritable(file);
    try {
      AtomicFiles.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
