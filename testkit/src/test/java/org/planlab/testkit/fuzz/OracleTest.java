package org.planlab.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.junit.jupiter.api.Test;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

/** The oracle's runs: identical plans run once, and runaway runs stop at the time limit. */
class OracleTest {
  private static final Oracle ORACLE = new Oracle(Workloads.byName("tpch"), 0.01,
      new Oracle.Settings(Duration.ofSeconds(30), Duration.ofSeconds(1), 100_000),
      Dataset.Progress.NONE);

  @Test
  void identicalPlansRunOnce() {
    String sql = "SELECT n_name, COUNT(*) FROM nation JOIN region ON n_regionkey = r_regionkey "
        + "GROUP BY n_name";
    // The same combination twice: the same plans, run once.
    Oracle.Combo c = Oracle.Combo.parse("cheap-only/pg/dop1");
    Oracle.Outcome same = ORACLE.check(sql, null, List.of(c, c), false);
    assertThat(same.passed()).isTrue();
    assertThat(same.executions()).isEqualTo(1);
    assertThat(same.reused()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aPlansKeyIgnoresIdsAndCostsButNotOperators() {
    CostModel model = CostModels.byName("pg");
    PlanningSession session = new PlanningSession(ORACLE.schema(),
        Optimizers.byName("cheap-only", model), Duration.ofSeconds(30), model, 1);
    String sql = "SELECT n_name FROM nation WHERE n_regionkey = 1";
    RelNode a = session.plan(new WorkloadQuery("t", "a", sql)).plan();
    RelNode again = session.plan(new WorkloadQuery("t", "a", sql)).plan();
    RelNode sorted = session.plan(new WorkloadQuery("t", "b", sql + " ORDER BY n_name")).plan();
    RelNode other = session.plan(new WorkloadQuery("t", "c",
        "SELECT n_name FROM nation WHERE n_regionkey = 2")).plan();
    assertThat(again.getId()).isNotEqualTo(a.getId());
    assertThat(Oracle.planKey(again)).isEqualTo(Oracle.planKey(a));
    assertThat(Oracle.planKey(sorted)).isNotEqualTo(Oracle.planKey(a));
    assertThat(Oracle.planKey(other)).isNotEqualTo(Oracle.planKey(a));
  }

  @Test
  void aRunBuildingAHugeHashTableStopsAtTheTimeLimit() {
    // Three lineitems joined on a two-valued column: each probe row meets
    // about 10^9 rows, so the scans below, which check the time limit every
    // 1,024 rows, are not read again for hours. Every operator checks it.
    String sql = "SELECT COUNT(*) FROM lineitem a JOIN lineitem b ON a.l_linestatus = "
        + "b.l_linestatus JOIN lineitem c ON b.l_linestatus = c.l_linestatus "
        + "WHERE a.l_quantity + b.l_quantity + c.l_quantity > 0";
    long start = System.nanoTime();
    Oracle.Outcome o = ORACLE.check(sql, null, List.of(Oracle.Combo.parse("cheap-only/pg/dop1")),
        false);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(o.findings()).isEmpty();
    assertThat(o.slow()).isGreaterThanOrEqualTo(1);
    assertThat(o.executions()).isZero();
    // Planning plus one second of running, with room for a slow machine.
    assertThat(seconds).isLessThan(30);
  }
}
