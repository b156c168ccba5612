package org.planlab.gui;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.plan.PlanDiff;
import org.planlab.planner.plan.PlanSnapshot;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;

/**
 * One query as the viewer compares it: the results it comes from (the same
 * one twice when two plans of one run are compared), the two plans shown,
 * and their diff.
 *
 * @param id the query's id
 * @param left the result of the left plan
 * @param right the result of the right plan, or null where there is none
 * @param leftPlan the plan shown on the left, or null
 * @param rightPlan the plan shown on the right, or null
 * @param diff the two plans' diff, where both exist
 */
public record QueryRow(String id, QueryResult left, @Nullable QueryResult right,
    @Nullable PlanSnapshot leftPlan, @Nullable PlanSnapshot rightPlan, @Nullable PlanDiff diff) {

  /** A row of two plans, diffed. */
  static QueryRow of(String id, QueryResult left, @Nullable QueryResult right,
      @Nullable PlanSnapshot leftPlan, @Nullable PlanSnapshot rightPlan) {
    return new QueryRow(id, left, right, leftPlan, rightPlan,
        leftPlan == null || rightPlan == null ? null : PlanDiff.of(leftPlan, rightPlan));
  }

  public String status() {
    return (right != null ? right : left).status().label();
  }

  public @Nullable Double leftCost() {
    return leftPlan == null ? null : leftPlan.root().cumulativeCost().value();
  }

  public @Nullable Double rightCost() {
    return rightPlan == null ? null : rightPlan.root().cumulativeCost().value();
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

  /** The executed plan's runtime (right side, else left), or null where none was executed. */
  public @Nullable Double runtimeMs() {
    QueryResult r = right != null && right.execution() != null ? right : left;
    return r.execution() == null ? null : r.execution().runtimeMs();
  }

  /** The executed plan's largest q-error, or null. */
  public @Nullable Double qErrorMax() {
    QueryResult r = right != null && right.execution() != null ? right : left;
    return r.execution() == null ? null : r.execution().qErrorMax();
  }

  public double optimizeMs() {
    QueryResult r = right != null ? right : left;
    return r.stages().optimize() == null ? 0 : r.stages().optimize().wallMs();
  }
}
