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
   * The cost of a semi join keeping the left rows that match the right side.
   * Unless a model prices it apart, a semi join costs what the inner join
   * with the same inputs and output costs.
   */
  default double semiJoinCost(double leftRows, double rightRows, double outputRows) {
    return joinCost(leftRows, rightRows, outputRows);
  }

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
   * implements its order in agreement. Like Calcite, it prices a semi join
   * at 1% of that.
   */
  JoinCostModel CALCITE_HASH_JOIN = new JoinCostModel() {
    @Override
    public double joinCost(double left, double right, double out) {
      return out + (left < Math.E ? left : left * Math.log(left)) + right;
    }

    @Override
    public double semiJoinCost(double left, double right, double out) {
      return 0.01 * joinCost(left, right, out);
    }

    @Override
    public String toString() {
      return "CALCITE_HASH_JOIN";
    }
  };
}
