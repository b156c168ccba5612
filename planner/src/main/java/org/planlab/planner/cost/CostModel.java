package org.planlab.planner.cost;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.planlab.planner.parallel.ParallelCosts;

/**
 * How planlab prices plans: the cost objects the planners compare, the
 * metadata that computes each operator's own cost, and the constants both
 * use. Chosen by name ({@code --cost-model}); the gate threshold and every
 * report are in the active model's {@link #unit()}.
 *
 * <p>A model is a {@link RelOptCostFactory} (what the Volcano planner
 * compares) plus a metadata provider whose {@code NonCumulativeCost} handler
 * prices each operator. {@link OperatorCostModel} does the plumbing for models
 * that give a formula per operator; a new model extends it and is listed in
 * {@code META-INF/services/org.planlab.planner.cost.CostModel}.
 *
 * <p>The planning session puts the model into each planner's context, so
 * {@link #of(RelOptPlanner)} finds it wherever a planner is at hand.
 */
public interface CostModel {

  /** The name used by {@code --cost-model} and in result files, e.g. {@code pg}. */
  String name();

  /** One line for {@code planlab list}. */
  String description();

  /** The unit of the compared cost, e.g. {@code rows processed}. */
  String unit();

  /** The model's constants with their current values. */
  CostConstants constants();

  /**
   * The same model with some constants changed.
   *
   * @throws IllegalArgumentException for an unknown constant or a bad value
   */
  CostModel withConstants(java.util.Map<String, Double> overrides);

  /** What the planners compare. */
  RelOptCostFactory costFactory();

  /** Metadata to plan with: the model's operator costs in front of planlab's statistics. */
  RelMetadataProvider metadataProvider();

  /**
   * The cost gate's default threshold in this model's units: what a plan
   * processing about 100,000 rows costs (see the README's sweep).
   */
  double defaultGateThreshold();

  /** Parallel setup and transfer costs in this model's units. */
  ParallelCosts parallelCosts();

  /**
   * What the join enumerators of phase 1 and 2 price a join order with, in
   * this model's terms; null leaves them Calcite's hash-join cost. The
   * session puts it into the planner's context.
   */
  default org.planlab.rules.joinorder.@org.checkerframework.checker.nullness.qual.Nullable
      JoinCostModel joinCostModel() {
    return null;
  }

  /** A cost of this model whose compared value is {@code value}, for {@code rows} output rows. */
  RelOptCost cost(double rows, double value);

  /** The value this model compares: {@link ModelCost#total()}, or the rows of Calcite's cost. */
  static double valueOf(RelOptCost cost) {
    return cost instanceof ModelCost m ? m.total() : cost.getRows();
  }

  /** The model the planner was built with, or Calcite's if none was given. */
  static CostModel of(RelOptPlanner planner) {
    CostModel m = planner.getContext().unwrap(CostModel.class);
    return m != null ? m : CalciteCostModel.DEFAULT;
  }
}
