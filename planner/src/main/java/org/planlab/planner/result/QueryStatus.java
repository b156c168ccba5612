package org.planlab.planner.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** How planning one query ended. */
public enum QueryStatus {
  /** A physical plan was found and optimization ran to completion. */
  PLANNED("planned"),
  /** The budget ran out; the plan, if any, is the best found until then. */
  TIMED_OUT("timed-out"),
  /** The query could not be planned: bad SQL, or an error in the planner. */
  FAILED("failed");

  private final String label;

  QueryStatus(String label) {
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
