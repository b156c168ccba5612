package org.planlab.planner.result;

import java.util.List;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.optimize.EffortCounter.Effort;
import org.planlab.planner.plan.Cost;
import org.planlab.planner.plan.PlanSnapshot;

/**
 * Everything recorded about planning one query.
 *
 * @param id the query's id
 * @param source where its text came from
 * @param sql the query text
 * @param status how planning ended
 * @param error why it failed, when it did
 * @param joins join operators in the final plan (in the logical plan if there is none)
 * @param stages time per stage
 * @param cost the final plan's cumulative cost, or null without a plan
 * @param effort the planner's search effort, or null if optimization did not run
 * @param stopReason why optimization stopped, or null if it did not run
 * @param plan the final plan, or null
 * @param phases what each optimizer phase did, in order (empty if optimization did not run)
 * @param gate the cost gate's decision, or null for configurations without one
 * @param parallel what the parallel pass did, or null if it did not run
 * @param phase1Plan phase 1's plan where the final plan is another, else null
 * @param serialPlan the best serial plan where the final plan is parallel, else null
 * @param execution what executing the final plan gave, or null if it was not executed
 */
public record QueryResult(String id, String source, String sql, QueryStatus status,
    @Nullable QueryError error, int joins, Stages stages, @Nullable Cost cost,
    @Nullable Effort effort, @Nullable StopReason stopReason, @Nullable PlanSnapshot plan,
    List<PhaseTrace> phases, @Nullable GateDecision gate, @Nullable ParallelTrace parallel,
    @Nullable PlanSnapshot phase1Plan, @Nullable PlanSnapshot serialPlan,
    @Nullable Execution execution) {

  public QueryResult {
    phases = phases == null ? List.of() : List.copyOf(phases);
  }

  /** A result that was not executed. */
  public QueryResult(String id, String source, String sql, QueryStatus status,
      @Nullable QueryError error, int joins, Stages stages, @Nullable Cost cost,
      @Nullable Effort effort, @Nullable StopReason stopReason, @Nullable PlanSnapshot plan,
      List<PhaseTrace> phases, @Nullable GateDecision gate, @Nullable ParallelTrace parallel,
      @Nullable PlanSnapshot phase1Plan, @Nullable PlanSnapshot serialPlan) {
    this(id, source, sql, status, error, joins, stages, cost, effort, stopReason, plan, phases,
        gate, parallel, phase1Plan, serialPlan, null);
  }

  /** This result with what executing its plan gave. */
  public QueryResult withExecution(@Nullable Execution e) {
    return new QueryResult(id, source, sql, status, error, joins, stages, cost, effort,
        stopReason, plan, phases, gate, parallel, phase1Plan, serialPlan, e);
  }


  /** A result without a parallel pass, and so without plans other than the final one. */
  public QueryResult(String id, String source, String sql, QueryStatus status,
      @Nullable QueryError error, int joins, Stages stages, @Nullable Cost cost,
      @Nullable Effort effort, @Nullable StopReason stopReason, @Nullable PlanSnapshot plan,
      List<PhaseTrace> phases, @Nullable GateDecision gate) {
    this(id, source, sql, status, error, joins, stages, cost, effort, stopReason, plan, phases,
        gate, null, null, null);
  }

  /** The serial plan's cost: before the parallel pass, or the final cost if it did not run. */
  public @Nullable Cost serialCost() {
    return parallel != null ? parallel.serialCost() : cost;
  }
}
