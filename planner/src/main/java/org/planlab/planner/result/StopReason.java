package org.planlab.planner.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why optimization stopped. */
public enum StopReason {
  /** The search ran out of rules to apply. */
  COMPLETED("completed"),
  /** The time budget ran out and the planner was cancelled. */
  BUDGET("budget"),
  /** Optimization did not start or threw. */
  ERROR("error");

  private final String label;

  StopReason(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
