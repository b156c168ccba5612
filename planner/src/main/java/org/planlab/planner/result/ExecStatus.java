package org.planlab.planner.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** How executing one query's plan ended. */
public enum ExecStatus {
  /** It ran, and every answer check that applies passed. */
  OK("ok"),
  /** It ran, and some answer check failed: a wrong answer. */
  WRONG("wrong"),
  /**
   * The query's own arithmetic failed on this data (a division by zero), as
   * SQL requires it to: its answer is that error, and the other plans
   * checked raised it too. Not a failure of the plan.
   */
  SQL_ERROR("sql-error"),
  /** It ran past its time and was stopped. */
  TIMED_OUT("timed-out"),
  /** It could not be compiled or it threw. */
  FAILED("failed");

  private final String label;

  ExecStatus(String label) {
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
