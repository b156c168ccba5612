package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.tools.Programs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.phased.Phase;
import org.planlab.planner.phased.PhaseBudget;
import org.planlab.planner.phased.PhasedOptimizer;
import org.planlab.planner.phased.Step;
import org.planlab.planner.phased.Steps;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.stats.StatisticsMetadata;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;
import org.planlab.rules.RuleCatalog;

/**
 * Phase 1 implements join-free plans and forms Calcs by walking the plan
 * once; the plans must be the ones Volcano and Calcite's Calc program make.
 */
class DirectImplementationTest {
  private static final Workload TPCH = Workloads.byName("tpch");

  /** Phase 1 as it was: Volcano with Enumerable rules, then Calcite's Hep Calc program. */
  private static final Optimizer SEARCHED = new PhasedOptimizer("searched", "reference",
      context -> {
        VolcanoPlanner p = new VolcanoPlanner(null, context);
        p.addRelTraitDef(ConventionTraitDef.INSTANCE);
        p.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        return p;
      },
      List.of(new Phase("cheap", List.of(
          Steps.subqueryRemoval("subquery_removal"),
          Steps.decorrelate("decorrelate"),
          Step.hep("normalize", HepMatchOrder.BOTTOM_UP, RuleCatalog.NORMALIZE.rules()),
          Steps.trimFields("trim_fields"),
          Steps.joinOrder("join_order", RuleCatalog.JOIN_ORDER_GREEDY.rules()),
          Step.volcano("implement", RuleCatalog.ENUMERABLE.rules()),
          Step.program("calc", Programs.calc(StatisticsMetadata.PROVIDER), true)),
          PhaseBudget.UNLIMITED, null)), null);

  private static final List<String> SHORT = List.of(
      "SELECT c_name, c_acctbal FROM customer WHERE c_custkey = 42",
      "SELECT count(*), sum(o_totalprice) FROM orders WHERE o_orderdate >= DATE '1995-01-01'",
      "SELECT o_orderpriority, count(*) FROM orders GROUP BY o_orderpriority ORDER BY 2 DESC",
      "SELECT p_name FROM part WHERE p_size > 40 ORDER BY p_retailprice DESC LIMIT 10",
      "SELECT s_name FROM supplier LIMIT 5 OFFSET 2",
      "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(x, y) WHERE x > 1",
      "SELECT DISTINCT n_regionkey FROM nation",
      "SELECT n_name, rank() OVER (PARTITION BY n_regionkey ORDER BY n_name) FROM nation",
      // Around the normal-form proof that lets phase 1 skip normalization.
      "SELECT c_name FROM customer WHERE c_acctbal > 100 AND c_acctbal < 200",
      "SELECT c_name FROM customer WHERE c_custkey = 1 OR c_custkey = 2",
      "SELECT c_name FROM customer WHERE c_nationkey = 3 AND (c_custkey = 1 OR c_custkey = 2)",
      "SELECT count(*) FROM lineitem WHERE l_shipdate < DATE '1995-01-01' + INTERVAL '1' YEAR",
      "SELECT c_name FROM customer WHERE c_comment IS NOT NULL",
      "SELECT c_nationkey, max(c_acctbal) FROM customer GROUP BY c_nationkey "
          + "HAVING max(c_acctbal) > 1000",
      "SELECT avg(c_acctbal) FROM customer",
      "SELECT count(DISTINCT c_nationkey) FROM customer",
      "SELECT c_name FROM (SELECT * FROM customer WHERE c_nationkey = 1) t WHERE c_acctbal > 0",
      "SELECT c_name, c_acctbal * 2 FROM customer WHERE c_custkey = 42",
      "SELECT c_name FROM customer WHERE CASE WHEN c_acctbal > 0 THEN true ELSE false END",
      "SELECT max(o_totalprice), min(o_orderdate) FROM orders WHERE o_orderstatus = 'F'",
      "SELECT o_orderpriority, count(*) FROM orders WHERE o_orderstatus = 'F' "
          + "GROUP BY o_orderpriority ORDER BY 2 DESC",
      "SELECT c_name FROM customer WHERE c_name LIKE 'Customer#0001%'",
      "SELECT c_name FROM customer WHERE 1 = 1 AND c_custkey = 5",
      "SELECT c_name FROM customer WHERE (c_custkey = 5 AND c_nationkey = 1) "
          + "OR (c_custkey = 5 AND c_acctbal > 0)",
      "SELECT x FROM (SELECT c_custkey + 1 AS x FROM customer) WHERE x > 10",
      "SELECT o_orderstatus, avg(o_totalprice), sum(o_totalprice), count(*) FROM orders "
          + "GROUP BY o_orderstatus",
      "SELECT stddev_pop(c_acctbal), var_samp(c_acctbal), sum(c_acctbal) FROM customer",
      "SELECT c_nationkey, sum(c_acctbal) AS s FROM customer WHERE c_mktsegment = 'BUILDING' "
          + "GROUP BY c_nationkey ORDER BY s DESC LIMIT 3");

