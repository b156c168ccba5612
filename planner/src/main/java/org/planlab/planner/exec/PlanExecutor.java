package org.planlab.planner.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Executes Enumerable plans on a {@link Dataset}: compiles a plan to Java
 * (Calcite's code generation and Janino, as its JDBC driver does), then
 * runs it, with a time limit that stops it through the cancel flag its
 * scans and counters check.
 */
public final class PlanExecutor {
  private static final ScheduledExecutorService TIMER =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "planlab-exec-timer");
        t.setDaemon(true);
        return t;
      });

  private PlanExecutor() {
  }

  /** A plan compiled for execution. */
  public static final class Compiled {
    private final Bindable<?> bindable;
    private final Map<String, Object> stashed;
    private final RelDataType rowType;
    private final int slots;
    private final double compileMs;

    private Compiled(Bindable<?> bindable, Map<String, Object> stashed, RelDataType rowType,
        int slots, double compileMs) {
      this.bindable = bindable;
      this.stashed = stashed;
      this.rowType = rowType;
      this.slots = slots;
      this.compileMs = compileMs;
    }

    public RelDataType rowType() {
      return rowType;
    }

    /** Time spent generating and compiling the code. */
    public double compileMs() {
      return compileMs;
    }

    /** True if the plan counts each operator's rows. */
    public boolean instrumented() {
      return slots > 0;
    }
  }

  /** One execution: the rows, the time it took, and the counters if the plan had them. */
  public record Run(List<Object[]> rows, double millis, @Nullable RowCounters counters) {
  }

  /** What a compiled plan has above each of its operators. */
  public enum Checks {
    /**
     * Nothing: only scans and the root check the time limit, so a run can
     * overrun it by minutes (a hash join building a large table). For
     * measuring what the checks cost, not for running plans.
     */
    NONE,
    /**
     * A check of the time limit every 1,024 rows each operator returns, for
     * every operator but scans (which check it themselves), Calcs, Projects
     * and Filters (whose time goes into their input's rows).
     */
    CANCEL,
    /** Row counters ({@link RowCounting}), which also check the time limit. */
    COUNTERS
  }

  /**
   * Compiles {@code plan}, an Enumerable plan; with {@code instrument}, every
   * operator counts its rows ({@link RowCounting}). Either way, every
   * operator checks the run's time limit.
   */
  public static Compiled compile(RelNode plan, boolean instrument) {
    return compile(plan, instrument ? Checks.COUNTERS : Checks.CANCEL);
  }

  /** Compiles {@code plan}, an Enumerable plan, with {@code checks} above its operators. */
  public static Compiled compile(RelNode plan, Checks checks) {
    long start = System.nanoTime();
    int[] slots = {0};
    EnumerableRel rel = switch (checks) {
      case NONE -> (EnumerableRel) plan;
      case CANCEL -> RowCounting.cancellable(plan);
      case COUNTERS -> RowCounting.instrument(plan, slots);
    };
    rel = NestedLoopJoins.streaming(rel);
    rel = (EnumerableRel) NotNullCasts.nullOnNull(rel);
    rel = EmptyGroupingSets.answerOverEmptyInput(rel);
    rel = WindowNullConstants.asColumns(rel);
    Map<String, Object> stashed = new LinkedHashMap<>();
    Bindable<?> b = EnumerableInterpretable.toBindable(stashed, null, rel,
        EnumerableRel.Prefer.ARRAY);
    return new Compiled(b, stashed, plan.getRowType(), slots[0],
        (System.nanoTime() - start) / 1e6);
  }

  /**
   * Runs {@code compiled} on {@code data}, reading all its rows.
   *
   * @throws ExecutionCancelledException if it runs past {@code timeout}
   */
  public static Run run(Compiled compiled, Dataset data, Duration timeout) {
    return run(compiled, data, timeout, Integer.MAX_VALUE);
  }

  /**
   * Runs {@code compiled} on {@code data}, reading at most {@code maxRows} rows.
   *
   * @throws ExecutionCancelledException if it runs past {@code timeout} or
   *     returns more than {@code maxRows} rows
   */
  public static Run run(Compiled compiled, Dataset data, Duration timeout, int maxRows) {
    AtomicBoolean cancel = new AtomicBoolean();
    RowCounters counters = compiled.slots > 0 ? new RowCounters(compiled.slots) : null;
    ExecutionContext ctx = new ExecutionContext(data, compiled.stashed, cancel, counters);
    ScheduledFuture<?> timer = TIMER.schedule(() -> cancel.set(true), timeout.toNanos(),
        TimeUnit.NANOSECONDS);
    long start = System.nanoTime();
    List<Object[]> rows = new ArrayList<>();
    try {
      @SuppressWarnings("unchecked")
      Enumerator<Object> e = ((Bindable<Object>) compiled.bindable).bind(ctx).enumerator();
      try {
        while (e.moveNext()) {
          Object o = e.current();
          rows.add(o instanceof Object[] a ? a : new Object[] {o});
          if (rows.size() > maxRows) {
            throw new ExecutionCancelledException();
          }
          if ((rows.size() & 1023) == 0 && cancel.get()) {
            throw new ExecutionCancelledException();
          }
        }
      } finally {
        e.close();
      }
    } finally {
      timer.cancel(false);
    }
    if (cancel.get()) {
      throw new ExecutionCancelledException();
    }
    return new Run(rows, (System.nanoTime() - start) / 1e6, counters);
  }

  /** Rows, loops and nanoseconds (inputs included) of slot {@code slot} of an instrumented run. */
  public static long[] actual(Run run, int slot) {
    RowCounters c = run.counters();
    return c == null ? new long[] {-1, 0, 0}
        : new long[] {c.rows[slot], c.loops[slot], c.nanos[slot]};
  }
}
