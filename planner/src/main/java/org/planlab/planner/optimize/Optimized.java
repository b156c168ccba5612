package org.planlab.planner.optimize;

import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.result.GateDecision;
import org.planlab.planner.result.PhaseTrace;

/**
 * An optimizer's answer: the best plan, the trace of each phase and the
 * gate's decision (null for configurations without a gate).
 */
public record Optimized(RelNode plan, List<PhaseTrace> phases, @Nullable GateDecision gate) {
  public Optimized {
    phases = List.copyOf(phases);
  }
}
