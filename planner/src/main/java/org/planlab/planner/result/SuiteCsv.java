package org.planlab.planner.result;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.optimize.EffortCounter.Effort;
import org.planlab.planner.plan.Cost;

/**
 * A {@link SuiteResult} as CSV, one row per query, in long ("tidy") form
 * ready for pandas' {@code read_csv} and R's {@code read.csv}: times in
 * milliseconds, empty cells for values that do not exist, RFC 4180 quoting.
 */
public final class SuiteCsv {
  private SuiteCsv() {
  }

  public static final List<String> COLUMNS = List.of("suite", "config", "scale_factor", "query",
      "status", "stop_reason", "joins", "parse_ms", "validate_ms", "convert_ms", "optimize_ms",
      "optimize_cpu_ms", "total_ms", "cost_rows", "cost_cpu", "cost_io", "rel_sets", "rel_nodes",
      "rule_calls", "rule_productions", "plan_nodes", "error", "cost_model", "dop", "cost",
      "serial_cost", "parallel_speedup", "exec_status", "exec_sf", "runtime_ms", "compile_ms",
      "exec_rows", "qerror_max", "qerror_median", "answer_checks", "answer_failed");

  public static void write(SuiteResult suite, Writer out) throws IOException {
    out.write(String.join(",", COLUMNS));
    out.write('\n');
    for (QueryResult q : suite.queries()) {
      List<String> row = new ArrayList<>();
      row.add(suite.suite());
      row.add(suite.config());
      row.add(num(suite.scaleFactor()));
      row.add(q.id());
      row.add(q.status().label());
      row.add(q.stopReason() == null ? "" : q.stopReason().label());
      row.add(Integer.toString(q.joins()));
      row.add(wall(q.stages().parse()));
      row.add(wall(q.stages().validate()));
      row.add(wall(q.stages().convert()));
      row.add(wall(q.stages().optimize()));
      row.add(q.stages().optimize() == null ? "" : num(q.stages().optimize().cpuMs()));
      row.add(num(q.stages().totalWallMs()));
      Cost c = q.cost();
      row.add(c == null ? "" : num(c.rows()));
      row.add(c == null ? "" : num(c.cpu()));
      row.add(c == null ? "" : num(c.io()));
      Effort e = q.effort();
      row.add(e == null ? "" : Long.toString(e.relSets()));
      row.add(e == null ? "" : Long.toString(e.relNodes()));
      row.add(e == null ? "" : Long.toString(e.ruleCalls()));
      row.add(e == null ? "" : Long.toString(e.ruleProductions()));
      row.add(q.plan() == null ? "" : Integer.toString(q.plan().nodes().size()));
      row.add(q.error() == null ? "" : q.error().describe(q.source()));
      // Columns of cost models and parallel plans come last, so older scripts still read.
      row.add(suite.costModel().name());
      row.add(Integer.toString(suite.dop()));
      row.add(c == null ? "" : num(c.value()));
      Cost serial = q.serialCost();
      row.add(serial == null ? "" : num(serial.value()));
      row.add(q.parallel() == null || !q.parallel().parallel() ? ""
          : num(q.parallel().speedup()));
      // Execution (planlab run --execute); empty where the plan was not executed.
      Execution x = q.execution();
      row.add(x == null ? "" : x.status().label());
      row.add(x == null ? "" : num(x.dataScaleFactor()));
      row.add(x == null || x.runtimeMs() == null ? "" : num(x.runtimeMs()));
      row.add(x == null ? "" : num(x.compileMs()));
      row.add(x == null || x.runtimeMs() == null ? "" : Long.toString(x.rows()));
      row.add(x == null || x.qErrorMax() == null ? "" : num(x.qErrorMax()));
      row.add(x == null || x.qErrorMedian() == null ? "" : num(x.qErrorMedian()));
      row.add(x == null ? "" : Integer.toString(x.checks().size()));
      row.add(x == null ? "" : String.join("; ", x.checks().stream()
          .filter(ch -> !ch.passed()).map(Execution.AnswerCheck::against).toList()));
      out.write(String.join(",", row.stream().map(SuiteCsv::quote).toList()));
      out.write('\n');
    }
  }

  private static String wall(@Nullable StageTime t) {
    return t == null ? "" : num(t.wallMs());
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.6g", v);
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
        && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
