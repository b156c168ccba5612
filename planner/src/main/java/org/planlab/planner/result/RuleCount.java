package org.planlab.planner.result;

/**
 * Calls of one rule.
 *
 * @param attempted matches fired
 * @param succeeded calls that produced a new expression
 */
public record RuleCount(long attempted, long succeeded) {
}
