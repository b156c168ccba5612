package org.planlab.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.planlab.testkit.PlanAssert.assertPlan;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

/** The fluent assertions, passing and failing, on TPC-H plans. */
class PlanAssertTest {
  private static final Workload TPCH = Workloads.byName("tpch");

  private static QueryResult plan(String config, String sql) {
    return new PlanningSession(TPCH.schema(1), Optimizers.byName(config), Duration.ofSeconds(60))
        .plan(new WorkloadQuery("t", "t.sql", sql)).result();
  }

  private static final String JOIN = "SELECT n_name, count(*) FROM nation, customer "
      + "WHERE n_nationkey = c_nationkey GROUP BY n_name";

  @Test
  void passingAssertionsChain() {
    assertPlan(plan("two-phase", JOIN))
        .ranPhase2()
        .usedRule("MultiJoinOrderRule:dp")
        .didNotUse("JoinPushThroughJoinRule")
        .joinOrder("nation", "customer")
        .costAtMost(1e7)
        .hasShape("""
            EnumerableAggregate(group=[{1}], EXPR$1=[COUNT()])
              EnumerableHashJoin(condition=[*], joinType=[inner])
                ...
            """);
    assertPlan(plan("cheap-only", "SELECT r_name FROM region")).skippedPhase2()
        .joinOrder("region");
  }

  /** The README's example, as written there. */
  @Test
  void theReadmeExample() {
    PlanningSession session = new PlanningSession(TPCH.schema(1),
        Optimizers.byName("two-phase"), Duration.ofSeconds(60));
    QueryResult r = session.plan(TPCH.query("q5")).result();
    assertPlan(r).ranPhase2()
        .usedRule("MultiJoinOrderRule:dp").didNotUse("JoinPushThroughJoinRule")
        .costAtMost(3e7)
        .hasShape("""
            EnumerableSort(*)
              ...
            """);
  }

  @Test
  void aWrongShapeFailsWithAUnifiedDiff() {
    QueryResult r = plan("two-phase", JOIN);
    assertThatThrownBy(() -> assertPlan(r).hasShape("""
        EnumerableAggregate(*)
          EnumerableMergeJoin(*)
            ...
        """)).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("plan of t does not have the expected shape:")
        .hasMessageContaining("--- expected\n+++ actual\n@@ ")
        .hasMessageContaining("\n-  EnumerableMergeJoin(*)\n")
        .hasMessageContaining("\n+  EnumerableHashJoin(");
  }

  @Test
  void otherFailuresSayWhatThePlanHas() {
    QueryResult r = plan("two-phase", JOIN);
    assertThatThrownBy(() -> assertPlan(r).joinOrder("customer", "nation"))
        .hasMessageContaining("scans [nation, customer], not [customer, nation]");
    assertThatThrownBy(() -> assertPlan(r).costAtMost(10)).hasMessageContaining("more than 10");
    assertThatThrownBy(() -> assertPlan(r).usedRule("NoSuchRule"))
        .hasMessageContaining("did not use NoSuchRule; rules that made something: ");
    assertThatThrownBy(() -> assertPlan(r).didNotUse("MultiJoinOrderRule"))
        .hasMessageContaining("used [MultiJoinOrderRule:");
    assertThatThrownBy(() -> assertPlan(r).skippedPhase2())
        .hasMessageContaining("ran phase 2: gate cost > 1e5 was ");
    QueryResult bad = plan("two-phase", "SELECT nope FROM nation");
    assertThatThrownBy(() -> assertPlan(bad)).hasMessageContaining("has no plan: ");
  }
}
