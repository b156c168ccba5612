package org.planlab.planner.session;

import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.result.QueryResult;

/**
 * A planned query: the serializable result, and the Calcite plans it was
 * taken from for callers that go on working with them (execution, tests):
 * the final plan, and phase 1's and the serial plan where they are other
 * plans (as in the result's {@code phase1Plan} and {@code serialPlan}).
 */
public record PlannedQuery(QueryResult result, @Nullable RelNode logical,
    @Nullable RelNode plan, @Nullable RelNode phase1Plan, @Nullable RelNode serialPlan) {

  public PlannedQuery(QueryResult result, @Nullable RelNode logical, @Nullable RelNode plan) {
    this(result, logical, plan, null, null);
  }

  /** The same plans with another result. */
  public PlannedQuery withResult(QueryResult r) {
    return new PlannedQuery(r, logical, plan, phase1Plan, serialPlan);
  }
}
