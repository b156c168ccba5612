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
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Exchange;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.planlab.planner.cost.CostModel;

/**
 * Where a parallel fragment ends: the leader starts {@code workers} workers
 * that each run the input on their share of the rows, takes a share itself,
 * and passes on every row in whatever order it comes (PostgreSQL's Gather).
 * Its rows are all the input's rows; its own cost is the setup plus a
 * transfer per row ({@link ParallelCosting#gather}).
 *
 * <p>Executed by Calcite's Enumerable engine, it runs its input once in
 * one thread, which returns the same rows: a parallel plan can be checked
 * against its serial one.
 */
public final class Gather extends Exchange implements EnumerableRel {
  private final int workers;

  Gather(RelNode input, int workers) {
    super(input.getCluster(), input.getTraitSet()
            .replaceIf(RelCollationTraitDef.INSTANCE, () -> RelCollations.EMPTY),
        input, RelDistributions.SINGLETON);
    this.workers = workers;
  }

  private Gather(RelTraitSet traits, RelNode input, int workers) {
    super(input.getCluster(), traits, input, RelDistributions.SINGLETON);
    this.workers = workers;
  }

  /** The workers started, not counting the leader. */
  public int workers() {
    return workers;
  }

  @Override
  public Exchange copy(RelTraitSet traitSet, RelNode newInput, RelDistribution distribution) {
    return new Gather(traitSet, newInput, workers);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return pw.input("input", getInput()).item("workers", workers);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    CostModel model = CostModel.of(planner);
    double rows = mq.getRowCount(this);
    return model.cost(rows, ParallelCosting.gather(model.parallelCosts(), rows));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
  }
}
