package org.planlab.planner.phased;

import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.planlab.planner.optimize.OptimizeControl;

/**
 * What a {@link Step} works with: the query's main planner (the one its
 * cluster was built on), the traits the final plan must have, and the
 * query's control (cancel flag, effort counter).
 */
public record StepContext(RelOptPlanner planner, RelTraitSet desiredTraits,
    OptimizeControl control) {
}
