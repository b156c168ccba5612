package org.planlab.planner.result;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Why a query failed, for the user.
 *
 * @param stage the stage that failed: parse, validate, convert or optimize
 * @param message one line, without position
 * @param line 1-based line in the query text, or 0 if unknown
 * @param column 1-based column in the query text, or 0 if unknown
 */
public record QueryError(String stage, String message, int line, int column) {

  /** {@code source:line:column: message}, or without the position if unknown. */
  public String describe(@Nullable String source) {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source);
      if (line > 0) {
        sb.append(':').append(line).append(':').append(column);
      }
      sb.append(": ");
    } else if (line > 0) {
      sb.append("line ").append(line).append(", column ").append(column).append(": ");
    }
    return sb.append(stage).append(" error: ").append(message).toString();
  }
}
