package org.planlab.planner.parallel;

import java.util.Set;

import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/**
 * A hash join whose hash table all processes build together and share
 * (PostgreSQL's Parallel Hash Join over a Parallel Hash): both inputs are
 * partial, each process inserts its share of the right input's rows, and
 * then probes the whole table with its share of the left rows. Its output
 * per process is the join of its left share with all right rows, so its
 * row count is the usual join estimate times the right input's divisor.
 *
 * <p>The other parallel hash join, with a hash table per process, is a plain
 * {@link EnumerableHashJoin} whose left input is partial and whose right is
 * not: each process builds the whole table itself.
 */
public final class ParallelHashJoin extends EnumerableHashJoin {

  ParallelHashJoin(EnumerableHashJoin join, RelNode left, RelNode right) {
    this(join.getTraitSet().replaceIf(RelCollationTraitDef.INSTANCE, () -> RelCollations.EMPTY),
        left, right, join.getCondition(), join.getVariablesSet(), join.getJoinType(), join);
  }

  private ParallelHashJoin(RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
      Set<CorrelationId> variables, JoinRelType type, RelNode origin) {
    super(origin.getCluster(), traits, left, right, condition, variables, type);
  }

  @Override
  public EnumerableHashJoin copy(RelTraitSet traitSet, RexNode condition, RelNode left,
      RelNode right, JoinRelType joinType, boolean semiJoinDone) {
    return new ParallelHashJoin(traitSet, left, right, condition, getVariablesSet(), joinType,
        this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("hash", "shared");
  }
}
