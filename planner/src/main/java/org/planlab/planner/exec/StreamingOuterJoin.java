package org.planlab.planner.exec;

import java.util.List;
import java.util.Set;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.ConstantExpression;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.MethodCallExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.BuiltInMethod;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An {@link EnumerableNestedLoopJoin} whose RIGHT or FULL join runs
 * {@link OuterJoinEnumerables#join} instead of Calcite's
 * {@code nestedLoopJoin}. Its code is Calcite's, with that one call
 * replaced (same inputs, predicate and row selector), so the join's plan,
 * predicate and rows stay Calcite's; only how they are produced changes.
 */
final class StreamingOuterJoin extends EnumerableNestedLoopJoin {
  private static final java.lang.reflect.Method JOIN = Types.lookupMethod(
      OuterJoinEnumerables.class, "join", Enumerable.class, Enumerable.class, Predicate2.class,
      Function2.class, JoinType.class, DataContext.class);

  StreamingOuterJoin(EnumerableNestedLoopJoin join) {
    this(join.getTraitSet(), join.getLeft(), join.getRight(), join.getCondition(),
        join.getVariablesSet(), join.getJoinType());
  }

  private StreamingOuterJoin(RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
      Set<CorrelationId> variables, JoinRelType type) {
    super(left.getCluster(), traits, left, right, condition, variables, type);
    if (type != JoinRelType.RIGHT && type != JoinRelType.FULL) {
      throw new IllegalArgumentException("not a RIGHT or FULL join: " + type);
    }
  }

  @Override
  public EnumerableNestedLoopJoin copy(RelTraitSet traits, RexNode condition, RelNode left,
      RelNode right, JoinRelType type, boolean semiJoinDone) {
    return type == JoinRelType.RIGHT || type == JoinRelType.FULL
        ? new StreamingOuterJoin(traits, left, right, condition, getVariablesSet(), type)
        : super.copy(traits, condition, left, right, type, semiJoinDone);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result calcite = super.implement(implementor, pref);
    Replacing replacing = new Replacing();
    BlockStatement block = (BlockStatement) calcite.block.accept(replacing);
    if (replacing.replaced != 1) {
      // Calcite's code no longer has the call this class replaces: fail rather than run it.
      throw new IllegalStateException("expected one RIGHT or FULL nestedLoopJoin call in "
          + "Calcite's code for " + getJoinType() + " join, found " + replacing.replaced);
    }
    return implementor.result(calcite.physType, block);
  }

  /** Replaces Calcite's RIGHT or FULL {@code nestedLoopJoin} calls, counting them. */
  private static final class Replacing extends Shuttle {
    int replaced;

    @Override
    public Expression visit(MethodCallExpression call, @Nullable Expression target,
        List<Expression> args) {
      if (call.method.equals(BuiltInMethod.NESTED_LOOP_JOIN.method) && args.size() == 5
          && args.get(4) instanceof ConstantExpression c
          && (c.value == JoinType.RIGHT || c.value == JoinType.FULL)) {
        replaced++;
        return Expressions.call(JOIN, args.get(0), args.get(1), args.get(2), args.get(3),
            args.get(4), DataContext.ROOT);
      }
      return super.visit(call, target, args);
    }
  }
}
