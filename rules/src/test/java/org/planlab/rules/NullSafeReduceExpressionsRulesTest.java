package org.planlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

/**
 * A reduced filter keeps the rows with a NULL field that the original kept:
 * {@code CASE WHEN COALESCE(x, 2451067) = 2450816 THEN COALESCE(x, 2451067) + 1
 * ELSE 0 END = 0} is true for {@code x} NULL.
 */
class NullSafeReduceExpressionsRulesTest {
  private final RelBuilder b = RelBuilder.create(Frameworks.newConfigBuilder()
      .defaultSchema(Frameworks.createRootSchema(true)).build());

  /** The filter over rows {@code x = NULL} and {@code x = 5}, COALESCE as SQL-to-rel writes it. */
  private RelNode filter() {
    RexBuilder rex = b.getRexBuilder();
    RelDataTypeFactory types = rex.getTypeFactory();
    RelDataType nullableInt = types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.INTEGER), true);
    b.values(types.builder().add("x", nullableInt).build(), null, 5);
    RexNode x = b.field(0);
    RexNode coalesce = rex.makeCall(SqlStdOperatorTable.CASE,
        rex.makeCall(SqlStdOperatorTable.IS_NOT_NULL, x),
        rex.makeCast(types.createSqlType(SqlTypeName.INTEGER), x, true, false),
        b.literal(2451067));
    RexNode p = b.equals(rex.makeCall(SqlStdOperatorTable.CASE,
        b.equals(coalesce, b.literal(2450816)),
        rex.makeCall(SqlStdOperatorTable.PLUS, coalesce, b.literal(1)), b.literal(0)),
        b.literal(0));
    return b.filter(p).build();
  }

  private static RelNode apply(RelOptRule rule, RelNode rel) {
    HepPlanner hep = new HepPlanner(HepProgram.builder().addRuleInstance(rule).build());
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  @Test
  void calcitesReductionRejectsTheNullRowAndThisOneDoesNot() {
    Filter original = (Filter) filter();

    Filter calcites = (Filter) apply(CoreRules.FILTER_REDUCE_EXPRESSIONS, original);
    assertThat(calcites.getCondition().toString()).as("Calcite's reduction")
        .contains("<>(CAST($0):INTEGER NOT NULL, 2450816)");
    assertThat(NullSafeReduceExpressionsRules.keepsNullRows(original.getCondition(),
        calcites.getCondition(), original.getInput().getRowType(), b.getRexBuilder())).isFalse();
    assertThat(NullSafeReduceExpressionsRules.truthWithNull(original.getCondition(), 0,
        original.getInput().getRowType().getFieldList().get(0).getType(), b.getRexBuilder()))
        .isEqualTo(NullSafeReduceExpressionsRules.Truth.TRUE);

    RelNode ours = apply(NullSafeReduceExpressionsRules.FILTER, original);
    assertThat(((Filter) ours).getCondition()).isEqualTo(original.getCondition());
  }

  /**
   * {@code z IS NOT NULL OR CASE WHEN COALESCE(x, -1) NOT BETWEEN -1 AND 2
   * THEN CASE WHEN y IS NULL THEN COALESCE(x, -1) ELSE -1 END ELSE 0 END <> -1}
   * (the NOT of a ternary-logic partition {@code planlab fuzz} made) is true
   * for {@code x} NULL. Calcite reduces it to comparisons of
   * {@code CAST(x AS INTEGER NOT NULL)}, unknown for {@code x} NULL, and a
   * RIGHT join below became inner. Folded with {@code x} NULL, its
   * {@code SEARCH(-1, Sarg[...])} must fold too, or the check cannot tell.
   */
  @Test
  void aSearchOverANullFieldsCoalesceIsFoldedAndTheReductionRefused() {
    RexBuilder rex = b.getRexBuilder();
    RelDataTypeFactory types = rex.getTypeFactory();
    RelDataType nullableInt = types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.INTEGER), true);
    b.values(types.builder().add("x", nullableInt).add("y", nullableInt).add("z", nullableInt)
        .build(), null, 1, null, 5, null, 7);
    RexNode x = b.field(0);
    RexNode coalesce = rex.makeCall(SqlStdOperatorTable.CASE,
        rex.makeCall(SqlStdOperatorTable.IS_NOT_NULL, x),
        rex.makeCast(types.createSqlType(SqlTypeName.INTEGER), x, true, false),
        b.literal(-1));
    RexNode outside = rex.makeCall(SqlStdOperatorTable.NOT,
        rex.makeBetween(coalesce, b.literal(-1), b.literal(2)));
    RexNode inner = rex.makeCall(SqlStdOperatorTable.CASE,
        rex.makeCall(SqlStdOperatorTable.IS_NULL, b.field(1)), coalesce, b.literal(-1));
    RexNode condition = rex.makeCall(SqlStdOperatorTable.OR,
        rex.makeCall(SqlStdOperatorTable.IS_NOT_NULL, b.field(2)),
        rex.makeCall(SqlStdOperatorTable.NOT_EQUALS,
            rex.makeCall(SqlStdOperatorTable.CASE, outside, inner, b.literal(0)),
            b.literal(-1)));
    Filter original = (Filter) LogicalFilter.create(b.build(), condition);
    RelDataType rowType = original.getInput().getRowType();
    assertThat(condition.toString()).contains("SEARCH(CASE(IS NOT NULL($0)");

    assertThat(NullSafeReduceExpressionsRules.truthWithNull(condition, 0, nullableInt, rex))
        .isEqualTo(NullSafeReduceExpressionsRules.Truth.TRUE);
    Filter calcites = (Filter) apply(CoreRules.FILTER_REDUCE_EXPRESSIONS, original);
    assertThat(calcites.getCondition().toString()).as("Calcite's reduction")
        .contains("CAST($0):INTEGER NOT NULL, Sarg[[-1..2]]")
        .doesNotContain("IS NOT NULL($0)");
    assertThat(NullSafeReduceExpressionsRules.keepsNullRows(condition, calcites.getCondition(),
        rowType, rex)).isFalse();
    RelNode ours = apply(NullSafeReduceExpressionsRules.FILTER, original);
    assertThat(((Filter) ours).getCondition()).isEqualTo(condition);
  }

  @Test
  void aReductionThatKeepsNullRowsStillApplies() {
    RelNode filter = b.values(new String[] {"x"}, 1, 5)
        .filter(b.and(b.greaterThan(b.field(0), b.literal(2)), b.literal(true))).build();
    b.values(new String[] {"x"}, 1, 5);
    RelNode plain = b.filter(b.greaterThan(b.field(0), b.literal(2))).build();

    RelNode ours = apply(NullSafeReduceExpressionsRules.FILTER, filter);

    assertThat(RelOptUtilString.of(ours)).isEqualTo(RelOptUtilString.of(plain));
  }

  @Test
  void theRuleSetsUseThisRule() {
    assertThat(RuleCatalog.NORMALIZE.rules()).contains(NullSafeReduceExpressionsRules.FILTER,
        NullSafeReduceExpressionsRules.JOIN).doesNotContain(CoreRules.FILTER_REDUCE_EXPRESSIONS);
    assertThat(RuleCatalog.CALCITE_DEFAULT.rules())
        .contains(NullSafeReduceExpressionsRules.FILTER)
        .doesNotContain(CoreRules.FILTER_REDUCE_EXPRESSIONS, CoreRules.JOIN_REDUCE_EXPRESSIONS);
  }

  /**
   * Where the guard lets a reduction through, the rule makes what Calcite's
   * makes: it does the transform itself, from the one reduction its check
   * made, rather than calling Calcite's, which would reduce again. The
   * conditions are made with RexBuilder, which does not simplify them.
   */
  @Test
  void whereTheReductionIsSafeTheResultIsCalcites() {
    RexBuilder rex = b.getRexBuilder();
    RelDataTypeFactory types = rex.getTypeFactory();
    RelDataType integer = types.createSqlType(SqlTypeName.INTEGER);
    RelDataType row = types.builder().add("x", integer)
        .add("y", types.createTypeWithNullability(integer, true)).build();
    RexNode x = rex.makeInputRef(integer, 0);
    RexNode y = rex.makeInputRef(row.getFieldList().get(1).getType(), 1);
    RexNode two = rex.makeExactLiteral(BigDecimal.valueOf(2));
    RexNode xAboveTwo = rex.makeCall(SqlStdOperatorTable.GREATER_THAN, x, two);
    RexNode yAboveTwo = rex.makeCall(SqlStdOperatorTable.GREATER_THAN, y, two);
    List<RexNode> conditions = List.of(
        rex.makeCall(SqlStdOperatorTable.AND, xAboveTwo, rex.makeLiteral(true)),
        rex.makeCall(SqlStdOperatorTable.OR, xAboveTwo, rex.makeLiteral(true)),
        rex.makeCall(SqlStdOperatorTable.AND, xAboveTwo, rex.makeLiteral(false)),
        rex.makeCall(SqlStdOperatorTable.IS_NOT_NULL, x),
        rex.makeCall(SqlStdOperatorTable.NOT, rex.makeCall(SqlStdOperatorTable.IS_NULL, x)),
        rex.makeCall(SqlStdOperatorTable.IS_NULL, x),
        rex.makeCall(SqlStdOperatorTable.IS_NULL, y),
        rex.makeCall(SqlStdOperatorTable.AND, yAboveTwo, yAboveTwo),
        rex.makeCall(SqlStdOperatorTable.EQUALS, x, x),
        yAboveTwo);
    int rewritten = 0;
    for (RexNode condition : conditions) {
      RelNode filter = LogicalFilter.create(values(row), condition);
      String calcites = RelOptUtilString.of(apply(CoreRules.FILTER_REDUCE_EXPRESSIONS, filter));
      assertThat(RelOptUtilString.of(apply(NullSafeReduceExpressionsRules.FILTER, filter)))
          .as("filter %s", condition).isEqualTo(calcites);
      rewritten += calcites.equals(RelOptUtilString.of(filter)) ? 0 : 1;

      RelNode join = LogicalJoin.create(values(row), values(row), List.of(), condition,
          Set.of(), JoinRelType.LEFT);
      assertThat(RelOptUtilString.of(apply(NullSafeReduceExpressionsRules.JOIN, join)))
          .as("join on %s", condition)
          .isEqualTo(RelOptUtilString.of(apply(CoreRules.JOIN_REDUCE_EXPRESSIONS, join)));
    }
    assertThat(rewritten).as("conditions Calcite's rule rewrote").isGreaterThanOrEqualTo(6);
  }

  /** Rows {@code (1, NULL)} and {@code (5, 7)} of type {@code row}. */
  private RelNode values(RelDataType row) {
    return b.values(row, 1, null, 5, 7).build();
  }

  /** A plan's text. */
  private static final class RelOptUtilString {
    static String of(RelNode rel) {
      return org.apache.calcite.plan.RelOptUtil.toString(rel);
    }
  }
}
