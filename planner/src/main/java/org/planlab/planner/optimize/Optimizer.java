package org.planlab.planner.optimize;

import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;

/**
 * An optimizer configuration: how a logical plan becomes a physical one.
 *
 * <p>The planning session first asks for a planner (the relational
 * expressions of one query all live in a cluster tied to it), converts SQL to
 * a logical plan in that cluster, then asks for the optimized plan. The
 * session owns budgets and measurement: it passes a {@link Context} holding
 * Calcite's {@code CancelFlag}, which the planner must honour.
 */
public interface Optimizer {

  /** Name used on the command line and in result files, e.g. {@code calcite-default}. */
  String name();

  /** One line for {@code planlab list}. */
  String description();

  /**
   * The cost model this configuration asks for (a configuration file may
   * name one, with its constants), or null to leave it to the caller.
   */
  default org.planlab.planner.cost.@org.checkerframework.checker.nullness.qual.Nullable
      CostModel costModel() {
    return null;
  }

  /** A fresh planner for one query, built with {@code context}. */
  RelOptPlanner newPlanner(Context context);

  /**
   * The best physical plan for {@code logical} with {@code desiredTraits},
   * with a trace of how it was found. Called once per planner. When the
   * cancel flag is raised it returns the best plan found so far, or throws
   * if there is none yet.
   */
  Optimized optimize(RelOptPlanner planner, RelNode logical, RelTraitSet desiredTraits,
      OptimizeControl control);
}
