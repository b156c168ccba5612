package org.planlab.planner.cost;

import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.Util;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's own operator costs ({@code computeSelfCost}), with one
 * correction inside parallel fragments. {@code EnumerableHashJoin} adds
 * L ln L for its left input of L rows; for a process's share L/d that is
 * less than a d-th of the whole join's term, which would make a parallel
 * plan more than d times cheaper than the serial one. A hash join with a
 * partial left input is charged the whole join's term over the divisor
 * instead. Serial plans are priced exactly as Calcite prices them.
 */
public final class CalciteParallelCost implements BuiltInMetadata.NonCumulativeCost.Handler {

  @Override
  public MetadataDef<BuiltInMetadata.NonCumulativeCost> getDef() {
    return BuiltInMetadata.NonCumulativeCost.DEF;
  }

  /** As Calcite's default handler: the operator's own estimate. */
  @Override
  public @Nullable RelOptCost getNonCumulativeCost(RelNode rel, RelMetadataQuery mq) {
    return rel.computeSelfCost(rel.getCluster().getPlanner(), mq);
  }

  public @Nullable RelOptCost getNonCumulativeCost(EnumerableHashJoin join,
      RelMetadataQuery mq) {
    RelOptCost own = join.computeSelfCost(join.getCluster().getPlanner(), mq);
    double divisor = Degree.divisor(join.getLeft(), mq);
    Double left = mq.getRowCount(join.getLeft());
    if (own == null || divisor <= 1 || left == null || Double.isInfinite(left)) {
      return own;
    }
    double share = Util.nLogN(left);
    double whole = Util.nLogN(left * divisor) / divisor;
    double extra = (whole - share) * (join.isSemiJoin() ? 0.01 : 1);
    return own.plus(join.getCluster().getPlanner().getCostFactory().makeCost(extra, 0, 0));
  }
}
