package org.planlab.planner.stats;

import java.util.List;

import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

/**
 * The metadata provider planlab plans with: Calcite's defaults, with
 * selectivity and distinct counts taken from workload statistics first,
 * semi- and anti-join row counts estimated like inner joins, and the orders
 * of projections' rows derived without Calcite's wrong claims
 * ({@link ProjectionCollationMetadata}).
 */
public final class StatisticsMetadata {
  private StatisticsMetadata() {
  }

  /** Statistics-driven handlers in front of Calcite's default provider. */
  public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
      ReflectiveRelMetadataProvider.reflectiveSource(new StatisticsSelectivity(),
          BuiltInMetadata.Selectivity.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new StatisticsDistinctRowCount(),
          BuiltInMetadata.DistinctRowCount.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new StatisticsRowCount(),
          BuiltInMetadata.RowCount.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new ProjectionCollationMetadata(),
          BuiltInMetadata.Collation.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));
}
