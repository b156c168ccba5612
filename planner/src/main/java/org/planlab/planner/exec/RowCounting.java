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
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Counts the rows its input returns into one slot of the execution's
 * {@link RowCounters}; {@link #instrument} puts one above every operator of
 * a plan, slot = the operator's id in the plan's snapshot (pre-order from 0
 * at the root), so actual rows line up with the result file's plan nodes.
 *
 * <p>Without a slot ({@link #cancellable}), it only checks the execution's
 * cancel flag every 1,024 rows, so that any operator's loop, such as a hash
 * join building its table, stops soon after the run's time limit. It then
 * goes above every operator but scans, Calcs, Projects and Filters, which
 * need none.
 */
public final class RowCounting extends SingleRel implements EnumerableRel {
  private static final java.lang.reflect.Method COUNT = Types.lookupMethod(RowCounters.class,
      "count", Enumerable.class, DataContext.class, int.class);

  private static final java.lang.reflect.Method CHECK = Types.lookupMethod(RowCounters.class,
      "cancellable", Enumerable.class, DataContext.class);

  /** The counters' slot; -1: checks the cancel flag only. */
  private final int slot;

  private RowCounting(RelNode input, int slot) {
    super(input.getCluster(), input.getTraitSet(), input);
    this.slot = slot;
  }

  /** The plan with a counter above each operator; {@code slots[0]} gets the number of them. */
  public static EnumerableRel instrument(RelNode plan, int[] slots) {
    return (EnumerableRel) wrap(plan, slots);
  }

  /** The plan with a cancel check above each operator, and no counters. */
  public static EnumerableRel cancellable(RelNode plan) {
    return (EnumerableRel) wrap(plan, null);
  }

  /** Wraps every operator; slots from {@code next[0]} on, or none (-1) if {@code next} is null. */
  private static RelNode wrap(RelNode rel, int @Nullable [] next) {
    int slot = next == null ? -1 : next[0]++;
    List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
    for (RelNode input : rel.getInputs()) {
      inputs.add(wrap(input, next));
    }
    RelNode copy = inputs.isEmpty() ? rel : rel.copy(rel.getTraitSet(), inputs);
    return next == null && checksItself(rel) ? copy : new RowCounting(copy, slot);
  }

  /**
   * Whether an operator needs no cancel check above it: a scan checks the
   * flag itself, and a Calc, Project or Filter spends its time on its
   * input's rows, which pass a check below it.
   */
  private static boolean checksItself(RelNode rel) {
    return rel instanceof TableScan || rel instanceof Calc || rel instanceof Project
        || rel instanceof Filter;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RowCounting(sole(inputs), slot);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return slot < 0 ? super.explainTerms(pw).item("cancel", true)
        : super.explainTerms(pw).item("slot", slot);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result in = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    BlockBuilder b = new BlockBuilder();
    Expression input = b.append(slot < 0 ? "checked" : "counted" + slot, in.block);
    b.add(Expressions.return_(null, slot < 0
        ? Expressions.call(CHECK, input, DataContext.ROOT)
        : Expressions.call(COUNT, input, DataContext.ROOT, Expressions.constant(slot))));
    return implementor.result(in.physType, b.toBlock());
  }
}
