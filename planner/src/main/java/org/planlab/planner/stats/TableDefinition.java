package org.planlab.planner.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A workload table as planlab knows it: columns with exact types and
 * statistics, its row count at the chosen scale factor, its primary key and
 * its foreign keys.
 */
public record TableDefinition(String name, double rowCount, List<Column> columns,
    List<String> primaryKey, List<ForeignKey> foreignKeys) {

  public TableDefinition {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
    if (!(rowCount >= 0)) {
      throw new IllegalArgumentException(name + ": row count must be >= 0, got " + rowCount);
    }
    for (String k : primaryKey) {
      indexOf(name, columns, k);
    }
    for (ForeignKey fk : foreignKeys) {
      for (String k : fk.columns()) {
        indexOf(name, columns, k);
      }
    }
  }

  /** The table's row type: its columns with their Calcite types, in order. */
  public org.apache.calcite.rel.type.RelDataType rowType(
      org.apache.calcite.rel.type.RelDataTypeFactory typeFactory) {
    org.apache.calcite.rel.type.RelDataTypeFactory.Builder b = typeFactory.builder();
    for (Column c : columns) {
      b.add(c.name(), c.toType(typeFactory));
    }
    return b.build();
  }

  /** The position of a column, by case-insensitive name. */
  public int indexOf(String column) {
    return indexOf(name, columns, column);
  }

  private static int indexOf(String table, List<Column> columns, String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("table " + table + " has no column " + column);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
  }

  /** Positions of the given columns. */
  public List<Integer> indexesOf(List<String> names) {
    List<Integer> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(indexOf(n));
    }
    return out;
  }

  /** Starts a table with {@code rowCount} rows. */
  public static Builder builder(String name, double rowCount) {
    return new Builder(name, rowCount);
  }

  /**
   * Builds a table column by column. Distinct counts larger than the row
   * count are capped at it, so that statistics derived for large scale factors
   * stay consistent at small ones.
   */
  public static final class Builder {
    private final String name;
    private final double rowCount;
    private final List<Column> columns = new ArrayList<>();
    private List<String> primaryKey = List.of();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    private Builder(String name, double rowCount) {
      this.name = name;
      this.rowCount = rowCount;
    }

    private Builder add(String column, SqlTypeName type, int precision, int scale,
        ColumnStatistics stats) {
      columns.add(new Column(column, type, precision, scale, stats.nullFraction() > 0,
          stats.cappedAt(Math.max(1, rowCount))));
      return this;
    }

    public Builder bigint(String column, ColumnStatistics stats) {
      return add(column, SqlTypeName.BIGINT, -1, -1, stats);
    }

    public Builder integer(String column, ColumnStatistics stats) {
      return add(column, SqlTypeName.INTEGER, -1, -1, stats);
    }

    public Builder decimal(String column, int precision, int scale, ColumnStatistics stats) {
      return add(column, SqlTypeName.DECIMAL, precision, scale, stats);
    }

    public Builder chars(String column, int length, ColumnStatistics stats) {
      return add(column, SqlTypeName.CHAR, length, -1, stats);
    }

    public Builder varchar(String column, int length, ColumnStatistics stats) {
      return add(column, SqlTypeName.VARCHAR, length, -1, stats);
    }

    public Builder date(String column, ColumnStatistics stats) {
      return add(column, SqlTypeName.DATE, -1, -1, stats);
    }

    public Builder primaryKey(String... key) {
      this.primaryKey = List.of(key);
      return this;
    }

    public Builder foreignKey(String column, String referencedTable, String referencedColumn) {
      foreignKeys.add(new ForeignKey(List.of(column), referencedTable, List.of(referencedColumn)));
      return this;
    }

    public Builder foreignKey(List<String> columns, String referencedTable,
        List<String> referencedColumns) {
      foreignKeys.add(new ForeignKey(columns, referencedTable, referencedColumns));
      return this;
    }

    public TableDefinition build() {
      return new TableDefinition(name, rowCount, columns, primaryKey, foreignKeys);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s(%d columns, %.0f rows)", name, columns.size(),
        rowCount);
  }
}
