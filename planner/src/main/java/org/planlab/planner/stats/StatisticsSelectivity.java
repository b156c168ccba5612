package org.planlab.planner.stats;


import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMdSelectivity;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Selectivity from column statistics: for scans of a {@link StatisticsTable}
 * and for joins, where Calcite's default guesses 0.15 for any equality.
 *
 * <p>A join's equi-conditions are estimated as 1 / max(ndv(left keys),
 * ndv(right keys)), the System R formula that PostgreSQL's {@code eqjoinsel}
 * uses without MCV lists, once per pair of base tables they join and
 * multiplied across pairs ({@link JoinTerms#keySelectivity}); a term that
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
    JoinTerms terms = new JoinTerms(join, predicate);
    double s = terms.guessed;
    Double keys = terms.keySelectivity(join, mq);
    if (keys == null) {
      return super.getSelectivity(join, mq, predicate);
    }
    s *= keys;
    s *= JoinTerms.sideSelectivity(mq, join.getLeft(), terms.leftOnly);
    s *= JoinTerms.sideSelectivity(mq, join.getRight(), terms.rightOnly);
    return s;
  }
}
