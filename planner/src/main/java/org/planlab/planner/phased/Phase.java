package org.planlab.planner.phased;

import java.util.List;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A named, ordered list of steps with an effort budget: the unit the phased
 * optimizer runs, traces and gates.
 *
 * @param name stable name, e.g. {@code cheap}
 * @param steps the steps, in order; the last must produce a physical plan
 * @param budget how much effort the phase may spend
 * @param startAfter the name of an earlier phase's step whose output this
 *     phase starts from, or null to start from the logical plan
 * @param ifMultiInputSemiJoinsAfter the name of an earlier phase's step: run
 *     this phase only if that step's output has a semi join whose right side
 *     joins several inputs; null to run it always (if the gate lets phases
 *     after the first run)
 */
public record Phase(String name, List<Step> steps, PhaseBudget budget,
    @Nullable String startAfter, @Nullable String ifMultiInputSemiJoinsAfter) {

  public Phase(String name, List<Step> steps, PhaseBudget budget, @Nullable String startAfter) {
    this(name, steps, budget, startAfter, null);
  }

  public Phase {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("phase " + name + " has no steps");
    }
  }
}
