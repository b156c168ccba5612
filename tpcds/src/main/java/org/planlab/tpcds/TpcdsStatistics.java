package org.planlab.tpcds;

import java.util.Map;

import io.trino.tpcds.Scaling;
import io.trino.tpcds.Table;

/**
 * Row counts of the 24 TPC-DS tables at a scale factor, following the
 * specification's scaling rules (TPC-DS 2.x, clause 3.2: dimensions step
 * between the standard scale factors, {@code date_dim}, {@code time_dim} and
 * the demographics tables are fixed, the fact tables scale linearly).
 *
 * <p>Dimensions and INVENTORY come from {@code io.trino.tpcds}'s
 * {@link Scaling}, which encodes the specification's table. For the sales and
 * returns tables that class returns <em>order</em> counts (240,000 for
 * STORE_SALES at SF 1, where the table has 2,880,404 rows), so planlab counts
 * lines: an order has 8 to 16 store or web lines (12 on average) or 4 to 14
 * catalog lines (9 on average), and about one line in ten is returned. At
 * SF 1 the counts are the generator's exact ones (counted with
 * {@code io.trino.tpcds} here).
 */
public final class TpcdsStatistics {
  private TpcdsStatistics() {
  }

  /** The generator's exact counts at SF 1, which the line model approximates within 0.1 %. */
  private static final Map<String, Double> EXACT_SF1 = Map.of(
      "store_sales", 2_880_404.0,
      "store_returns", 287_514.0,
      "catalog_sales", 1_441_548.0,
      "catalog_returns", 144_067.0,
      "web_sales", 719_384.0,
      "web_returns", 71_763.0);

  /** Average lines per order of each sales channel. */
  private static final Map<String, Double> LINES_PER_ORDER = Map.of(
      "store_sales", 12.0, "catalog_sales", 9.0, "web_sales", 12.0);

  /** The sales table whose lines a returns table returns. */
  static final Map<String, String> RETURNS_OF = Map.of(
      "store_returns", "store_sales",
      "catalog_returns", "catalog_sales",
      "web_returns", "web_sales");

  /** Share of sales lines that are returned. */
  static final double RETURN_RATE = 0.1;

  /**
   * Distinct order (or ticket) numbers of a sales or returns table: one per
   * order for sales; for returns, the orders with at least one of their lines
   * returned, each line independently.
   */
  public static double orderNumbers(String table, double sf) {
    String sales = RETURNS_OF.getOrDefault(table, table);
    double orders = new Scaling(sf).getRowCount(Table.getTable(sales));
    if (sales.equals(table)) {
      return orders;
    }
    double withReturns = orders * -Math.expm1(LINES_PER_ORDER.get(sales)
        * Math.log1p(-RETURN_RATE));
    return Math.max(1, Math.min(rows(table, sf), withReturns));
  }

  /** Rows of {@code table} (a TPC-DS table name) at scale factor {@code sf}. */
  public static double rows(String table, double sf) {
    if (!(sf > 0) || Double.isInfinite(sf)) {
      throw new IllegalArgumentException("scale factor must be > 0, got " + sf);
    }
    if (sf == 1.0 && EXACT_SF1.containsKey(table)) {
      return EXACT_SF1.get(table);
    }
    Scaling scaling = new Scaling(sf);
    String sales = RETURNS_OF.get(table);
    if (sales != null) {
      return Math.rint(RETURN_RATE * rows(sales, sf));
    }
    Double lines = LINES_PER_ORDER.get(table);
    double count = scaling.getRowCount(Table.getTable(table));
    return Math.max(1, lines == null ? count : count * lines);
  }
}
