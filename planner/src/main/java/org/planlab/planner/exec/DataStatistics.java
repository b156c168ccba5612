package org.planlab.planner.exec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.planlab.planner.stats.Column;
import org.planlab.planner.stats.ColumnStatistics;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.stats.TableDefinition;

/**
 * Statistics read off generated data ({@code --stats data}): each table's
 * row count, and per column the exact number of distinct values, the range
 * on the numeric axis (numbers, DATE as days) and the fraction of NULLs.
 * Keys and types stay the workload's.
 */
public final class DataStatistics {
  private DataStatistics() {
  }

  /** The data's schema with statistics from the data. */
  public static StatisticsSchema schema(Dataset data) {
    List<TableDefinition> defs = new ArrayList<>();
    for (DataTable t : data.tables().values()) {
      defs.add(definition(t));
    }
    return new StatisticsSchema(data.schemaName(), defs);
  }

  static TableDefinition definition(DataTable t) {
    TableDefinition d = t.definition();
    List<Object[]> rows = t.rows();
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < d.columns().size(); i++) {
      Column c = d.columns().get(i);
      Set<Object> distinct = new HashSet<>();
      long nulls = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      boolean ordered = true;
      for (Object[] r : rows) {
        Object v = r[i];
        if (v == null) {
          nulls++;
          continue;
        }
        distinct.add(v instanceof BigDecimal b ? b.stripTrailingZeros() : v);
        if (v instanceof Number n) {
          double x = n.doubleValue();
          min = Math.min(min, x);
          max = Math.max(max, x);
        } else {
          ordered = false;
        }
      }
      double nullFraction = rows.isEmpty() ? 0 : nulls / (double) rows.size();
      boolean ranged = ordered && !distinct.isEmpty();
      ColumnStatistics s = new ColumnStatistics(Math.max(1, distinct.size()),
          ranged ? min : null, ranged ? max : null, nullFraction);
      // Nullability stays as declared: the plans' types must not change with the data.
      columns.add(new Column(c.name(), c.type(), c.precision(), c.scale(), c.nullable(), s));
    }
    return new TableDefinition(d.name(), rows.size(), columns, d.primaryKey(), d.foreignKeys());
  }
}
