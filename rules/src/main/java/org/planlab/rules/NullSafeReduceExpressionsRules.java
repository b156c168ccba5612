package org.planlab.rules;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.logical.LogicalAsofJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.ReduceExpressionsRule;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's rules that reduce a Filter's or a Join's condition, except where
 * the reduced condition rejects rows whose field is NULL that the original
 * may keep.
 *
 * <p>Calcite's simplifier rewrites {@code COALESCE(x, 2451067)} (a
 * {@code CASE} with {@code CAST(x AS INTEGER NOT NULL)} in its first branch)
 * compared with a constant it differs from into a comparison of
 * {@code CAST(x AS INTEGER NOT NULL)} alone. That is right where the
 * comparison must be true, but the simplifier also negates it, in
 * {@code CASE WHEN COALESCE(x, k) = c THEN ... ELSE 0 END = 0}, where
 * {@code x} NULL made the original true and makes the reduced one unknown.
 * A filter above a RIGHT join then looked NULL-rejecting, the join became
 * an inner join, and its NULL-extended rows were lost ({@code planlab fuzz}
 * found it by ternary logic partitioning: a TPC-DS query returned 73,049
 * rows, and its partition by that predicate none).
 *
 * <p>The check, for each nullable field with that field NULL: where the
 * original condition is true, the reduced one must be true, and where the
 * reduced one is never true, the original must be never true
 * ({@link #truthWithNull}: folded with a NULL in its place, or
 * {@link Strong}). Where not, the condition stays as it was, which is the
 * same query.
 */
public final class NullSafeReduceExpressionsRules {
  private NullSafeReduceExpressionsRules() {
  }

  /** Calcite's Filter-condition reduction, where it keeps the rows a NULL field kept. */
  public static final RelOptRule FILTER = new FilterRule(
      CoreRules.FILTER_REDUCE_EXPRESSIONS.config
          .withDescription("NullSafeReduceExpressionsRule(Filter)")
          .as(ReduceExpressionsRule.FilterReduceExpressionsRule
              .FilterReduceExpressionsRuleConfig.class));

  /** Calcite's Join-condition reduction, where it keeps the rows a NULL field kept. */
  public static final RelOptRule JOIN = new JoinRule(
      CoreRules.JOIN_REDUCE_EXPRESSIONS.config
          .withDescription("NullSafeReduceExpressionsRule(Join)")
          .as(ReduceExpressionsRule.JoinReduceExpressionsRule
              .JoinReduceExpressionsRuleConfig.class));

  /**
   * Whether {@code reduced} keeps the rows with one NULL field that
   * {@code original} keeps, and rejects no more of them, as far as
   * {@link #truthWithNull} can tell: for each nullable field of
   * {@code rowType} that either reads, where {@code original} is true with
   * that field NULL, so is {@code reduced}, and where {@code reduced} is
   * never true, neither is {@code original}. (The second is what makes an
   * outer join inner.)
   */
  static boolean keepsNullRows(RexNode original, RexNode reduced, RelDataType rowType,
      RexBuilder rex) {
    ImmutableBitSet fields = RelOptUtil.InputFinder.bits(reduced)
        .union(RelOptUtil.InputFinder.bits(original));
    for (int f : fields) {
      RelDataType type = rowType.getFieldList().get(f).getType();
      if (!type.isNullable()) {
        continue;
      }
      Truth before = truthWithNull(original, f, type, rex);
      Truth after = truthWithNull(reduced, f, type, rex);
      if (before == Truth.TRUE && after != Truth.TRUE
          || after == Truth.NOT_TRUE && before != Truth.NOT_TRUE) {
        return false;
      }
    }
    return true;
  }

  /** What a condition is where one field is NULL, as far as it can be told. */
  enum Truth { TRUE, NOT_TRUE, NOT_KNOWN }

  /**
   * {@code condition} with field {@code f} NULL: true or never true where
   * folding it with a NULL in place of the field gives a literal, never true
   * where {@link Strong} says so, and not known otherwise.
   */
  static Truth truthWithNull(RexNode condition, int f, RelDataType type, RexBuilder rex) {
    if (Strong.isNotTrue(condition, ImmutableBitSet.of(f))) {
      return Truth.NOT_TRUE;
    }
    RexNode withNull = condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return ref.getIndex() == f ? rex.makeNullLiteral(type) : ref;
      }

      @Override
      public RexNode visitCall(RexCall call) {
        // A cast of the field to a NOT NULL type gives NULL for NULL where it
        // runs (exec.NotNullCasts); as a literal it could not be folded.
        if (call.isA(SqlKind.CAST) && call.getOperands().get(0) instanceof RexInputRef ref
            && ref.getIndex() == f) {
          return rex.makeNullLiteral(
              rex.getTypeFactory().createTypeWithNullability(call.getType(), true));
        }
        return super.visitCall(call);
      }
    });
    try {
      // The simplifier does not fold a SEARCH of a literal (SEARCH(-1, Sarg[[0..2]])),
      // which a NULL field's COALESCE becomes; the comparisons it stands for fold.
      RexNode folded = new RexSimplify(rex, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR)
          .simplifyUnknownAsFalse(RexUtil.expandSearch(rex, null, withNull));
      if (folded.isAlwaysTrue()) {
        return Truth.TRUE;
      }
      if (folded.isAlwaysFalse() || RexUtil.isNullLiteral(folded, true)) {
        return Truth.NOT_TRUE;
      }
    } catch (RuntimeException e) {
      // a NULL where the type says NOT NULL can stop folding: not known
    }
    return Truth.NOT_KNOWN;
  }

  /**
   * Calcite's Filter reduction, done from the one reduction its check made
   * (calling Calcite's {@code onMatch} would reduce the condition again).
   * As Calcite's: a condition that is always true leaves the input, one that
   * is never true an empty relation, a reduced one a new Filter; and an
   * unreduced {@code IS [NOT] NULL} of a NOT NULL field is decided.
   */
  private static final class FilterRule extends ReduceExpressionsRule.FilterReduceExpressionsRule {
    FilterRule(FilterReduceExpressionsRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      RexNode original = filter.getCondition();
      List<RexNode> reduced = new ArrayList<>(List.of(original));
      RelOptPredicateList predicates =
          call.getMetadataQuery().getPulledUpPredicates(filter.getInput());
      boolean changed = reduceExpressions(filter, reduced, predicates, true,
          config.matchNullability(), config.treatDynamicCallsAsConstant());
      if (changed && !keepsNullRows(original, reduced.get(0),
          filter.getInput().getRowType(), filter.getCluster().getRexBuilder())) {
        return;
      }
      RexNode condition = changed ? reduced.get(0) : original;
      Boolean decided = decided(condition, !changed);
      if (decided != null) {
        call.transformTo(decided ? filter.getInput() : createEmptyRelOrEquivalent(call, filter));
      } else if (changed) {
        call.transformTo(call.builder().push(filter.getInput()).filter(condition).build());
      } else {
        return;
      }
      call.getPlanner().prune(filter);
    }
  }

  /**
   * Whether {@code condition} keeps every row (true) or none (false), where
   * that is plain: a literal or, if {@code nullTests}, {@code IS [NOT] NULL}
   * (possibly negated) of a field that is never NULL. Null where it depends
   * on the row.
   */
  static @Nullable Boolean decided(RexNode condition, boolean nullTests) {
    if (condition.isAlwaysTrue()) {
      return true;
    }
    if (condition instanceof RexLiteral || RexUtil.isNullLiteral(condition, true)) {
      return false;
    }
    if (!nullTests) {
      return null;
    }
    boolean negated = condition.isA(SqlKind.NOT);
    RexNode test = negated ? ((RexCall) condition).getOperands().get(0) : condition;
    boolean isNull = test.isA(SqlKind.IS_NULL) || test.isA(SqlKind.IS_UNKNOWN);
    if ((isNull || test.isA(SqlKind.IS_NOT_NULL))
        && ((RexCall) test).getOperands().get(0) instanceof RexInputRef ref
        && !ref.getType().isNullable()) {
      return isNull == negated;
    }
    return null;
  }

  /**
   * Calcite's Join reduction, done from the one reduction its check made
   * (calling Calcite's {@code onMatch} would reduce the condition again).
   */
  private static final class JoinRule extends ReduceExpressionsRule.JoinReduceExpressionsRule {
    JoinRule(JoinReduceExpressionsRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Join join = call.rel(0);
      if (join instanceof LogicalAsofJoin) {
        return; // Calcite's rule leaves these alone too: they cannot be copied
      }
      RelMetadataQuery mq = call.getMetadataQuery();
      RexBuilder rex = join.getCluster().getRexBuilder();
      int leftFields = join.getLeft().getRowType().getFieldCount();
      RelOptPredicateList predicates = mq.getPulledUpPredicates(join.getLeft())
          .union(rex, mq.getPulledUpPredicates(join.getRight()).shift(rex, leftFields));
      List<RexNode> reduced = new ArrayList<>(List.of(join.getCondition()));
      if (!reduceExpressions(join, reduced, predicates, true, config.matchNullability(),
          config.treatDynamicCallsAsConstant())
          || !keepsNullRows(join.getCondition(), reduced.get(0), join.getRowType(), rex)) {
        return;
      }
      call.transformTo(join.copy(join.getTraitSet(), reduced.get(0), join.getLeft(),
          join.getRight(), join.getJoinType(), join.isSemiJoinDone()));
      call.getPlanner().prune(join);
    }
  }
}
