package org.planlab.planner.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.planlab.planner.TestSchemas;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.UnknownQueryException;
import org.planlab.planner.workload.WorkloadQuery;

/** Cost models by name, PostgreSQL's formulas on hand-computed plans, and a third model. */
class CostModelsTest {

  private static QueryResult plan(CostModel model, int dop, String sql) {
    PlanningSession s = new PlanningSession(TestSchemas.star(),
        Optimizers.byName("two-phase", model), Duration.ofSeconds(60), model, dop);
    QueryResult r = s.plan(new WorkloadQuery("t", "t.sql", sql)).result();
    assertThat(r.error()).as("error").isNull();
    return r;
  }

  @Test
  void modelsAreFoundByNameAndUnknownNamesListTheKnownOnes() {
    assertThat(CostModels.byName("PG")).isSameAs(PgCostModel.DEFAULT);
    assertThat(CostModels.byName("calcite")).isSameAs(CalciteCostModel.DEFAULT);
    assertThat(CostModels.all()).extracting(CostModel::name).startsWith("calcite", "pg")
        .contains("cout");
    assertThatThrownBy(() -> CostModels.byName("oracle"))
        .isInstanceOf(UnknownQueryException.class)
        .hasMessage("unknown cost model 'oracle' (known: calcite, pg, cout)");
  }

  @Test
  void constantsAreOverriddenByNameAndBadOnesAreRefused() {
    CostModel m = PgCostModel.DEFAULT.withConstants(Map.of("random_page_cost", 1.1));
    assertThat(m.constants().get("random_page_cost")).isEqualTo(1.1);
    assertThat(m.constants().overrides()).containsExactly(Map.entry("random_page_cost", 1.1));
    assertThat(PgCostModel.DEFAULT.constants().get("random_page_cost")).isEqualTo(4.0);
    assertThatThrownBy(() -> PgCostModel.DEFAULT.withConstants(Map.of("page_cost", 1.0)))
        .hasMessageStartingWith("unknown constant 'page_cost' of cost model pg (known: "
            + "seq_page_cost, random_page_cost,");
    assertThatThrownBy(() -> PgCostModel.DEFAULT.withConstants(Map.of("seq_page_cost", -1.0)))
        .hasMessage("constant seq_page_cost of cost model pg must be a finite number >= 0, "
            + "got -1.0");
  }

  /**
   * cost_seqscan by hand: sales holds 1,000,000 rows of three BIGINTs, an
   * INTEGER and a DATE, 32 bytes, plus 28 bytes of tuple overhead: 60 MB in
   * ceil(6e7 / 8192) = 7325 pages at seq_page_cost 1, and 1e6 rows at
   * cpu_tuple_cost 0.01 = 10,000.
   */
  @Test
  void aSequentialScanCostsItsPagesAndItsRows() {
    QueryResult r = plan(PgCostModel.DEFAULT, 1, "SELECT * FROM sales");
    PlanNode scan = r.plan().root();
    assertThat(scan.operator()).isEqualTo("EnumerableTableScan");
    assertThat(scan.selfCost().io()).isEqualTo(7325.0);
    assertThat(scan.selfCost().cpu()).isCloseTo(10_000.0, within(1e-6));
    assertThat(r.cost().value()).isCloseTo(17_325.0, within(1e-6));
    assertThat(r.parallel()).isNull();
  }

  /** 60 MB does not fit in work_mem's 4 MB: the sort is external and pays for its passes. */
  @Test
  void aSortBeyondWorkMemPaysForItsPagesAndOneThatFitsDoesNot() {
    String sql = "SELECT * FROM sales ORDER BY s_quantity";
    PlanNode external = plan(PgCostModel.DEFAULT, 1, sql).plan().root();
    assertThat(external.operator()).isEqualTo("EnumerableSort");
    assertThat(external.selfCost().io()).isGreaterThan(2 * 7325.0);
    CostModel bigMemory = PgCostModel.DEFAULT.withConstants(Map.of("work_mem", 1e6));
    PlanNode inMemory = plan(bigMemory, 1, sql).plan().root();
    assertThat(inMemory.selfCost().io()).isZero();
    assertThat(inMemory.selfCost().cpu()).isEqualTo(external.selfCost().cpu());
  }

