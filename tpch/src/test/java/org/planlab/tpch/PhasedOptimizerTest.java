package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.cost.CalciteCostModel;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.phased.Configurations;
import org.planlab.planner.phased.CostGate;
import org.planlab.planner.phased.Phase;
import org.planlab.planner.phased.PhaseBudget;
import org.planlab.planner.phased.PhasedOptimizer;
import org.planlab.planner.phased.Step;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.StopReason;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

/** The phased optimizer on TPC-H: gate, budgets, the never-worse rule, determinism. */
class PhasedOptimizerTest {
  private static final Workload TPCH = Workloads.byName("tpch");
  private static final StatisticsSchema SF1 = TPCH.schema(1);

  private static QueryResult plan(Optimizer optimizer, WorkloadQuery q) {
    return new PlanningSession(SF1, optimizer, Duration.ofSeconds(60)).plan(q).result();
  }

  @TestFactory
  Stream<DynamicTest> everyQueryIsPlannedByEveryPhasedConfiguration() {
    return Stream.of("cheap-only", "two-phase", "exhaustive").flatMap(config ->
        TPCH.queries().stream().map(q -> DynamicTest.dynamicTest(config + " " + q.id(), () -> {
          QueryResult r = plan(Optimizers.byName(config), q);
          assertThat(r.error()).as("error").isNull();
          assertThat(r.status()).isEqualTo(QueryStatus.PLANNED);
          assertThat(r.phases()).isNotEmpty();
          assertThat(r.phases().get(0).name()).isEqualTo("cheap");
          assertThat(r.phases()).filteredOn(PhaseTrace::kept).hasSize(1);
          // The greedy and DP join orders never join unrelated inputs.
          assertThat(r.plan().nodes()).filteredOn(n -> n.operator().contains("Join"))
              .noneMatch(n -> "true".equals(n.details().get("condition")));
        })));
  }

  @Test
  void thresholdInfinityNeverRunsPhaseTwoAndZeroAlwaysDoes() {
    PhasedOptimizer never = Configurations.twoPhase(Double.POSITIVE_INFINITY);
    PhasedOptimizer always = Configurations.twoPhase(0);
    for (String id : List.of("q1", "q5", "q6", "q19")) {
      QueryResult n = plan(never, TPCH.query(id));
      assertThat(n.gate().ranPhase2()).isFalse();
      assertThat(n.phases()).extracting(PhaseTrace::name).containsExactly("cheap");
      QueryResult a = plan(always, TPCH.query(id));
      assertThat(a.gate().ranPhase2()).isTrue();
      assertThat(a.phases()).extracting(PhaseTrace::name).startsWith("cheap", "expensive")
          .hasSizeLessThanOrEqualTo(3);
      assertThat(a.gate().value()).isEqualTo(a.phases().get(0).costAfter().rows());
    }
  }

  @Test
  void theGateComparesPhaseOnesCostWithTheThreshold() {
    // Q6 scans lineitem once (cost about 6e6); Q5 joins six tables (about 2.7e7).
    PhasedOptimizer gate = Configurations.twoPhase(1e7);
    QueryResult q6 = plan(gate, TPCH.query("q6"));
    QueryResult q5 = plan(gate, TPCH.query("q5"));
    assertThat(q6.gate().value()).isLessThan(1e7);
    assertThat(q6.gate().ranPhase2()).isFalse();
    assertThat(q5.gate().value()).isGreaterThan(1e7);
    assertThat(q5.gate().ranPhase2()).isTrue();
  }

  @Test
  void cheapQueriesNeverRunPhaseTwoUnderTheDefaultGate() {
    QueryResult lookup = plan(Optimizers.byName("two-phase"), new WorkloadQuery("lookup",
        "lookup.sql", "SELECT n_name FROM nation WHERE n_nationkey = 5"));
    assertThat(lookup.gate().threshold()).isEqualTo(CalciteCostModel.DEFAULT.defaultGateThreshold());
    assertThat(lookup.gate().value()).isLessThan(CalciteCostModel.DEFAULT.defaultGateThreshold());
    assertThat(lookup.gate().ranPhase2()).isFalse();
    assertThat(lookup.phases()).extracting(PhaseTrace::name).containsExactly("cheap");
    // Steps that cannot apply to a one-table query are skipped, not run; so is
    // normalization of a plan already normal.
    assertThat(lookup.phases().get(0).steps()).filteredOn(s -> s.skipped())
        .extracting(s -> s.name())
        .containsExactlyInAnyOrder("subquery_removal", "decorrelate", "normalize",
            "trim_fields", "join_order");
    QueryResult q9 = plan(Optimizers.byName("two-phase"), TPCH.query("q9"));
    assertThat(q9.gate().ranPhase2()).isTrue();
    assertThat(q9.phases().get(0).steps()).filteredOn(s -> s.name().equals("join_order"))
        .allMatch(s -> !s.skipped());
  }

