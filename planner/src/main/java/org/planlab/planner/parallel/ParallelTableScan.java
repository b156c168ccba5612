package org.planlab.planner.parallel;

import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.Table;

/**
 * A partial scan (PostgreSQL's Parallel Seq Scan): {@code workers} workers
 * and the leader each read a share of the table's pages, so each returns
 * rows / {@link ParallelCosting#divisor} rows, in no particular order.
 * Executed by Calcite's Enumerable engine it scans the whole table once.
 */
public final class ParallelTableScan extends EnumerableTableScan {
  private final int workers;

  ParallelTableScan(EnumerableTableScan scan, int workers) {
    this(scan.getCluster(),
        scan.getTraitSet().replaceIf(RelCollationTraitDef.INSTANCE, () -> RelCollations.EMPTY),
        scan.getTable(), workers);
  }

  private ParallelTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      int workers) {
    super(cluster, traits, table,
        EnumerableTableScan.deduceElementType(table.unwrapOrThrow(Table.class)));
    this.workers = workers;
  }

  /** The workers that share the scan with the leader. */
  public int workers() {
    return workers;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ParallelTableScan(getCluster(), traitSet, getTable(), workers);
  }
}
