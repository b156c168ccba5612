package org.planlab.tpch;

import static org.planlab.planner.stats.ColumnStatistics.ranged;
import static org.planlab.planner.stats.ColumnStatistics.unordered;
import static org.planlab.tpch.TpchStatistics.CURRENT_DATE;
import static org.planlab.tpch.TpchStatistics.END_DATE;
import static org.planlab.tpch.TpchStatistics.LAST_ORDER_DATE;
import static org.planlab.tpch.TpchStatistics.START_DATE;
import static org.planlab.tpch.TpchStatistics.distinctDraws;
import static org.planlab.tpch.TpchStatistics.epochDay;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.planlab.planner.stats.TableDefinition;

/**
 * The eight TPC-H tables with the types of the specification's clause 1.4
 * (identifiers as BIGINT so that every scale factor fits), their primary and
 * foreign keys (clause 1.4.2), and column statistics derived from the
 * generation rules of clause 4.2.3.
 */
public final class TpchSchema {
  private TpchSchema() {
  }

  /** Clause 4.2.3: P_RETAILPRICE takes one of these many cent values in [900.01, 2098.99]. */
  private static final double RETAILPRICE_DOMAIN = 119_899;

  public static List<TableDefinition> tables(double sf) {
    if (!(sf > 0) || Double.isInfinite(sf)) {
      throw new IllegalArgumentException("scale factor must be > 0, got " + sf);
    }
    double s = TpchStatistics.supplier(sf);
    double p = TpchStatistics.part(sf);
    double ps = TpchStatistics.partsupp(sf);
    double c = TpchStatistics.customer(sf);
    double o = TpchStatistics.orders(sf);
    double l = TpchStatistics.lineitem(sf);
    double orderDays = ChronoUnit.DAYS.between(START_DATE, LAST_ORDER_DATE) + 1;

    TableDefinition region = TableDefinition.builder("region", TpchStatistics.REGION)
        .bigint("r_regionkey", ranged(5, 0, 4))
        .chars("r_name", 25, unordered(5))
        .varchar("r_comment", 152, unordered(5))
        .primaryKey("r_regionkey")
        .build();

    TableDefinition nation = TableDefinition.builder("nation", TpchStatistics.NATION)
        .bigint("n_nationkey", ranged(25, 0, 24))
        .chars("n_name", 25, unordered(25))
        .bigint("n_regionkey", ranged(5, 0, 4))
        .varchar("n_comment", 152, unordered(25))
        .primaryKey("n_nationkey")
        .foreignKey("n_regionkey", "region", "r_regionkey")
        .build();

    TableDefinition supplier = TableDefinition.builder("supplier", s)
        .bigint("s_suppkey", ranged(s, 1, s))
        .chars("s_name", 25, unordered(s))
        .varchar("s_address", 40, unordered(s))
        .bigint("s_nationkey", ranged(25, 0, 24))
        .chars("s_phone", 15, unordered(s))
        // Account balances are cent values uniform in [-999.99, 9999.99].
        .decimal("s_acctbal", 15, 2, ranged(distinctDraws(1_099_999, s), -999.99, 9999.99))
        .varchar("s_comment", 101, unordered(s))
        .primaryKey("s_suppkey")
        .foreignKey("s_nationkey", "nation", "n_nationkey")
        .build();

    TableDefinition part = TableDefinition.builder("part", p)
        .bigint("p_partkey", ranged(p, 1, p))
        .varchar("p_name", 55, unordered(p))
        .chars("p_mfgr", 25, unordered(5))
        .chars("p_brand", 10, unordered(25))
        .varchar("p_type", 25, unordered(150))
        .integer("p_size", ranged(50, 1, 50))
        .chars("p_container", 10, unordered(40))
        .decimal("p_retailprice", 15, 2,
            ranged(distinctDraws(RETAILPRICE_DOMAIN, p), 900.01, 2098.99))
        .varchar("p_comment", 23, unordered(p))
        .primaryKey("p_partkey")
        .build();

    TableDefinition partsupp = TableDefinition.builder("partsupp", ps)
        .bigint("ps_partkey", ranged(p, 1, p))
        .bigint("ps_suppkey", ranged(s, 1, s))
        .integer("ps_availqty", ranged(9999, 1, 9999))
        .decimal("ps_supplycost", 15, 2, ranged(distinctDraws(99_901, ps), 1.00, 1000.00))
        .varchar("ps_comment", 199, unordered(ps))
        .primaryKey("ps_partkey", "ps_suppkey")
        .foreignKey("ps_partkey", "part", "p_partkey")
        .foreignKey("ps_suppkey", "supplier", "s_suppkey")
        .build();

    TableDefinition customer = TableDefinition.builder("customer", c)
        .bigint("c_custkey", ranged(c, 1, c))
        .varchar("c_name", 25, unordered(c))
        .varchar("c_address", 40, unordered(c))
        .bigint("c_nationkey", ranged(25, 0, 24))
        .chars("c_phone", 15, unordered(c))
        .decimal("c_acctbal", 15, 2, ranged(distinctDraws(1_099_999, c), -999.99, 9999.99))
        .chars("c_mktsegment", 10, unordered(5))
        .varchar("c_comment", 117, unordered(c))
        .primaryKey("c_custkey")
        .foreignKey("c_nationkey", "nation", "n_nationkey")
        .build();

    TableDefinition orders = TableDefinition.builder("orders", o)
        // Order keys are sparse: the first 8 of every 32 values are used.
        .bigint("o_orderkey", ranged(o, 1, 4 * o))
        // A customer whose key is a multiple of 3 places no order.
        .bigint("o_custkey", ranged(c * 2 / 3, 1, c))
        .chars("o_orderstatus", 1, unordered(3))
        .decimal("o_totalprice", 15, 2, ranged(o, 857.71, 555_285.16))
        .date("o_orderdate", ranged(orderDays, epochDay(START_DATE), epochDay(LAST_ORDER_DATE)))
        .chars("o_orderpriority", 15, unordered(5))
        .chars("o_clerk", 15, unordered(Math.max(1, 1000 * sf)))
        .integer("o_shippriority", ranged(1, 0, 0))
        .varchar("o_comment", 79, unordered(o))
        .primaryKey("o_orderkey")
        .foreignKey("o_custkey", "customer", "c_custkey")
        .build();

    TableDefinition lineitem = TableDefinition.builder("lineitem", l)
        .bigint("l_orderkey", ranged(o, 1, 4 * o))
        .bigint("l_partkey", ranged(p, 1, p))
        .bigint("l_suppkey", ranged(s, 1, s))
        .integer("l_linenumber", ranged(7, 1, 7))
        .decimal("l_quantity", 15, 2, ranged(50, 1, 50))
        .decimal("l_extendedprice", 15, 2,
            ranged(distinctDraws(50 * RETAILPRICE_DOMAIN, l), 900.01, 104_949.50))
        .decimal("l_discount", 15, 2, ranged(11, 0.00, 0.10))
        .decimal("l_tax", 15, 2, ranged(9, 0.00, 0.08))
        .chars("l_returnflag", 1, unordered(3))
        .chars("l_linestatus", 1, unordered(2))
        // Ship: order date + [1, 121]; commit: + [30, 90]; receipt: ship + [1, 30].
        .date("l_shipdate", dates(START_DATE.plusDays(1), LAST_ORDER_DATE.plusDays(121)))
        .date("l_commitdate", dates(START_DATE.plusDays(30), LAST_ORDER_DATE.plusDays(90)))
        .date("l_receiptdate", dates(START_DATE.plusDays(2), LAST_ORDER_DATE.plusDays(151)))
        .chars("l_shipinstruct", 25, unordered(4))
        .chars("l_shipmode", 10, unordered(7))
        .varchar("l_comment", 44, unordered(l))
        .primaryKey("l_orderkey", "l_linenumber")
        .foreignKey("l_orderkey", "orders", "o_orderkey")
        .foreignKey("l_partkey", "part", "p_partkey")
        .foreignKey("l_suppkey", "supplier", "s_suppkey")
        .foreignKey(List.of("l_partkey", "l_suppkey"), "partsupp",
            List.of("ps_partkey", "ps_suppkey"))
        .build();

    assert !CURRENT_DATE.isAfter(END_DATE);
    return List.of(region, nation, supplier, part, partsupp, customer, orders, lineitem);
  }

  private static org.planlab.planner.stats.ColumnStatistics dates(java.time.LocalDate from,
      java.time.LocalDate to) {
    return ranged(ChronoUnit.DAYS.between(from, to) + 1, epochDay(from), epochDay(to));
  }
}
