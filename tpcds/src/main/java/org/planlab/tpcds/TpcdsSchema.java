package org.planlab.tpcds;

import static org.planlab.planner.stats.ColumnStatistics.ranged;
import static org.planlab.planner.stats.ColumnStatistics.unordered;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.planlab.planner.stats.ColumnStatistics;
import org.planlab.planner.stats.TableDefinition;

import io.trino.tpcds.Table;
import io.trino.tpcds.column.Column;
import io.trino.tpcds.column.ColumnType;

/**
 * The 24 TPC-DS tables: columns and types as the specification lays them out
 * (clause 2, taken from {@code io.trino.tpcds}, identifiers as INTEGER),
 * primary keys, the foreign keys of the snowflake schema, row counts from
 * {@link TpcdsStatistics}, and column statistics.
 *
 * <p>Foreign keys follow the specification's naming: a column ending in
 * {@code _date_sk} references {@code date_dim}, {@code _time_sk}
 * {@code time_dim}, {@code _item_sk} {@code item}, {@code _cdemo_sk}
 * {@code customer_demographics}, and so on ({@link #REFERENCES}); a returns
 * line also references the sales line it returns.
 *
 * <p>Column statistics: surrogate keys are dense from 1 (from
 * 2,415,022, Julian day of 1900-01-02, in {@code date_dim}); a foreign key has
 * at most as many values as the table it references; the facts' date and time
 * keys span the generator's sales period (1998-01-02 to 2003-01-02, sales
 * between 8:00 and 21:00), which is what makes a filter on {@code d_year}
 * keep a fifth of the sales rather than a two-hundredth; the dimension
 * attributes that queries filter on take the generator's domains
 * ({@link #ATTRIBUTES}). Other columns get a rough guess by type, marked as
 * such below.
 */
public final class TpcdsSchema {
  private TpcdsSchema() {
  }

  /** The seven fact tables; the other 17 are dimensions. */
  public static final List<String> FACTS = List.of("store_sales", "store_returns",
      "catalog_sales", "catalog_returns", "web_sales", "web_returns", "inventory");

  /** Primary keys of the fact tables; a dimension's key is its first column. */
  static final Map<String, List<String>> FACT_KEYS = Map.of(
      "store_sales", List.of("ss_item_sk", "ss_ticket_number"),
      "store_returns", List.of("sr_item_sk", "sr_ticket_number"),
      "catalog_sales", List.of("cs_item_sk", "cs_order_number"),
      "catalog_returns", List.of("cr_item_sk", "cr_order_number"),
      "web_sales", List.of("ws_item_sk", "ws_order_number"),
      "web_returns", List.of("wr_item_sk", "wr_order_number"),
      "inventory", List.of("inv_date_sk", "inv_item_sk", "inv_warehouse_sk"));

