package org.planlab.planner.optimize;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the planning session hands an {@link Optimizer} for one query: the
 * cancel flag its planners must be built with (through the {@link
 * org.apache.calcite.plan.Context} of {@code newPlanner}), the query's
 * overall budget, and the effort counter to add to every planner.
 *
 * <p>An optimizer may stop its planner earlier for a budget of its own (a
 * phase's time or rule calls) by raising the same flag, then
 * {@link #resume()} for the next phase. The query's budget wins: once it has
 * run out, {@link #resume()} leaves the flag raised.
 */
public final class OptimizeControl {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "planlab-budget-timer");
        t.setDaemon(true);
        return t;
      });

  private final AtomicBoolean cancel = new AtomicBoolean();
  private final AtomicBoolean expired = new AtomicBoolean();
  private final EffortCounter effort = new EffortCounter();
  private final Provenance provenance = new Provenance();

  /** The flag a planner's {@code CancelFlag} must wrap. */
  public AtomicBoolean cancelFlag() {
    return cancel;
  }

  public EffortCounter effort() {
    return effort;
  }

  /** What made each operator; add it to every planner, as the effort counter. */
  public Provenance provenance() {
    return provenance;
  }

  /** Starts the query's budget; the returned timer must be cancelled when planning ends. */
  public ScheduledFuture<?> startQueryBudget(Duration budget) {
    return TIMER.schedule(() -> {
      // expired first: resume() relies on this order.
      expired.set(true);
      cancel.set(true);
    }, budget.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** True once the query's budget has run out. */
  public boolean expired() {
    return expired.get();
  }

  /** True if the planner has been asked to stop, for any reason. */
  public boolean cancelled() {
    return cancel.get();
  }

  /** Raises the flag after {@code budget}; cancel the returned timer when the phase ends. */
  public ScheduledFuture<?> stopAfter(Duration budget) {
    return TIMER.schedule(() -> cancel.set(true), budget.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Lowers the flag for the next phase, unless the query's budget has run out. */
  public void resume() {
    cancel.set(false);
    if (expired.get()) {
      cancel.set(true);
    }
  }
}
