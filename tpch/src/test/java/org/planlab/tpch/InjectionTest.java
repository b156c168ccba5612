package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.exec.Datasets;
import org.planlab.planner.exec.InjectedCardinalities;
import org.planlab.planner.exec.QueryExecutor;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.result.ExecStatus;
import org.planlab.planner.result.Execution;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.suite.SuiteRunner;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;

/**
 * Issue 8's --inject-cardinalities: a query planned again with the
 * cardinalities measured when its plan ran estimates exactly those.
 */
class InjectionTest {
  private static final Workload TPCH = Workloads.byName("tpch");
  private static final double SF = 0.01;

  private static PlanningSession session() {
    CostModel m = CostModels.byName("calcite");
    return new PlanningSession(TPCH.schema(SF), Optimizers.byName("two-phase", m),
        Duration.ofSeconds(60), m, 1);
  }

  private static QueryExecutor executor() {
    Dataset d = Datasets.of(TPCH, SF, Dataset.Progress.NONE);
    return new QueryExecutor(d, TPCH.data().orElseThrow(),
        new QueryExecutor.Options(0, 1, Duration.ofSeconds(60)));
  }

  private static List<PlanNode> joins(PlanNode n, List<PlanNode> out) {
    if (n.operator().endsWith("Join")) {
      out.add(n);
    }
    n.inputs().forEach(i -> joins(i, out));
    return out;
  }

  /**
   * Q3's two joins were estimated at 5,326 and 2,189 rows and returned 356
   * and 1,797 (its customer join is a semi join the DP made, which counts as
   * the inner join since customers are unique). Planned again, its joins are
   * estimated at exactly what they returned, and the answer stays right.
   */
  @Test
  void theReplannedPlanEstimatesWhatWasMeasured() {
    QueryResult r = new SuiteRunner("tpch", SF, session())
        .executingWithInjection(executor())
        .run(List.of(TPCH.query("q3"), TPCH.query("q5")), new SuiteRunner.Listener() { })
        .queries().get(0);
    Execution x = r.execution();
    Execution.Injected i = x.injected();
    assertThat(i).isNotNull();
    assertThat(i.status()).as(i.message()).isEqualTo(ExecStatus.OK);
    assertThat(i.runtimeMs()).isPositive();
    List<Long> measured = joins(r.plan().root(), new ArrayList<>()).stream()
        .map(j -> x.nodes().get(j.id()).rows()).toList();
    assertThat(joins(r.plan().root(), new ArrayList<>())).allSatisfy(j ->
        assertThat(j.rows()).isNotEqualTo((double) x.nodes().get(j.id()).rows()));
    assertThat(joins(i.plan().root(), new ArrayList<>())).extracting(PlanNode::rows)
        .containsExactlyInAnyOrderElementsOf(measured.stream().map(Long::doubleValue).toList());
  }

  /** Every scan, filter and join of a serial plan is measured; aggregates and sorts are not. */
  @Test
  void whatIsMeasured() {
    PlannedQuery p = executor().execute(session().plan(TPCH.query("q5")));
    InjectedCardinalities c = InjectedCardinalities.of(CostModels.byName("calcite"), p.plan(),
        p.result().execution().nodes());
    // Q5: 6 scans, their filtered forms and 5 joins, less what coincides.
    assertThat(c.size()).isBetween(8, 20);
  }
}
