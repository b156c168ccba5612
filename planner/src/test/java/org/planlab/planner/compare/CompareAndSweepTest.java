package org.planlab.planner.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.planlab.planner.optimize.EffortCounter.Effort;
import org.planlab.planner.plan.Cost;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.plan.PlanSnapshot;
import org.planlab.planner.result.Environment;
import org.planlab.planner.result.GateDecision;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.StageTime;
import org.planlab.planner.result.Stages;
import org.planlab.planner.result.StopReason;
import org.planlab.planner.result.SuiteResult;

class CompareAndSweepTest {
  private static final Effort NONE = new Effort(0, 0, 0, 0);

  private static PlanSnapshot plan(String op, double cost) {
    return new PlanSnapshot(new PlanNode(0, op, Map.of(), 1, new Cost(cost, 0, 0),
        new Cost(cost, 0, 0), List.of()));
  }

  private static PhaseTrace phase(String name, double ms, double cost, boolean kept) {
    return new PhaseTrace(name, ms, ms, null, new Cost(cost, 0, 0), NONE, Map.of(),
        StopReason.COMPLETED, kept, List.of());
  }

  /** A query planned with phase 2 always on. */
  private static QueryResult query(String id, double p1Cost, double p1Ms, double p2Cost,
      double p2Ms) {
    double best = Math.min(p1Cost, p2Cost);
    return new QueryResult(id, id, "", QueryStatus.PLANNED, null, 1,
        new Stages(null, null, null, new StageTime(p1Ms + p2Ms, p1Ms + p2Ms)),
        new Cost(best, 0, 0), NONE, StopReason.COMPLETED, plan("Op" + best, best),
        List.of(phase("cheap", p1Ms, p1Cost, p1Cost <= p2Cost),
            phase("expensive", p2Ms, p2Cost, p2Cost < p1Cost)),
        new GateDecision("cost > 0", p1Cost, 0, true));
  }

  private static SuiteResult suite(String config, QueryResult... queries) {
    return new SuiteResult(SuiteResult.FORMAT, "t", 1, config, 60, Environment.current(),
        Instant.EPOCH, Instant.EPOCH, List.of(queries));
  }

  @Test
  void comparisonListsRegressionsFirstWithRatiosAndGeomeans() {
    SuiteResult base = suite("a", query("q1", 100, 10, 100, 0), query("q2", 50, 10, 50, 0),
        query("q3", 80, 10, 80, 0));
    SuiteResult cand = suite("b", query("q1", 50, 5, 50, 0), query("q2", 100, 40, 100, 0),
        query("q4", 1, 1, 1, 0));
    Comparison c = Comparison.of(base, cand);
    assertThat(c.rows()).extracting(Comparison.Row::query).containsExactly("q2", "q1");
    Comparison.Row q2 = c.rows().get(0);
    assertThat(q2.regression()).isTrue();
    assertThat(q2.costRatio()).isEqualTo(2.0);
    assertThat(q2.timeRatio()).isEqualTo(4.0);
    assertThat(q2.planChanged()).isTrue();
    assertThat(c.rows().get(1).regression()).isFalse();
    assertThat(c.geomeanCostRatio()).isCloseTo(1.0, within(1e-12));
    assertThat(c.geomeanTimeRatio()).isCloseTo(Math.sqrt(4 * 0.5), within(1e-12));
    assertThat(c.totalTimeRatio()).isCloseTo(45.0 / 20, within(1e-12));
    assertThat(c.regressions()).isEqualTo(1);
    assertThat(c.onlyInOne()).containsExactlyInAnyOrder("q4", "q3");
  }

  @Test
  void sweepReplaysTheGateAtEveryBreakpoint() {
    // q1: phase 2 halves the cost; q2: phase 2 does not help.
    SuiteResult always = suite("x@0", query("q1", 1000, 10, 500, 30),
        query("q2", 10, 5, 10, 20));
    GateSweep sweep = GateSweep.of(always, List.of());
    assertThat(sweep.points()).extracting(GateSweep.Point::threshold)
        .containsExactly(0.0, 10.0, 1000.0, Double.POSITIVE_INFINITY);
    GateSweep.Point zero = sweep.points().get(0);
    assertThat(zero.phase2Queries()).isEqualTo(2);
    assertThat(zero.totalOptimizeMs()).isEqualTo(65.0);
    assertThat(zero.geomeanCostRatio()).isEqualTo(1.0);
    GateSweep.Point ten = sweep.points().get(1);
    assertThat(ten.phase2Queries()).isEqualTo(1);
    assertThat(ten.totalOptimizeMs()).isEqualTo(45.0);
    assertThat(ten.geomeanCostRatio()).isEqualTo(1.0);
    GateSweep.Point never = sweep.points().get(3);
    assertThat(never.phase2Queries()).isZero();
    assertThat(never.totalOptimizeMs()).isEqualTo(15.0);
    assertThat(never.geomeanCostRatio()).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(never.maxCostRatio()).isEqualTo(2.0);
  }

  @Test
  void sweepWritesCsvAndAChartAndRefusesRunsWithoutPhaseTwo() throws Exception {
    SuiteResult always = suite("x@0", query("q1", 1000, 10, 500, 30));
    GateSweep sweep = GateSweep.of(always, List.of(100.0, 1e4));
    StringWriter csv = new StringWriter();
    sweep.writeCsv(csv);
    assertThat(csv.toString().lines()).containsExactly(String.join(",", GateSweep.CSV_COLUMNS),
        "x@0,100.000,1,40.000,40.000,1.00000,1.00000",
        "x@0,10000.0,0,10.000,10.000,2.00000,2.00000");
    assertThat(GateSweepChart.html(sweep, "t")).startsWith("<!DOCTYPE html>")
        .contains("<svg").contains("<polyline").contains("<td>10000</td>");

    QueryResult oneOnly = new QueryResult("q1", "q1", "", QueryStatus.PLANNED, null, 0,
        Stages.NONE, new Cost(1, 0, 0), NONE, StopReason.COMPLETED, plan("Op", 1),
        List.of(phase("cheap", 1, 1, true)), new GateDecision("cost > 5", 1, 5, false));
    assertThatThrownBy(() -> GateSweep.of(suite("two-phase", oneOnly), List.of()))
        .hasMessageContaining("did not run phase 2");
  }
}
