package org.planlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planlab.cli.PlanlabCliTest.planlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planlab.planner.result.ExecStatus;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.result.SuiteCsv;
import org.planlab.planner.result.SuiteResult;

/** Issue 8 from the command line: planlab run --execute. */
class ExecuteCliTest {
  @TempDir
  Path dir;

  @Test
  void executeRunsThePlansOnSf001DataAndRecordsWhatHappened() throws IOException {
    Path out = dir.resolve("r.json");
    PlanlabCliTest.Run r = planlab("run", "tpch", "-q", "q1,q3", "--execute", "--runs", "2",
        "--warmups", "0", "--out", out.toString(), "--format", "csv");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).containsPattern("generating tpch data at sf 0.01: region 5, nation 25"
        + "|tpch data at sf 0.01 \\(generated earlier\\)").contains("exec ok");
    SuiteResult result = ResultFiles.read(out);
    assertThat(result.scaleFactor()).isEqualTo(0.01);
    // The run's figures are in the file, for readers that do not recompute them.
    var json = ResultFiles.mapper().readTree(out.toFile());
    assertThat(json.path("executionSummary").path("executed").asInt()).isEqualTo(2);
    assertThat(json.path("executionSummary").path("ok").asInt()).isEqualTo(2);
    assertThat(json.path("executionSummary").has("qErrorP90")).isTrue();
    assertThat(json.path("executionSummary").has("spearmanCostRuntime")).isTrue();
    assertThat(result.queries()).allSatisfy(q -> {
      var x = q.execution();
      assertThat(x.status()).isEqualTo(ExecStatus.OK);
      assertThat(x.dataScaleFactor()).isEqualTo(0.01);
      assertThat(x.runtimesMs()).hasSize(2);
      assertThat(x.nodes()).hasSize(q.plan().nodes().size());
      assertThat(x.checks()).anySatisfy(c -> assertThat(c.against()).isEqualTo("reference"));
    });
    List<String> csv = Files.readAllLines(dir.resolve("r.csv"));
    List<String> header = List.of(csv.get(0).split(","));
    assertThat(header).isEqualTo(SuiteCsv.COLUMNS).contains("runtime_ms", "qerror_max");
    String q1 = csv.get(1);
    assertThat(q1.split(",", -1)[header.indexOf("exec_status")]).isEqualTo("ok");
    assertThat(q1.split(",", -1)[header.indexOf("exec_rows")]).isEqualTo("4");

    PlanlabCliTest.Run table = planlab("run", "tpch", "-q", "q6", "--execute", "--runs", "1",
        "--out", dir.resolve("t.json").toString(), "--quiet");
    assertThat(table.out()).contains("q-err max").containsPattern("q6 +ok")
        .contains("executed 1 plans on data at sf 0.01: 1 ok, 0 wrong, 0 timed out, 0 failed")
        .contains("1/1 reference");
  }

  @Test
  void aTimedOutPlanIsReportedAndTheRunGoesOnWithExitCode1() {
    PlanlabCliTest.Run r = planlab("run", "tpch", "-q", "q19,q6", "--config", "calcite-default",
        "--execute", "--runs", "1", "--warmups", "0", "--exec-timeout", "0.5", "--out",
        dir.resolve("r.json").toString(), "--quiet");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).containsPattern("q19 +timed-out").containsPattern("q6 +ok")
        .contains("q19: timed-out: a run took longer than 0.5 s and was stopped");
  }

  @Test
  void compareExecuteHoldsEveryConfigurationsAnswerAgainstTheFirst() {
    PlanlabCliTest.Run r = planlab("compare", "tpch", "--configs", "two-phase,cheap-only", "-q",
        "q3,q13", "--execute", "--runs", "1", "--warmups", "0", "--out-dir",
        dir.resolve("c").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("q13 +[0-9.]+ +[0-9.]+ +same")
        .contains("answers: 2 of 2 queries compared: every configuration returned the same rows");
    // calcite-default's nested-loop Q19 runs past half a second: not compared, exit code 1.
    PlanlabCliTest.Run t = planlab("compare", "tpch", "--configs", "two-phase,calcite-default",
        "-q", "q19", "--execute", "--runs", "1", "--warmups", "0", "--exec-timeout", "0.5",
        "--out-dir", dir.resolve("d").toString());
    assertThat(t.exit()).isEqualTo(1);
    assertThat(t.out()).containsPattern("q19 +[0-9.]+ +timed-out +not compared")
        .contains("answers: 0 of 1 queries compared: every configuration returned the same rows;"
            + " 1 not compared");
  }

  @Test
  void injectCardinalitiesReplansWithWhatWasMeasured() {
    PlanlabCliTest.Run r = planlab("run", "tpch", "-q", "q3,q21", "--inject-cardinalities",
        "--runs", "1", "--warmups", "0", "--out", dir.resolve("i.json").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("--inject-cardinalities plans serially (dop 1)");
    assertThat(r.out()).contains("re-planned with measured cardinalities:")
        .containsPattern("q3 +[0-9.]+ +[0-9.]+ +[0-9.]+ +(same|changed) +[0-9]+ +ok")
        .containsPattern("[0-2] plans changed of 2; runtime .* with estimates, .* with measured "
            + "cardinalities");
  }

  @Test
  void badExecutionInputIsOneLine() {
    assertUsage(planlab("run", "tpch", "--execute", "--sf", "1000"),
        "planlab: tpch data at scale factor 1000.0 needs about");
    assertUsage(planlab("run", "tpch", "--stats", "guess"),
        "planlab: --stats must be spec or data, not 'guess'");
    assertUsage(planlab("compare", "tpch", "--configs", "two-phase,cheap-only",
        "--inject-cardinalities"), "planlab: --inject-cardinalities re-plans within one run: "
        + "use it with 'planlab run', not compare");
    assertUsage(planlab("run", "tpch", "--execute", "--runs", "0"),
        "planlab: --runs must be at least 1, got 0");
    assertUsage(planlab("run", "tpch", "--execute", "--exec-timeout", "-3"),
        "planlab: --exec-timeout must be a number of seconds > 0, got -3.0");
  }

  private static void assertUsage(PlanlabCliTest.Run r, String expected) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().lines().filter(l -> l.startsWith("planlab:") && !l.contains("planning")
        && !l.contains("generating"))).hasSize(1);
  }
}
