package org.planlab.planner.exec;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.stats.StatisticsRowCount;
import org.planlab.rules.joinorder.CardinalityKeys;
import org.planlab.rules.joinorder.CardinalityOracle;

/**
 * Row counts from measured cardinalities where they are known (by
 * {@link CardinalityKeys} key), planlab's estimates elsewhere. Public for
 * Calcite's generated metadata dispatch.
 */
public class InjectedRowCount extends StatisticsRowCount {
  private final CardinalityOracle oracle;

  public InjectedRowCount(CardinalityOracle oracle) {
    this.oracle = oracle;
  }

  private @Nullable Double known(RelNode rel) {
    String key = CardinalityKeys.of(rel,
        j -> InjectedCardinalities.sameAsInner(j, rel.getCluster().getMetadataQuery()));
    return key == null ? null : oracle.rows(key);
  }

  @Override
  public @Nullable Double getRowCount(Join rel, RelMetadataQuery mq) {
    Double k = known(rel);
    return k != null ? k : super.getRowCount(rel, mq);
  }

  @Override
  public @Nullable Double getRowCount(Filter rel, RelMetadataQuery mq) {
    Double k = known(rel);
    return k != null ? k : super.getRowCount(rel, mq);
  }

  @Override
  public @Nullable Double getRowCount(Project rel, RelMetadataQuery mq) {
    Double k = known(rel);
    return k != null ? k : super.getRowCount(rel, mq);
  }

  @Override
  public @Nullable Double getRowCount(Calc rel, RelMetadataQuery mq) {
    Double k = known(rel);
    return k != null ? k : super.getRowCount(rel, mq);
  }

  @Override
  public @Nullable Double getRowCount(TableScan rel, RelMetadataQuery mq) {
    Double k = known(rel);
    return k != null ? k : super.getRowCount(rel, mq);
  }
}
