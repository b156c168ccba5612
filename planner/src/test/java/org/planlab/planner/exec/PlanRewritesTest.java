package org.planlab.planner.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableIntList;
import org.junit.jupiter.api.Test;

/**
 * The executor's rewrites keep the order the operators they replace claimed:
 * a merge join above a rewritten operator can still be built over it.
 */
class PlanRewritesTest {
  private final ValuesFixture f = new ValuesFixture();
  private final RexBuilder rex = f.rex;

  /** One nullable BIGINT column, rows in this order (Values claims the sort it finds). */
  private RelNode values(Long... keys) {
    return f.values(1, keys);
  }

  /** {@code CAST(k AS BIGINT NOT NULL)}: a cast the executor makes NULL-safe. */
  private RelNode notNullCast(RelNode input) {
    RexNode cast = rex.makeCast(f.types.createSqlType(SqlTypeName.BIGINT),
        RexInputRef.of(0, input.getRowType()), false, false);
    return EnumerableCalc.create(input, RexProgram.create(input.getRowType(), List.of(cast),
        null, List.of("k"), rex));
  }

  @Test
  void aMergeJoinOverARewrittenCalcCompiles() {
    RelNode left = notNullCast(values(1L, 2L));
    RelNode right = values(1L, 3L);
    assertThat((Object) left.getTraitSet().getCollation()).isEqualTo(RelCollations.of(0));
    RelNode join = EnumerableMergeJoin.create(left, right,
        rex.makeCall(SqlStdOperatorTable.EQUALS, RexInputRef.of(0, left.getRowType()),
            new RexInputRef(1, right.getRowType().getFieldList().get(0).getType())),
        ImmutableIntList.of(0), ImmutableIntList.of(0), JoinRelType.INNER);

    RelNode rewritten = NotNullCasts.nullOnNull(join);

    assertThat(rewritten).isInstanceOf(EnumerableMergeJoin.class);
    RelNode calc = rewritten.getInput(0);
    assertThat(calc).as("the Calc with the cast was rebuilt").isNotSameAs(left);
    assertThat((Object) calc.getTraitSet().getCollation()).isEqualTo(RelCollations.of(0));
    assertThat(PlanExecutor.compile(join, false).instrumented()).isFalse();
    assertThat(PlanExecutor.compile(join, true).instrumented()).isTrue();
  }

  @Test
  void anOperatorInAnotherOrderIsSortedAsTheOriginalClaimed() {
    RelNode original = values(1L, 2L);
    RelNode reordered = values(2L, 1L);
    assertThat((Object) original.getTraitSet().getCollation()).isEqualTo(RelCollations.of(0));

    RelNode kept = PlanRewrites.withOrderOf(original, reordered, PlanRewrites.Order.CHANGED);

    assertThat(kept).isInstanceOf(EnumerableSort.class);
    assertThat((Object) ((EnumerableSort) kept).getCollation()).isEqualTo(RelCollations.of(0));
    assertThat(kept.getInput(0)).isSameAs(reordered);
  }

  @Test
  void anOperatorThatClaimsTheOrderAlreadyIsKept() {
    RelNode original = values(1L, 2L);
    RelNode same = values(1L, 5L);
    assertThat(PlanRewrites.withOrderOf(original, same, PlanRewrites.Order.CHANGED))
        .isSameAs(same);
    RelNode unsorted = values(3L, 1L);
    assertThat(unsorted.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE))
        .allMatch(c -> c.getFieldCollations().isEmpty() || !c.equals(RelCollations.of(0)));
    assertThat(PlanRewrites.withOrderOf(unsorted, original, PlanRewrites.Order.KEPT))
        .isSameAs(original);
    assertThat((Object) PlanRewrites.withOrderOf(original, unsorted,
        PlanRewrites.Order.KEPT).getTraitSet().getCollation()).isEqualTo(RelCollations.of(0));
  }

  @Test
  void anOperatorClaimingSeveralOrdersKeepsThemAll() {
    // Two equal columns, both sorted: Values claims [0, 1] and [1].
    RelNode original = twoEqualColumns(1, 2);
    RelNode out = twoEqualColumns(2, 1);
    List<RelCollation> claimed = original.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
    assertThat(claimed).hasSizeGreaterThanOrEqualTo(2).contains(RelCollations.of(1));

    RelNode kept = PlanRewrites.withOrderOf(original, out, PlanRewrites.Order.KEPT);

    assertThat(kept.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE))
        .containsExactlyElementsOf(claimed);
  }

  @Test
  void anOperatorInAnotherOrderThatNoOneSortGivesIsLeftUnrewritten() {
    RelNode original = twoEqualColumns(1, 2);
    RelNode reordered = twoEqualColumns(2, 1);
    List<RelCollation> claimed = original.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
    assertThat(claimed).contains(RelCollations.of(ImmutableIntList.of(0, 1)), RelCollations.of(1));

    assertThat(PlanRewrites.withOrderOf(original, reordered, PlanRewrites.Order.CHANGED))
        .as("sorting by [a, b] would lose [b], and by [b] would lose [a, b]").isNull();
    RelNode walked = PlanRewrites.bottomUp(original, PlanRewrites.Order.CHANGED,
        r -> r instanceof EnumerableValues ? reordered : r);
    assertThat(walked).isSameAs(original);
  }

  /** Two columns, equal in every row, rows in this order. */
  private RelNode twoEqualColumns(long... keys) {
    return f.values(2, java.util.Arrays.stream(keys).boxed().toArray(Long[]::new));
  }
}
