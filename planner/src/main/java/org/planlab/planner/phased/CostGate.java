package org.planlab.planner.phased;

import java.util.Locale;

import org.planlab.planner.plan.Cost;
import org.planlab.planner.result.GateDecision;

/**
 * Decides whether the expensive phase runs, from phase 1's plan.
 *
 * <p>{@link #cost(double)} compares phase 1's cost with a threshold in the
 * active cost model's units: the value the model compares ({@link Cost#value()}). {@link #joins(int)} is the rule of
 * thumb PostgreSQL's planner uses for GEQO: the number of joins. A threshold
 * of 0 always runs phase 2, {@code Double.POSITIVE_INFINITY} never.
 */
public record CostGate(Kind kind, double threshold) {

  /** What the gate measures. */
  public enum Kind { COST, JOINS }

  public CostGate {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("a gate threshold must be >= 0, got " + threshold);
    }
  }

  public static CostGate cost(double threshold) {
    return new CostGate(Kind.COST, threshold);
  }

  public static CostGate joins(int threshold) {
    return new CostGate(Kind.JOINS, threshold);
  }

  /** True if phase 2 runs for a measured {@code value}: 0 always, ∞ never, else value > threshold. */
  public boolean runs(double value) {
    return threshold == 0 || (!Double.isInfinite(threshold) && value > threshold);
  }

  /** The decision for a phase-1 plan with {@code cost} and {@code joins}. */
  public GateDecision decide(Cost cost, int joins) {
    double value = kind == Kind.COST ? cost.value() : joins;
    boolean run = runs(value);
    String rule = String.format(Locale.ROOT, "%s > %s", kind == Kind.COST ? "cost" : "joins",
        org.planlab.planner.plan.PlanText.number(threshold));
    return new GateDecision(rule, value, threshold, run);
  }
}