  @TestFactory
  Stream<DynamicTest> theFinalPlanIsNeverCostlierThanPhaseOnes() {
    Optimizer exhaustive = Optimizers.byName("exhaustive");
    return TPCH.queries().stream().map(q -> DynamicTest.dynamicTest(q.id(), () -> {
      QueryResult r = plan(exhaustive, q);
      double phase1 = r.phases().get(0).costAfter().rows();
      assertThat(r.cost().rows()).isLessThanOrEqualTo(phase1);
      PhaseTrace kept = r.phases().stream().filter(PhaseTrace::kept).findFirst().orElseThrow();
      assertThat(kept.costAfter()).isEqualTo(r.cost());
    }));
  }

  @Test
  void aPhaseThatRunsOutOfBudgetKeepsTheBestPlanAndSaysWhy() {
    Phase starved = new Phase("expensive", Configurations.expensivePhase().steps(),
        new PhaseBudget(null, 1), "trim_fields");
    PhasedOptimizer optimizer = new PhasedOptimizer("starved", "test",
        ctx -> Configurations.cheapOnly().newPlanner(ctx),
        List.of(Configurations.cheapPhase(), starved), CostGate.cost(0));
    QueryResult r = plan(optimizer, TPCH.query("q5"));
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.plan()).isNotNull();
    PhaseTrace phase2 = r.phases().get(1);
    assertThat(phase2.stopReason()).isEqualTo(StopReason.BUDGET);
    assertThat(phase2.steps()).anyMatch(s -> s.skipped());
    assertThat(r.phases().get(0).stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(r.cost().rows()).isLessThanOrEqualTo(r.phases().get(0).costAfter().rows());
  }

  @Test
  void aLaterPhaseThatFailsKeepsTheBestPlanAndSaysWhat() {
    Step boom = Step.of("boom", rel -> {
      throw new IllegalStateException("a bug in a phase-2 rule\nwith a second line");
    });
    Phase broken = new Phase("broken", List.of(boom), PhaseBudget.UNLIMITED, "trim_fields");
    PhasedOptimizer o = new PhasedOptimizer("broken", "test", context -> {
      var p = new org.apache.calcite.plan.volcano.VolcanoPlanner(null, context);
      p.addRelTraitDef(org.apache.calcite.plan.ConventionTraitDef.INSTANCE);
      p.addRelTraitDef(org.apache.calcite.rel.RelCollationTraitDef.INSTANCE);
      return p;
    }, List.of(Configurations.cheapPhase(), broken), CostGate.cost(0));
    QueryResult r = plan(o, TPCH.query("q3"));
    assertThat(r.status()).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.phases()).extracting(PhaseTrace::name).containsExactly("cheap", "broken");
    PhaseTrace failed = r.phases().get(1);
    assertThat(failed.stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(failed.error()).isEqualTo("IllegalStateException: a bug in a phase-2 rule");
    assertThat(failed.kept()).isFalse();
    assertThat(r.phases().get(0).kept()).isTrue();
    assertThat(r.cost().rows()).isEqualTo(r.phases().get(0).costAfter().rows());

    // With no plan to fall back on, the query fails and says what went wrong.
    PhasedOptimizer first = new PhasedOptimizer("first", "test", context ->
        new org.apache.calcite.plan.volcano.VolcanoPlanner(null, context),
        List.of(new Phase("broken", List.of(boom), PhaseBudget.UNLIMITED, null)), null);
    QueryResult f = plan(first, TPCH.query("q3"));
    assertThat(f.status()).isEqualTo(QueryStatus.FAILED);
    assertThat(f.error().message()).contains("a bug in a phase-2 rule");
  }

  @Test
  void orFactoringTurnsQ19sNestedLoopIntoAHashJoin() {
    QueryResult calcite = plan(Optimizers.byName("calcite-default"), TPCH.query("q19"));
    QueryResult cheap = plan(Optimizers.byName("cheap-only"), TPCH.query("q19"));
    assertThat(calcite.plan().nodes()).extracting(PlanNode::operator)
        .contains("EnumerableNestedLoopJoin");
    assertThat(cheap.plan().nodes()).extracting(PlanNode::operator)
        .doesNotContain("EnumerableNestedLoopJoin").contains("EnumerableHashJoin");
    assertThat(cheap.phases().get(0).rules()).containsKey("OrFactorRule:join");
    assertThat(cheap.phases().get(0).rules().get("OrFactorRule:join").succeeded()).isPositive();
    assertThat(cheap.cost().rows()).isLessThan(calcite.cost().rows() / 1000);
  }