  /** Foreign-key column suffixes and the dimension each references (longest first). */
  static final Map<String, String> REFERENCES;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("_catalog_page_sk", "catalog_page");
    m.put("_call_center_sk", "call_center");
    m.put("_income_band_sk", "income_band");
    m.put("_ship_mode_sk", "ship_mode");
    m.put("_warehouse_sk", "warehouse");
    m.put("_web_page_sk", "web_page");
    m.put("_web_site_sk", "web_site");
    m.put("_customer_sk", "customer");
    m.put("_reason_sk", "reason");
    m.put("_promo_sk", "promotion");
    m.put("_store_sk", "store");
    m.put("_cdemo_sk", "customer_demographics");
    m.put("_hdemo_sk", "household_demographics");
    m.put("_addr_sk", "customer_address");
    m.put("_item_sk", "item");
    m.put("_date_sk", "date_dim");
    m.put("_time_sk", "time_dim");
    REFERENCES = java.util.Collections.unmodifiableMap(m);
  }

  /** {@code date_dim}'s first key: 1900-01-02 as a Julian day number. */
  static final double FIRST_DATE_SK = 2_415_022;
  /** Sales happen from 1998-01-02 to 2003-01-02 (Julian days). */
  static final double SALES_FIRST_DATE_SK = 2_450_816;
  static final double SALES_LAST_DATE_SK = 2_452_642;
  /** Returns and shipments trail sales by up to about 180 days. */
  static final double LATE_LAST_DATE_SK = 2_452_826;
  /** Sales times of day, in seconds: 8:00 to 20:59:59. */
  static final double SALES_FIRST_TIME = 28_800;
  static final double SALES_LAST_TIME = 75_599;

  /**
   * Dimension attributes the queries filter and group on, with the domains
   * the generator draws them from (TPC-DS clause 2 and the dsdgen
   * distributions): demographics are the full cross product of their
   * attributes, calendar columns follow the calendar.
   */
  static final Map<String, ColumnStatistics> ATTRIBUTES = Map.ofEntries(
      Map.entry("d_year", ranged(201, 1900, 2100)),
      Map.entry("d_moy", ranged(12, 1, 12)),
      Map.entry("d_dom", ranged(31, 1, 31)),
      Map.entry("d_dow", ranged(7, 0, 6)),
      Map.entry("d_qoy", ranged(4, 1, 4)),
      Map.entry("d_month_seq", ranged(2401, 0, 2400)),
      Map.entry("d_week_seq", ranged(10436, 1, 10436)),
      Map.entry("d_quarter_seq", ranged(801, 1, 801)),
      Map.entry("d_fy_year", ranged(201, 1900, 2100)),
      Map.entry("d_day_name", unordered(7)),
      Map.entry("d_quarter_name", unordered(804)),
      Map.entry("d_holiday", unordered(2)),
      Map.entry("d_weekend", unordered(2)),
      Map.entry("t_hour", ranged(24, 0, 23)),
      Map.entry("t_minute", ranged(60, 0, 59)),
      Map.entry("t_second", ranged(60, 0, 59)),
      Map.entry("t_time", ranged(86400, 0, 86399)),
      Map.entry("t_am_pm", unordered(2)),
      Map.entry("t_shift", unordered(3)),
      Map.entry("t_meal_time", unordered(4)),
      Map.entry("cd_gender", unordered(2)),
      Map.entry("cd_marital_status", unordered(5)),
      Map.entry("cd_education_status", unordered(7)),
      Map.entry("cd_purchase_estimate", ranged(20, 500, 10000)),
      Map.entry("cd_credit_rating", unordered(4)),
      Map.entry("cd_dep_count", ranged(7, 0, 6)),
      Map.entry("cd_dep_employed_count", ranged(7, 0, 6)),
      Map.entry("cd_dep_college_count", ranged(7, 0, 6)),
      Map.entry("hd_buy_potential", unordered(6)),
      Map.entry("hd_dep_count", ranged(10, 0, 9)),
      Map.entry("hd_vehicle_count", ranged(6, -1, 4)),
      Map.entry("ib_lower_bound", ranged(20, 0, 190001)),
      Map.entry("ib_upper_bound", ranged(20, 10000, 200000)),
      Map.entry("i_category", unordered(10)),
      Map.entry("i_category_id", ranged(10, 1, 10)),
      Map.entry("i_class", unordered(99)),
      Map.entry("i_class_id", ranged(16, 1, 16)),
      Map.entry("i_brand", unordered(712)),
      Map.entry("i_brand_id", ranged(951, 1001001, 10016017)),
      Map.entry("i_manufact_id", ranged(1000, 1, 1000)),
      Map.entry("i_manager_id", ranged(100, 1, 100)),
      Map.entry("i_current_price", ranged(9991, 0.09, 99.99)),
      Map.entry("i_color", unordered(92)),
      Map.entry("i_size", unordered(7)),
      Map.entry("i_units", unordered(21)),
      Map.entry("ca_state", unordered(51)),
      Map.entry("ca_country", unordered(1)),
      Map.entry("ca_gmt_offset", ranged(6, -10, -5)),
      Map.entry("ca_location_type", unordered(3)),
      Map.entry("s_state", unordered(9)),
      Map.entry("s_gmt_offset", ranged(4, -8, -5)),
      Map.entry("w_state", unordered(9)),
      Map.entry("sm_type", unordered(6)),
      Map.entry("sm_carrier", unordered(20)),
      Map.entry("c_birth_month", ranged(12, 1, 12)),
      Map.entry("c_birth_year", ranged(69, 1924, 1992)),
      Map.entry("c_preferred_cust_flag", unordered(2)),
      Map.entry("p_channel_email", unordered(2)),
      Map.entry("p_channel_event", unordered(2)),
      Map.entry("p_channel_tv", unordered(2)),
      Map.entry("p_channel_dmail", unordered(2)),
      Map.entry("ss_quantity", ranged(100, 1, 100)),
      Map.entry("cs_quantity", ranged(100, 1, 100)),
      Map.entry("ws_quantity", ranged(100, 1, 100)),
      Map.entry("inv_quantity_on_hand", ranged(1001, 0, 1000)));

  public static List<TableDefinition> tables(double sf) {
    Map<String, Double> rows = new LinkedHashMap<>();
    for (Table t : baseTables()) {
      rows.put(t.getName(), TpcdsStatistics.rows(t.getName(), sf));
    }
    List<TableDefinition> out = new ArrayList<>();
    for (Table t : baseTables()) {
      out.add(definition(t, rows, sf));
    }
    return List.copyOf(out);
  }

  /** The specification's 24 tables (the generator's DBGEN_VERSION is not one). */
  static List<Table> baseTables() {
    return Table.getBaseTables().stream().filter(t -> t != Table.DBGEN_VERSION).toList();
  }

  private static TableDefinition definition(Table t, Map<String, Double> rows, double sf) {
    String name = t.getName();
    double n = rows.get(name);
    boolean fact = FACTS.contains(name);
    List<String> key = fact ? FACT_KEYS.get(name) : List.of(t.getColumns()[0].getName());
    TableDefinition.Builder b = TableDefinition.builder(name, n);
    Column[] columns = t.getColumns();
    for (int i = 0; i < columns.length; i++) {
      Column c = columns[i];
      String col = c.getName();
      ColumnStatistics stats = statistics(name, col, c.getType(), n, key, rows, sf)
          .withNullFraction(nullFraction(t, i, key));
      ColumnType type = c.getType();
      switch (type.getBase()) {
        case IDENTIFIER, INTEGER -> b.integer(col, stats);
        case DECIMAL -> b.decimal(col, type.getPrecision().orElseThrow(),
            type.getScale().orElseThrow(), stats);
        case CHAR -> b.chars(col, type.getPrecision().orElseThrow(), stats);
        case VARCHAR -> b.varchar(col, type.getPrecision().orElseThrow(), stats);
        case DATE -> b.date(col, stats);
        default -> throw new IllegalStateException("TPC-DS column " + name + "." + col
            + " has unexpected type " + type.getBase());
      }
    }
    b.primaryKey(key.toArray(String[]::new));
    for (Column c : t.getColumns()) {
      String target = referenced(name, c.getName(), key);
      if (target != null) {
        b.foreignKey(c.getName(), target, keyOf(target));
      }
    }
    String sales = TpcdsStatistics.RETURNS_OF.get(name);
    if (sales != null) {
      b.foreignKey(key, sales, FACT_KEYS.get(sales));
    }
    return b.build();
  }

  /**
   * The fraction of NULLs the generator puts in column {@code ordinal} of
   * {@code t}. dsdgen gives a row a random null bitmap with the table's
   * probability (its null basis points, e.g. 9 % of {@code store_sales}
   * rows), which nulls each column with probability 1/2 unless the table's
   * not-null bitmap protects it (keys and business ids). The end date of a
   * history-keeping dimension's row is NULL in its current revision, about
   * half of the rows. A column never NULL is declared NOT NULL, so
   * {@code IS NULL} on a foreign key (TPC-DS Q76) is not folded away.
   */
  static double nullFraction(Table t, int ordinal, List<String> key) {
    String col = t.getColumns()[ordinal].getName();
    if (key.contains(col)) {
      return 0;
    }
    if (col.endsWith("_rec_end_date")) {
      return 0.5;
    }
    boolean protectedColumn = ((t.getNotNullBitMap() >>> ordinal) & 1) == 1;
    return protectedColumn ? 0 : t.getNullBasisPoints() / 20_000.0;
  }

  /** The dimension a column references, or null for keys of its own table and non-keys. */
  static String referenced(String table, String column, List<String> key) {
    if (!column.endsWith("_sk") || (key.size() == 1 && key.get(0).equals(column))) {
      return null;
    }
    for (Map.Entry<String, String> e : REFERENCES.entrySet()) {
      if (column.endsWith(e.getKey()) && !e.getValue().equals(table)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String keyOf(String dimension) {
    return Table.getTable(dimension).getColumns()[0].getName();
  }

  private static ColumnStatistics statistics(String table, String col, ColumnType type,
      double n, List<String> key, Map<String, Double> rows, double sf) {
    boolean fact = FACTS.contains(table);
    if (key.size() == 1 && key.get(0).equals(col)) {
      return switch (table) {
        case "date_dim" -> ranged(n, FIRST_DATE_SK, FIRST_DATE_SK + n - 1);
        case "time_dim" -> ranged(n, 0, n - 1);
        default -> ranged(n, 1, n);
      };
    }
    String target = referenced(table, col, key);
    if (target != null) {
      double referencedRows = rows.get(target);
      if (fact && target.equals("date_dim")) {
        boolean sold = col.contains("sold_date");
        double last = sold ? SALES_LAST_DATE_SK : LATE_LAST_DATE_SK;
        double first = table.equals("inventory") ? SALES_FIRST_DATE_SK - 1 : SALES_FIRST_DATE_SK;
        // Inventory is counted weekly.
        double days = table.equals("inventory") ? (last - first) / 7 + 1 : last - first + 1;
        return ranged(Math.min(n, days), first, last);
      }
      if (fact && target.equals("time_dim")) {
        return ranged(Math.min(n, SALES_LAST_TIME - SALES_FIRST_TIME + 1), SALES_FIRST_TIME,
            SALES_LAST_TIME);
      }
      double first = target.equals("date_dim") ? FIRST_DATE_SK : target.equals("time_dim") ? 0 : 1;
      return ranged(Math.min(n, referencedRows), first, first + referencedRows - 1);
    }
    if (key.contains(col)) {
      // The order or ticket number of a sales or returns line.
      String sales = TpcdsStatistics.RETURNS_OF.getOrDefault(table, table);
      return ranged(TpcdsStatistics.orderNumbers(table, sf), 1,
          TpcdsStatistics.orderNumbers(sales, sf));
    }
    ColumnStatistics known = ATTRIBUTES.get(col);
    if (known != null) {
      return known.cappedAt(n);
    }
    return guess(type, n, col);
  }

  /**
   * A rough guess where no generation rule is encoded: flags take 2 values,
   * business ids one per row (the "_id" columns: a few per key, as history
   * rows share them), other columns a few hundred, never more than the rows.
   */
  private static ColumnStatistics guess(ColumnType type, double n, String col) {
    if (col.endsWith("_id") && type.getBase() == ColumnType.Base.CHAR) {
      return unordered(Math.max(1, n / 2));
    }
    if ((type.getBase() == ColumnType.Base.CHAR || type.getBase() == ColumnType.Base.VARCHAR)
        && type.getPrecision().orElse(0) == 1) {
      return unordered(Math.min(n, 2));
    }
    return switch (type.getBase()) {
      case DECIMAL -> unordered(Math.min(n, 10_000));
      case DATE -> unordered(Math.min(n, 3_650));
      default -> unordered(Math.min(n, 500));
    };
  }
}
