package org.planlab.planner.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMdDistinctRowCount;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.Pair;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import com.google.common.collect.ImmutableList;

/**
 * Distinct counts of scanned columns from a {@link StatisticsTable}'s
 * statistics, where Calcite would otherwise guess from the row count. With a
 * predicate, the distinct count shrinks as the rows it keeps would draw
 * values at random ({@link RelMdUtil#numDistinctVals}); a key keeps one value
 * per row.
 */
public class StatisticsDistinctRowCount extends RelMdDistinctRowCount {

  /**
   * Through a Calc whose grouped columns are plain input columns: Calcite has
   * handlers for Project and Filter but none for Calc, which its final
   * physical pass introduces, and would guess a tenth of the input, or give
   * up under a predicate (TPC-DS Q1: then a join above it fell back to a
   * default selectivity and came out 10^5 times too large). A predicate on
   * the Calc's output is one on its input once the output columns are
   * replaced by the expressions that compute them.
   */
  public @Nullable Double getDistinctRowCount(Calc calc, RelMetadataQuery mq,
      ImmutableBitSet groupKey, @Nullable RexNode predicate) {
    Pair<ImmutableList<RexNode>, ImmutableList<RexNode>> split = calc.getProgram().split();
    ImmutableBitSet.Builder inputKey = ImmutableBitSet.builder();
    for (int i : groupKey) {
      RexNode e = split.left.get(i);
      if (!(e instanceof RexInputRef ref)) {
        return super.getDistinctRowCount(calc, mq, groupKey, predicate);
      }
      inputKey.set(ref.getIndex());
    }
    List<RexNode> conditions = new ArrayList<>(split.right);
    if (predicate != null && !predicate.isAlwaysTrue()) {
      conditions.add(predicate.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return split.left.get(ref.getIndex());
        }
      }));
    }
    RexNode condition = conditions.isEmpty() ? null
        : RexUtil.composeConjunction(calc.getCluster().getRexBuilder(), conditions);
    return mq.getDistinctRowCount(calc.getInput(), inputKey.build(), condition);
  }

  @Override
  public @Nullable Double getDistinctRowCount(TableScan scan, RelMetadataQuery mq,
      ImmutableBitSet groupKey, @Nullable RexNode predicate) {
    StatisticsTable table = scan.getTable().unwrap(StatisticsTable.class);
    if (table == null) {
      return super.getDistinctRowCount(scan, mq, groupKey, predicate);
    }
    double distinct = table.distinctCount(groupKey);
    if (predicate == null || predicate.isAlwaysTrue()) {
      return distinct;
    }
    double kept = table.rowCount() * new PredicateSelectivity(table::columnStatistics)
        .of(predicate);
    if (distinct >= table.rowCount()) {
      return kept; // a key: every row kept is another value
    }
    return distinctDrawn(distinct, kept);
  }

  /**
   * Through a semi or anti join, whose rows are left rows: the left side's
   * distinct count, thinned as the rows the join keeps would draw values at
   * random. Calcite passes the semi join's selectivity down as an opaque
   * function that statistics cannot read.
   */
  @Override
  public @Nullable Double getDistinctRowCount(Join join, RelMetadataQuery mq,
      ImmutableBitSet groupKey, @Nullable RexNode predicate) {
    JoinRelType type = join.getJoinType();
    if (type != JoinRelType.SEMI && type != JoinRelType.ANTI) {
      return super.getDistinctRowCount(join, mq, groupKey, predicate);
    }
    Double distinct = mq.getDistinctRowCount(join.getLeft(), groupKey, predicate);
    Double rows = mq.getRowCount(join);
    if (distinct == null || rows == null) {
      return super.getDistinctRowCount(join, mq, groupKey, predicate);
    }
    if (predicate != null && !predicate.isAlwaysTrue()) {
      Double s = mq.getSelectivity(join.getLeft(), predicate);
      rows *= s == null ? 1.0 : s;
    }
    return distinctDrawn(distinct, rows);
  }

  /**
   * The distinct values {@code drawn} rows take at random from
   * {@code domain} values: {@link RelMdUtil#numDistinctVals}, except that
   * one value drawn by no rows is 0 values, where Calcite's formula computes
   * 0 times log 0 and returns NaN. A NaN row count then reached a join's
   * cost and failed an assertion in Calcite's cost code ({@code planlab
   * fuzz} found it: a predicate {@code <>} on a column with one value).
   */
  public static double distinctDrawn(double domain, double drawn) {
    if (!(drawn > 0) || !(domain > 0)) {
      return 0;
    }
    if (domain <= 1) {
      return Math.min(domain, drawn);
    }
    return RelMdUtil.numDistinctVals(domain, drawn);
  }
}
