package org.planlab.testkit;

/**
 * How strictly a plan is compared with its expected shape.
 *
 * @param ignoreEstimates compare operators and details only, not the
 *     estimated rows and costs after them
 * @param tolerance with estimates compared, the relative difference allowed
 *     between an expected and an actual number (0: the same text)
 */
public record MatchOptions(boolean ignoreEstimates, double tolerance) {

  /** Operators, details, rows and costs, as written. */
  public static final MatchOptions EXACT = new MatchOptions(false, 0);

  /** Operators and details only. */
  public static final MatchOptions IGNORE_ESTIMATES = new MatchOptions(true, 0);

  public MatchOptions {
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
    }
  }

  /** Estimates compared number by number, within {@code relative} of each other. */
  public static MatchOptions withinTolerance(double relative) {
    return new MatchOptions(false, relative);
  }
}
