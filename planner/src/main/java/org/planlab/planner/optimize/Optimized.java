package org.planlab.planner.optimize;

import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.result.GateDecision;
import org.planlab.planner.result.PhaseTrace;

/**
 * An optimizer's answer: the best plan, the trace of each phase, the gate's
 * decision (null for configurations without a gate), and phase 1's plan
 * (null where the configuration has no phases).
 */
public record Optimized(RelNode plan, List<PhaseTrace> phases, @Nullable GateDecision gate,
    @Nullable RelNode phase1Plan) {
  public Optimized {
    phases = List.copyOf(phases);
  }

  public Optimized(RelNode plan, List<PhaseTrace> phases, @Nullable GateDecision gate) {
    this(plan, phases, gate, null);
  }
}
