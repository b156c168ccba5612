package org.planlab.planner.stats;

import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMdDistinctRowCount;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.Pair;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import com.google.common.collect.ImmutableList;

/**
 * Distinct counts of scanned columns from a {@link StatisticsTable}'s
 * statistics, where Calcite would otherwise guess from the row count. With a
 * predicate, the distinct count shrinks as the rows it keeps would draw
 * values at random ({@link RelMdUtil#numDistinctVals}).
 */
public class StatisticsDistinctRowCount extends RelMdDistinctRowCount {

  /**
   * Through a Calc whose grouped columns are plain input columns: Calcite has
   * handlers for Project and Filter but none for Calc, which its final
   * physical pass introduces, and would guess a tenth of the input.
   */
  public @Nullable Double getDistinctRowCount(Calc calc, RelMetadataQuery mq,
      ImmutableBitSet groupKey, @Nullable RexNode predicate) {
    if (predicate != null && !predicate.isAlwaysTrue()) {
      return super.getDistinctRowCount(calc, mq, groupKey, predicate);
    }
    Pair<ImmutableList<RexNode>, ImmutableList<RexNode>> split = calc.getProgram().split();
    ImmutableBitSet.Builder inputKey = ImmutableBitSet.builder();
    for (int i : groupKey) {
      RexNode e = split.left.get(i);
      if (!(e instanceof RexInputRef ref)) {
        return super.getDistinctRowCount(calc, mq, groupKey, predicate);
      }
      inputKey.set(ref.getIndex());
    }
    RexNode condition = split.right.isEmpty() ? null
        : RexUtil.composeConjunction(calc.getCluster().getRexBuilder(), split.right);
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
    return RelMdUtil.numDistinctVals(distinct, kept);
  }
}
