package org.planlab.planner.exec;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.rel.InvalidRelException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Makes the empty grouping set answer over empty input. SQL says that
 * {@code GROUP BY GROUPING SETS ((a), ())} over no rows returns one row, the
 * empty set's ({@code NULL, COUNT(*) = 0}), as a plain global aggregate
 * does. Calcite's {@code EnumerableAggregate} returns no rows when its
 * grouping sets include the empty one and others. That wrong answer also
 * reaches queries with no GROUPING SETS: Calcite's
 * {@code AggregateExpandDistinctAggregatesRule} rewrites
 * {@code COUNT(*), COUNT(DISTINCT x)} into grouping sets {@code ((x), ())},
 * so a HAVING or WHERE over such counts lost its row ({@code planlab fuzz}
 * found this by ternary logic partitioning).
 *
 * <p>Before code generation, each such aggregate becomes the UNION ALL of
 * the aggregate over its other grouping sets and a global aggregate for the
 * empty set, whose group keys are NULL and whose GROUPING values are all
 * ones. Both are cast to the original row type, so the operators above see
 * the same fields. This rewrites what runs, not the plan.
 */
final class EmptyGroupingSets {
  private EmptyGroupingSets() {
  }

  static EnumerableRel answerOverEmptyInput(EnumerableRel rel) {
    return (EnumerableRel) PlanRewrites.bottomUp(rel, PlanRewrites.Order.CHANGED,
        EmptyGroupingSets::rewrite);
  }

  private static RelNode rewrite(RelNode rel) {
    if (!(rel instanceof EnumerableAggregate agg) || agg.getGroupSets().size() < 2) {
      return rel;
    }
    ImmutableBitSet empty = ImmutableBitSet.of();
    List<ImmutableBitSet> others = new ArrayList<>();
    int empties = 0;
    for (ImmutableBitSet set : agg.getGroupSets()) {
      if (set.equals(empty)) {
        empties++;
      } else {
        others.add(set);
      }
    }
    if (empties != 1) {
      return rel; // none, or several (GROUP_ID would number them): left as it is
    }
    RelNode input = agg.getInput();
    int keys = agg.getGroupCount();
    RelDataType type = agg.getRowType();
    RexBuilder rex = agg.getCluster().getRexBuilder();
    try {
      // The aggregate over the other sets, its calls' types inferred anew.
      List<AggregateCall> calls = new ArrayList<>();
      for (AggregateCall c : agg.getAggCallList()) {
        calls.add(recreate(c, keys, input));
      }
      ImmutableBitSet groupSet = ImmutableBitSet.union(others);
      RelNode grouped = new EnumerableAggregate(agg.getCluster(), agg.getTraitSet(), input,
          groupSet, others, calls);
      List<RexNode> fromGrouped = new ArrayList<>();
      for (int i = 0; i < type.getFieldCount(); i++) {
        fromGrouped.add(castTo(rex, type.getFieldList().get(i),
            RexInputRef.of(i, grouped.getRowType())));
      }
      // The empty set: a global aggregate of the other calls.
      List<AggregateCall> totals = new ArrayList<>();
      List<Integer> totalIndex = new ArrayList<>();
      for (AggregateCall c : agg.getAggCallList()) {
        if (isGrouping(c)) {
          totalIndex.add(-1);
        } else {
          totalIndex.add(totals.size());
          totals.add(recreate(c, 0, input));
        }
      }
      RelNode total = new EnumerableAggregate(agg.getCluster(), agg.getTraitSet(), input,
          empty, List.of(empty), totals);
      List<RexNode> fromTotal = new ArrayList<>();
      for (int i = 0; i < keys; i++) {
        fromTotal.add(rex.makeNullLiteral(type.getFieldList().get(i).getType()));
      }
      for (int j = 0; j < agg.getAggCallList().size(); j++) {
        RelDataTypeField field = type.getFieldList().get(keys + j);
        AggregateCall c = agg.getAggCallList().get(j);
        if (totalIndex.get(j) < 0) {
          // GROUPING(a, b, ...) over the empty set: every argument is missing.
          long ones = c.getAggregation().getKind() == SqlKind.GROUP_ID ? 0
              : (1L << c.getArgList().size()) - 1;
          fromTotal.add(rex.makeExactLiteral(java.math.BigDecimal.valueOf(ones),
              field.getType()));
        } else {
          fromTotal.add(castTo(rex, field, RexInputRef.of(totalIndex.get(j),
              total.getRowType())));
        }
      }
      return new EnumerableUnion(agg.getCluster(), agg.getTraitSet(),
          List.of(calc(grouped, fromGrouped, type), calc(total, fromTotal, type)), true);
    } catch (InvalidRelException | RuntimeException e) {
      return rel; // a shape this rewrite does not know runs as Calcite made it
    }
  }

  private static boolean isGrouping(AggregateCall c) {
    SqlKind k = c.getAggregation().getKind();
    return k == SqlKind.GROUPING || k == SqlKind.GROUPING_ID || k == SqlKind.GROUP_ID;
  }

  private static AggregateCall recreate(AggregateCall c, int groupCount, RelNode input) {
    return AggregateCall.create(c.getParserPosition(), c.getAggregation(), c.isDistinct(),
        c.isApproximate(), c.ignoreNulls(), c.rexList, c.getArgList(), c.filterArg,
        c.distinctKeys, c.collation, groupCount, input, null, c.getName());
  }

  private static RexNode castTo(RexBuilder rex, RelDataTypeField field, RexNode e) {
    return e.getType().equals(field.getType()) ? e : rex.makeCast(field.getType(), e);
  }

  private static RelNode calc(RelNode input, List<RexNode> exprs, RelDataType rowType) {
    return EnumerableCalc.create(input, RexProgram.create(input.getRowType(), exprs, null,
        rowType, input.getCluster().getRexBuilder()));
  }
}
