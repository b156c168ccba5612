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
import org.planlab.planner.session.PlanningSession;
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
    description = {"Sweep the cost gate's threshold: for each threshold, the queries that run "
        + "phase 2, total and median optimization time, and the geometric-mean cost against "
        + "always running phase 2 (the gate's regret).",
        "",
        "Plans the suite once with phase 2 always on, then replays that run at each threshold "
            + "(phases are deterministic, and phase 2 does not depend on the threshold). Writes "
            + "the run's result file, a CSV and an HTML page with the chart."},
    footer = {"", "Examples:",
        "  planlab sweep tpch",
        "  planlab sweep tpch --threshold 1e5,1e6,1e7,1e8 --sf 100",
        "  planlab sweep tpch --from results/tpch-exhaustive-20261125-160000.json",
        "  planlab sweep tpch --configs two-phase,my-config.yaml"})
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
      SuiteResult always = new SuiteRunner(workload.name(), planning.scaleFactor,
          new PlanningSession(planning.schema(workload), alwaysOn, planning.budget()))
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
