package org.planlab.planner.stats;

import java.math.BigDecimal;
import java.util.function.IntFunction;

import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;
import org.checkerframework.checker.nullness.qual.Nullable;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;

/**
 * Estimates the fraction of a table's rows that satisfy a predicate, from
 * per-column statistics, the way PostgreSQL's {@code clausesel.c} and
 * {@code selfuncs.c} do without histograms: equality is 1/ndv, ranges are
 * interpolated linearly over [min, max], conjuncts multiply (independence),
 * disjuncts combine by inclusion–exclusion, and what cannot be estimated
 * falls back to Calcite's guess for that term only.
 */
public final class PredicateSelectivity {
  /**
   * Selectivity of LIKE without a histogram: PostgreSQL's
   * {@code DEFAULT_MATCH_SEL} (selfuncs.h).
   */
  static final double DEFAULT_MATCH_SEL = 0.005;
  /**
   * Selectivity of a range over a column without a known range: PostgreSQL's
   * {@code DEFAULT_INEQ_SEL} (selfuncs.h).
   */
  static final double DEFAULT_INEQ_SEL = 1.0 / 3.0;

  private final IntFunction<@Nullable ColumnStatistics> columns;

  /** @param columns statistics of the input's column {@code i}, or null if unknown */
  public PredicateSelectivity(IntFunction<@Nullable ColumnStatistics> columns) {
    this.columns = columns;
  }

  /** Selectivity of {@code predicate} in [0, 1]; null means "no predicate", i.e. 1. */
  public double of(@Nullable RexNode predicate) {
    if (predicate == null) {
      return 1.0;
    }
    return clamp(estimate(predicate));
  }

  private double estimate(RexNode e) {
    if (e.isAlwaysTrue()) {
      return 1.0;
    }
    if (e.isAlwaysFalse()) {
      return 0.0;
    }
    if (!(e instanceof RexCall call)) {
      return RelMdUtil.guessSelectivity(e);
    }
    switch (call.getKind()) {
    case AND: {
      double s = 1.0;
      for (RexNode op : call.getOperands()) {
        s *= estimate(op);
      }
      return s;
    }
    case OR: {
      double none = 1.0;
      for (RexNode op : call.getOperands()) {
        none *= 1.0 - clamp(estimate(op));
      }
      return 1.0 - none;
    }
    case NOT:
      return 1.0 - clamp(estimate(call.getOperands().get(0)));
    case IS_NULL: {
      ColumnStatistics c = column(call.getOperands().get(0));
      return c == null ? RelMdUtil.guessSelectivity(e) : c.nullFraction();
    }
    case IS_NOT_NULL: {
      ColumnStatistics c = column(call.getOperands().get(0));
      return c == null ? RelMdUtil.guessSelectivity(e) : 1.0 - c.nullFraction();
    }
    case EQUALS:
    case NOT_EQUALS:
    case LESS_THAN:
    case LESS_THAN_OR_EQUAL:
    case GREATER_THAN:
    case GREATER_THAN_OR_EQUAL:
      return comparison(call);
    case SEARCH:
      return search(call);
    case LIKE: {
      // Calcite's LIKE call is negated by a NOT around it, so this is the positive form.
      return column(call.getOperands().get(0)) == null ? RelMdUtil.guessSelectivity(e)
          : DEFAULT_MATCH_SEL;
    }
    default:
      return RelMdUtil.guessSelectivity(e);
    }
  }

