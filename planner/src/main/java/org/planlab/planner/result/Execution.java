package org.planlab.planner.result;

import java.util.List;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What executing a query's final plan on generated data gave.
 *
 * @param status how it ended
 * @param message why it failed or was wrong, or null
 * @param dataScaleFactor the scale factor of the data it ran on
 * @param compileMs generating and compiling the plan's code, once
 * @param runtimesMs each timed run, after the warm-up runs
 * @param runtimeMs their median, or null if it did not run to the end
 * @param rows rows returned
 * @param nodes actual rows per operator of the final plan (by plan-node id),
 *     from a separate instrumented run; empty if that did not run
 * @param qErrorMax the largest q-error over the operators, or null
 * @param qErrorMedian the median q-error over the operators, or null
 * @param checks the answer checks made: the reference answer, other plans
 * @param injected the query re-planned with the measured cardinalities and
 *     executed ({@code --inject-cardinalities}), or null
 */
public record Execution(ExecStatus status, @Nullable String message, double dataScaleFactor,
    double compileMs, List<Double> runtimesMs, @Nullable Double runtimeMs, long rows,
    List<NodeActual> nodes, @Nullable Double qErrorMax, @Nullable Double qErrorMedian,
    List<AnswerCheck> checks, @Nullable Injected injected) {

  public Execution {
    runtimesMs = runtimesMs == null ? List.of() : List.copyOf(runtimesMs);
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** An execution without a re-planned run. */
  public Execution(ExecStatus status, @Nullable String message, double dataScaleFactor,
      double compileMs, List<Double> runtimesMs, @Nullable Double runtimeMs, long rows,
      List<NodeActual> nodes, @Nullable Double qErrorMax, @Nullable Double qErrorMedian,
      List<AnswerCheck> checks) {
    this(status, message, dataScaleFactor, compileMs, runtimesMs, runtimeMs, rows, nodes,
        qErrorMax, qErrorMedian, checks, null);
  }

  /** This execution with the re-planned run. */
  public Execution withInjected(@Nullable Injected i) {
    return new Execution(status, message, dataScaleFactor, compileMs, runtimesMs, runtimeMs,
        rows, nodes, qErrorMax, qErrorMedian, checks, i);
  }

  /**
   * The query planned again with its measured cardinalities (as the Join
   * Order Benchmark injected true cardinalities), and executed.
   *
   * @param measured expressions whose cardinality was measured and injected
   * @param planChanged whether the plan differs from the one planned with estimates
   *     (operators and their attributes; estimates aside)
   * @param status how executing it ended (its answer is held against the first plan's)
   * @param message why it did not run, or how its answer differs, or null
   * @param runtimeMs its median runtime, or null
   * @param plan the plan made with the measured cardinalities
   */
  public record Injected(int measured, boolean planChanged, ExecStatus status,
      @Nullable String message, @Nullable Double runtimeMs,
      org.planlab.planner.plan.@Nullable PlanSnapshot plan) {
  }

  /**
   * One operator's actual rows against its estimate.
   *
   * @param id the plan node's id
   * @param rows rows it returned, over all its runs
   * @param loops how many times it ran (a correlate's right side: once per left row)
   * @param estimated the estimate for one run, for all processes of a parallel fragment
   * @param qError max(estimated/actual, actual/estimated), each at least 1, actual per run
   * @param millis time spent in its calls (opening it and getting each row) in
   *     the instrumented run: the inputs it reads inside those calls are
   *     included, but not an input the generated code materializes when the
   *     plan is bound (an aggregate's, a hash join's build side), so an
   *     operator can show less time than its input
   */
  public record NodeActual(int id, long rows, long loops, double estimated, double qError,
      double millis) {
  }

  /**
   * One answer check.
   *
   * @param against what the answer was held against: {@code reference}, {@code phase 1},
   *     {@code serial plan}, or another configuration's name
   * @param passed whether the answers agree
   * @param detail where they differ, or null
   */
  public record AnswerCheck(String against, boolean passed, @Nullable String detail) {
  }
}