  /** The gate compares phase 1's cost in the active model's units. */
  @Test
  void theGateThresholdIsInTheModelsUnits() {
    QueryResult r = plan(PgCostModel.DEFAULT, 1,
        "SELECT p_color, sum(s_quantity) FROM sales JOIN product ON s_product = p_id "
            + "GROUP BY p_color");
    assertThat(r.gate().rule()).isEqualTo("cost > 1000");
    assertThat(r.gate().value()).isEqualTo(r.phases().get(0).costAfter().value());
    assertThat(r.gate().value()).isEqualTo(r.phases().get(0).costAfter().cpu()
        + r.phases().get(0).costAfter().io());
  }

  /** Parallel scans read every page: the I/O does not divide, the CPU does. */
  @Test
  void aParallelAggregateDividesCpuButNotIo() {
    String sql = "SELECT s_store, sum(s_quantity) FROM sales GROUP BY s_store";
    QueryResult serial = plan(PgCostModel.DEFAULT, 1, sql);
    QueryResult parallel = plan(PgCostModel.DEFAULT, 3, sql);
    assertThat(parallel.parallel().parallel()).isTrue();
    assertThat(parallel.parallel().serialCost()).isEqualTo(serial.cost());
    assertThat(parallel.cost().io()).isEqualTo(serial.cost().io());
    assertThat(parallel.cost().cpu()).isLessThan(serial.cost().cpu());
    assertThat(parallel.parallel().speedup()).isGreaterThan(1).isLessThanOrEqualTo(2.4);
    assertThat(parallel.plan().nodes()).extracting(PlanNode::operator)
        .contains("Gather", "FinalizeAggregate", "PartialAggregate", "ParallelTableScan");
    PlanNode fin = parallel.plan().nodes().stream()
        .filter(n -> n.operator().equals("FinalizeAggregate")).findFirst().orElseThrow();
    assertThat(fin.rows()).as("the final stage makes the serial aggregate's groups")
        .isEqualTo(serial.plan().nodes().stream()
            .filter(n -> n.operator().equals("EnumerableAggregate")).findFirst().orElseThrow()
            .rows());
  }

  /** PostgreSQL's Parallel Append: a UNION ALL of partial inputs stays in one fragment. */
  @Test
  void aUnionAllOfPartialInputsRunsInOneFragment() {
    QueryResult r = plan(PgCostModel.DEFAULT, 4, "SELECT s_store, sum(s_quantity) FROM ("
        + "SELECT s_store, s_quantity FROM sales WHERE s_quantity < 10 UNION ALL "
        + "SELECT s_store, s_quantity FROM sales WHERE s_quantity > 40) GROUP BY s_store");
    assertThat(r.parallel().parallel()).isTrue();
    PlanNode union = r.plan().nodes().stream()
        .filter(n -> n.operator().equals("EnumerableUnion")).findFirst().orElseThrow();
    // 7325 pages of sales get two workers (one from 1024 pages, two from 3072): degree 3.
    assertThat(union.degree()).isEqualTo(3);
    assertThat(union.inputs()).allMatch(i -> i.degree() == 3);
    assertThat(r.plan().nodes()).filteredOn(n -> n.operator().startsWith("Gather")).hasSize(1);
  }

  /**
   * 100 stores fit one page: even allowed to scan them in parallel, the
   * setup cost keeps the plan serial.
   */
  @Test
  void smallInputsStaySerialBecauseTheSetupDominates() {
    String sql = "SELECT st_city, count(*) FROM store GROUP BY st_city";
    for (CostModel m : List.of(CalciteCostModel.DEFAULT, PgCostModel.DEFAULT)) {
      CostModel anySize = m.withConstants(Map.of("min_parallel_table_scan_size", 0.0));
      QueryResult r = plan(anySize, 8, sql);
      assertThat(r.parallel().parallel()).as(m.name()).isFalse();
      assertThat(r.cost()).isEqualTo(r.parallel().serialCost());
      assertThat(r.plan().nodes()).allMatch(n -> n.degree() == 1);
    }
  }

  /** C_out in one class: every operator costs its output rows. */
  @Test
  void aThirdModelIsOneClassAway() {
    CostModel cout = CostModels.byName("cout");
    QueryResult r = plan(cout, 1, "SELECT p_color, sum(s_quantity) FROM sales "
        + "JOIN product ON s_product = p_id GROUP BY p_color");
    double outputRows = r.plan().nodes().stream().mapToDouble(PlanNode::rows).sum();
    assertThat(r.cost().value()).isCloseTo(outputRows, within(outputRows * 1e-9));
    assertThat(r.gate().rule()).isEqualTo("cost > 1e5");
  }
}