  private double comparison(RexCall call) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    ColumnStatistics lc = column(left);
    ColumnStatistics rc = column(right);
    if (lc != null && rc != null) {
      // Two columns of one input: equality as in a self join, others guessed.
      if (kind == SqlKind.EQUALS) {
        return (1 - lc.nullFraction()) * (1 - rc.nullFraction())
            / Math.max(lc.distinctCount(), rc.distinctCount());
      }
      return RelMdUtil.guessSelectivity(call);
    }
    if (lc == null && rc != null && literal(left) != null) {
      return comparison(kind.reverse(), rc, literal(left));
    }
    RexLiteral lit = literal(right);
    if (lc != null && lit != null) {
      return comparison(kind, lc, lit);
    }
    return RelMdUtil.guessSelectivity(call);
  }

  private static double comparison(SqlKind kind, ColumnStatistics c, RexLiteral literal) {
    double notNull = 1 - c.nullFraction();
    if (literal.isNull()) {
      return 0.0; // a comparison with NULL is never true
    }
    switch (kind) {
    case EQUALS:
      return notNull / c.distinctCount();
    case NOT_EQUALS:
      return notNull * (1 - 1 / c.distinctCount());
    default:
      break;
    }
    Double v = axis(literal);
    if (v == null || !c.hasRange()) {
      return notNull * DEFAULT_INEQ_SEL;
    }
    double below = fractionBelow(c, v);
    double s = switch (kind) {
      case LESS_THAN, LESS_THAN_OR_EQUAL -> below;
      case GREATER_THAN, GREATER_THAN_OR_EQUAL -> 1 - below;
      default -> DEFAULT_INEQ_SEL;
    };
    return notNull * s;
  }

  /** Fraction of the non-null values of {@code c} that are below {@code v}. */
  private static double fractionBelow(ColumnStatistics c, double v) {
    double min = c.min();
    double max = c.max();
    if (max <= min) {
      return v > min ? 1.0 : 0.0;
    }
    return clamp((v - min) / (max - min));
  }

  private double search(RexCall call) {
    ColumnStatistics c = column(call.getOperands().get(0));
    RexLiteral lit = literal(call.getOperands().get(1));
    if (c == null || lit == null) {
      return RelMdUtil.guessSelectivity(call);
    }
    Sarg<?> sarg = lit.getValueAs(Sarg.class);
    if (sarg == null) {
      return RelMdUtil.guessSelectivity(call);
    }
    double notNull = 1 - c.nullFraction();
    double nulls = switch (sarg.nullAs) {
      case TRUE -> c.nullFraction();
      default -> 0.0;
    };
    if (sarg.isComplementedPoints()) {
      // NOT IN (...) or <>: everything but a few points.
      int points = sarg.negate().pointCount;
      return nulls + notNull * Math.max(0, 1 - points / c.distinctCount());
    }
    double s = 0;
    for (Range<?> r : sarg.rangeSet.asRanges()) {
      s += rangeFraction(c, r);
    }
    return nulls + notNull * clamp(s);
  }

  private static double rangeFraction(ColumnStatistics c, Range<?> r) {
    boolean point = r.hasLowerBound() && r.hasUpperBound()
        && r.lowerBoundType() == BoundType.CLOSED && r.upperBoundType() == BoundType.CLOSED
        && r.lowerEndpoint().equals(r.upperEndpoint());
    if (point) {
      return 1 / c.distinctCount();
    }
    Double lo = r.hasLowerBound() ? axis(r.lowerEndpoint()) : null;
    Double hi = r.hasUpperBound() ? axis(r.upperEndpoint()) : null;
    if (!c.hasRange() || (r.hasLowerBound() && lo == null)
        || (r.hasUpperBound() && hi == null)) {
      return r.hasLowerBound() && r.hasUpperBound()
          ? DEFAULT_INEQ_SEL * DEFAULT_INEQ_SEL : DEFAULT_INEQ_SEL;
    }
    double from = lo == null ? 0 : fractionBelow(c, lo);
    double to = hi == null ? 1 : fractionBelow(c, hi);
    double f = Math.max(0, to - from);
    boolean overlaps = (lo == null || lo <= c.max()) && (hi == null || hi >= c.min());
    // A non-empty range over the column's domain holds at least one value.
    return overlaps ? Math.max(f, 1 / c.distinctCount()) : 0.0;
  }

  private @Nullable ColumnStatistics column(RexNode e) {
    RexNode stripped = RexUtil.removeCast(e);
    return stripped instanceof RexInputRef ref ? columns.apply(ref.getIndex()) : null;
  }

  private static @Nullable RexLiteral literal(RexNode e) {
    RexNode stripped = RexUtil.removeCast(e);
    return stripped instanceof RexLiteral lit ? lit : null;
  }

  /** A literal on the numeric axis of {@link ColumnStatistics}, or null. */
  static @Nullable Double axis(RexLiteral literal) {
    switch (literal.getTypeName().getFamily() == null ? SqlTypeFamily.ANY
        : literal.getTypeName().getFamily()) {
    case NUMERIC:
      return axis(literal.getValueAs(BigDecimal.class));
    case DATE:
      return axis(literal.getValueAs(DateString.class));
    case TIME:
      return axis(literal.getValueAs(TimeString.class));
    case TIMESTAMP:
      return axis(literal.getValueAs(TimestampString.class));
    default:
      return null;
    }
  }

  /**
   * A value on the numeric axis that {@link ColumnStatistics} min and max use,
   * or null for values without one (strings).
   */
  static @Nullable Double axis(@Nullable Object value) {
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof DateString d) {
      return (double) d.getDaysSinceEpoch();
    }
    if (value instanceof TimestampString t) {
      return (double) t.getMillisSinceEpoch();
    }
    if (value instanceof TimeString t) {
      return (double) t.getMillisOfDay();
    }
    if (value instanceof java.util.Calendar cal) {
      return (double) cal.getTimeInMillis();
    }
    return null;
  }

  private static double clamp(double s) {
    return Double.isNaN(s) ? 1.0 : Math.max(0.0, Math.min(1.0, s));
  }
}
