package org.planlab.planner.parallel;

import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Exchange;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableIntList;
import org.planlab.planner.cost.CostModel;

/**
 * A repartition between parallel operators: each process sends each of its
 * rows to the process that owns the row's hash of {@code keys}, so that all
 * rows with equal keys meet in one process, and an aggregate above can
 * finish its groups there without a Gather in between. PostgreSQL has no
 * such operator; its cost uses PostgreSQL's constants
 * ({@link ParallelCosting#exchange}).
 */
public final class HashExchange extends Exchange implements EnumerableRel {

  HashExchange(RelNode input, ImmutableIntList keys) {
    this(input.getTraitSet().replaceIf(RelCollationTraitDef.INSTANCE, () -> RelCollations.EMPTY),
        input, RelDistributions.hash(keys));
  }

  private HashExchange(RelTraitSet traits, RelNode input, RelDistribution distribution) {
    super(input.getCluster(), traits, input, distribution);
  }

  @Override
  public Exchange copy(RelTraitSet traitSet, RelNode newInput, RelDistribution distribution) {
    return new HashExchange(traitSet, newInput, distribution);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    CostModel model = CostModel.of(planner);
    double rows = mq.getRowCount(this);
    return model.cost(rows, ParallelCosting.exchange(model.parallelCosts(), rows));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
  }
}
