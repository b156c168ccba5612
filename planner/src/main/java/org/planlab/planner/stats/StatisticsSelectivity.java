package org.planlab.planner.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMdSelectivity;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Selectivity from column statistics: for scans of a {@link StatisticsTable}
 * and for joins, where Calcite's default guesses 0.15 for any equality.
 *
 * <p>A join's equi-conditions are estimated together as
 * 1 / max(ndv(left keys), ndv(right keys)), the System R formula that
 * PostgreSQL's {@code eqjoinsel} uses without MCV lists; a term that
 * references only one side is estimated on that side; other terms are
 * guessed.
 */
public class StatisticsSelectivity extends RelMdSelectivity {

  public @Nullable Double getSelectivity(TableScan scan, RelMetadataQuery mq,
      @Nullable RexNode predicate) {
    StatisticsTable table = scan.getTable().unwrap(StatisticsTable.class);
    if (table == null) {
      return super.getSelectivity(scan, mq, predicate);
    }
    return new PredicateSelectivity(table::columnStatistics).of(predicate);
  }

  @Override
  public @Nullable Double getSelectivity(Join join, RelMetadataQuery mq,
      @Nullable RexNode predicate) {
    if (join.isSemiJoin() || predicate == null) {
      return super.getSelectivity(join, mq, predicate);
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int total = join.getRowType().getFieldCount();
    ImmutableBitSet leftFields = ImmutableBitSet.range(0, leftCount);
    ImmutableBitSet rightFields = ImmutableBitSet.range(leftCount, total);

    ImmutableBitSet.Builder leftKeys = ImmutableBitSet.builder();
    ImmutableBitSet.Builder rightKeys = ImmutableBitSet.builder();
    List<RexNode> leftOnly = new ArrayList<>();
    List<RexNode> rightOnly = new ArrayList<>();
    double guessed = 1.0;
    for (RexNode term : RelOptUtil.conjunctions(predicate)) {
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(term);
      if (!used.isEmpty() && leftFields.contains(used)) {
        leftOnly.add(term);
      } else if (!used.isEmpty() && rightFields.contains(used)) {
        rightOnly.add(RexUtil.shift(term, -leftCount));
      } else if (!addEquiPair(term, leftCount, leftKeys, rightKeys)) {
        guessed *= RelMdUtil.guessSelectivity(term);
      }
    }
    double s = guessed;
    ImmutableBitSet lk = leftKeys.build();
    ImmutableBitSet rk = rightKeys.build();
    if (!lk.isEmpty()) {
      Double ndvLeft = mq.getDistinctRowCount(join.getLeft(), lk, null);
      Double ndvRight = mq.getDistinctRowCount(join.getRight(), rk, null);
      if (ndvLeft == null || ndvRight == null) {
        return super.getSelectivity(join, mq, predicate);
      }
      s /= Math.max(1.0, Math.max(ndvLeft, ndvRight));
    }
    if (!leftOnly.isEmpty()) {
      Double l = mq.getSelectivity(join.getLeft(),
          RexUtil.composeConjunction(join.getCluster().getRexBuilder(), leftOnly));
      s *= l == null ? 1.0 : l;
    }
    if (!rightOnly.isEmpty()) {
      Double r = mq.getSelectivity(join.getRight(),
          RexUtil.composeConjunction(join.getCluster().getRexBuilder(), rightOnly));
      s *= r == null ? 1.0 : r;
    }
    return s;
  }

  /** If {@code term} is {@code left.x = right.y}, records x and y and returns true. */
  private static boolean addEquiPair(RexNode term, int leftCount,
      ImmutableBitSet.Builder leftKeys, ImmutableBitSet.Builder rightKeys) {
    if (!(term instanceof RexCall call)
        || (call.getKind() != SqlKind.EQUALS && call.getKind() != SqlKind.IS_NOT_DISTINCT_FROM)) {
      return false;
    }
    RexNode a = RexUtil.removeCast(call.getOperands().get(0));
    RexNode b = RexUtil.removeCast(call.getOperands().get(1));
    if (!(a instanceof RexInputRef x) || !(b instanceof RexInputRef y)) {
      return false;
    }
    int i = Math.min(x.getIndex(), y.getIndex());
    int j = Math.max(x.getIndex(), y.getIndex());
    if (i >= leftCount || j < leftCount) {
      return false;
    }
    leftKeys.set(i);
    rightKeys.set(j - leftCount);
    return true;
  }
}
