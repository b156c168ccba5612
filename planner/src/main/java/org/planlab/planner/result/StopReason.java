package org.planlab.planner.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why optimization stopped. */
public enum StopReason {
  /** The search ran out of rules to apply. */
  COMPLETED("completed"),
  /** The budget (time or rule calls) ran out and the planner was stopped. */
  BUDGET("budget"),
  /** The query's overall budget ran out, so this phase stopped or never started. */
  CANCELLED("cancelled"),
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
