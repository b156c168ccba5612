package org.planlab.planner.parallel;

import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.InvalidRelException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One half of a two-stage aggregation (PostgreSQL's Partial and Finalize
 * Aggregate). As {@link Stage#PARTIAL} each process aggregates its share of
 * the rows into partial groups; as {@link Stage#FINAL}, above a Gather, the
 * leader combines the partial groups: SUMs and COUNTs are summed, MINs and
 * MAXs taken again. Both are ordinary Enumerable aggregates, named for what
 * they do in the plan.
 */
public final class PartialAggregate extends EnumerableAggregate {

  /** Which half. */
  public enum Stage { PARTIAL, FINAL }

  private final Stage stage;

  PartialAggregate(RelNode input, Stage stage, ImmutableBitSet groupSet,
      List<AggregateCall> calls) throws InvalidRelException {
    this(input.getCluster().traitSetOf(
        org.apache.calcite.adapter.enumerable.EnumerableConvention.INSTANCE), input, stage,
        groupSet, calls);
  }

  private PartialAggregate(RelTraitSet traits, RelNode input, Stage stage,
      ImmutableBitSet groupSet, List<AggregateCall> calls) throws InvalidRelException {
    super(input.getCluster(), traits, input, groupSet, null, calls);
    this.stage = stage;
  }

  public Stage stage() {
    return stage;
  }

  @Override
  public String getRelTypeName() {
    return stage == Stage.PARTIAL ? "PartialAggregate" : "FinalizeAggregate";
  }

  @Override
  public EnumerableAggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
      @Nullable List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
    try {
      return new PartialAggregate(traitSet, input, stage, groupSet, aggCalls);
    } catch (InvalidRelException e) {
      throw new AssertionError(e);
    }
  }
}
