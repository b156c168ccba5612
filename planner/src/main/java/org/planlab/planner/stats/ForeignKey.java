package org.planlab.planner.stats;

import java.util.List;

/**
 * A foreign key: {@code columns} of the owning table reference the unique key
 * {@code referencedColumns} of {@code referencedTable}.
 *
 * <p>Besides telling Calcite about the constraint, a foreign key bounds the
 * number of distinct values of its columns by the referenced table's row
 * count. Without that bound, independence would estimate the distinct
 * (l_partkey, l_suppkey) pairs of LINEITEM at 6 million when only the 800,000
 * pairs of PARTSUPP exist, and joins over composite keys would come out
 * several times too small.
 */
public record ForeignKey(List<String> columns, String referencedTable,
    List<String> referencedColumns) {

  public ForeignKey {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    if (columns.size() != referencedColumns.size() || columns.isEmpty()) {
      throw new IllegalArgumentException("foreign key " + columns + " -> " + referencedTable
          + referencedColumns + ": column counts differ or are empty");
    }
  }
}
