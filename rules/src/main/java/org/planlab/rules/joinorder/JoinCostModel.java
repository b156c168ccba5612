package org.planlab.rules.joinorder;

/**
 * The cost of one join given the rows of its inputs and of its output; a
 * join order's cost is the sum over its joins. Scans cost the same in every
 * order and are left out.
 */
@FunctionalInterface
public interface JoinCostModel {

  double joinCost(double leftRows, double rightRows, double outputRows);

  /**
   * C_out: the sum of intermediate result sizes, the classic cost function of
   * join-ordering research (Cluet and Moerkotte, 1995). Indifferent to
   * which side is which.
   */
  JoinCostModel C_OUT = (left, right, out) -> out;

  /**
   * Calcite's {@code EnumerableHashJoin.computeSelfCost}: output rows, plus
   * n·log n of the left (build) side, plus the right (probe) side. Planning
   * join orders with it keeps the enumerator and the Volcano planner that
   * implements its order in agreement.
   */
  JoinCostModel CALCITE_HASH_JOIN = (left, right, out) ->
      out + (left <= 1 ? left : left * Math.log(left)) + right;
}
