package org.planlab.tpch;

import java.time.LocalDate;
import java.util.Map;

/**
 * Row counts and value domains of TPC-H at a scale factor, from the TPC-H
 * specification (revision 3.0.1): clause 1.4 (table layouts), clause 4.2.3
 * (how each column's values are generated) and clause 4.2.5 (cardinalities).
 */
public final class TpchStatistics {
  private TpchStatistics() {
  }

  /** Clause 4.2.3: STARTDATE. */
  static final LocalDate START_DATE = LocalDate.of(1992, 1, 1);
  /** Clause 4.2.3: ENDDATE. */
  static final LocalDate END_DATE = LocalDate.of(1998, 12, 31);
  /** Clause 4.2.3: O_ORDERDATE is uniform in [STARTDATE, ENDDATE - 151 days]. */
  static final LocalDate LAST_ORDER_DATE = END_DATE.minusDays(151);
  /** Clause 4.2.3: CURRENTDATE, which splits l_linestatus and l_returnflag. */
  static final LocalDate CURRENT_DATE = LocalDate.of(1995, 6, 17);

  /**
   * LINEITEM's exact row counts at the standard scale factors, as dbgen
   * produces them (clause 4.2.5.1 gives "SF × 6,000,000, approximate").
   */
  private static final Map<Double, Double> LINEITEM_EXACT = Map.of(
      1.0, 6_001_215.0,
      10.0, 59_986_052.0,
      100.0, 600_037_902.0,
      1000.0, 5_999_989_709.0);

  public static double supplier(double sf) {
    return 10_000 * sf;
  }

  public static double part(double sf) {
    return 200_000 * sf;
  }

  public static double partsupp(double sf) {
    return 800_000 * sf;
  }

  public static double customer(double sf) {
    return 150_000 * sf;
  }

  public static double orders(double sf) {
    return 1_500_000 * sf;
  }

  /** Each order has 1 to 7 lines, 4 on average (clause 4.2.3). */
  public static double lineitem(double sf) {
    return LINEITEM_EXACT.getOrDefault(sf, 6_000_000 * sf);
  }

  /** NATION and REGION do not scale. */
  public static final double NATION = 25;
  public static final double REGION = 5;

  static double epochDay(LocalDate d) {
    return d.toEpochDay();
  }

  /**
   * Distinct values among {@code n} draws from a domain of {@code domain}
   * values, drawn uniformly at random: d · (1 − (1 − 1/d)^n).
   */
  static double distinctDraws(double domain, double n) {
    if (n <= 0) {
      return 1;
    }
    return Math.max(1, domain * -Math.expm1(n * Math.log1p(-1 / domain)));
  }
}
