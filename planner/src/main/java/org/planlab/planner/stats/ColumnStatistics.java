package org.planlab.planner.stats;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the planner knows about one column: how many distinct values it holds,
 * its range, and how many of its values are NULL.
 *
 * <p>{@code min} and {@code max} are on a numeric axis: numbers as they are,
 * DATE as days since 1970-01-01, TIME as milliseconds of the day, TIMESTAMP as
 * milliseconds since the epoch. They are {@code null} for columns whose
 * values have no useful order (text), where range predicates fall back to
 * default selectivities.
 *
 * @param distinctCount number of distinct non-null values (≥ 1)
 * @param min smallest value on the numeric axis, or null if unknown
 * @param max largest value on the numeric axis, or null if unknown
 * @param nullFraction fraction of rows whose value is NULL, in [0, 1]
 */
public record ColumnStatistics(double distinctCount, @Nullable Double min, @Nullable Double max,
    double nullFraction) {

  public ColumnStatistics {
    if (!(distinctCount >= 1)) {
      throw new IllegalArgumentException("distinctCount must be >= 1, got " + distinctCount);
    }
    if (!(nullFraction >= 0 && nullFraction <= 1)) {
      throw new IllegalArgumentException("nullFraction must be in [0, 1], got " + nullFraction);
    }
    if ((min == null) != (max == null)) {
      throw new IllegalArgumentException("min and max are given together or not at all");
    }
    if (min != null && min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
  }

  /** A column with {@code distinctCount} values spread over [min, max] and no NULLs. */
  public static ColumnStatistics ranged(double distinctCount, double min, double max) {
    return new ColumnStatistics(distinctCount, min, max, 0);
  }

  /** A column with {@code distinctCount} values, no useful order and no NULLs. */
  public static ColumnStatistics unordered(double distinctCount) {
    return new ColumnStatistics(distinctCount, null, null, 0);
  }

  /** The same column with {@code fraction} of its rows NULL. */
  public ColumnStatistics withNullFraction(double fraction) {
    return new ColumnStatistics(distinctCount, min, max, fraction);
  }

  /** True if range predicates can be estimated by interpolating over [min, max]. */
  public boolean hasRange() {
    return min != null;
  }

  /** The same column in a table scaled so it holds at most {@code rows} distinct values. */
  public ColumnStatistics cappedAt(double rows) {
    return distinctCount <= rows ? this
        : new ColumnStatistics(Math.max(1, rows), min, max, nullFraction);
  }
}