  @Test
  void orFactoringLeavesOrsWithoutACommonConjunctAlone() {
    QueryResult r = plan(Optimizers.byName("cheap-only"), new WorkloadQuery("t", "t.sql",
        "SELECT * FROM nation WHERE n_regionkey = 1 OR n_name = 'PERU'"));
    assertThat(r.status()).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.phases().get(0).rules().getOrDefault("OrFactorRule:filter",
        new org.planlab.planner.result.RuleCount(0, 0)).succeeded()).isZero();
  }

  @TestFactory
  Stream<DynamicTest> everyConfigurationPlansOrderingByHiddenColumnsAndWindows() {
    List<String> sqls = List.of(
        "SELECT p_name FROM part WHERE p_size > 40 ORDER BY p_retailprice DESC LIMIT 10",
        "SELECT p_name, p_size FROM part ORDER BY p_retailprice, p_size",
        "SELECT n_name, rank() OVER (PARTITION BY n_regionkey ORDER BY n_name) FROM nation",
        // A hidden key between returned ones, over a window's output (TPC-DS Q98).
        "SELECT n_name, sum(n_nationkey) OVER (PARTITION BY n_regionkey) AS r FROM nation "
            + "ORDER BY n_name, n_regionkey, r",
        "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(x, y) WHERE x > 1");
    return Stream.of("calcite-default", "cheap-only", "two-phase", "exhaustive").flatMap(config ->
        sqls.stream().map(sql -> DynamicTest.dynamicTest(config + ": " + sql, () -> {
          QueryResult r = plan(Optimizers.byName(config), new WorkloadQuery("t", "t.sql", sql));
          assertThat(r.error()).as("error").isNull();
          assertThat(r.status()).isEqualTo(QueryStatus.PLANNED);
          if (sql.contains("ORDER BY p_retailprice")) {
            // The order is on a column the query does not return: the plan still sorts.
            assertThat(r.plan().nodes()).anyMatch(n -> n.operator().contains("Sort"));
          }
        })));
  }

  @Test
  void aSemiJoinDropsTheDistinctThatDecorrelatingExistsMade() {
    QueryResult r = plan(Optimizers.byName("two-phase"), TPCH.query("q4"));
    assertThat(r.phases().get(1).rules().get("SemiJoinDistinctRemoveRule").succeeded())
        .isPositive();
    // Left: the COUNT per priority, over a semi join straight onto lineitem.
    assertThat(r.plan().nodes()).filteredOn(n -> n.operator().equals("EnumerableAggregate"))
        .hasSize(1);
    assertThat(r.plan().nodes()).anyMatch(n -> "semi".equals(n.details().get("joinType")));
  }

  @Test
  void anAggregateThatComputesSomethingStaysUnderItsSemiJoin() {
    // Q18's IN sub-query groups lineitem and keeps orders whose SUM(l_quantity) > 300.
    QueryResult r = plan(Optimizers.byName("two-phase"), TPCH.query("q18"));
    assertThat(r.plan().nodes()).filteredOn(n -> n.operator().equals("EnumerableAggregate"))
        .anyMatch(n -> n.details().getOrDefault("agg#0", "").contains("SUM"));
  }

  @Test
  void theExactOrderSemiJoinsWhereThatIsCheaperAndAnInnerJoinPhaseHedgesIt() {
    Optimizer twoPhase = Optimizers.byName("two-phase");
    // Q5: customer ⋈ orders only filters; semi-joined, Q5 matches calcite-default's cost.
    QueryResult q5 = plan(twoPhase, TPCH.query("q5"));
    assertThat(q5.phases()).extracting(PhaseTrace::name)
        .containsExactly("cheap", "expensive", "inner-joins");
    assertThat(q5.phases()).filteredOn(PhaseTrace::kept).extracting(PhaseTrace::name)
        .containsExactly("expensive");
    // Q7: the planner estimates the semi join above the enumerator; inner joins win.
    QueryResult q7 = plan(twoPhase, TPCH.query("q7"));
    assertThat(q7.phases()).filteredOn(PhaseTrace::kept).extracting(PhaseTrace::name)
        .containsExactly("inner-joins");
    for (QueryResult r : List.of(q5, q7)) {
      double best = r.phases().stream().mapToDouble(p -> p.costAfter().rows()).min()
          .orElseThrow();
      assertThat(r.cost().rows()).isEqualTo(best);
    }
    // Q3 semi-joins customer, one input, which both estimate alike: no hedge.
    assertThat(plan(twoPhase, TPCH.query("q3")).phases()).extracting(PhaseTrace::name)
        .containsExactly("cheap", "expensive");
  }

  @Test
  void twoPhaseIsNeverCostlierThanCalciteDefaultOnTpch() {
    Optimizer twoPhase = Optimizers.byName("two-phase");
    Optimizer calcite = Optimizers.byName("calcite-default");
    for (WorkloadQuery q : TPCH.queries()) {
      double ours = plan(twoPhase, q).cost().rows();
      double theirs = plan(calcite, q).cost().rows();
      assertThat(ours).as(q.id()).isLessThanOrEqualTo(theirs * (1 + 1e-6));
    }
  }

  @Test
  void plansAreTheSameAcrossRunsAndThreadCounts() throws Exception {
    Optimizer twoPhase = Optimizers.byName("two-phase");
    Map<String, String> sequential = TPCH.queries().stream().collect(Collectors.toMap(
        WorkloadQuery::id, q -> plan(twoPhase, q).plan().render()));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String[]>> futures = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (WorkloadQuery q : TPCH.queries()) {
          futures.add(pool.submit(() -> new String[] {q.id(),
              plan(Optimizers.byName("two-phase"), q).plan().render()}));
        }
      }
      for (Future<String[]> f : futures) {
        String[] idAndPlan = f.get();
        assertThat(idAndPlan[1]).as(idAndPlan[0]).isEqualTo(sequential.get(idAndPlan[0]));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
