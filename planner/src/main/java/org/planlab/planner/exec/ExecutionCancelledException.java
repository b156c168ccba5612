package org.planlab.planner.exec;

/** Thrown inside an executing plan once its time is up. */
public final class ExecutionCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExecutionCancelledException() {
    super("execution cancelled", null, false, false);
  }
}
