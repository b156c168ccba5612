package org.planlab.planner.workload;

/** A query or suite named by the user does not exist. Its message is for the user. */
public class UnknownQueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownQueryException(String message) {
    super(message);
  }
}
