package org.planlab.planner.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.parallel.ParallelCosting;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.plan.PlanSnapshot;
import org.planlab.planner.result.ExecStatus;
import org.planlab.planner.result.Execution;
import org.planlab.planner.result.Execution.AnswerCheck;
import org.planlab.planner.result.Execution.NodeActual;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.workload.DataGenerator;

/**
 * Executes a planned query's final plan on generated data and records an
 * {@link Execution}: the median runtime of timed runs after warm-up, the
 * rows, each operator's actual rows and q-error (from one more, instrumented
 * run), and answer checks: the reference answer where the workload has one
 * at this scale factor, and phase 1's and the serial plan's answers where
 * they are other plans (each run once, the same multiset of rows expected).
 */
public final class QueryExecutor {
  /**
   * How to execute.
   *
   * @param warmups untimed runs first
   * @param runs timed runs; the runtime is their median
   * @param timeout the most one run may take
   */
  public record Options(int warmups, int runs, Duration timeout) {
    public Options {
      if (warmups < 0 || runs < 1) {
        throw new IllegalArgumentException("need runs >= 1 and warmups >= 0");
      }
    }

  }

  /** Rows of a wrong answer's diff shown per side. */
  private static final int DIFF_ROWS = 5;

  private final Dataset data;
  private final @Nullable DataGenerator generator;
  private final Options options;
  private final java.util.@Nullable Map<String, List<List<String>>> answers;

  public QueryExecutor(Dataset data, @Nullable DataGenerator generator, Options options) {
    this(data, generator, options, null);
  }

  private QueryExecutor(Dataset data, @Nullable DataGenerator generator, Options options,
      java.util.@Nullable Map<String, List<List<String>>> answers) {
    this.data = data;
    this.generator = generator;
    this.options = options;
    this.answers = answers;
  }

  /**
   * An executor that also keeps each query's answer (as {@link ResultRows}
   * text, by query id) for comparing configurations: see {@link #answers()}.
   */
  public QueryExecutor keepingAnswers() {
    return new QueryExecutor(data, generator, options,
        new java.util.concurrent.ConcurrentHashMap<>());
  }

  /** The answers kept so far, by query id; empty unless {@link #keepingAnswers()}. */
  public java.util.Map<String, List<List<String>>> answers() {
    return answers == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(answers);
  }

  public Dataset data() {
    return data;
  }

  public Options options() {
    return options;
  }

  /** The query with its execution recorded; unchanged if it has no plan. */
  public PlannedQuery execute(PlannedQuery p) {
    if (p.plan() == null || p.result().plan() == null) {
      return p;
    }
    return p.withResult(p.result().withExecution(execution(p)));
  }

  private Execution execution(PlannedQuery p) {
    double sf = data.scaleFactor();
    double compileMs = 0;
    List<Double> times = new ArrayList<>();
    try {
      PlanExecutor.Compiled compiled = PlanExecutor.compile(p.plan(), false);
      compileMs = compiled.compileMs();
      for (int i = 0; i < options.warmups(); i++) {
        PlanExecutor.run(compiled, data, options.timeout());
      }
      PlanExecutor.Run last = null;
      for (int i = 0; i < options.runs(); i++) {
        last = PlanExecutor.run(compiled, data, options.timeout());
        times.add(last.millis());
      }
      List<AnswerCheck> checks = checks(p, last);
      PlanExecutor.Run counted = PlanExecutor.run(PlanExecutor.compile(p.plan(), true), data,
          options.timeout());
      List<NodeActual> nodes = actuals(p.result().plan(), counted);
      List<Double> q = nodes.stream().map(NodeActual::qError).filter(v -> !Double.isNaN(v))
          .toList();
      AnswerCheck failed = checks.stream().filter(c -> !c.passed()).findFirst().orElse(null);
      return new Execution(failed == null ? ExecStatus.OK : ExecStatus.WRONG,
          failed == null ? null : "differs from " + failed.against() + ": " + failed.detail(),
          sf, compileMs, times, EstimationError.median(times), last.rows().size(), nodes,
          q.isEmpty() ? null : q.stream().mapToDouble(Double::doubleValue).max().orElse(1),
          q.isEmpty() ? null : EstimationError.median(q), checks);
    } catch (ArithmeticException e) {
      // The query's answer on this data is an error; other plans must raise it too.
      String error = sqlError(e);
      List<AnswerCheck> checks = new ArrayList<>();
      if (p.phase1Plan() != null) {
        checks.add(sameError("phase 1", p.phase1Plan(), error));
      }
      if (p.serialPlan() != null) {
        checks.add(sameError("serial plan", p.serialPlan(), error));
      }
      if (answers != null) {
        answers.put(p.result().id(), List.of(List.of("error: " + error)));
      }
      AnswerCheck failed = checks.stream().filter(c -> !c.passed()).findFirst().orElse(null);
      return new Execution(failed == null ? ExecStatus.SQL_ERROR : ExecStatus.WRONG,
          failed == null ? "the query raises an error on this data, as SQL requires: " + error
              : "differs from " + failed.against() + ": " + failed.detail(),
          sf, compileMs, times, null, 0, List.of(), null, null, checks);
    } catch (ExecutionCancelledException e) {
      return new Execution(ExecStatus.TIMED_OUT, String.format(Locale.ROOT,
          "a run took longer than %s s and was stopped", options.timeout().toMillis() / 1000.0),
          sf, compileMs, times, null, 0, List.of(), null, null, List.of());
    } catch (RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
      String m = e.getMessage();
      if (m != null && m.indexOf('\n') >= 0) {
        m = m.substring(0, m.indexOf('\n'));
      }
      return new Execution(ExecStatus.FAILED, e.getClass().getSimpleName()
          + (m == null ? "" : ": " + m), sf, compileMs, times, null, 0, List.of(), null, null,
          List.of());
    }
  }

