package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.exec.DataStatistics;
import org.planlab.planner.exec.DataTable;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.exec.Datasets;
import org.planlab.planner.exec.PlanExecutor;
import org.planlab.planner.exec.QueryExecutor;
import org.planlab.planner.exec.ResultRows;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.result.ExecStatus;
import org.planlab.planner.result.Execution;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.SuiteResult;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.suite.SuiteRunner;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;

/**
 * Issue 8 on TPC-H: every query executed at SF 0.01 on generated data, its
 * answer held against the reference answer io.trino.tpch ships, phase 1's,
 * the serial plan's and calcite-default's answers; Q8 and Q17, whose SF 0.01
 * answers prove little, across configurations at SF 0.1; actual rows that
 * line up with the plan; timeouts and memory refusals.
 */
class TpchExecutionTest {
  private static final Workload TPCH = Workloads.byName("tpch");
  private static final double SF = 0.01;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Map<String, SuiteResult> RUNS = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, List<List<String>>>> ANSWERS =
      new ConcurrentHashMap<>();

  private static Dataset data(double sf) {
    return Datasets.of(TPCH, sf, Dataset.Progress.NONE);
  }

  private static PlanningSession session(String config, String model, int dop, double sf) {
    CostModel m = CostModels.byName(model);
    return new PlanningSession(TPCH.schema(sf), Optimizers.byName(config, m),
        Duration.ofSeconds(60), m, dop);
  }

  /** All 22 planned and executed once (no warm-up), with every answer check. */
  private static SuiteResult run(String config, String model, int dop) {
    return RUNS.computeIfAbsent(config + "/" + model + "/" + dop, k -> {
      QueryExecutor e = new QueryExecutor(data(SF), TPCH.data().orElseThrow(),
          new QueryExecutor.Options(0, 1, TIMEOUT)).keepingAnswers();
      SuiteResult r = new SuiteRunner("tpch", SF, session(config, model, dop, SF))
          .executing(e).run(TPCH.queries(), new SuiteRunner.Listener() { });
      ANSWERS.put(k, e.answers());
      return r;
    });
  }

  private static void assertAllRight(SuiteResult r, String... alsoChecked) {
    assertThat(r.queries()).hasSize(22).allSatisfy(q -> {
      Execution x = q.execution();
      assertThat(x).as(q.id()).isNotNull();
      assertThat(x.status()).as(q.id() + ": " + x.message()).isEqualTo(ExecStatus.OK);
      assertThat(x.checks()).as(q.id()).anySatisfy(c -> {
        assertThat(c.against()).isEqualTo("reference");
        assertThat(c.passed()).isTrue();
      });
    });
    for (String check : alsoChecked) {
      assertThat(r.queries()).as("some plan was checked against " + check)
          .anySatisfy(q -> assertThat(q.execution().checks())
              .anySatisfy(c -> assertThat(c.against()).isEqualTo(check)));
    }
  }

  @Test
  void twoPhaseAnswersEveryQueryRightAndAgreesWithPhase1() {
    assertAllRight(run("two-phase", "calcite", 1), "phase 1");
  }

  @Test
  void parallelPlansUnderPgAnswerRightAndAgreeWithTheSerialPlans() {
    assertAllRight(run("two-phase", "pg", 4), "phase 1", "serial plan");
  }

  @Test
  void calciteDefaultAnswersRightToo() {
    assertAllRight(run("calcite-default", "calcite", 1));
  }

  /** Each operator's counted rows line up with the plan: the root's are the answer's. */
  @Test
  void actualRowsLineUpWithThePlanNodes() {
    SuiteResult r = run("two-phase", "calcite", 1);
    Map<String, Long> tableRows = new java.util.HashMap<>();
    data(SF).tables().forEach((name, t) -> tableRows.put(name, (long) t.rows().size()));
    for (QueryResult q : r.queries()) {
      Execution x = q.execution();
      assertThat(x.nodes()).as(q.id()).hasSize(q.plan().nodes().size());
      assertThat(x.nodes().get(0).rows()).as(q.id() + " root").isEqualTo(x.rows());
      // The root's time covers reading all its rows: at least any scan's that ran inside it.
      assertThat(x.nodes()).allSatisfy(a -> assertThat(a.millis()).isNotNegative());
      assertThat(x.nodes().get(0).millis()).isPositive();
      for (PlanNode n : q.plan().nodes()) {
        if (n.operator().equals("EnumerableTableScan")) {
          String table = n.details().get("table").replaceAll(".*, (\\w+)\\]", "$1");
          Execution.NodeActual a = x.nodes().get(n.id());
          assertThat(a.rows()).as(q.id() + " scan of " + table)
              .isEqualTo(tableRows.get(table) * a.loops());
        }
      }
      assertThat(x.qErrorMax()).isGreaterThanOrEqualTo(x.qErrorMedian()).isGreaterThanOrEqualTo(1);
    }
  }

  /** two-phase against calcite-default: the same multiset of rows for every query. */
  @Test
  void twoPhaseAndCalciteDefaultReturnTheSameRows() {
    run("two-phase", "calcite", 1);
    run("calcite-default", "calcite", 1);
    var a = ANSWERS.get("two-phase/calcite/1");
    var b = ANSWERS.get("calcite-default/calcite/1");
    assertThat(a.keySet()).hasSize(22).isEqualTo(b.keySet());
    for (var query : TPCH.queries()) {
      assertThat(ResultRows.multisetDiff(a.get(query.id()), b.get(query.id()), "two-phase",
          "calcite-default", 5)).as(query.id()).isNull();
    }
  }

