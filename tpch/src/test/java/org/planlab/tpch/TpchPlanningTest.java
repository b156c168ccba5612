package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.StopReason;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

/** The 22 TPC-H queries under {@code calcite-default} at SF 1. */
class TpchPlanningTest {
  private static final Workload TPCH = Workloads.byName("tpch");
  private static final PlanningSession SESSION = new PlanningSession(TPCH.schema(1),
      Optimizers.byName("calcite-default"), Duration.ofSeconds(120));

  @Test
  void theSuiteHasTwentyTwoQueriesFoundByLooseIds() {
    assertThat(TPCH.queries()).hasSize(22);
    assertThat(TPCH.query("Q05")).isEqualTo(TPCH.query("5")).isEqualTo(TPCH.query("q5"));
  }

  @TestFactory
  Stream<DynamicTest> everyQueryIsPlanned() {
    return TPCH.queries().stream().map(q -> DynamicTest.dynamicTest(q.id(), () -> {
      QueryResult r = SESSION.plan(q).result();
      assertThat(r.error()).as("error").isNull();
      assertThat(r.status()).isEqualTo(QueryStatus.PLANNED);
      assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
      assertThat(r.plan()).isNotNull();
      assertThat(r.cost().isInfinite()).isFalse();
      assertThat(r.cost().rows()).isPositive();
      List<PlanNode> nodes = r.plan().nodes();
      assertThat(nodes).extracting(PlanNode::operator).allMatch(o -> o.startsWith("Enumerable"),
          "every operator is physical");
      assertThat(nodes).filteredOn(n -> n.operator().equals("EnumerableTableScan")).isNotEmpty();
    }));
  }

  @Test
  void aTinyBudgetStopsTheSearchAndKeepsTheBestPlanSoFar() {
    // Q7 takes many seconds with Calcite's default rules; two seconds is
    // far less, and far more than the first complete plan needs.
    PlanningSession tight = new PlanningSession(TPCH.schema(1), Optimizers.byName("calcite-default"),
        Duration.ofSeconds(2));
    QueryResult r = tight.plan(TPCH.query("q7")).result();
    assertThat(r.status()).isEqualTo(QueryStatus.TIMED_OUT);
    assertThat(r.stopReason()).isEqualTo(StopReason.BUDGET);
    assertThat(r.plan()).isNotNull();
    assertThat(r.cost()).isNotNull();
    assertThat(r.error()).isNull();
  }

  @Test
  void theSameQueryGivesTheSamePlanTwice() {
    String first = SESSION.plan(TPCH.query("q5")).result().plan().render();
    String second = SESSION.plan(TPCH.query("q5")).result().plan().render();
    assertThat(second).isEqualTo(first);
  }

  private static double rows(String sql) {
    PlannedQuery p = SESSION.plan(new WorkloadQuery("t", "t.sql", sql));
    RelNode plan = p.plan();
    assertThat(plan).as(String.valueOf(p.result().error())).isNotNull();
    RelMetadataQuery mq = plan.getCluster().getMetadataQuery();
    return mq.getRowCount(plan);
  }

  @Test
  void rowEstimatesUseTheStatistics() {
    double lineitem = TpchStatistics.lineitem(1);
    // A year of ship dates out of the 2,526 days they span.
    assertThat(rows("SELECT * FROM lineitem WHERE l_shipdate >= DATE '1994-01-01' "
        + "AND l_shipdate < DATE '1995-01-01'")).isCloseTo(lineitem * 365 / 2525, within(50.0));
    // Foreign-key joins keep the referencing side's rows.
    assertThat(rows("SELECT * FROM lineitem JOIN orders ON l_orderkey = o_orderkey"))
        .isCloseTo(lineitem, within(1.0));
    assertThat(rows("SELECT * FROM lineitem JOIN partsupp ON l_partkey = ps_partkey "
        + "AND l_suppkey = ps_suppkey")).isCloseTo(lineitem, within(1.0));
    // Equality on a column with 5 values.
    assertThat(rows("SELECT * FROM customer WHERE c_mktsegment = 'BUILDING'"))
        .isCloseTo(30_000, within(1.0));
    // GROUP BY estimates groups from distinct counts: 3 flags x 2 statuses.
    assertThat(rows("SELECT l_returnflag, l_linestatus, count(*) FROM lineitem "
        + "GROUP BY l_returnflag, l_linestatus")).isCloseTo(6, within(0.01));
  }
}
