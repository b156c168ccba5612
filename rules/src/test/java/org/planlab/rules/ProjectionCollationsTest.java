package org.planlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelFieldCollation.Direction;
import org.apache.calcite.rel.RelFieldCollation.NullDirection;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMdCollation;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableIntList;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

/**
 * Projections claim only the orders their rows are in, and a sort moves
 * below a projection only where the order it gives is the same.
 */
class ProjectionCollationsTest {
  private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);
  private final RelOptCluster cluster = cluster(rex);
  private final RelDataType nullableBigint = types.createTypeWithNullability(
      types.createSqlType(SqlTypeName.BIGINT), true);

  private static RelOptCluster cluster(RexBuilder rex) {
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    return RelOptCluster.create(planner, rex);
  }

  /** Rows of two nullable BIGINT columns {@code a, b}, sorted by {@code keys}. */
  private RelNode sortedBy(RelFieldCollation... keys) {
    RexLiteral one = rex.makeExactLiteral(BigDecimal.ONE, nullableBigint);
    RelNode values = EnumerableValues.create(cluster,
        types.builder().add("a", nullableBigint).add("b", nullableBigint).build(),
        ImmutableList.of(ImmutableList.of(one, one)));
    return EnumerableSort.create(values, RelCollations.of(keys), null, null);
  }

  private RexNode castToDecimal(int field, RelNode input) {
    return rex.makeCast(types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.DECIMAL, 12, 1), true), RexInputRef.of(field, input.getRowType()),
        true, false);
  }

  private List<RelCollation> claims(RelNode input, RexNode... projects) {
    return ProjectionCollations.of(RelMetadataQuery.instance(), input, List.of(projects));
  }

  @Test
  void aCastOfTheSecondSortKeyIsNotSorted() {
    RelNode input = sortedBy(new RelFieldCollation(0), new RelFieldCollation(1));
    RexNode castB = castToDecimal(1, input);

    assertThat(RelMdCollation.project(RelMetadataQuery.instance(), input, List.of(castB)))
        .as("Calcite's claim").containsExactly(RelCollations.of(0));
    assertThat(claims(input, castB)).isEmpty();
  }

  @Test
  void aCastOfTheLeadingKeyIsSortedAndKeepsItsNullsPlace() {
    RelNode input = sortedBy(new RelFieldCollation(0, Direction.ASCENDING, NullDirection.FIRST),
        new RelFieldCollation(1));

    assertThat(claims(input, castToDecimal(0, input))).containsExactly(RelCollations.of(
        new RelFieldCollation(0, Direction.ASCENDING, NullDirection.FIRST)));
  }

  @Test
  void castsOfTwoSortKeysAreNotOneOrder() {
    // Only the first cast is sorted: where it rounds, its ties are not ordered by the second.
    RelNode input = sortedBy(new RelFieldCollation(0), new RelFieldCollation(1));
    List<RexNode> casts = List.of(castToDecimal(0, input), castToDecimal(1, input));

    assertThat(RelMdCollation.project(RelMetadataQuery.instance(), input, casts))
        .as("Calcite's claim").containsExactly(RelCollations.of(ImmutableIntList.of(0, 1)));
    assertThat(claims(input, casts.toArray(RexNode[]::new)))
        .containsExactly(RelCollations.of(0));
  }

  @Test
  void castsOfTwoSortedFieldsAreTwoOrders() {
    RelNode input = sortedBy(new RelFieldCollation(0));
    RexNode a = castToDecimal(0, input);

    assertThat(claims(input, a, a))
        .containsExactlyInAnyOrder(RelCollations.of(0), RelCollations.of(1));
  }

  @Test
  void fieldReferencesCarryEveryKeyOver() {
    RelNode input = sortedBy(new RelFieldCollation(0), new RelFieldCollation(1));
    RexNode a = RexInputRef.of(0, input.getRowType());
    RexNode b = RexInputRef.of(1, input.getRowType());

    assertThat(claims(input, b, a)).containsExactly(RelCollations.of(
        new RelFieldCollation(1), new RelFieldCollation(0)));
    assertThat(claims(input, b)).as("the leading key is not projected").isEmpty();
  }

  @Test
  void aSortStaysAboveACastThatRoundsBeforeTheLastKey() {
    FrameworkConfig config = Frameworks.newConfigBuilder()
        .defaultSchema(Frameworks.createRootSchema(true)).build();
    RelBuilder b = RelBuilder.create(config);
    RelNode rounded = b.values(new String[] {"x", "y"}, new BigDecimal("1.87"), 219,
            new BigDecimal("1.05"), 763)
        .project(b.cast(b.field(0), SqlTypeName.DECIMAL, 19, 0), b.field(1))
        .sortLimit(0, 1, b.field(0), b.field(1)).build();
    RelNode widened = b.values(new String[] {"x", "y"}, 1, 219, 2, 763)
        .project(b.cast(b.field(0), SqlTypeName.BIGINT), b.field(1))
        .sortLimit(0, 1, b.field(0), b.field(1)).build();

    assertThat(apply(CoreRules.SORT_PROJECT_TRANSPOSE, rounded)).as("Calcite's rule")
        .isInstanceOf(Project.class);
    assertThat(apply(OrderSafeProjectionRules.SORT_PROJECT_TRANSPOSE, rounded))
        .isInstanceOf(Sort.class);
    assertThat(apply(OrderSafeProjectionRules.SORT_PROJECT_TRANSPOSE, widened))
        .as("INTEGER to BIGINT keeps distinct values distinct").isInstanceOf(Project.class);
  }

  private static RelNode apply(RelOptRule rule, RelNode rel) {
    HepPlanner hep = new HepPlanner(HepProgram.builder().addRuleInstance(rule).build());
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  @Test
  void theRuleSetsUseTheseRules() {
    List<RelOptRule> rules = RuleCatalog.CALCITE_DEFAULT.rules();
    assertThat(rules).contains(OrderSafeProjectionRules.SORT_PROJECT_TRANSPOSE,
            OrderSafeProjectionRules.PROJECT, OrderSafeProjectionRules.CALC)
        .doesNotContain(CoreRules.SORT_PROJECT_TRANSPOSE);
    assertThat(RuleCatalog.ENUMERABLE.rules()).contains(OrderSafeProjectionRules.PROJECT,
        OrderSafeProjectionRules.CALC);
  }
}
