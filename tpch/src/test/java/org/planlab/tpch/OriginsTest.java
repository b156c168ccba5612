package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.plan.Origin;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.plan.PlanSnapshot;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.suite.SuiteRunner;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;

/**
 * What made each operator (issue 7: "the phase and rule that produced the
 * node where the trace knows"), on TPC-H plans whose making is known: Q5's
 * joins are ordered by the DP enumerator in phase 2 and implemented by
 * Volcano's join rule, its scans come from the SQL, its Gathers from the
 * parallel pass.
 */
class OriginsTest {
  private static final Workload TPCH = Workloads.byName("tpch");

  private static QueryResult plan(String config, String query, int dop) {
    CostModel m = CostModels.byName("calcite");
    PlanningSession s = new PlanningSession(TPCH.schema(1), Optimizers.byName(config, m),
        Duration.ofSeconds(60), m, dop);
    return s.plan(TPCH.query(query)).result();
  }

  private static List<PlanNode> nodes(PlanSnapshot plan, Predicate<PlanNode> which) {
    List<PlanNode> out = new ArrayList<>();
    collect(plan.root(), which, out);
    return out;
  }

  private static void collect(PlanNode n, Predicate<PlanNode> which, List<PlanNode> out) {
    if (which.test(n)) {
      out.add(n);
    }
    n.inputs().forEach(i -> collect(i, which, out));
  }

  @Test
  void twoPhaseQ5SaysWhichRuleAndStepMadeEachOperator() {
    QueryResult r = plan("two-phase", "q5", 1);
    assertThat(r.phases()).anyMatch(p -> p.name().equals("expensive") && p.kept());
    assertThat(nodes(r.plan(), n -> n.origin() == null)).isEmpty();
    List<PlanNode> joins = nodes(r.plan(), n -> n.operator().endsWith("Join"));
    assertThat(joins).hasSize(5).allSatisfy(j -> {
      assertThat(j.origin().madeBy()).startsWith("MultiJoinOrderRule:dp");
      assertThat(j.origin().madeIn()).isEqualTo("expensive/join_order_dp");
      assertThat(j.origin().implementedBy()).startsWith("Enumerable");
      assertThat(j.origin().implementedIn()).isEqualTo("expensive/implement");
    });
    List<PlanNode> scans = nodes(r.plan(), n -> n.operator().endsWith("TableScan"));
    assertThat(scans).hasSize(6).allSatisfy(s -> {
      assertThat(s.origin().madeIn()).isEqualTo(Origin.SQL);
      assertThat(s.origin().implementedBy()).startsWith("EnumerableTableScanRule");
    });
    // Phase 1's plan: its joins come from the greedy enumerator.
    assertThat(nodes(r.phase1Plan(), n -> n.operator().endsWith("Join")))
        .allSatisfy(j -> assertThat(j.origin().madeIn()).isEqualTo("cheap/join_order"));
  }

  @Test
  void calciteDefaultTracesTheRulesOfItsProgram() {
    QueryResult r = plan("calcite-default", "q5", 1);
    List<PlanNode> joins = nodes(r.plan(), n -> n.operator().endsWith("Join"));
    assertThat(joins).isNotEmpty()
        .allSatisfy(j -> assertThat(j.origin().madeIn()).startsWith("standard/"))
        .anySatisfy(j -> assertThat(j.origin().madeBy()).isNotNull());
  }

  @Test
  void theParallelPassMakesGathersAndReimplementsWhatItSplits() {
    QueryResult r = plan("two-phase", "q5", 4);
    assertThat(r.serialPlan()).isNotNull();
    assertThat(nodes(r.plan(), n -> n.operator().equals("Gather")
        || n.operator().equals("GatherMerge")))
        .isNotEmpty()
        .allSatisfy(g -> assertThat(g.origin().madeIn()).isEqualTo(Origin.PARALLEL));
    assertThat(nodes(r.plan(), n -> n.operator().equals("ParallelTableScan")))
        .isNotEmpty().allSatisfy(s -> {
          assertThat(s.origin().madeIn()).isEqualTo(Origin.SQL);
          assertThat(s.origin().implementedIn()).isEqualTo(Origin.PARALLEL);
        });
    // A join the pass redid keeps the step that ordered it.
    assertThat(nodes(r.plan(), n -> n.operator().startsWith("Parallel")
        && n.operator().endsWith("Join")))
        .allSatisfy(j -> assertThat(j.origin().madeIn()).isEqualTo("expensive/join_order_dp"));
  }

  @Test
  void originsAreDeterministicAndSurviveAResultFile(@TempDir Path dir) throws Exception {
    CostModel m = CostModels.byName("calcite");
    PlanningSession s = new PlanningSession(TPCH.schema(1), Optimizers.byName("two-phase", m),
        Duration.ofSeconds(60), m, 2);
    var queries = List.of(TPCH.query("q3"), TPCH.query("q9"), TPCH.query("q18"));
    var first = new SuiteRunner("tpch", 1, s).run(queries, new SuiteRunner.Listener() { });
    var second = new SuiteRunner("tpch", 1, s).run(queries, new SuiteRunner.Listener() { });
    Path file = dir.resolve("r.json");
    ResultFiles.write(file, first);
    var read = ResultFiles.read(file);
    for (int i = 0; i < queries.size(); i++) {
      String a = PlanText.renderWithOrigins(first.queries().get(i).plan());
      assertThat(PlanText.renderWithOrigins(second.queries().get(i).plan())).isEqualTo(a);
      assertThat(PlanText.renderWithOrigins(read.queries().get(i).plan())).isEqualTo(a);
      assertThat(a).doesNotContain("# made by ?");
    }
  }
}
