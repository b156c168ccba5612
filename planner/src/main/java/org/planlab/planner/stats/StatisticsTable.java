package org.planlab.planner.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelReferentialConstraint;
import org.apache.calcite.rel.RelReferentialConstraintImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.IntPair;

/**
 * A Calcite table backed by a {@link TableDefinition}: it gives Calcite the
 * exact column types, the row count, the primary key and the foreign keys,
 * and gives planlab's metadata handlers ({@link StatisticsMetadata}) the
 * per-column statistics.
 *
 * <p>It is scannable so that Calcite's Enumerable convention can implement a
 * scan of it; scanning needs data, which planning alone never reads.
 */
public final class StatisticsTable extends AbstractTable implements ScannableTable {
  private final List<String> qualifiedName;
  private final TableDefinition definition;
  /** Row counts of the tables this one's foreign keys reference, by foreign key. */
  private final Map<ForeignKey, Double> referencedRowCounts;
  private final Statistic statistic;

  StatisticsTable(List<String> qualifiedName, TableDefinition definition,
      Map<ForeignKey, Double> referencedRowCounts,
      List<RelReferentialConstraint> referentialConstraints) {
    this.qualifiedName = List.copyOf(qualifiedName);
    this.definition = definition;
    this.referencedRowCounts = Map.copyOf(referencedRowCounts);
    List<ImmutableBitSet> keys = definition.primaryKey().isEmpty() ? List.of()
        : List.of(ImmutableBitSet.of(definition.indexesOf(definition.primaryKey())));
    this.statistic = Statistics.of(definition.rowCount(), keys, referentialConstraints,
        List.<RelCollation>of());
  }

  /** Builds the referential constraint Calcite needs for one foreign key. */
  static RelReferentialConstraint constraint(List<String> source, TableDefinition owner,
      ForeignKey fk, List<String> target, TableDefinition referenced) {
    List<IntPair> pairs = new ArrayList<>();
    for (int i = 0; i < fk.columns().size(); i++) {
      pairs.add(IntPair.of(owner.indexOf(fk.columns().get(i)),
          referenced.indexOf(fk.referencedColumns().get(i))));
    }
    return RelReferentialConstraintImpl.of(source, target, pairs);
  }

  public TableDefinition definition() {
    return definition;
  }

  public double rowCount() {
    return definition.rowCount();
  }

  public ColumnStatistics columnStatistics(int index) {
    return definition.columns().get(index).statistics();
  }

  /**
   * Distinct combinations of values in {@code columns}: the product of the
   * columns' distinct counts (independence), bounded by the row count, by 1
   * for the primary key's superset and by the referenced table's row count
   * where the columns are exactly a foreign key.
   */
  public double distinctCount(ImmutableBitSet columns) {
    double rows = Math.max(1, definition.rowCount());
    if (columns.isEmpty()) {
      return 1;
    }
    double product = 1;
    for (int c : columns) {
      product *= columnStatistics(c).distinctCount();
      if (product >= rows) {
        break;
      }
    }
    double bound = rows;
    for (Map.Entry<ForeignKey, Double> e : referencedRowCounts.entrySet()) {
      if (ImmutableBitSet.of(definition.indexesOf(e.getKey().columns())).equals(columns)) {
        bound = Math.min(bound, Math.max(1, e.getValue()));
      }
    }
    return Math.min(product, bound);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return definition.rowType(typeFactory);
  }

  @Override
  public Statistic getStatistic() {
    return statistic;
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    throw new UnsupportedOperationException("table " + String.join(".", qualifiedName)
        + " has statistics only; planning never scans it");
  }
}