  /**
   * Q8 (0 and 0 at SF 0.01) and Q17 (null) prove little at SF 0.01; at SF
   * 0.1 they have real answers, and every configuration gives the same.
   */
  @Test
  void q8AndQ17AgreeAcrossConfigurationsAtSf01() {
    double sf = 0.1;
    for (String id : List.of("q8", "q17")) {
      List<List<String>> first = null;
      for (String config : List.of("two-phase", "calcite-default", "cheap-only",
          "exhaustive")) {
        PlannedQuery p = session(config, "calcite", 1, sf).plan(TPCH.query(id));
        var run = PlanExecutor.run(PlanExecutor.compile(p.plan(), false), data(sf), TIMEOUT);
        List<List<String>> rows = ResultRows.text(run.rows(), p.plan().getRowType());
        assertThat(rows).as(id + " " + config).isNotEmpty().allSatisfy(row ->
            assertThat(row.get(row.size() - 1)).isNotIn("null", "0"));
        if (first == null) {
          first = rows;
        } else {
          assertThat(ResultRows.multisetDiff(first, rows, "two-phase", config, 5))
              .as(id).isNull();
        }
      }
    }
  }

  /**
   * Q1's averages are exact to 6 decimals (planlab's type system), computed
   * here from the generated rows themselves: avg(l_discount) of group A|F.
   */
  @Test
  void q1AveragesAreNotTruncated() {
    DataTable lineitem = data(SF).tables().get("lineitem");
    var def = lineitem.definition();
    int flag = def.indexOf("l_returnflag");
    int status = def.indexOf("l_linestatus");
    int disc = def.indexOf("l_discount");
    int ship = def.indexOf("l_shipdate");
    int last = (int) LocalDate.of(1998, 9, 2).toEpochDay();
    BigDecimal sum = BigDecimal.ZERO;
    long n = 0;
    for (Object[] row : lineitem.rows()) {
      if (row[flag].equals("A") && row[status].equals("F") && (Integer) row[ship] <= last) {
        sum = sum.add((BigDecimal) row[disc]);
        n++;
      }
    }
    BigDecimal exact = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    PlannedQuery p = session("two-phase", "calcite", 1, SF).plan(TPCH.query("q1"));
    var run = PlanExecutor.run(PlanExecutor.compile(p.plan(), false), data(SF), TIMEOUT);
    Object[] af = run.rows().get(0);
    assertThat(af[0]).isEqualTo("A");
    BigDecimal avgDisc = (BigDecimal) af[8];
    assertThat(avgDisc.scale()).isEqualTo(6);
    assertThat(avgDisc.subtract(exact).abs()).isLessThan(new BigDecimal("0.000001"));
    assertThat(exact.doubleValue()).isBetween(0.0495, 0.0505); // 0.05 printed, not 0.04
  }

  /** A plan past --exec-timeout is stopped and reported; the next query still runs. */
  @Test
  void aRunPastItsTimeIsStoppedAndTheSuiteGoesOn() {
    SuiteResult r = new SuiteRunner("tpch", SF, session("calcite-default", "calcite", 1, SF))
        .executing(new QueryExecutor(data(SF), TPCH.data().orElseThrow(),
            new QueryExecutor.Options(0, 1, Duration.ofMillis(500))))
        .run(List.of(TPCH.query("q19"), TPCH.query("q6")), new SuiteRunner.Listener() { });
    Execution q19 = r.queries().get(0).execution();
    assertThat(q19.status()).isEqualTo(ExecStatus.TIMED_OUT);
    assertThat(q19.message()).contains("longer than 0.5 s");
    assertThat(q19.runtimeMs()).isNull();
    assertThat(r.queries().get(1).execution().status()).isEqualTo(ExecStatus.OK);
  }

  @Test
  void aScaleFactorTooLargeForMemoryIsRefusedWithWhatItNeeds() {
    assertThatThrownBy(() -> Datasets.checkMemory(TPCH, 1000))
        .isInstanceOf(Datasets.DataTooLargeException.class)
        .hasMessageMatching("tpch data at scale factor 1000.0 needs about [0-9.]+ GiB of memory;"
            + " this JVM can give it .*");
    Datasets.checkMemory(TPCH, SF);
  }

  @Test
  void statisticsReadOffTheData() {
    StatisticsSchema s = DataStatistics.schema(data(SF));
    var lineitem = s.definitions().stream().filter(d -> d.name().equals("lineitem"))
        .findFirst().orElseThrow();
    assertThat(lineitem.rowCount()).isEqualTo(60_175);
    assertThat(lineitem.columns().get(lineitem.indexOf("l_returnflag")).statistics()
        .distinctCount()).isEqualTo(3);
    var shipdate = lineitem.columns().get(lineitem.indexOf("l_shipdate")).statistics();
    // Ship dates start a day or more after the first order date, 1992-01-01.
    assertThat(shipdate.min()).isBetween((double) LocalDate.of(1992, 1, 2).toEpochDay(),
        (double) LocalDate.of(1992, 1, 31).toEpochDay());
    // And plans made with them still answer right.
    CostModel m = CostModels.byName("calcite");
    SuiteResult r = new SuiteRunner("tpch", SF, new PlanningSession(s,
        Optimizers.byName("two-phase", m), Duration.ofSeconds(60), m, 1))
        .executing(new QueryExecutor(data(SF), TPCH.data().orElseThrow(),
            new QueryExecutor.Options(0, 1, TIMEOUT)))
        .run(List.of(TPCH.query("q5"), TPCH.query("q9"), TPCH.query("q18")),
            new SuiteRunner.Listener() { });
    assertThat(r.queries()).allSatisfy(q ->
        assertThat(q.execution().status()).as(q.id()).isEqualTo(ExecStatus.OK));
  }
}
