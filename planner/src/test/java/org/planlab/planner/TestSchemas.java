package org.planlab.planner;

import static org.planlab.planner.stats.ColumnStatistics.ranged;
import static org.planlab.planner.stats.ColumnStatistics.unordered;

import java.util.List;

import org.planlab.planner.stats.ColumnStatistics;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.stats.TableDefinition;

/**
 * A small star schema for planner tests: a fact table of 1,000,000 sales
 * referencing 1,000 products and 100 stores.
 */
public final class TestSchemas {
  private TestSchemas() {
  }

  public static final double SALES = 1_000_000;
  public static final double PRODUCTS = 1_000;
  public static final double STORES = 100;

  public static StatisticsSchema star() {
    TableDefinition product = TableDefinition.builder("product", PRODUCTS)
        .bigint("p_id", ranged(PRODUCTS, 1, PRODUCTS))
        .varchar("p_name", 40, unordered(PRODUCTS))
        .chars("p_color", 10, unordered(10))
        .decimal("p_price", 10, 2, ranged(900, 1.00, 100.00))
        .primaryKey("p_id")
        .build();
    TableDefinition store = TableDefinition.builder("store", STORES)
        .bigint("st_id", ranged(STORES, 1, STORES))
        .chars("st_city", 20, new ColumnStatistics(20, null, null, 0.1))
        .primaryKey("st_id")
        .build();
    TableDefinition sales = TableDefinition.builder("sales", SALES)
        .bigint("s_id", ranged(SALES, 1, SALES))
        .bigint("s_product", ranged(PRODUCTS, 1, PRODUCTS))
        .bigint("s_store", ranged(STORES, 1, STORES))
        .integer("s_quantity", ranged(50, 1, 50))
        .date("s_date", ranged(1000, 10_000, 10_999))
        .primaryKey("s_id")
        .foreignKey("s_product", "product", "p_id")
        .foreignKey("s_store", "store", "st_id")
        .build();
    return new StatisticsSchema("shop", List.of(product, store, sales));
  }
}
