package org.planlab.planner.parallel;

import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.SortExchange;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.planlab.planner.cost.CostModel;

/**
 * An order-preserving {@link Gather}: each process sorts its share, and the
 * leader merges the sorted streams through a binary heap (PostgreSQL's
 * Gather Merge, {@link ParallelCosting#gatherMerge}).
 */
public final class GatherMerge extends SortExchange implements EnumerableRel {
  private final int workers;

  GatherMerge(RelNode sortedInput, RelCollation collation, int workers) {
    this(sortedInput.getTraitSet(), sortedInput, collation, workers);
  }

  private GatherMerge(RelTraitSet traits, RelNode input, RelCollation collation, int workers) {
    super(input.getCluster(), traits, input, RelDistributions.SINGLETON, collation);
    this.workers = workers;
  }

  public int workers() {
    return workers;
  }

  @Override
  public SortExchange copy(RelTraitSet traitSet, RelNode newInput,
      RelDistribution newDistribution, RelCollation newCollation) {
    return new GatherMerge(traitSet, newInput, newCollation, workers);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return pw.input("input", getInput()).item("collation", getCollation())
        .item("workers", workers);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    CostModel model = CostModel.of(planner);
    double rows = mq.getRowCount(this);
    return model.cost(rows, ParallelCosting.gatherMerge(model.parallelCosts(), rows, workers));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
  }
}
