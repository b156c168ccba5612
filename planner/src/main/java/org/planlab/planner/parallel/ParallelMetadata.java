package org.planlab.planner.parallel;

import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdParallelism;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What Calcite's metadata does not know about parallel plans: the degree of
 * every operator, and the row counts of planlab's parallel operators
 * ({@link #around}).
 *
 * <p>Row counts in a parallel fragment are per process. A partial scan
 * returns its table's rows over the divisor; operators above it compute
 * their estimates from their inputs as usual, and so are per process too.
 * A Gather returns all rows: its input's times the divisor (PostgreSQL's
 * {@code compute_gather_rows}). Operators the {@link Parallelizer} makes are
 * estimated from the serial operators they stand for
 * ({@link ParallelMetadataQuery}); these handlers cover the rest.
 */
public final class ParallelMetadata {
  private ParallelMetadata() {
  }

  private static final RelMetadataProvider DEGREES =
      ReflectiveRelMetadataProvider.reflectiveSource(new Degrees(),
          BuiltInMetadata.Parallelism.Handler.class);

  private static final RelMetadataProvider ROW_COUNTS =
      ReflectiveRelMetadataProvider.reflectiveSource(new RowCounts(),
          BuiltInMetadata.RowCount.Handler.class);

  /**
   * {@code statistics} with parallel plans' metadata: degrees in front (they
   * replace Calcite's catch-all, which answers 1), row counts of the
   * parallel operators behind (where only their own classes can pick them).
   */
  public static RelMetadataProvider around(RelMetadataProvider statistics) {
    return ChainedRelMetadataProvider.of(List.of(DEGREES, statistics, ROW_COUNTS));
  }

  /**
   * Calcite's {@code splitCount}, which it answers 1 for everything: here
   * the processes that share an operator's rows. A partial scan starts a
   * fragment of workers + 1; a Gather ends it; every other operator is as
   * parallel as its most parallel input (a join's replicated side is 1).
   */
  public static final class Degrees extends RelMdParallelism {
    public Integer splitCount(ParallelTableScan scan, RelMetadataQuery mq) {
      return scan.workers() + 1;
    }

    public Integer splitCount(Gather gather, RelMetadataQuery mq) {
      return 1;
    }

    public Integer splitCount(GatherMerge gather, RelMetadataQuery mq) {
      return 1;
    }

    @Override
    public Integer splitCount(RelNode rel, RelMetadataQuery mq) {
      int degree = 1;
      for (RelNode input : rel.getInputs()) {
        Integer d = mq.splitCount(input);
        if (d != null && d > degree) {
          degree = d;
        }
      }
      return degree;
    }
  }

  /** Row counts of the parallel operators. */
  public static final class RowCounts implements BuiltInMetadata.RowCount.Handler {
    @Override
    public MetadataDef<BuiltInMetadata.RowCount> getDef() {
      return BuiltInMetadata.RowCount.DEF;
    }

    /** Never chosen: the statistics' catch-all comes first in the chain. */
    @Override
    public @Nullable Double getRowCount(RelNode rel, RelMetadataQuery mq) {
      return rel.estimateRowCount(mq);
    }

    public @Nullable Double getRowCount(Gather gather, RelMetadataQuery mq) {
      return all(gather.getInput(), mq);
    }

    public @Nullable Double getRowCount(GatherMerge gather, RelMetadataQuery mq) {
      return all(gather.getInput(), mq);
    }

    private static @Nullable Double all(RelNode input, RelMetadataQuery mq) {
      Double rows = mq.getRowCount(input);
      Integer degree = mq.splitCount(input);
      return rows == null ? null
          : rows * ParallelCosting.divisorOfDegree(degree == null ? 1 : degree);
    }
  }
}
