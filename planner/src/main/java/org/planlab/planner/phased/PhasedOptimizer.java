package org.planlab.planner.phased;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.optimize.OptimizeControl;
import org.planlab.planner.optimize.Optimized;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.plan.Cost;
import org.planlab.planner.plan.JoinCount;
import org.planlab.planner.result.GateDecision;
import org.planlab.planner.result.PhaseTrace;

/**
 * An optimizer made of phases: phase 1, then, if a {@link CostGate} says
 * so, the later phases. The final plan is the cheapest plan any phase
 * produced, so it is never costlier than phase 1's.
 */
public final class PhasedOptimizer implements Optimizer {
  private final String name;
  private final String description;
  private final Function<Context, RelOptPlanner> plannerFactory;
  private final List<Phase> phases;
  private final @Nullable CostGate gate;
  private final @Nullable CostModel costModel;

  /**
   * @param plannerFactory builds the query's main (Volcano) planner
   * @param phases phase 1 first
   * @param gate decides whether the phases after the first run; null runs them all
   */
  public PhasedOptimizer(String name, String description,
      Function<Context, RelOptPlanner> plannerFactory, List<Phase> phases,
      @Nullable CostGate gate) {
    this(name, description, plannerFactory, phases, gate, null);
  }

  private PhasedOptimizer(String name, String description,
      Function<Context, RelOptPlanner> plannerFactory, List<Phase> phases,
      @Nullable CostGate gate, @Nullable CostModel costModel) {
    if (phases.isEmpty()) {
      throw new IllegalArgumentException(name + ": no phases");
    }
    this.name = name;
    this.description = description;
    this.plannerFactory = plannerFactory;
    this.phases = List.copyOf(phases);
    this.gate = gate;
    this.costModel = costModel;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  public List<Phase> phases() {
    return phases;
  }

  public @Nullable CostGate gate() {
    return gate;
  }

  /** The same phases under another gate, e.g. for a threshold sweep. */
  public PhasedOptimizer withGate(String newName, @Nullable CostGate newGate) {
    return new PhasedOptimizer(newName, description, plannerFactory, phases, newGate, costModel);
  }

  /** The same configuration, asking to be priced with {@code model}. */
  public PhasedOptimizer withCostModel(@Nullable CostModel model) {
    return new PhasedOptimizer(name, description, plannerFactory, phases, gate, model);
  }

  @Override
  public @Nullable CostModel costModel() {
    return costModel;
  }

  @Override
  public RelOptPlanner newPlanner(Context context) {
    return plannerFactory.apply(context);
  }

  @Override
  public Optimized optimize(RelOptPlanner planner, RelNode logical, RelTraitSet desiredTraits,
      OptimizeControl control) {
    StepContext ctx = new StepContext(planner, desiredTraits, control);
    control.provenance().start(logical);
    Map<String, RelNode> outputs = new HashMap<>();
    List<PhaseTrace> traces = new ArrayList<>();
    RelNode best = null;
    RelNode first = null;
    Cost bestCost = null;
    int bestIndex = -1;
    GateDecision decision = null;
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      if (i == 1 && gate != null) {
        decision = best == null ? null
            : gate.decide(bestCost, JoinCount.inPlan(best));
        if (decision != null && !decision.ranPhase2()) {
          break;
        }
      }
      if (phase.ifMultiInputSemiJoinsAfter() != null) {
        RelNode after = outputs.get(phase.ifMultiInputSemiJoinsAfter());
        if (after == null || !PlanShape.hasMultiInputSemiJoin(after)) {
          continue;
        }
      }
      RelNode input = logical;
      if (phase.startAfter() != null) {
        input = outputs.get(phase.startAfter());
        if (input == null) {
          input = logical; // the step was skipped: start over
        }
      }
      PhaseRunner.Outcome outcome = PhaseRunner.run(phase, input, ctx, outputs, bestCost);
      PhaseTrace trace = outcome.trace();
      if (outcome.failure() != null && best == null) {
        // Nothing to fall back on: the query fails with what went wrong.
        throw outcome.failure();
      }
      if (outcome.plan() != null) {
        if (i == 0) {
          first = outcome.plan();
        }
        Cost cost = trace.costAfter();
        if (best == null || cheaper(outcome.plan(), best)) {
          best = outcome.plan();
          bestCost = cost;
          bestIndex = traces.size();
        }
      }
      traces.add(trace);
    }
    if (best == null) {
      throw new RelOptPlanner.CannotPlanException(name + ": no phase produced a plan");
    }
    List<PhaseTrace> marked = new ArrayList<>(traces.size());
    for (int i = 0; i < traces.size(); i++) {
      marked.add(traces.get(i).withKept(i == bestIndex));
    }
    return new Optimized(best, marked, decision, first);
  }

  /** True if {@code a} costs strictly less than {@code b} under the planner's cost model. */
  private static boolean cheaper(RelNode a, RelNode b) {
    var mq = a.getCluster().getMetadataQuery();
    var ca = mq.getCumulativeCost(a);
    var cb = mq.getCumulativeCost(b);
    return ca != null && cb != null && ca.isLt(cb);
  }
}
