package org.planlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.planlab.planner.compare.Comparison;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.ResultFileException;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.result.SuiteResult;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.suite.SuiteRunner;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code planlab compare}: configurations side by side, query by query. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compare optimizer configurations query by query: optimization-time ratio, "
        + "cost ratio and whether the plan changed, regressions first, with geometric means. "
        + "Ratios are candidate / baseline: above 1 is worse.",
        "",
        "Either give result files written by 'planlab run' (the first is the baseline), or a "
            + "suite and --configs to plan now, in this one process, each query under every "
            + "configuration in turn, so that the ratios come from one run."},
    footer = {"", "Examples:",
        "  planlab compare results/a.json results/b.json",
        "  planlab compare tpch --configs calcite-default,two-phase",
        "  planlab compare tpch --configs cheap-only,two-phase,exhaustive --sf 100"})
final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|SUITE",
      description = "Two or more result files, or one suite name with --configs.")
  List<String> inputs;

  @Option(names = "--configs", split = ",", paramLabel = "NAME",
      description = "Configurations to plan now (the first is the baseline).")
  List<String> configs = new ArrayList<>();

  @Option(names = {"--query", "-q"}, split = ",", paramLabel = "ID",
      description = "Only these queries (with --configs).")
  List<String> queryIds = new ArrayList<>();

  @Option(names = "--out-dir", paramLabel = "DIR",
      description = "With --configs: where each configuration's result file goes "
          + "(default: results/compare-<time>/).")
  Path outDir;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin
  PlanningOptions planning;

  @Override
  public Integer call() {
    if (!format.equals("table") && !format.equals("csv")) {
      throw new UserError("--format must be table or csv, got '" + format + "'");
    }
    List<SuiteResult> results = configs.isEmpty() ? readFiles() : planNow();
    PrintWriter out = spec.commandLine().getOut();
    SuiteResult baseline = results.get(0);
    if (format.equals("csv")) {
      out.println("baseline,candidate,query,baseline_status,candidate_status,baseline_optimize_ms,"
          + "candidate_optimize_ms,time_ratio,baseline_cost,candidate_cost,cost_ratio,"
          + "plan_changed,regression");
    }
    for (SuiteResult candidate : results.subList(1, results.size())) {
      Comparison c = Comparison.of(baseline, candidate);
      if (format.equals("csv")) {
        for (Comparison.Row r : c.rows()) {
          out.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%.3f,%.3f,%s,%s,%s,%s,%b,%b%n", c.baseline(),
              c.candidate(), r.query(), r.baselineStatus(), r.candidateStatus(),
              r.baselineOptimizeMs(), r.candidateOptimizeMs(), num(r.timeRatio()),
              num(r.baselineCost()), num(r.candidateCost()), num(r.costRatio()), r.planChanged(),
              r.regression());
        }
      } else {
        out.print(ComparisonTable.render(c));
      }
    }
    out.flush();
    return Planlab.OK;
  }

  private static String num(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.6g", v);
  }

  private List<SuiteResult> readFiles() {
    if (inputs.size() < 2) {
      throw new UserError("compare needs two or more result files, or a suite and --configs");
    }
    List<SuiteResult> list = new ArrayList<>();
    for (String f : inputs) {
      try {
        list.add(ResultFiles.read(Path.of(f)));
      } catch (ResultFileException e) {
        throw new UserError(e.getMessage());
      }
    }
    return list;
  }

  private List<SuiteResult> planNow() {
    if (inputs.size() != 1) {
      throw new UserError("with --configs, give one suite, not " + inputs);
    }
    if (configs.size() < 2) {
      throw new UserError("--configs needs two or more configurations");
    }
    Workload workload = planning.workload(inputs.get(0));
    StatisticsSchema schema = planning.schema(workload);
    List<WorkloadQuery> queries = PlanningOptions.queries(workload, queryIds);
    // Files are named by configuration name: --configs may give file paths.
    List<String> names = new ArrayList<>();
    List<SuiteRunner> runners = new ArrayList<>();
    for (String config : configs) {
      Optimizer o = planning.optimizer(config);
      if (names.contains(o.name())) {
        throw new UserError("--configs names configuration " + o.name() + " twice");
      }
      names.add(o.name());
      runners.add(new SuiteRunner(workload.name(), planning.scaleFactor,
          new PlanningSession(schema, o, planning.budget())));
    }
    Path dir = outDir != null ? outDir : Path.of("results", "compare-" + OutputFiles.timestamp());
    for (String name : names) {
      OutputFiles.checkWritable(dir.resolve(name + ".json"));
    }
    PrintWriter err = spec.commandLine().getErr();
    List<List<QueryResult>> perConfig = new ArrayList<>();
    names.forEach(c -> perConfig.add(new ArrayList<>()));
    Instant started = Instant.now();
    for (int i = 0; i < queries.size(); i++) {
      WorkloadQuery q = queries.get(i);
      err.printf(Locale.ROOT, "[%2d/%d] %-6s", i + 1, queries.size(), q.id());
      for (int c = 0; c < configs.size(); c++) {
        QueryResult r = runners.get(c).run(List.of(q), new SuiteRunner.Listener() { })
            .queries().get(0);
        perConfig.get(c).add(r);
        err.printf(Locale.ROOT, " %s %s", names.get(c),
            SuiteTable.duration(r.stages().optimize() == null ? 0
                : r.stages().optimize().wallMs()));
      }
      err.println();
    }
    List<SuiteResult> results = new ArrayList<>();
    for (int c = 0; c < configs.size(); c++) {
      SuiteResult r = runners.get(c).resultOf(started, perConfig.get(c));
      Path file = dir.resolve(names.get(c) + ".json");
      try {
        ResultFiles.write(file, r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
      results.add(r);
    }
    err.println("planlab: wrote " + dir);
    return results;
  }

  /** The table for one comparison. */
  static final class ComparisonTable {
    private ComparisonTable() {
    }

    static String render(Comparison c) {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%s vs %s (ratios %s / %s)%n", c.candidate(),
          c.baseline(), c.candidate(), c.baseline()));
      sb.append(String.format(Locale.ROOT, "%-6s %-10s %12s %12s %10s %12s %12s %10s %s%n",
          "query", "status", "base ms", "cand ms", "time x", "base cost", "cand cost",
          "cost x", "plan"));
      for (Comparison.Row r : c.rows()) {
        sb.append(String.format(Locale.ROOT, "%-6s %-10s %12.1f %12.1f %10s %12s %12s %10s %s%n",
            r.query(), r.candidateStatus().label(), r.baselineOptimizeMs(),
            r.candidateOptimizeMs(), ratio(r.timeRatio()), cost(r.baselineCost()),
            cost(r.candidateCost()), ratio(r.costRatio()),
            (r.planChanged() ? "changed" : "same") + (r.regression() ? "  REGRESSION" : "")));
      }
      sb.append(String.format(Locale.ROOT,
          "%d queries: %d regressions; time geomean %s, total %s; cost geomean %s%n",
          c.rows().size(), c.regressions(), ratio(c.geomeanTimeRatio()),
          ratio(c.totalTimeRatio()), ratio(c.geomeanCostRatio())));
      if (!c.onlyInOne().isEmpty()) {
        sb.append("only in one of the results: ").append(String.join(", ", c.onlyInOne()))
            .append('\n');
      }
      return sb.toString();
    }

    private static String ratio(Double v) {
      return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String cost(Double v) {
      return v == null ? "-" : PlanText.number(v);
    }
  }
}
