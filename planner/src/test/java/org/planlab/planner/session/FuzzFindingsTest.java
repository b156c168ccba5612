package org.planlab.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planlab.planner.TestSchemas;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.stats.StatisticsDistinctRowCount;
import org.planlab.planner.workload.WorkloadQuery;

/**
 * Planning failures {@code planlab fuzz} found, each fixed in planlab, on
 * the small star schema (the TPC cases themselves are rechecked with their
 * data by the testkit's {@code FuzzRegressionTest}).
 */
class FuzzFindingsTest {

  private static QueryResult plan(String config, int dop, String sql) {
    return new PlanningSession(TestSchemas.star(), Optimizers.byName(config),
        Duration.ofSeconds(30), org.planlab.planner.cost.CostModels.byName("calcite"), dop)
        .plan(new WorkloadQuery("t", "test.sql", sql)).result();
  }

  /** An always-false filter makes an empty Values, whose derived collations Volcano could not meet. */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void aJoinOverAnEmptyInputPlans(String config) {
    QueryResult r = plan(config, 4, "SELECT d.c0 FROM (SELECT p_name AS c0 FROM product "
        + "WHERE p_id IS NULL) AS d JOIN product p ON d.c0 = p.p_name");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
  }

  /** LIMIT 0 becomes an empty Values; the root still asks for the descending order. */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void limitZeroWithADescendingOrderPlans(String config) {
    QueryResult r = plan(config, 1, "SELECT s_id AS c0, s_store AS c1 FROM sales "
        + "JOIN store ON s_store = st_id ORDER BY c0, c1 DESC LIMIT 0");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.plan().render()).contains("EnumerableValues(tuples=[[]])");
  }

  /** Calcite's trimmer throws on a filter whose correlated subquery reads a join's fields. */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void aCorrelatedExistsOverJoinsPlans(String config) {
    QueryResult r = plan(config, 1, "SELECT t0.st_id AS c0 FROM store AS t0 "
        + "INNER JOIN sales AS t1 ON t0.st_id = t1.s_store CROSS JOIN store AS t2 "
        + "INNER JOIN sales AS t3 ON t0.st_id = t3.s_store "
        + "INNER JOIN sales AS t4 ON t0.st_id = t4.s_store "
        + "WHERE EXISTS (SELECT 1 FROM sales AS t5 WHERE t0.st_id = t5.s_store)");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
  }

  /**
   * Calcite's trimmer throws NoElementException on an EXISTS filter below an
   * aggregate that keeps none of the filtered table's fields.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void aCorrelatedExistsBelowAnAggregateThatDropsItsFieldsPlans(String config) {
    QueryResult r = plan(config, 1, "SELECT d.c0 FROM (SELECT COUNT(*) AS c0, "
        + "COUNT(DISTINCT t0.st_id) AS c1 FROM store AS t0 WHERE EXISTS "
        + "(SELECT 1 FROM store AS t1 WHERE t0.st_city = t1.st_city)) AS d");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
  }

  /**
   * Calcite's semi-join rules joined the empty input of a grand-total
   * COUNT(*) in place of its one row, so {@code x IN (always empty) OR x = 1}
   * had no rows under calcite-default. The plan must still read the table.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void anInOverAnEmptySubqueryOrAnotherTestKeepsItsRows(String config) {
    QueryResult r = plan(config, 1, "SELECT st_id FROM store WHERE (st_city IN "
        + "(SELECT p.st_city FROM store p WHERE CASE WHEN p.st_city IS NULL THEN p.st_city "
        + "ELSE 'x' END = 'y') OR st_id = 1)");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.plan().render()).contains("EnumerableTableScan(table=[[shop, store]])")
        .doesNotStartWith("EnumerableValues");
  }

  /**
   * Relations tied only by a predicate over three of them: no two-way split
   * is connected, and the DP join enumerator returned no tree (a
   * NullPointerException in phase 2). The plan joins all three.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void aJoinPredicateOverThreeTablesPlans(String config) {
    QueryResult r = plan(config, 4, "SELECT s.s_id, p.p_name FROM sales s, product p, store st "
        + "WHERE s.s_product + p.p_id = st.st_id");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.phases()).allSatisfy(ph -> assertThat(ph.error()).isNull());
    assertThat(r.plan().render()).contains("sales", "product", "store");
  }

  /**
   * COUNT(*) with COUNT(DISTINCT) becomes an Aggregate with grouping sets
   * ((x), ()); over an input the planner knows is empty, Calcite's
   * prune-empty rule dropped it with its one row. It must stay.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void countsWithADistinctCountOverAnEmptyJoinKeepTheirRow(String config) {
    QueryResult r = plan(config, 1, "SELECT * FROM (SELECT COUNT(s.s_quantity) AS c1, "
        + "COUNT(DISTINCT st.st_city) AS c2 FROM sales s JOIN store st ON s.s_store = st.st_id "
        + "AND s.s_id IS NULL) AS x WHERE NOT (x.c1 BETWEEN 125 AND 875)");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
    String plan = r.plan().render();
    // Either the grouping sets stay (and run with their empty set's row), or
    // the counts are computed by a grand total: never an Aggregate dropped.
    assertThat(plan).as(plan).containsAnyOf("groups=[[", "EnumerableValues(tuples=[[{ 0");
  }

  @Test
  void anAggregateWithAnEmptyGroupingSetIsNotPrunedByRule() {
    assertThat(org.planlab.rules.RuleCatalog.CALCITE_DEFAULT.rules()).doesNotContain(
        org.apache.calcite.rel.rules.PruneEmptyRules.AGGREGATE_INSTANCE);
    assertThat(org.planlab.rules.RuleCatalog.CALCITE_FIXED_ORDER.rules()).doesNotContain(
        org.apache.calcite.rel.rules.PruneEmptyRules.AGGREGATE_INSTANCE);
  }

  /**
   * Calcite's decorrelator asserts that the plan keeps its row type; an
   * EXISTS correlated to a grouped CASE changed a field's nullability. The
   * correlates stay.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void anExistsCorrelatedToAGroupedCasePlans(String config) {
    QueryResult r = plan(config, 1, "SELECT * FROM (SELECT CASE WHEN NOT (st_id IS NOT NULL) "
        + "THEN st_id ELSE 0 END AS c0, SUM(st_id) AS c1 FROM store WHERE st_id = 0 "
        + "GROUP BY CASE WHEN NOT (st_id IS NOT NULL) THEN st_id ELSE 0 END) AS x "
        + "WHERE (x.c0 = 0 AND EXISTS (SELECT 1 FROM store AS t1 WHERE t1.st_id = x.c0))");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
  }

  /**
   * Calcite's decorrelator drops group keys its input projects as literals;
   * where all are, the Aggregate became a grand total, one row over no rows.
   * The correlates stay instead: GROUP BY a constant keeps its key.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void aDecorrelatedGroupByAConstantKeepsItsKey(String config) {
    QueryResult r = plan(config, 1, "SELECT * FROM (SELECT CASE WHEN st_id IS NULL THEN st_id "
        + "ELSE 0 END AS c0, COUNT(*) AS c1 FROM store WHERE CASE WHEN st_id = 0 THEN st_id "
        + "ELSE 0 END = 3 GROUP BY CASE WHEN st_id IS NULL THEN st_id ELSE 0 END) AS x "
        + "WHERE EXISTS (SELECT 1 FROM store AS t3 WHERE t3.st_id = x.c0)");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.plan().render()).doesNotContain("group=[{}]");
  }

  /**
   * Calcite's decorrelator drops a DISTINCT's only group key, a constant,
   * and RelBuilder then replaces the Aggregate's input by one row, so the
   * query's filter is lost; the correlates stay, and the plan reads its
   * tables.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void aDecorrelatedDistinctOfAConstantKeepsItsInput(String config) {
    QueryResult r = plan(config, 1, "SELECT DISTINCT CASE WHEN p_name BETWEEN 'MAIL' AND 'M' "
        + "THEN p_id ELSE 0 END AS c0 FROM product AS t0 WHERE t0.p_id = (SELECT MAX(t1.s_id) "
        + "FROM sales AS t1 WHERE CASE WHEN NOT EXISTS (SELECT 1 FROM store AS t2 "
        + "WHERE t1.s_store = t2.st_id) THEN t1.s_id ELSE 0 END = 0)");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.plan().render()).contains("table=[[shop, product]]")
        .contains("table=[[shop, sales]]");
  }

  /**
   * Calcite's decorrelator indexes an Aggregate's group set by its capacity
   * when it asks whether an aggregate call can be NULL; the correlates stay.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  void aCorrelatedNotInOverAGroupedDerivedTablePlans(String config) {
    // st_city is nullable, so the decorrelator asks whether the aggregate's field is.
    QueryResult r = plan(config, 1, "SELECT * FROM (SELECT st_city AS c0, COUNT(*) AS c1, "
        + "MIN(st_city) AS c2 FROM store GROUP BY st_city) AS x "
        + "WHERE NOT (x.c0 IN (SELECT s2.st_city FROM store AS s2 WHERE s2.st_city = x.c2))");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
  }

  @Test
  void oneValueDrawnByNoRowsIsNoValueNotNaN() {
    assertThat(StatisticsDistinctRowCount.distinctDrawn(1, 0)).isZero();
    assertThat(StatisticsDistinctRowCount.distinctDrawn(0, 5)).isZero();
    assertThat(StatisticsDistinctRowCount.distinctDrawn(1, 3)).isEqualTo(1);
    assertThat(StatisticsDistinctRowCount.distinctDrawn(1000, 1000)).isBetween(600.0, 700.0);
  }
}
