package org.planlab.planner.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PredicateSelectivityTest {
  private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl();
  private static final RexBuilder REX = new RexBuilder(TYPES);

  // Column 0: INTEGER with 100 values in [1, 100]; 1: DATE over 1000 days
  // from 1995-01-01; 2: VARCHAR with 4 values, a fifth of them NULL.
  private static final List<ColumnStatistics> COLUMNS = List.of(
      ColumnStatistics.ranged(100, 1, 100),
      ColumnStatistics.ranged(1000, day("1995-01-01"), day("1995-01-01") + 999),
      new ColumnStatistics(4, null, null, 0.2));
  private static final PredicateSelectivity SELECTIVITY =
      new PredicateSelectivity(COLUMNS::get);

  private static double day(String iso) {
    return new DateString(iso).getDaysSinceEpoch();
  }

  private static RexNode col(int i) {
    RelDataType t = switch (i) {
      case 0 -> TYPES.createSqlType(SqlTypeName.INTEGER);
      case 1 -> TYPES.createSqlType(SqlTypeName.DATE);
      default -> TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.VARCHAR, 10),
          true);
    };
    return REX.makeInputRef(t, i);
  }

  private static RexNode num(int v) {
    return REX.makeExactLiteral(BigDecimal.valueOf(v), TYPES.createSqlType(SqlTypeName.INTEGER));
  }

  private static RexNode date(String iso) {
    return REX.makeDateLiteral(new DateString(iso));
  }

  private static RexNode call(org.apache.calcite.sql.SqlOperator op, RexNode... operands) {
    return REX.makeCall(op, operands);
  }

  private static double of(RexNode e) {
    return SELECTIVITY.of(e);
  }

  @Test
  void equalityIsOneOverDistinctCountOfNonNullRows() {
    assertThat(of(call(SqlStdOperatorTable.EQUALS, col(0), num(7)))).isCloseTo(0.01, within(1e-12));
    assertThat(of(call(SqlStdOperatorTable.EQUALS, col(2), REX.makeLiteral("a"))))
        .isCloseTo(0.8 / 4, within(1e-12));
    assertThat(of(call(SqlStdOperatorTable.NOT_EQUALS, col(0), num(7))))
        .isCloseTo(0.99, within(1e-12));
  }

  @Test
  void rangesInterpolateBetweenMinAndMax() {
    // (25.75 - 1) / (100 - 1) = 0.25
    assertThat(of(call(SqlStdOperatorTable.LESS_THAN, col(0),
        REX.makeExactLiteral(new BigDecimal("25.75"))))).isCloseTo(0.25, within(1e-12));
    assertThat(of(call(SqlStdOperatorTable.GREATER_THAN, col(0), num(1))))
        .isCloseTo(1.0, within(1e-12));
    // A literal on the left is a comparison the other way round.
    assertThat(of(call(SqlStdOperatorTable.GREATER_THAN, REX.makeExactLiteral(
        new BigDecimal("25.75")), col(0)))).isCloseTo(0.25, within(1e-12));
    assertThat(of(call(SqlStdOperatorTable.LESS_THAN, col(0), num(-5)))).isZero();
  }

  @Test
  void dateRangesUseDays() {
    RexNode year = REX.makeBetween(col(1), date("1995-01-01"), date("1995-12-31"));
    assertThat(of(year)).isCloseTo(364.0 / 999, within(1e-9));
  }

  @Test
  void inListsCountOneDistinctValueEach() {
    RexNode in = REX.makeIn(col(0), List.of(num(1), num(2), num(3)));
    assertThat(of(in)).isCloseTo(0.03, within(1e-12));
    RexNode notIn = REX.makeCall(SqlStdOperatorTable.NOT, in);
    assertThat(of(notIn)).isCloseTo(0.97, within(1e-12));
  }

  @Test
  void nullTestsUseTheNullFraction() {
    assertThat(of(call(SqlStdOperatorTable.IS_NULL, col(2)))).isCloseTo(0.2, within(1e-12));
    assertThat(of(call(SqlStdOperatorTable.IS_NOT_NULL, col(2)))).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void conjunctsMultiplyAndDisjunctsCombineByInclusionExclusion() {
    RexNode a = call(SqlStdOperatorTable.EQUALS, col(0), num(7));
    RexNode b = call(SqlStdOperatorTable.IS_NULL, col(2));
    assertThat(of(REX.makeCall(SqlStdOperatorTable.AND, a, b))).isCloseTo(0.002, within(1e-12));
    assertThat(of(REX.makeCall(SqlStdOperatorTable.OR, a, b)))
        .isCloseTo(0.01 + 0.2 - 0.002, within(1e-12));
    assertThat(of(REX.makeCall(SqlStdOperatorTable.NOT, b))).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void likeUsesPostgresDefaultMatchSelectivity() {
    RexNode like = call(SqlStdOperatorTable.LIKE, col(2), REX.makeLiteral("%x%"));
    assertThat(of(like)).isEqualTo(PredicateSelectivity.DEFAULT_MATCH_SEL);
  }

  @Test
  void noPredicateKeepsEveryRow() {
    assertThat(SELECTIVITY.of(null)).isEqualTo(1.0);
    assertThat(of(REX.makeLiteral(false))).isZero();
  }

  @Property(tries = 200)
  void rangeSelectivityIsAFractionAndGrowsWithTheBound(@ForAll @IntRange(min = -50, max = 150) int a,
      @ForAll @IntRange(min = -50, max = 150) int b) {
    double sa = of(call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, col(0), num(a)));
    double sb = of(call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, col(0), num(b)));
    assertThat(sa).isBetween(0.0, 1.0);
    if (a <= b) {
      assertThat(sa).isLessThanOrEqualTo(sb);
    }
    double between = of(REX.makeBetween(col(0), num(Math.min(a, b)), num(Math.max(a, b))));
    assertThat(between).isBetween(0.0, 1.0);
  }
}
