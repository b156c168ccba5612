package org.planlab.planner.stats;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.calcite.rel.RelReferentialConstraint;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * A Calcite schema made of {@link StatisticsTable}s, one per
 * {@link TableDefinition}, with the foreign keys resolved between them.
 */
public final class StatisticsSchema extends AbstractSchema {
  private final String name;
  private final Map<String, Table> tables;
  private final List<TableDefinition> definitions;

  public StatisticsSchema(String name, List<TableDefinition> definitions) {
    this.name = name;
    this.definitions = List.copyOf(definitions);
    Map<String, TableDefinition> byName = new LinkedHashMap<>();
    for (TableDefinition d : definitions) {
      if (byName.put(key(d.name()), d) != null) {
        throw new IllegalArgumentException("schema " + name + ": table " + d.name() + " twice");
      }
    }
    Map<String, Table> built = new LinkedHashMap<>();
    for (TableDefinition d : definitions) {
      Map<ForeignKey, Double> referencedRows = new HashMap<>();
      List<RelReferentialConstraint> constraints = new java.util.ArrayList<>();
      for (ForeignKey fk : d.foreignKeys()) {
        TableDefinition target = byName.get(key(fk.referencedTable()));
        if (target == null) {
          throw new IllegalArgumentException("schema " + name + ": " + d.name()
              + " references unknown table " + fk.referencedTable());
        }
        referencedRows.put(fk, target.rowCount());
        constraints.add(StatisticsTable.constraint(List.of(name, d.name()), d, fk,
            List.of(name, target.name()), target));
      }
      built.put(d.name(), new StatisticsTable(List.of(name, d.name()), d, referencedRows,
          constraints));
    }
    // Insertion order, not Map.copyOf's per-JVM order: listings stay stable.
    this.tables = java.util.Collections.unmodifiableMap(built);
  }

  private static String key(String tableName) {
    return tableName.toLowerCase(Locale.ROOT);
  }

  public String name() {
    return name;
  }

  /** The tables' definitions, in schema order. */
  public List<TableDefinition> definitions() {
    return definitions;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
