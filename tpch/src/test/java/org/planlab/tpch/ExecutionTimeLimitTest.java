package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.exec.Datasets;
import org.planlab.planner.exec.ExecutionCancelledException;
import org.planlab.planner.exec.PlanExecutor;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

/**
 * A run stops at its time limit wherever its time goes. Three lineitems
 * joined on a two-valued column: each probe row meets about 10^9 rows, so
 * the scans, which check the limit as their rows pass, are not read again
 * for a long time (the run went on for 50 s past a 1 s limit before every
 * operator checked it); checks above the joins stop it within a second or
 * two. Timed runs
 * ({@code planlab run --execute}) compile plans without row counters, and
 * must stop as instrumented runs do.
 */
class ExecutionTimeLimitTest {
  private static final Workload TPCH = Workloads.byName("tpch");

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRunStuckInAJoinStopsAtItsTimeLimit(boolean instrumented) {
    CostModel m = CostModels.byName("pg");
    PlannedQuery p = new PlanningSession(TPCH.schema(0.01), Optimizers.byName("cheap-only", m),
        Duration.ofSeconds(60), m, 1).plan(new WorkloadQuery("t", "t",
            "SELECT COUNT(*) FROM lineitem a JOIN lineitem b ON a.l_linestatus = "
            + "b.l_linestatus JOIN lineitem c ON b.l_linestatus = c.l_linestatus "
            + "WHERE a.l_quantity + b.l_quantity + c.l_quantity > 0"));
    assertThat(p.plan()).isNotNull();
    Dataset data = Datasets.of(TPCH, 0.01, Dataset.Progress.NONE);
    PlanExecutor.Compiled compiled = PlanExecutor.compile(p.plan(), instrumented);
    assertThat(compiled.instrumented()).isEqualTo(instrumented);
    // Generous for a slow machine: without the checks, the run ends after 50 s.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> PlanExecutor.run(compiled, data, Duration.ofSeconds(1)))
            .isInstanceOf(ExecutionCancelledException.class));
  }
}
