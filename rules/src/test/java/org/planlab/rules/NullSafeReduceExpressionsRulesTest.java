package org.planlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
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

  /** A plan's text. */
  private static final class RelOptUtilString {
    static String of(RelNode rel) {
      return org.apache.calcite.plan.RelOptUtil.toString(rel);
    }
  }
}
