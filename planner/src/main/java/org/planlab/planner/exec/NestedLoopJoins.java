package org.planlab.planner.exec;

import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * Runs RIGHT and FULL nested-loop joins with {@link StreamingOuterJoin},
 * before code generation: the plan is unchanged, only what runs. Calcite's
 * {@code EnumerableDefaults.nestedLoopJoin} has two flaws for these join
 * types, both found by {@code planlab fuzz}:
 * <ul>
 *   <li>It keeps the right rows no left row matched in an identity set. A
 *       right input of one column has no row arrays, only its values, and
 *       equal values may be one object: every NULL is, and so are small
 *       boxed integers. A RIGHT JOIN on {@code <} over a TPC-DS table whose
 *       join column is NULL in both rows returned 1 row, not 2.</li>
 *   <li>It builds the whole result in a list before it returns a row, with
 *       no cancel check in its loops: a RIGHT theta join estimated at 1.7e7
 *       rows filled an 8 GB heap within the run's 1 s limit.</li>
 * </ul>
 * {@link OuterJoinEnumerables} streams the same rows in the same order, so
 * every operator keeps the order it claimed.
 */
final class NestedLoopJoins {
  private NestedLoopJoins() {
  }

  static EnumerableRel streaming(EnumerableRel rel) {
    return (EnumerableRel) PlanRewrites.bottomUp(rel, PlanRewrites.Order.KEPT,
        NestedLoopJoins::rewrite);
  }

  private static RelNode rewrite(RelNode out) {
    if (out instanceof EnumerableNestedLoopJoin join && !(out instanceof StreamingOuterJoin)
        && (join.getJoinType() == JoinRelType.RIGHT || join.getJoinType() == JoinRelType.FULL)) {
      return new StreamingOuterJoin(join);
    }
    return out;
  }
}
