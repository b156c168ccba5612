package org.planlab.planner.result;

/**
 * The cost gate's decision for one query.
 *
 * @param rule what the gate compares, e.g. {@code cost > 1e6} or {@code joins >= 4}
 * @param value the measured value: phase 1's cost, or the join count
 * @param threshold the threshold it was compared with
 * @param ranPhase2 true if the expensive phase ran
 */
public record GateDecision(String rule, double value, double threshold, boolean ranPhase2) {
}
