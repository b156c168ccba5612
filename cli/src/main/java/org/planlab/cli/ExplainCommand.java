package org.planlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.planlab.planner.cost.CostModels;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.TraceText;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.suite.SuiteRunner;
import org.planlab.planner.workload.UnknownQueryException;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;

/** {@code planlab explain}: plans one query and prints its plan. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Plan one query and print the plan in planlab's text format: one operator "
        + "per line with its details, estimated rows and cumulative cost.",
        "",
        "The query is a suite query's id, or your own SQL against the suite's schema and "
            + "statistics (--sql or --file)."},
    footer = {"", "Examples:",
        "  planlab explain tpch q5",
        "  planlab explain tpch --sql 'SELECT count(*) FROM lineitem WHERE l_quantity < 10'",
        "  planlab explain tpch --file my-query.sql --sf 100",
        "  planlab explain tpch q5 --format plan-file >> src/test/resources/plans/mine.plan"})
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE", description = "The suite: tpch or tpcds.")
  String suite;

  @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY",
      description = "A query id of the suite, e.g. q5.")
  String queryId;

  @ArgGroup(exclusive = true)
  OwnSql own;

  static final class OwnSql {
    @Option(names = "--sql", paramLabel = "SQL", required = true,
        description = "Plan this SQL text.")
    String sql;

    @Option(names = "--file", paramLabel = "FILE", required = true,
        description = "Plan the SQL in this file.")
    Path file;
  }

  @Mixin
  PlanningOptions planning;

  @Option(names = "--trace",
      description = "Also print each phase's time, cost before and after, stop reason, steps "
          + "and busiest rules, and the gate's decision.")
  boolean trace;

  @Option(names = "--origins",
      description = "Under each operator, the rule and step that made it and the rule that "
          + "implemented it, as far as the planners' events tell (phase/step names as in "
          + "--trace).")
  boolean origins;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), or plan-file: a ready plan-shape test case (directive, "
          + "query, ----, the plan) to paste into a .plan file.")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("plan-file")) {
      throw new UserError("--format must be text or plan-file, not '" + format + "'");
    }
    Workload workload = planning.workload(suite);
    WorkloadQuery query = query(workload);
    PlanningSession session = planning.session(planning.schema(workload), planning.optimizer());
    // Through the suite runner: a planning thread with a deep stack, and a
    // planner that ignores its budget cannot hang the command.
    QueryResult r = new SuiteRunner(workload.name(), planning.scaleFactor, session)
        .run(List.of(query), new SuiteRunner.Listener() { }).queries().get(0);
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("plan-file") && r.plan() != null) {
      out.print(planFileCase(workload, query, r));
      out.flush();
      return Planlab.OK;
    }
    if (r.plan() != null) {
      out.print(origins ? PlanText.renderWithOrigins(r.plan()) : PlanText.render(r.plan()));
    }
    out.printf(Locale.ROOT, "-- %s: %s, %d joins, cost %s, optimized in %s by %s%s%n", r.id(),
        r.status().label(), r.joins(), r.cost() == null ? "-" : PlanText.number(r.cost().value()),
        r.stages().optimize() == null ? "-"
            : SuiteTable.duration(r.stages().optimize().wallMs()),
        planning.config, TraceText.phaseErrors(r));
    if (trace) {
      out.print(TraceText.render(r));
    }
    out.flush();
    if (r.error() != null) {
      spec.commandLine().getErr().println("planlab: " + r.error().describe(r.source()));
    }
    return r.status() == QueryStatus.PLANNED ? Planlab.OK : Planlab.SOME_FAILED;
  }

  /**
   * The case a plan file needs to hold this plan: the directive with this
   * command's suite, scale factor and configuration, the query id or the SQL
   * (blank lines dropped, as they end a query in a plan file), {@code ----}
   * and the plan text.
   */
  private String planFileCase(Workload workload, WorkloadQuery query, QueryResult r) {
    String input = own == null ? query.id() : query.sql().lines()
        .filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
    String model = planning.costModel().name();
    int dop = planning.dop();
    return "plan suite=" + workload.name() + " sf=" + PlanText.number(planning.scaleFactor)
        + " config=" + planning.config
        + (model.equals(CostModels.DEFAULT) ? "" : " cost-model=" + model)
        + (dop == 1 ? "" : " dop=" + dop) + "\n" + input.strip() + "\n----\n"
        + PlanText.render(r.plan());
  }

  private WorkloadQuery query(Workload workload) {
    if (own != null) {
      if (queryId != null) {
        throw new UserError("give a query id or --sql/--file, not both");
      }
      return own.sql != null ? new WorkloadQuery("sql", "--sql", own.sql)
          : QueryFiles.read(own.file);
    }
    if (queryId == null) {
      throw new UserError("which query? give a query id (see 'planlab list'), --sql or --file");
    }
    try {
      return workload.query(queryId);
    } catch (UnknownQueryException e) {
      throw new UserError(e.getMessage());
    }
  }
}
