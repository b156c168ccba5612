package org.planlab.planner.result;

/** A result file that cannot be read; the message names the file and position. */
public class ResultFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResultFileException(String message, Throwable cause) {
    super(message, cause);
  }

  public ResultFileException(String message) {
    super(message);
  }
}
