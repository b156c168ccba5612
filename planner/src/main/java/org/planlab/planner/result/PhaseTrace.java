package org.planlab.planner.result;

import java.util.List;
import java.util.Map;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.optimize.EffortCounter.Effort;
import org.planlab.planner.plan.Cost;

/**
 * What one optimizer phase did.
 *
 * @param name the phase's name, e.g. {@code cheap}
 * @param wallMs wall time
 * @param cpuMs CPU time of the planning thread
 * @param costBefore cost of the best plan before the phase, or null if there was none
 * @param costAfter cost of the phase's plan, or null if it found none
 * @param effort memo size and rule calls of the phase
 * @param rules rule calls by rule
 * @param stopReason why the phase stopped
 * @param kept true if the phase's plan became the best plan
 * @param steps the phase's steps in order
 * @param error what went wrong where the phase stopped with {@code error}, else null
 */
public record PhaseTrace(String name, double wallMs, double cpuMs, @Nullable Cost costBefore,
    @Nullable Cost costAfter, Effort effort, Map<String, RuleCount> rules, StopReason stopReason,
    boolean kept, List<StepTrace> steps, @Nullable String error) {

  /** This trace, marked as the phase whose plan was kept or not. */
  public PhaseTrace withKept(boolean isKept) {
    return new PhaseTrace(name, wallMs, cpuMs, costBefore, costAfter, effort, rules, stopReason,
        isKept, steps, error);
  }

  /** A phase that did not fail. */
  public PhaseTrace(String name, double wallMs, double cpuMs, @Nullable Cost costBefore,
      @Nullable Cost costAfter, Effort effort, Map<String, RuleCount> rules,
      StopReason stopReason, boolean kept, List<StepTrace> steps) {
    this(name, wallMs, cpuMs, costBefore, costAfter, effort, rules, stopReason, kept, steps,
        null);
  }

  public PhaseTrace {
    rules = rules == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.TreeMap<>(rules));
    steps = steps == null ? List.of() : List.copyOf(steps);
  }
}
