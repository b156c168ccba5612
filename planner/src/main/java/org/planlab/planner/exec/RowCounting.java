package org.planlab.planner.exec;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * Counts the rows its input returns into one slot of the execution's
 * {@link RowCounters}; {@link #instrument} puts one above every operator of
 * a plan, slot = the operator's id in the plan's snapshot (pre-order from 0
 * at the root), so actual rows line up with the result file's plan nodes.
 */
public final class RowCounting extends SingleRel implements EnumerableRel {
  private static final java.lang.reflect.Method COUNT = Types.lookupMethod(RowCounters.class,
      "count", Enumerable.class, DataContext.class, int.class);

  private final int slot;

  private RowCounting(RelNode input, int slot) {
    super(input.getCluster(), input.getTraitSet(), input);
    this.slot = slot;
  }

  /** The plan with a counter above each operator; {@code slots[0]} gets the number of them. */
  public static EnumerableRel instrument(RelNode plan, int[] slots) {
    return (EnumerableRel) wrap(plan, slots);
  }

  private static RelNode wrap(RelNode rel, int[] next) {
    int slot = next[0]++;
    List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
    for (RelNode input : rel.getInputs()) {
      inputs.add(wrap(input, next));
    }
    RelNode copy = inputs.isEmpty() ? rel : rel.copy(rel.getTraitSet(), inputs);
    return new RowCounting(copy, slot);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RowCounting(sole(inputs), slot);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("slot", slot);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result in = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    BlockBuilder b = new BlockBuilder();
    Expression input = b.append("counted" + slot, in.block);
    b.add(Expressions.return_(null,
        Expressions.call(COUNT, input, DataContext.ROOT, Expressions.constant(slot))));
    return implementor.result(in.physType, b.toBlock());
  }
}
