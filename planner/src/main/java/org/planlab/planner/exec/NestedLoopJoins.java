package org.planlab.planner.exec;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Works around a bug in Calcite's nested-loop join for RIGHT and FULL joins,
 * before code generation: the plan is unchanged, only what runs.
 *
 * <p>{@code EnumerableDefaults.nestedLoopJoin} keeps the right rows no left
 * row matched in an identity set. A right input of one column has no row
 * arrays, only its values, and equal values may be one object: every NULL
 * is, and so are small boxed integers. The set then holds them once, and a
 * RIGHT or FULL join returns one NULL-extended row where it should return
 * one per unmatched right row. {@code planlab fuzz} found it: a RIGHT JOIN on
 * {@code <} over a TPC-DS table whose join column is NULL in both rows
 * returned 1 row, not 2.
 *
 * <p>Such a join's right input gets a second column (a constant), so that
 * its rows are arrays, one object per row, and a projection above the join
 * drops the column again.
 */
final class NestedLoopJoins {
  private NestedLoopJoins() {
  }

  static EnumerableRel withDistinctRightRows(EnumerableRel rel) {
    return (EnumerableRel) PlanRewrites.bottomUp(rel, PlanRewrites.Order.KEPT,
        NestedLoopJoins::rewrite);
  }

  private static RelNode rewrite(RelNode out) {
    if (!(out instanceof EnumerableNestedLoopJoin join)
        || !(join.getJoinType() == JoinRelType.RIGHT || join.getJoinType() == JoinRelType.FULL)
        || join.getRight().getRowType().getFieldCount() != 1) {
      return out;
    }
    RexBuilder rex = join.getCluster().getRexBuilder();
    RelNode right = join.getRight();
    List<RexNode> both = List.of(RexInputRef.of(0, right.getRowType()), rex.makeLiteral(true));
    RelNode widened = calc(right, both, RexUtil.createStructType(rex.getTypeFactory(), both,
        List.of(right.getRowType().getFieldNames().get(0), "$planlab_row"), null));
    RelNode wide = join.copy(join.getTraitSet(), join.getCondition(), join.getLeft(), widened,
        join.getJoinType(), join.isSemiJoinDone());
    int fields = join.getRowType().getFieldCount();
    List<RexNode> keep = new ArrayList<>(fields);
    for (int i = 0; i < fields; i++) {
      keep.add(RexInputRef.of(i, wide.getRowType()));
    }
    return calc(wide, keep, join.getRowType());
  }

  private static RelNode calc(RelNode input, List<RexNode> exprs, RelDataType rowType) {
    return EnumerableCalc.create(input, RexProgram.create(input.getRowType(), exprs, null,
        rowType, input.getCluster().getRexBuilder()));
  }
}