  private List<AnswerCheck> checks(PlannedQuery p, PlanExecutor.Run run) {
    List<AnswerCheck> checks = new ArrayList<>();
    var rowType = p.plan().getRowType();
    if (generator != null) {
      generator.referenceAnswer(p.result().id(), data.scaleFactor()).ifPresent(ref -> {
        String d = ReferenceCheck.compare(run.rows(), rowType, ref);
        checks.add(new AnswerCheck("reference", d == null, d));
      });
    }
    List<List<String>> answer = ResultRows.text(run.rows(), rowType);
    if (answers != null) {
      answers.put(p.result().id(), answer);
    }
    if (p.phase1Plan() != null) {
      checks.add(agree("phase 1", p.phase1Plan(), answer));
    }
    if (p.serialPlan() != null) {
      checks.add(agree("serial plan", p.serialPlan(), answer));
    }
    return checks;
  }

  /**
   * Null if the plans of {@code a} and {@code b} return the same multiset of
   * rows (each run once); else where they differ.
   */
  public @Nullable String sameAnswer(PlannedQuery a, PlannedQuery b) {
    try {
      PlanExecutor.Run ra = PlanExecutor.run(PlanExecutor.compile(a.plan(), false), data,
          options.timeout());
      PlanExecutor.Run rb = PlanExecutor.run(PlanExecutor.compile(b.plan(), false), data,
          options.timeout());
      return ResultRows.multisetDiff(ResultRows.text(ra.rows(), a.plan().getRowType()),
          ResultRows.text(rb.rows(), b.plan().getRowType()), "estimated", "injected",
          DIFF_ROWS);
    } catch (ExecutionCancelledException e) {
      return null; // the re-planned run reports its own timeout
    }
  }

  /** The SQL error an arithmetic exception stands for. */
  static String sqlError(ArithmeticException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("division") || m.contains("by zero")) {
      return "division by zero";
    }
    return "numeric error (" + e.getMessage() + ")";
  }

  private AnswerCheck sameError(String name, RelNode other, String error) {
    try {
      PlanExecutor.Run r = PlanExecutor.run(PlanExecutor.compile(other, false), data,
          options.timeout());
      return new AnswerCheck(name, false, name + " returned " + r.rows().size()
          + " rows where the final plan raised " + error);
    } catch (ArithmeticException e) {
      String theirs = sqlError(e);
      return new AnswerCheck(name, theirs.equals(error), theirs.equals(error) ? null
          : name + " raised " + theirs + " where the final plan raised " + error);
    }
  }

  private AnswerCheck agree(String name, RelNode other, List<List<String>> answer) {
    PlanExecutor.Run r = PlanExecutor.run(PlanExecutor.compile(other, false), data,
        options.timeout());
    String d = ResultRows.multisetDiff(ResultRows.text(r.rows(), other.getRowType()), answer,
        name, "final plan", DIFF_ROWS);
    return new AnswerCheck(name, d == null, d);
  }

  /**
   * Each operator's actual rows against its estimate. A parallel fragment's
   * operators are estimated per process; their estimate here is for all of
   * them (times the divisor), as the counted plan runs them serially.
   */
  static List<NodeActual> actuals(PlanSnapshot plan, PlanExecutor.Run counted) {
    List<NodeActual> out = new ArrayList<>();
    for (PlanNode n : plan.nodes()) {
      long[] a = PlanExecutor.actual(counted, n.id());
      double estimated = n.degree() > 1
          ? n.rows() * ParallelCosting.divisorOfDegree(n.degree()) : n.rows();
      double perLoop = a[1] == 0 ? Double.NaN : a[0] / (double) a[1];
      out.add(new NodeActual(n.id(), a[0], a[1], estimated,
          EstimationError.qError(estimated, perLoop), a[2] / 1e6));
    }
    return out;
  }
}
