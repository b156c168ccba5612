package org.planlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.exec.ExecutionSummary;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.Execution;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.StageTime;
import org.planlab.planner.result.SuiteResult;
import org.planlab.planner.result.TraceText;

/** The human-readable table {@code planlab run} prints. Nothing parses it. */
final class SuiteTable {
  private SuiteTable() {
  }

  private static final String[] HEADER = {"query", "status", "joins", "parse ms", "valid ms",
      "conv ms", "opt ms", "opt cpu ms", "cost", "parallel", "rels", "rule calls"};

  static String render(SuiteResult suite) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (QueryResult q : suite.queries()) {
      rows.add(new String[] {q.id(), q.status().label(), Integer.toString(q.joins()),
          ms(q.stages().parse()), ms(q.stages().validate()), ms(q.stages().convert()),
          ms(q.stages().optimize()),
          q.stages().optimize() == null ? "" : ms(q.stages().optimize().cpuMs()),
          q.cost() == null ? "" : PlanText.number(q.cost().value()),
          q.parallel() == null ? "" : q.parallel().parallel()
              ? String.format(Locale.ROOT, "%.2fx", q.parallel().speedup()) : "serial",
          q.effort() == null ? "" : Long.toString(q.effort().relNodes()),
          q.effort() == null ? "" : Long.toString(q.effort().ruleCalls())});
    }
    StringBuilder sb = new StringBuilder(table(rows, 2));
    for (QueryResult q : suite.queries()) {
      if (q.error() != null) {
        sb.append(q.id()).append(": ").append(q.error().describe(q.source())).append('\n');
      }
    }
    sb.append(summary(suite));
    if (suite.queries().stream().anyMatch(q -> q.execution() != null)) {
      sb.append('\n').append(executionTable(suite));
    }
    return sb.toString();
  }

  private static final String[] EXEC_HEADER = {"query", "exec", "runtime ms", "compile ms",
      "rows", "q-err max", "q-err med", "checks"};

  /** Per query: execution status, runtime, rows, q-errors and answer checks; then figures. */
  static String executionTable(SuiteResult suite) {
    List<String[]> rows = new ArrayList<>();
    rows.add(EXEC_HEADER);
    List<String> problems = new ArrayList<>();
    for (QueryResult q : suite.queries()) {
      Execution x = q.execution();
      if (x == null) {
        continue;
      }
      rows.add(new String[] {q.id(), x.status().label(),
          x.runtimeMs() == null ? "" : ms(x.runtimeMs()), ms(x.compileMs()),
          x.runtimeMs() == null ? "" : Long.toString(x.rows()),
          x.qErrorMax() == null ? "" : PlanText.number(x.qErrorMax()),
          x.qErrorMedian() == null ? "" : String.format(Locale.ROOT, "%.2f", x.qErrorMedian()),
          checks(x)});
      if (x.message() != null) {
        problems.add(q.id() + ": " + x.status().label() + ": " + x.message());
      }
    }
    StringBuilder sb = new StringBuilder(table(rows, 2));
    problems.forEach(p -> sb.append(p).append('\n'));
    sb.append(injectedTable(suite));
    ExecutionSummary s = ExecutionSummary.of(suite);
    double sf = suite.queries().stream().filter(q -> q.execution() != null)
        .mapToDouble(q -> q.execution().dataScaleFactor()).findFirst().orElse(Double.NaN);
    sb.append(String.format(Locale.ROOT,
        "executed %d plans on data at sf %s: %d ok, %d wrong, %d timed out, %d failed%s; "
            + "runtime total %s, median %s%n"
            + "q-error over %d operators: median %.2f, p90 %s, p99 %s, max %s; "
            + "Spearman(cost, runtime) %s over %d queries (cost model %s)%n",
        s.executed(), PlanText.number(sf), s.ok(), s.wrong(), s.timedOut(), s.failed(),
        s.sqlErrors() == 0 ? "" : ", " + s.sqlErrors() + " SQL errors (the data's answer)",
        duration(s.runtimeTotalMs()), duration(s.runtimeMedianMs()), s.operators(),
        s.qErrorMedian(), PlanText.number(s.qErrorP90()), PlanText.number(s.qErrorP99()),
        PlanText.number(s.qErrorMax()),
        Double.isNaN(s.spearman()) ? "-" : String.format(Locale.ROOT, "%.2f", s.spearman()),
        (int) suite.queries().stream().filter(q -> q.execution() != null
            && q.execution().runtimeMs() != null).count(), suite.costModel().name()));
    return sb.toString();
  }

  /**
   * With --inject-cardinalities: per query the runtime with estimated and
   * with measured cardinalities, whether the plan changed, and totals.
   */
  static String injectedTable(SuiteResult suite) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"query", "estimated ms", "injected ms", "ratio", "plan", "measured",
        "injected run"});
    double est = 0;
    double inj = 0;
    int changed = 0;
    int n = 0;
    for (QueryResult q : suite.queries()) {
      Execution x = q.execution();
      if (x == null || x.injected() == null) {
        continue;
      }
      Execution.Injected i = x.injected();
      n++;
      changed += i.planChanged() ? 1 : 0;
      String ratio = "";
      if (x.runtimeMs() != null && i.runtimeMs() != null) {
        est += x.runtimeMs();
        inj += i.runtimeMs();
        ratio = String.format(Locale.ROOT, "%.2f", i.runtimeMs() / x.runtimeMs());
      }
      rows.add(new String[] {q.id(), x.runtimeMs() == null ? "" : ms(x.runtimeMs()),
          i.runtimeMs() == null ? "" : ms(i.runtimeMs()), ratio,
          i.planChanged() ? "changed" : "same", Integer.toString(i.measured()),
          i.status().label() + (i.message() == null ? "" : ": " + i.message())});
    }
    if (n == 0) {
      return "";
    }
    return "\nre-planned with measured cardinalities:\n" + table(rows, 1)
        + String.format(Locale.ROOT, "%d plans changed of %d; runtime %s with estimates, %s "
            + "with measured cardinalities (%.2fx)%n", changed, n, duration(est), duration(inj),
            est > 0 ? inj / est : Double.NaN);
  }

  /** "2/2" passed of made, or "-" for none. */
  private static String checks(Execution x) {
    if (x.checks().isEmpty()) {
      return "-";
    }
    long passed = x.checks().stream().filter(Execution.AnswerCheck::passed).count();
    return passed + "/" + x.checks().size() + " " + String.join(",", x.checks().stream()
        .map(c -> (c.passed() ? "" : "!") + c.against().replace(" plan", "")
            .replace(' ', '-')).toList());
  }

  /** After a query's progress line: its execution, in a few words. */
  static String executed(QueryResult r) {
    Execution x = r.execution();
    if (x == null) {
      return "";
    }
    return "; exec " + x.status().label()
        + (x.runtimeMs() == null ? "" : " " + duration(x.runtimeMs()));
  }

  /** Rows as aligned columns: the first {@code leftColumns} flush left, the rest right. */
  static String table(List<String[]> rows, int leftColumns) {
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        sb.append(i == 0 ? "" : "  ").append(pad(r[i], width[i], i < leftColumns));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** One paragraph: counts by status and optimization time. */
  static String summary(SuiteResult suite) {
    double[] opt = suite.queries().stream()
        .filter(q -> q.stages().optimize() != null)
        .mapToDouble(q -> q.stages().optimize().wallMs()).sorted().toArray();
    double total = 0;
    for (double v : opt) {
      total += v;
    }
    return String.format(Locale.ROOT,
        "%d queries (%s, sf %s, config %s): %d planned, %d timed out, %d failed; "
            + "optimize total %s, median %s, max %s%n",
        suite.queries().size(), suite.suite(), PlanText.number(suite.scaleFactor()),
        suite.config(), suite.count(QueryStatus.PLANNED), suite.count(QueryStatus.TIMED_OUT),
        suite.count(QueryStatus.FAILED), duration(total), duration(median(opt)),
        duration(opt.length == 0 ? 0 : opt[opt.length - 1])) + costLine(suite);
  }

  /**
   * The cost model and degree: costs are in the model's units, and the
   * parallel column is each plan's estimated speedup over its serial plan.
   */
  static String costLine(SuiteResult suite) {
    String units = "cost model " + suite.costModel().name() + ", costs in "
        + suite.costModel().unit();
    if (suite.dop() <= 1) {
      return units + "; serial plans (dop 1)\n";
    }
    long parallel = suite.queries().stream()
        .filter(q -> q.parallel() != null && q.parallel().parallel()).count();
    double passMs = suite.queries().stream().filter(q -> q.parallel() != null)
        .mapToDouble(q -> q.parallel().wallMs()).sum();
    double optMs = suite.queries().stream().filter(q -> q.stages().optimize() != null)
        .mapToDouble(q -> q.stages().optimize().wallMs()).sum();
    return String.format(Locale.ROOT, "%s; dop %d: %d parallel plans, parallel pass %s "
        + "(%.1f %% of optimize)%n", units, suite.dop(), parallel, duration(passMs),
        optMs > 0 ? 100 * passMs / optMs : 0);
  }

  static double median(double[] sorted) {
    if (sorted.length == 0) {
      return 0;
    }
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  static String duration(double ms) {
    return TraceText.duration(ms);
  }

  private static String ms(@Nullable StageTime t) {
    return t == null ? "" : ms(t.wallMs());
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.0f", v);
  }

  private static String pad(String s, int w, boolean left) {
    String fill = " ".repeat(Math.max(0, w - s.length()));
    return left ? s + fill : fill + s;
  }
}
