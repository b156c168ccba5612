package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.exec.Datasets;
import org.planlab.planner.exec.PlanExecutor;
import org.planlab.planner.exec.ResultRows;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

/**
 * planlab's rewrites of what runs, on TPC-H data: the empty grouping set
 * returns its row over no input rows, as SQL says and PostgreSQL does
 * (Calcite's EnumerableAggregate returned none), also for COUNT(*) with
 * COUNT(DISTINCT), which Calcite plans as grouping sets; and a window
 * aggregate over a NULL constant compiles and answers (Calcite's code
 * generator could not compile it).
 */
class ExecutorRewritesTest {
  private static final Workload TPCH = Workloads.byName("tpch");

  private static List<List<String>> rows(String config, String sql) {
    return rows(config, sql, false);
  }

  private static List<List<String>> rows(String config, String sql, boolean instrumented) {
    CostModel m = CostModels.byName("pg");
    PlannedQuery p = new PlanningSession(TPCH.schema(0.01), Optimizers.byName(config, m),
        Duration.ofSeconds(60), m, 1).plan(new WorkloadQuery("t", "t", sql));
    assertThat(p.plan()).as(String.valueOf(p.result().error())).isNotNull();
    Dataset data = Datasets.of(TPCH, 0.01, Dataset.Progress.NONE);
    return ResultRows.text(PlanExecutor.run(PlanExecutor.compile(p.plan(), instrumented), data,
        Duration.ofSeconds(60)).rows(), p.plan().getRowType());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "calcite-default"})
  void theEmptySetAnswersOverNoRows(String config) {
    assertThat(rows(config, "SELECT r_regionkey, COUNT(*) AS c FROM region "
        + "WHERE r_regionkey < 0 GROUP BY GROUPING SETS ((r_regionkey), ())"))
        .containsExactly(List.of("null", "0"));
    assertThat(rows(config, "SELECT r_regionkey, r_name, GROUPING(r_regionkey, r_name) AS g, "
        + "COUNT(*) AS c, MIN(r_comment) AS m FROM region WHERE r_regionkey < 0 "
        + "GROUP BY ROLLUP (r_regionkey, r_name)"))
        .containsExactly(List.of("null", "null", "3", "0", "null"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "calcite-default"})
  void countAndCountDistinctOverNoRowsKeepTheirRow(String config) {
    assertThat(rows(config, "SELECT * FROM (SELECT COUNT(*) AS c0 FROM region "
        + "WHERE r_regionkey < 0 HAVING COUNT(DISTINCT r_name) = 0) AS x WHERE x.c0 = 0"))
        .containsExactly(List.of("0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cheap-only", "calcite-default"})
  void aRollupOverRowsIsUnchanged(String config) {
    List<List<String>> r = rows(config, "SELECT r_regionkey, GROUPING(r_regionkey) AS g, "
        + "COUNT(*) AS c FROM region GROUP BY ROLLUP (r_regionkey)");
    assertThat(r).hasSize(6).contains(List.of("null", "1", "5"), List.of("0", "0", "1"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void windowAggregatesOverNullConstantsRun(boolean instrumented) {
    assertThat(rows("cheap-only", "SELECT r_regionkey, "
        + "MAX(CAST(NULL AS DECIMAL(7, 2))) OVER (PARTITION BY r_regionkey) AS m, "
        + "COUNT(CAST(NULL AS INTEGER)) OVER (PARTITION BY r_regionkey) AS c, "
        + "SUM(r_regionkey) OVER (PARTITION BY r_regionkey) AS s FROM region", instrumented))
        .containsExactlyInAnyOrder(List.of("0", "null", "0", "0"), List.of("1", "null", "0", "1"),
            List.of("2", "null", "0", "2"), List.of("3", "null", "0", "3"),
            List.of("4", "null", "0", "4"));
  }

  @Test
  void aWindowWithAFrameOffsetIsUnchanged() {
    assertThat(rows("cheap-only", "SELECT r_regionkey, SUM(r_regionkey) OVER "
        + "(ORDER BY r_regionkey ROWS 1 PRECEDING) AS s FROM region"))
        .containsExactlyInAnyOrder(List.of("0", "0"), List.of("1", "1"), List.of("2", "3"),
            List.of("3", "5"), List.of("4", "7"));
  }
}
