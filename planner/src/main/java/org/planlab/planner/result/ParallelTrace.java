package org.planlab.planner.result;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.plan.Cost;

/**
 * What the parallel pass did to the optimizer's serial plan.
 *
 * @param degree the most processes a parallel fragment could use ({@code --dop})
 * @param wallMs wall time of the pass
 * @param cpuMs CPU time of the planning thread
 * @param serialCost the serial plan's cost
 * @param parallelCost the chosen plan's cost; equal to {@code serialCost} if it stayed serial
 * @param parallel true if the chosen plan has a parallel fragment
 * @param error why the pass failed and the serial plan was kept, or null
 */
public record ParallelTrace(int degree, double wallMs, double cpuMs, Cost serialCost,
    Cost parallelCost, boolean parallel, @Nullable String error) {

  /** Estimated speedup: serial cost over parallel cost, in the model's compared value. */
  public double speedup() {
    return parallelCost.value() == 0 ? 1 : serialCost.value() / parallelCost.value();
  }
}
