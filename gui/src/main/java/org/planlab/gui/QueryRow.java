package org.planlab.gui;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.plan.PlanDiff;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;

/**
 * One query of the open results: its result in the left file and, where a
 * second file is open, in the right one, with the diff of their plans.
 */
public record QueryRow(String id, QueryResult left, @Nullable QueryResult right,
    @Nullable PlanDiff diff) {

  public String status() {
    return (right != null ? right : left).status().label();
  }

  public @Nullable Double leftCost() {
    return left.cost() == null ? null : left.cost().value();
  }

  public @Nullable Double rightCost() {
    return right == null || right.cost() == null ? null : right.cost().value();
  }

  /** Right cost over left cost, where both exist. */
  public @Nullable Double costRatio() {
    Double l = leftCost();
    Double r = rightCost();
    return l == null || r == null || l == 0 ? null : r / l;
  }

  /** True if the two plans differ in any operator. */
  public boolean planDiffers() {
    return diff != null && !diff.identical();
  }

  /** True if phase 2 ran for this query on either side. */
  public boolean phase2Ran() {
    return ran(left) || (right != null && ran(right));
  }

  private static boolean ran(QueryResult r) {
    return r.gate() != null && r.gate().ranPhase2();
  }

  /** True if planning ran out of its budget on either side. */
  public boolean timedOut() {
    return left.status() == QueryStatus.TIMED_OUT
        || (right != null && right.status() == QueryStatus.TIMED_OUT);
  }

  public double optimizeMs() {
    QueryResult r = right != null ? right : left;
    return r.stages().optimize() == null ? 0 : r.stages().optimize().wallMs();
  }
}
