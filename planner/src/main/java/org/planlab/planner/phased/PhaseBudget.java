package org.planlab.planner.phased;

import java.time.Duration;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How much effort a phase may spend: wall time, rule calls, or both. A
 * phase that runs out keeps its best plan so far and records {@code budget}
 * as its stop reason.
 *
 * @param time wall time, or null for no limit
 * @param ruleCalls rule calls, or 0 for no limit
 */
public record PhaseBudget(@Nullable Duration time, long ruleCalls) {
  public static final PhaseBudget UNLIMITED = new PhaseBudget(null, 0);

  public PhaseBudget {
    if (time != null && (time.isNegative() || time.isZero())) {
      throw new IllegalArgumentException("a phase's time budget must be positive, got " + time);
    }
    if (ruleCalls < 0) {
      throw new IllegalArgumentException("a phase's rule-call budget must be >= 0, got "
          + ruleCalls);
    }
  }
}
