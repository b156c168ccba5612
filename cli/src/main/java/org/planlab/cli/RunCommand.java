package org.planlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.result.AtomicFiles;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.result.SuiteCsv;
import org.planlab.planner.result.SuiteResult;
import org.planlab.planner.result.TraceText;
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

/** {@code planlab run}: plans a suite and writes a result file. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Plan the queries of a suite and write a result file.",
        "",
        "Prints a table of per-query stage times, cost and effort (or JSON or CSV), shows "
            + "progress on stderr, and writes the result JSON to --out after every query, "
            + "atomically, so an interrupted run keeps what it computed.",
        "",
        "Exit codes: 0 all planned; 1 some failed or timed out; 2 bad usage or input."},
    footer = {"", "Examples:",
        "  planlab run tpch",
        "  planlab run tpch --sf 100 --query q5,q7,q9 --timeout 10",
        "  planlab run tpch --queries my-queries/ --format csv",
        "  planlab run tpch --execute",
        "  planlab run tpch --execute --sf 0.1 --stats data --exec-timeout 30"})
final class RunCommand implements java.util.concurrent.Callable<Integer> {

  /** Output formats for stdout. */
  enum Format { table, json, csv }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE", description = "The suite: tpch or tpcds.")
  String suite;

  @Mixin
  PlanningOptions planning;

  @Mixin
  ExecutionOptions execution;

  @Option(names = {"--query", "-q"}, split = ",", paramLabel = "ID",
      description = "Only these queries, e.g. q1,q5 (default: all).")
  List<String> queryIds = new ArrayList<>();

  @Option(names = "--queries", paramLabel = "DIR",
      description = "Plan the .sql files in DIR against the suite's schema and statistics "
          + "instead of the suite's own queries.")
  Path queriesDir;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Result JSON file (default: results/<suite>-<config>-<time>.json). With "
          + "--format csv a .csv is written beside it.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "What to print on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() {
    Workload workload = planning.workload(suite);
    Optimizer optimizer = planning.optimizer();
    execution.defaultScaleFactor(spec, planning);
    planning.schema(workload); // checks --sf before any data is generated
    PrintWriter progress = quiet ? null : spec.commandLine().getErr();
    if (execution.inject && planning.dop() > 1) {
      // Injected cardinalities are measured on serial plans.
      planning.dops = new ArrayList<>(List.of(1));
      if (progress != null) {
        progress.println("planlab: --inject-cardinalities plans serially (dop 1)");
      }
    }
    PlanningSession session = planning.session(execution.schema(workload, planning, progress),
        optimizer);
    List<WorkloadQuery> queries = selectQueries(workload);
    Path resultFile = out != null ? out : defaultOut(workload.name(), optimizer.name());
    OutputFiles.checkWritable(resultFile);
    Path csvFile = format == Format.csv ? csvBeside(resultFile) : null;
    if (csvFile != null) {
      OutputFiles.checkWritable(csvFile);
    }

    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (!quiet) {
      err.printf(Locale.ROOT, "planlab: planning %d %s queries at sf %s with %s, budget %s s%n",
          queries.size(), workload.name(), planning.scaleFactor, optimizer.name(),
          planning.timeoutSeconds);
    }
    SuiteRunner runner = new SuiteRunner(workload.name(), planning.scaleFactor, session);
    if (execution.executes()) {
      var executor = execution.executor(workload, planning.scaleFactor, progress);
      runner = execution.inject ? runner.executingWithInjection(executor)
          : runner.executing(executor);
    }
    SuiteResult result = runner.run(queries, new SuiteRunner.Listener() {
      @Override
      public void started(int index, int total, WorkloadQuery query) {
        if (!quiet) {
          err.printf(Locale.ROOT, "[%2d/%d] %-6s ", index + 1, total, query.id());
          err.flush();
        }
      }

      @Override
      public void finished(int index, int total, QueryResult r, SuiteResult soFar) {
        save(resultFile, soFar);
        if (!quiet) {
          err.printf(Locale.ROOT, "%-9s %s%s%s%n", r.status().label(),
              SuiteTable.duration(r.stages().totalWallMs()), SuiteTable.executed(r),
              TraceText.phaseErrors(r));
        }
      }
    });
    save(resultFile, result);
    if (csvFile != null) {
      write(csvFile, result);
    }

    switch (format) {
      case table -> stdout.print(SuiteTable.render(result));
      case json -> stdout.println(ResultFiles.toJson(result));
      case csv -> stdout.print(csv(result));
      default -> throw new IllegalStateException();
    }
    stdout.flush();
    if (!quiet) {
      err.println("planlab: wrote " + resultFile + (csvFile == null ? "" : " and " + csvFile));
    }
    boolean allRight = result.queries().stream().allMatch(q -> q.execution() == null
        || q.execution().status() == org.planlab.planner.result.ExecStatus.OK
        || q.execution().status() == org.planlab.planner.result.ExecStatus.SQL_ERROR);
    return result.count(QueryStatus.PLANNED) == result.queries().size() && allRight
        ? Planlab.OK : Planlab.SOME_FAILED;
  }

  private List<WorkloadQuery> selectQueries(Workload workload) {
    if (queriesDir != null) {
      if (!queryIds.isEmpty()) {
        throw new UserError("--query and --queries cannot be combined");
      }
      return QueryFiles.readFolder(queriesDir);
    }
    return PlanningOptions.queries(workload, queryIds);
  }

  static Path defaultOut(String suite, String config) {
    return Path.of("results", suite + "-" + config + "-" + OutputFiles.timestamp() + ".json");
  }

  private static Path csvBeside(Path json) {
    String name = json.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return json.resolveSibling(base + ".csv");
  }

  private static void save(Path file, SuiteResult result) {
    try {
      ResultFiles.write(file, result);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, SuiteResult result) {
    try {
      AtomicFiles.write(file, w -> SuiteCsv.write(result, w));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String csv(SuiteResult result) {
    StringWriter w = new StringWriter();
    try {
      SuiteCsv.write(result, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
