package org.planlab.planner.parallel;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Estimates for parallel plans that agree with the serial plan's, as
 * PostgreSQL's do: every path of a relation has the relation's row count,
 * and a partial path that count over its parallel divisor.
 *
 * <p>The {@link Parallelizer} records, for each operator it makes, the
 * serial operator it stands for (same output columns). Such an operator has
 * the serial one's row count over its divisor, its distinct counts for that
 * many rows, and its selectivities, population sizes and keys. So a Gather
 * returns exactly the rows of what it replaced, and everything above it is
 * estimated as in the serial plan; without this, estimates derived anew
 * from per-process inputs drifted (a semi join's matches against a share of
 * its right input, an aggregate's groups through a Gather), and a parallel
 * plan could look costlier than it is, or many times cheaper.
 *
 * <p>The parallelizer installs it on the cluster of the plan it works on;
 * with no operators recorded it answers exactly as Calcite's metadata query
 * does.
 */
public final class ParallelMetadataQuery extends RelMetadataQuery {
  private final Map<RelNode, RelNode> serialOf;

  private ParallelMetadataQuery(RelMetadataProvider provider, Map<RelNode, RelNode> serialOf) {
    super(JaninoRelMetadataProvider.of(provider));
    this.serialOf = serialOf;
  }

  /**
   * A supplier for {@code cluster}: its queries use the cluster's own
   * metadata provider (not the one Calcite last bound to the thread) and
   * share one record of serial equivalents.
   */
  static Supplier<RelMetadataQuery> supplier(RelOptCluster cluster) {
    Map<RelNode, RelNode> serialOf = java.util.Collections.synchronizedMap(
        new IdentityHashMap<>());
    RelMetadataProvider provider = cluster.getMetadataProvider();
    return () -> new ParallelMetadataQuery(provider, serialOf);
  }

  /** The cluster's query, installing this kind first if another is installed. */
  static ParallelMetadataQuery of(RelOptCluster cluster) {
    RelMetadataQuery mq = cluster.getMetadataQuery();
    if (mq instanceof ParallelMetadataQuery p) {
      return p;
    }
    cluster.setMetadataQuerySupplier(supplier(cluster));
    cluster.invalidateMetadataQuery();
    return (ParallelMetadataQuery) cluster.getMetadataQuery();
  }

  /** Records that {@code parallel} stands for {@code serial}; returns {@code parallel}. */
  <T extends RelNode> T standsFor(T parallel, RelNode serial) {
    RelNode s = serialOf.getOrDefault(serial, serial);
    if (parallel != s) {
      serialOf.put(parallel, s);
    }
    return parallel;
  }

  private double divisor(RelNode rel) {
    Integer degree = splitCount(rel);
    return ParallelCosting.divisorOfDegree(degree == null ? 1 : degree);
  }

  @Override
  public Double getRowCount(RelNode rel) {
    RelNode s = serialOf.get(rel);
    if (s == null) {
      return super.getRowCount(rel);
    }
    Double rows = super.getRowCount(s);
    return rows == null ? null : rows / divisor(rel);
  }

  @Override
  public @Nullable Double getDistinctRowCount(RelNode rel, ImmutableBitSet groupKey,
      @Nullable RexNode predicate) {
    RelNode s = serialOf.get(rel);
    if (s == null) {
      return super.getDistinctRowCount(rel, groupKey, predicate);
    }
    Double all = super.getDistinctRowCount(s, groupKey, predicate);
    double divisor = divisor(rel);
    if (all == null || divisor == 1) {
      return all;
    }
    // A share of the rows holds the values that many rows drawn at random would.
    Double rows = getRowCount(rel);
    return rows == null ? all
        : org.planlab.planner.stats.StatisticsDistinctRowCount.distinctDrawn(all, rows);
  }

  @Override
  public @Nullable Double getSelectivity(RelNode rel, @Nullable RexNode predicate) {
    return super.getSelectivity(serialOf.getOrDefault(rel, rel), predicate);
  }

  @Override
  public @Nullable Double getPopulationSize(RelNode rel, ImmutableBitSet groupKey) {
    return super.getPopulationSize(serialOf.getOrDefault(rel, rel), groupKey);
  }

  @Override
  public @Nullable Boolean areColumnsUnique(RelNode rel, ImmutableBitSet columns,
      boolean ignoreNulls) {
    return super.areColumnsUnique(serialOf.getOrDefault(rel, rel), columns, ignoreNulls);
  }

  @Override
  public @Nullable Set<ImmutableBitSet> getUniqueKeys(RelNode rel, boolean ignoreNulls) {
    return super.getUniqueKeys(serialOf.getOrDefault(rel, rel), ignoreNulls);
  }
}
