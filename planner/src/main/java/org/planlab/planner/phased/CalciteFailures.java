package org.planlab.planner.phased;

import org.apache.calcite.util.mapping.Mappings;

/**
 * The failures of Calcite's decorrelator and field trimmer that
 * {@code planlab fuzz} met on plans that are right without them. Each
 * rewrite only changes how a correct plan is written down, so where it
 * fails in one of these ways its caller keeps the plan as it was
 * ({@link Steps#decorrelate}, {@link Steps#trimFields}, the
 * {@code calcite-default} driver, and conversion's own trim). Anything else
 * is a planlab error and propagates.
 */
public final class CalciteFailures {
  private CalciteFailures() {
  }

  /**
   * Whether {@code e} is a known failure: an index out of range or a missing
   * mapping (the trimmer remapping a correlation against a trimmed row, the
   * decorrelator indexing a group set by its capacity), the decorrelator's
   * row-type check ({@link #isDecorrelatorTypeCheck}), or a set operation
   * whose inputs' fields the decorrelator put in different orders
   * ({@link #isSetOpRowTypeMismatch}).
   */
  public static boolean isKnownFailure(Throwable e) {
    return e instanceof IndexOutOfBoundsException || e instanceof Mappings.NoElementException
        || e instanceof AssertionError a && isDecorrelatorTypeCheck(a)
        || e instanceof IllegalArgumentException i && isSetOpRowTypeMismatch(i);
  }

  /**
   * True for a set operation whose inputs' row types do not match, as
   * Calcite's decorrelator leaves a UNION ALL of a grouped, EXISTS-correlated
   * branch and a {@code SELECT DISTINCT} of constants: it rebuilt the second
   * branch with its fields in another order ({@code planlab fuzz} met it).
   */
  static boolean isSetOpRowTypeMismatch(IllegalArgumentException e) {
    return e.getMessage() != null
        && e.getMessage().startsWith("Cannot compute compatible row type for arguments to set op");
  }

  /**
   * True for the check at the end of Calcite's decorrelator that the plan
   * keeps its row type. It fails where decorrelation changed a field's
   * nullability: {@code planlab fuzz} met it with an EXISTS correlated to a
   * grouped CASE ({@code CASE WHEN NOT (k IS NOT NULL) THEN k ELSE 0 END},
   * nullable before, NOT NULL after). The correlated plan is the same query.
   */
  static boolean isDecorrelatorTypeCheck(AssertionError e) {
    return e.getMessage() != null
        && e.getMessage().startsWith("Decorrelation produced a relation with a different type");
  }
}
