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
        "  planlab compare tpch --configs cheap-only,two-phase,exhaustive --sf 100",
        "  planlab compare tpch --configs calcite-default,two-phase --cost-models calcite,pg",
        "  planlab compare tpch --configs calcite-default,two-phase --execute   (answers too)"})
final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|SUITE",
      description = "Two or more result files, or one suite name with --configs.")
  List<String> inputs;

  @Option(names = "--configs", split = ",", paramLabel = "NAME",
      description = "Configurations to plan now (the first is the baseline).")
  List<String> configs = new ArrayList<>();

  @Option(names = "--cost-models", split = ",", paramLabel = "NAME",
      description = "With --configs: plan under each of these cost models too, e.g. "
          + "calcite,pg; each model's runs are compared among themselves, and the models "
          + "side by side (costs in each model's units, and whether the plan differs).")
  List<String> costModels = new ArrayList<>();

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

  @Mixin
  ExecutionOptions execution;

  /** Answers by configuration and query, with --execute. */
  private final List<java.util.Map<String, List<List<String>>>> answers = new ArrayList<>();

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
    List<SuiteResult> candidates = new ArrayList<>(results.subList(1, results.size()));
    if (costModels.size() > 1) {
      // Each model's runs are compared within the model, against its first configuration.
      candidates.clear();
      int perModel = results.size() / costModels.size();
      for (int m = 0; m < costModels.size(); m++) {
        for (int c = (m == 0 ? 1 : 0); c < perModel; c++) {
          candidates.add(results.get(m * perModel + c));
        }
      }
    }
    for (SuiteResult candidate : candidates) {
      SuiteResult base = baseline;
      if (costModels.size() > 1) {
        int perModel = results.size() / costModels.size();
        base = results.get(results.indexOf(candidate) / perModel * perModel);
        if (base == candidate) {
          continue;
        }
      }
      Comparison c = Comparison.of(base, candidate);
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
    if (costModels.size() > 1 && format.equals("table")) {
      out.print(ModelsSideBySide.render(results, costModels.size()));
    }
    boolean agree = true;
    if (!answers.isEmpty()) {
      agree = printAnswers(out, results);
    }
    out.flush();
    return agree ? Planlab.OK : Planlab.SOME_FAILED;
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
    if (configs.size() < 2 && costModels.size() < 2) {
      throw new UserError("--configs needs two or more configurations (or --cost-models two "
          + "or more models)");
    }
    List<org.planlab.planner.cost.CostModel> models = new ArrayList<>();
    if (costModels.isEmpty()) {
      models.add(planning.costModel());
    } else {
      for (String m : costModels) {
        org.planlab.planner.cost.CostModel model = planning.costModel(m);
        if (models.stream().anyMatch(k -> k.name().equals(model.name()))) {
          throw new UserError("--cost-models names cost model " + model.name() + " twice");
        }
        models.add(model);
      }
    }
    Workload workload = planning.workload(inputs.get(0));
    if (execution.inject) {
      throw new UserError("--inject-cardinalities re-plans within one run: use it with "
          + "'planlab run', not compare");
    }
    execution.defaultScaleFactor(spec, planning);
    planning.schema(workload); // checks --sf before any data is generated
    StatisticsSchema schema = execution.schema(workload, planning, spec.commandLine().getErr());
    org.planlab.planner.exec.QueryExecutor executor = execution.executes()
        ? execution.executor(workload, planning.scaleFactor, spec.commandLine().getErr()) : null;
    List<WorkloadQuery> queries = PlanningOptions.queries(workload, queryIds);
    // Files are named by configuration name: --configs may give file paths.
    List<String> names = new ArrayList<>();
    List<SuiteRunner> runners = new ArrayList<>();
    int degree = planning.dop();
    for (org.planlab.planner.cost.CostModel model : models) {
      for (String config : configs) {
        Optimizer o = planning.optimizer(config, model);
        String name = o.name() + (models.size() > 1 ? "@" + model.name() : "");
        if (names.contains(name)) {
          throw new UserError("--configs names configuration " + o.name() + " twice");
        }
        names.add(name);
        SuiteRunner runner = new SuiteRunner(workload.name(), planning.scaleFactor,
            planning.session(schema, o, model, degree));
        if (executor != null) {
          org.planlab.planner.exec.QueryExecutor mine = executor.keepingAnswers();
          answers.add(mine.answers());
          runner = runner.executing(mine);
        }
        runners.add(runner);
      }
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
      for (int c = 0; c < runners.size(); c++) {
        QueryResult r = runners.get(c).run(List.of(q), new SuiteRunner.Listener() { })
            .queries().get(0);
        perConfig.get(c).add(r);
        err.printf(Locale.ROOT, " %s %s%s", names.get(c),
            SuiteTable.duration(r.stages().optimize() == null ? 0
                : r.stages().optimize().wallMs()), SuiteTable.executed(r));
      }
      err.println();
    }
    List<SuiteResult> results = new ArrayList<>();
    for (int c = 0; c < runners.size(); c++) {
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

  /**
   * With --execute: each configuration's execution figures, runtimes side by
   * side, and whether every configuration returned the same rows as the
   * first (a differential check); false if some did not, or some plan was
   * wrong, failed or timed out.
   */
  private boolean printAnswers(PrintWriter out, List<SuiteResult> results) {
    boolean ok = true;
    int compared = 0;
    int differ = 0;
    out.println();
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("query"));
    results.forEach(r -> header.add(label(r) + " ms"));
    header.add("answers");
    rows.add(header.toArray(String[]::new));
    List<String> diffs = new ArrayList<>();
    SuiteResult base = results.get(0);
    for (int i = 0; i < base.queries().size(); i++) {
      String id = base.queries().get(i).id();
      List<String> row = new ArrayList<>(List.of(id));
      String verdict = "same";
      for (int c = 0; c < results.size(); c++) {
        QueryResult q = results.get(c).queries().get(i);
        var x = q.execution();
        row.add(x == null ? "-" : x.runtimeMs() != null
            ? String.format(Locale.ROOT, "%.1f", x.runtimeMs()) : x.status().label());
        if (x == null || (x.status() != org.planlab.planner.result.ExecStatus.OK
            && x.status() != org.planlab.planner.result.ExecStatus.SQL_ERROR)) {
          ok = false;
          verdict = "not compared";
          continue;
        }
        if (c > 0) {
          var a = answers.get(0).get(id);
          var b = answers.get(c).get(id);
          String d = a == null || b == null ? "no answer kept"
              : org.planlab.planner.exec.ResultRows.multisetDiff(a, b, label(results.get(0)),
                  label(results.get(c)), 5);
          if (d != null) {
            ok = false;
            verdict = "DIFFER";
            diffs.add(id + ": " + d);
          }
        }
      }
      row.add(verdict);
      rows.add(row.toArray(String[]::new));
      if (!verdict.equals("not compared")) {
        compared++;
        differ += verdict.equals("DIFFER") ? 1 : 0;
      }
    }
    out.print(SuiteTable.table(rows, 1));
    diffs.forEach(out::println);
    for (SuiteResult r : results) {
      var s = org.planlab.planner.exec.ExecutionSummary.of(r);
      out.printf(Locale.ROOT, "%s: %d ok, %d wrong, %d timed out, %d failed, %d SQL errors; "
          + "runtime total %s; q-error p90 %s, max %s; Spearman(cost, runtime) %s%n",
          label(r), s.ok(), s.wrong(), s.timedOut(), s.failed(), s.sqlErrors(),
          SuiteTable.duration(s.runtimeTotalMs()),
          org.planlab.planner.plan.PlanText.number(s.qErrorP90()),
          org.planlab.planner.plan.PlanText.number(s.qErrorMax()),
          Double.isNaN(s.spearman()) ? "-" : String.format(Locale.ROOT, "%.2f", s.spearman()));
    }
    int total = base.queries().size();
    out.printf(Locale.ROOT, "answers: %d of %d queries compared: %s%s%n", compared, total,
        differ == 0 ? "every configuration returned the same rows"
            : differ + " DIFFER (rows above)",
        compared == total ? "" : "; " + (total - compared) + " not compared (a plan was "
            + "wrong, failed or ran past --exec-timeout)");
    return ok;
  }

  /** A run's name: its configuration, and its cost model where several are compared. */
  private String label(SuiteResult r) {
    return r.config() + (costModels.size() > 1 ? "@" + r.costModel().name() : "");
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

  /** The same configurations under several cost models: costs in each model's units. */
  static final class ModelsSideBySide {
    private ModelsSideBySide() {
    }

    /** {@code results} holds each model's runs in turn, configurations in the same order. */
    static String render(List<SuiteResult> results, int models) {
      int perModel = results.size() / models;
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < perModel; c++) {
        List<SuiteResult> runs = new ArrayList<>();
        for (int m = 0; m < models; m++) {
          runs.add(results.get(m * perModel + c));
        }
        sb.append(String.format(Locale.ROOT, "%n%s under %d cost models (each cost in its own "
            + "model's units; plan: whether the models chose different plans)%n",
            runs.get(0).config(), models));
        sb.append(String.format(Locale.ROOT, "%-6s", "query"));
        for (SuiteResult r : runs) {
          sb.append(String.format(Locale.ROOT, " %14s", r.costModel().name() + " cost"));
        }
        sb.append(String.format(Locale.ROOT, " %10s %s%n", "parallel", "plan"));
        int differ = 0;
        for (QueryResult q : runs.get(0).queries()) {
          sb.append(String.format(Locale.ROOT, "%-6s", q.id()));
          List<String> shapes = new ArrayList<>();
          StringBuilder par = new StringBuilder();
          for (SuiteResult r : runs) {
            QueryResult x = r.queries().stream().filter(k -> k.id().equals(q.id())).findFirst()
                .orElse(null);
            sb.append(String.format(Locale.ROOT, " %14s", x == null || x.cost() == null ? "-"
                : PlanText.number(x.cost().value())));
            shapes.add(x == null || x.plan() == null ? "" : shape(x.plan().root()));
            par.append(x != null && x.parallel() != null && x.parallel().parallel() ? "y" : "n");
          }
          boolean same = shapes.stream().distinct().count() == 1;
          differ += same ? 0 : 1;
          sb.append(String.format(Locale.ROOT, " %10s %s%n", par, same ? "same" : "differs"));
        }
        sb.append(String.format(Locale.ROOT, "%d of %d plans differ between the models%n",
            differ, runs.get(0).queries().size()));
      }
      return sb.toString();
    }

    /** The plan's operators and details, without estimates: what a model can change. */
    static String shape(org.planlab.planner.plan.PlanNode n) {
      StringBuilder sb = new StringBuilder(n.operator()).append(n.details()).append('(');
      n.inputs().forEach(i -> sb.append(shape(i)).append(';'));
      return sb.append(')').toString();
    }
  }
}