  private static QueryResult plan(Optimizer o, WorkloadQuery q) {
    return new PlanningSession(TPCH.schema(1), o, Duration.ofSeconds(60)).plan(q).result();
  }

  /** Operators and details in pre-order: the plan without its cost estimates. */
  private static List<String> shape(QueryResult r) {
    List<String> out = new ArrayList<>();
    for (PlanNode n : r.plan().nodes()) {
      out.add(n.operator() + n.details());
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> phaseOnePlansAreTheOnesASearchMakes() {
    List<WorkloadQuery> queries = new ArrayList<>(TPCH.queries());
    for (int i = 0; i < SHORT.size(); i++) {
      queries.add(new WorkloadQuery("short" + (i + 1), "short" + (i + 1) + ".sql", SHORT.get(i)));
    }
    Optimizer cheap = Optimizers.byName("cheap-only");
    return queries.stream().map(q -> DynamicTest.dynamicTest(q.id(), () -> {
      QueryResult direct = plan(cheap, q);
      QueryResult searched = plan(SEARCHED, q);
      assertThat(direct.status()).isEqualTo(QueryStatus.PLANNED);
      assertThat(shape(direct)).isEqualTo(shape(searched));
      assertThat(direct.cost().rows()).isCloseTo(searched.cost().rows(),
          org.assertj.core.api.Assertions.within(searched.cost().rows() * 1e-6 + 1));
      assertThat(direct.plan().nodes()).allSatisfy(n -> assertThat(n.operator())
          .startsWith("Enumerable"));
    }));
  }

  @TestFactory
  Stream<DynamicTest> plansAlreadyNormalSkipNormalization() {
    return Stream.of(
        "SELECT c_name, c_acctbal FROM customer WHERE c_custkey = 42",
        "SELECT max(o_totalprice), min(o_orderdate) FROM orders WHERE o_orderstatus = 'F'")
        .map(sql -> DynamicTest.dynamicTest(sql, () -> {
          QueryResult r = plan(Optimizers.byName("cheap-only"),
              new WorkloadQuery("s", "s.sql", sql));
          assertThat(r.phases().get(0).steps()).filteredOn(s -> s.name().equals("normalize"))
              .singleElement().satisfies(s -> assertThat(s.skipped()).isTrue());
        }));
  }

  @TestFactory
  Stream<DynamicTest> joinFreePlansSkipTheSearch() {
    return SHORT.stream().limit(5).map(sql -> DynamicTest.dynamicTest(sql, () -> {
      QueryResult r = plan(Optimizers.byName("cheap-only"), new WorkloadQuery("s", "s.sql", sql));
      assertThat(r.phases().get(0).steps()).filteredOn(s -> s.name().equals("implement"))
          .singleElement().satisfies(s -> assertThat(s.ruleCalls()).isZero());
      assertThat(r.plan().nodes()).allSatisfy(n ->
          assertThat(n.operator()).isNotEqualTo("EnumerableProject")
              .isNotEqualTo("EnumerableFilter"));
    }));
  }
}
