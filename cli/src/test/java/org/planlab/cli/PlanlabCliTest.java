package org.planlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.result.SuiteResult;

/** The command line: outputs, result files and exit codes. */
class PlanlabCliTest {
  @TempDir
  Path dir;

  /** What one invocation printed and returned. */
  record Run(int exit, String out, String err) {
  }

  static Run planlab(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Planlab.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  /** A usage error: exit 2 and one line naming the problem, no stack trace. */
  private static void assertUsageError(Run r, String expected) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void runPlansTheChosenQueriesAndWritesAResultFileThatRoundTrips() throws IOException {
    Path out = dir.resolve("r.json");
    Run r = planlab("run", "tpch", "--query", "q1,Q6", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("q1").contains("q6").contains("2 planned, 0 timed out, 0 failed");
    assertThat(r.err()).contains("[ 1/2] q1").contains("wrote " + out);
    SuiteResult result = ResultFiles.read(out);
    assertThat(result.suite()).isEqualTo("tpch");
    assertThat(result.config()).isEqualTo("two-phase");
    assertThat(result.queries()).allSatisfy(q -> {
      assertThat(q.phases()).extracting(p -> p.name()).startsWith("cheap");
      assertThat(q.gate()).isNotNull();
    });
    assertThat(result.scaleFactor()).isEqualTo(1.0);
    assertThat(result.queries()).extracting(q -> q.id()).containsExactly("q1", "q6");
    assertThat(result.queries()).allMatch(q -> q.status() == QueryStatus.PLANNED);
    assertThat(ResultFiles.toJson(ResultFiles.parse("again", ResultFiles.toJson(result))))
        .isEqualTo(ResultFiles.toJson(result));
  }

  @Test
  void jsonAndCsvFormats() throws IOException {
    Path out = dir.resolve("r.json");
    Run json = planlab("run", "tpch", "-q", "q6", "--out", out.toString(), "--format", "json",
        "--quiet");
    assertThat(json.exit()).isZero();
    assertThat(ResultFiles.parse("stdout", json.out()).queries()).hasSize(1);
    assertThat(json.err()).isEmpty();

    Run csv = planlab("run", "tpch", "-q", "q6", "--out", out.toString(), "--format", "csv");
    assertThat(csv.exit()).isZero();
    assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("suite,config,");
    assertThat(Files.readString(dir.resolve("r.csv"))).isEqualTo(csv.out());
  }

  @Test
  void failedAndTimedOutQueriesExitWithOneAndTheSuiteGoesOn() throws IOException {
    Path queries = Files.createDirectories(dir.resolve("queries"));
    Files.writeString(queries.resolve("a.sql"), "SELECT count(*) FROM nation;\n");
    Files.writeString(queries.resolve("b.sql"), "SELECT n_name\nFROM nation\nWHERE n_nope = 1\n");
    Files.writeString(queries.resolve("c.sql"), "SELECT count(*) FROM region");
    Path out = dir.resolve("custom.json");
    Run r = planlab("run", "tpch", "--queries", queries.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("b: " + queries.resolve("b.sql") + ":3:7: validate error: ")
        .contains("2 planned, 0 timed out, 1 failed");
    SuiteResult result = ResultFiles.read(out);
    assertThat(result.queries()).extracting(q -> q.status())
        .containsExactly(QueryStatus.PLANNED, QueryStatus.FAILED, QueryStatus.PLANNED);

    // Calcite's default rules take many seconds on Q7.
    Run timedOut = planlab("run", "tpch", "-q", "q7", "--config", "calcite-default",
        "--timeout", "1", "--out",
        dir.resolve("t.json").toString());
    assertThat(timedOut.exit()).isEqualTo(1);
    assertThat(timedOut.out()).contains("timed-out");
  }

  @Test
  void explainPrintsThePlanOfASuiteQueryOrOwnSql() throws IOException {
    Run q6 = planlab("explain", "tpch", "q6", "--parallel", "off");
    assertThat(q6.exit()).as(q6.err()).isZero();
    assertThat(q6.out()).contains("EnumerableTableScan(table=[[tpch, lineitem]])")
        .contains("-- q6: planned, 0 joins");
    Run parallel = planlab("explain", "tpch", "q6");
    assertThat(parallel.out()).contains("Gather(workers=[1])")
        .contains("ParallelTableScan(table=[[tpch, lineitem]])");

    Run sql = planlab("explain", "tpch", "--sql",
        "SELECT count(*) FROM orders JOIN customer ON o_custkey = c_custkey", "--sf", "100",
        "--parallel", "off");
    assertThat(sql.exit()).isZero();
    assertThat(sql.out()).containsPattern("Enumerable\\w*Join\\(").contains("rows=1.5e8");

    Path file = dir.resolve("mine.sql");
    Files.writeString(file, "SELECT *\nFROM region\nORDER BY");
    Run bad = planlab("explain", "tpch", "--file", file.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains(file + ":3:").contains("parse error").doesNotContain("\tat ");
  }

  @Test
  void explainTraceShowsPhasesStepsAndTheGate() {
    Run r = planlab("explain", "tpch", "q5", "--config", "exhaustive", "--trace");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("-- phase cheap: ").contains("--   step join_order ")
        .contains("-- gate cost > 0: ").contains("so phase 2 ran").contains("-- phase expensive: ")
        .contains("--   rule ");
    Run cheap = planlab("explain", "tpch", "q5", "--config", "cheap-only", "--trace");
    assertThat(cheap.out()).contains("-- phase cheap: ").doesNotContain("phase expensive")
        .doesNotContain("-- gate");
  }

  @Test
  void listShowsSuitesQueriesAndConfigurations() {
    Run r = planlab("list");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("tpch").contains("q22").contains("calcite-default")
        .contains("cheap-only").contains("two-phase").contains("exhaustive");
    // Joins as written: TPC-H Q1 none, Q8 seven (eight tables); TPC-DS Q14 in two parts.
    assertThat(r.out()).contains("tpcds").contains(" q1 (0) ").contains(" q8 (7) ")
        .contains(" q14a (").contains(" q14b (").contains(" q72 (10) ");
  }

  /** The printed case is one a plan file can hold, and it passes as printed. */
  @Test
  void explainPrintsAReadyPlanFileCase() {
    Run r = planlab("explain", "tpch", "q6", "--format", "plan-file", "--sf", "100");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("plan suite=tpch sf=100 config=two-phase dop=2\nq6\n----\n");
    org.planlab.testkit.PlanFile f = org.planlab.testkit.PlanFile.parse("printed.plan", r.out());
    assertThat(f.cases()).singleElement().matches(c -> c.error() == null, "well formed");
    var c = f.cases().get(0);
    assertThat(org.planlab.testkit.PlanShape.of(c.expected())
        .match(org.planlab.testkit.PlanFiles.run(c), org.planlab.testkit.MatchOptions.EXACT)
        .matches()).isTrue();
    assertUsageError(planlab("explain", "tpch", "q6", "--format", "xml"),
        "--format must be text or plan-file, not 'xml'");
  }

  @Test
  void tpcdsRunsAndExplainsLikeTpch() throws IOException {
    Run q72 = planlab("explain", "tpcds", "q72");
    assertThat(q72.exit()).as(q72.err()).isZero();
    assertThat(q72.out()).containsPattern("(Enumerable|Parallel)TableScan\\(table=\\[\\[tpcds, "
            + "inventory\\]\\]\\)")
        .contains("-- q72: planned");
    Path out = dir.resolve("ds.json");
    Run run = planlab("run", "tpcds", "-q", "q14a,24B,q64", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("[ 1/3] q14a").contains("[ 2/3] q24b").contains("[ 3/3] q64");
    assertThat(Files.readString(out)).contains("\"suite\" : \"tpcds\"");
  }

  @Test
  void compareReadsResultFilesAndPlansConfigurationsInOneRun() throws IOException {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    assertThat(planlab("run", "tpch", "-q", "q3,q19", "--config", "calcite-default", "--out",
        a.toString(), "--quiet").exit()).isZero();
    assertThat(planlab("run", "tpch", "-q", "q3,q19", "--config", "cheap-only", "--out",
        b.toString(), "--quiet").exit()).isZero();
    Run files = planlab("compare", a.toString(), b.toString());
    assertThat(files.exit()).as(files.err()).isZero();
    assertThat(files.out()).contains("cheap-only vs calcite-default").contains("q19")
        .contains("cost geomean");

    Path outDir = dir.resolve("cmp");
    Run now = planlab("compare", "tpch", "--configs", "cheap-only,two-phase", "-q", "q6,q5",
        "--out-dir", outDir.toString(), "--format", "csv");
    assertThat(now.exit()).as(now.err()).isZero();
    assertThat(now.out().lines()).hasSize(3).first().asString().startsWith("baseline,candidate");
    assertThat(ResultFiles.read(outDir.resolve("two-phase.json")).queries()).hasSize(2);

    Run withFile = planlab("compare", "tpch", "--configs",
        "cheap-only,../docs/config-example.yaml", "-q", "q6", "--out-dir", outDir.toString());
    assertThat(withFile.exit()).as(withFile.err()).isZero();
    assertThat(ResultFiles.read(outDir.resolve("example-two-phase.json")).config())
        .isEqualTo("example-two-phase");
    assertUsageError(planlab("compare", "tpch", "--configs", "two-phase,two-phase"),
        "names configuration two-phase twice");
    assertUsageError(planlab("compare", a.toString()), "two or more result files");
    assertUsageError(planlab("compare", a.toString(), dir.resolve("none.json").toString()),
        "none.json: no such file");
  }

  @Test
  void sweepWritesTheCurveAsCsvAndHtml() throws IOException {
    Path prefix = dir.resolve("sw");
    Run r = planlab("sweep", "tpch", "-q", "q5,q6,q19", "--out", prefix.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("threshold").contains("inf");
    assertThat(Files.readString(Path.of(prefix + ".csv"))).startsWith("config,threshold,");
    assertThat(Files.readString(Path.of(prefix + ".html"))).contains("<svg");
    Run replay = planlab("sweep", "tpch", "--from", prefix + ".json", "--threshold", "1e7",
        "--out", dir.resolve("sw2").toString());
    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(replay.out().lines()).hasSize(2);
    Run two = planlab("sweep", "tpch", "-q", "q6", "--configs", "two-phase,exhaustive", "--out",
        dir.resolve("sw3").toString(), "--threshold", "0,1e9");
    assertThat(two.exit()).as(two.err()).isZero();
    assertThat(two.out()).contains("== two-phase@0").contains("== exhaustive@0");
    assertThat(Files.exists(Path.of(dir.resolve("sw3") + "-exhaustive.html"))).isTrue();
    assertUsageError(planlab("sweep", "tpch", "--threshold", "-1"), "--threshold must be >= 0");
    assertUsageError(planlab("sweep", "tpch", "--config", "cheap-only"), "has no phase 2");
  }

  @Test
  void aConfigurationFileRunsAndABadOneIsAUsageError() throws IOException {
    Path out = dir.resolve("cfg.json");
    Run r = planlab("run", "tpch", "-q", "q3", "--config", "../docs/config-example.yaml",
        "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(ResultFiles.read(out).config()).isEqualTo("example-two-phase");
    Path bad = Files.writeString(dir.resolve("bad.yaml"),
        "name: b\ngate: {cost: -1}\nphases: [{name: a, steps: [{kind: calc}]}]\n");
    assertUsageError(planlab("run", "tpch", "--config", bad.toString()),
        bad + ":2:");
    assertUsageError(planlab("run", "tpch", "--config", "missing.yaml"),
        "missing.yaml: no such file");
  }

  @Test
  void rulesListsTheCatalogWithWhatAndWhy() {
    Run r = planlab("rules");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("calcite-default").contains("join-order-dp")
        .contains("normalize").contains("exact bushy join enumeration");
    assertThat(planlab("rules", "-v").out()).contains("OrFactorRule:filter");
  }

  @Test
  void helpAndVersion() {
    Run help = planlab("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("run").contains("explain").contains("list");
    Run runHelp = planlab("run", "--help");
    assertThat(runHelp.out()).contains("--sf").contains("--timeout").contains("--queries");
    assertThat(planlab("--version").out()).contains("Calcite 1.42.0");
  }

  /** Issue 6: cost models by name, a degree of parallelism, and their studies. */
  @Test
  void costModelsAndDegreesOfParallelismFromTheCommandLine() throws IOException {
    Path out = dir.resolve("pg.json");
    Run pg = planlab("run", "tpch", "-q", "q1,q6", "--cost-model", "pg", "--dop", "4",
        "--cost", "random_page_cost=1.1", "--out", out.toString());
    assertThat(pg.exit()).as(pg.err()).isZero();
    assertThat(pg.out()).contains("parallel").contains("x ")
        .contains("cost model pg, costs in PostgreSQL cost units").contains("dop 4: 2 parallel plans");
    SuiteResult result = ResultFiles.read(out);
    assertThat(result.costModel().name()).isEqualTo("pg");
    assertThat(result.costModel().constants()).containsEntry("random_page_cost", 1.1);
    assertThat(result.dop()).isEqualTo(4);
    assertThat(result.queries()).allSatisfy(q -> {
      assertThat(q.parallel().parallel()).isTrue();
      assertThat(q.plan().render()).contains("Gather(workers=[3])").contains("dop=4");
    });

    Run off = planlab("run", "tpch", "-q", "q1", "--parallel", "off", "--out",
        dir.resolve("off.json").toString());
    assertThat(off.exit()).as(off.err()).isZero();
    assertThat(off.out()).contains("serial plans (dop 1)").doesNotContain("Gather");
    assertThat(ResultFiles.read(dir.resolve("off.json")).queries().get(0).parallel()).isNull();
    assertThat(planlab("explain", "tpch", "q6", "--trace").out())
        .containsPattern("-- parallel pass at dop 2: .* wall; cost 6.083e6 -> 3.678e6; "
            + "parallel, 1.65x");

    Path prefix = dir.resolve("dops");
    Run sweep = planlab("sweep", "tpch", "-q", "q1,q6", "--dop", "1,2,4", "--out",
        prefix.toString());
    assertThat(sweep.exit()).as(sweep.err()).isZero();
    assertThat(sweep.out()).contains("dop 1").contains("dop 4").contains("plan at dop 4")
        .contains("Gather[w3](lineitem; partial agg)").contains("divisor (bound)");
    assertThat(Files.readAllLines(Path.of(prefix + ".csv"))).hasSize(1 + 2 * 3)
        .first().isEqualTo("query,dop,divisor,serial_cost,cost,speedup,parallel,shape");
    assertThat(ResultFiles.read(Path.of(prefix + "-dop2.json")).dop()).isEqualTo(2);

    Run models = planlab("compare", "tpch", "--configs", "two-phase", "--cost-models",
        "calcite,pg", "-q", "q1,q3", "--out-dir", dir.resolve("cmp").toString());
    assertThat(models.exit()).as(models.err()).isZero();
    assertThat(models.out()).contains("two-phase under 2 cost models").contains("calcite cost")
        .contains("pg cost").contains("plans differ between the models");
    assertThat(ResultFiles.read(dir.resolve("cmp/two-phase@pg.json")).costModel().name())
        .isEqualTo("pg");

    assertThat(planlab("list").out()).contains("Cost models").contains("seq_page_cost")
        .contains("parallel_setup_cost");

    Path cfg = Files.writeString(dir.resolve("pg.yaml"), "name: pg-cheap\n"
        + "costModel: {name: pg, constants: {cpu_tuple_cost: 0.02}}\n"
        + "phases: [{name: a, steps: [{kind: volcano, rules: [enumerable]}, {kind: calc}]}]\n");
    Run fromFile = planlab("run", "tpch", "-q", "q6", "--config", cfg.toString(), "--out",
        dir.resolve("cfg.json").toString());
    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
    assertThat(ResultFiles.read(dir.resolve("cfg.json")).costModel().constants())
        .containsEntry("cpu_tuple_cost", 0.02);
  }

  @Test
  void badCostModelsConstantsAndDegreesAreOneLineUsageErrors() throws IOException {
    assertUsageError(planlab("run", "tpch", "--cost-model", "nope"),
        "unknown cost model 'nope' (known: calcite, pg)");
    assertUsageError(planlab("run", "tpch", "--cost", "seq_page_cost=abc", "--cost-model", "pg"),
        "--cost seq_page_cost=abc: not a number");
    assertUsageError(planlab("run", "tpch", "--cost", "seq_page_cost=-2", "--cost-model", "pg"),
        "constant seq_page_cost of cost model pg must be a finite number >= 0, got -2.0");
    assertUsageError(planlab("run", "tpch", "--cost", "page_cost=1", "--cost-model", "pg"),
        "unknown constant 'page_cost' of cost model pg");
    assertUsageError(planlab("run", "tpch", "--dop", "0"), "--dop must be a whole number >= 1");
    assertUsageError(planlab("run", "tpch", "--dop", "two"), "'two' is not an int");
    assertUsageError(planlab("run", "tpch", "--dop", "1,2"), "--dop takes one degree here");
    assertUsageError(planlab("run", "tpch", "--parallel", "maybe"),
        "--parallel must be on or off");
    Path bad = Files.writeString(dir.resolve("bad-cost.yaml"), "name: b\n"
        + "costModel: {name: pg, constants: {seq_page_cost: -1}}\n"
        + "phases: [{name: a, steps: [{kind: calc}]}]\n");
    assertUsageError(planlab("run", "tpch", "--config", bad.toString()),
        bad + ":2:");
    assertThat(planlab("run", "tpch", "--config", bad.toString()).err())
        .contains("seq_page_cost of cost model pg must be a finite number >= 0");
    Path text = Files.writeString(dir.resolve("text-cost.yaml"), "name: b\n"
        + "costModel: {name: pg, constants: {seq_page_cost: cheap}}\n"
        + "phases: [{name: a, steps: [{kind: calc}]}]\n");
    assertUsageError(planlab("run", "tpch", "--config", text.toString()), text + ":2:");
    Path unknown = Files.writeString(dir.resolve("unknown-model.yaml"), "name: b\n"
        + "costModel: {name: oracle}\n"
        + "phases: [{name: a, steps: [{kind: calc}]}]\n");
    assertUsageError(planlab("run", "tpch", "--config", unknown.toString()),
        "unknown cost model 'oracle'");
  }

  @Test
  void usageErrorsExitWithTwoAndOneClearLine() {
    assertUsageError(planlab("run", "tpcx"), "unknown suite 'tpcx' (known: tpcds, tpch)");
    assertUsageError(planlab("run", "tpch", "--query", "q23"), "suite tpch has no query 'q23'");
    assertUsageError(planlab("explain", "tpch", "q99"), "suite tpch has no query 'q99'");
    assertUsageError(planlab("explain", "tpcds", "q14"), "suite tpcds has no query 'q14'");
    assertUsageError(planlab("run", "tpch", "--sf", "0"), "--sf must be a number > 0");
    assertUsageError(planlab("run", "tpch", "--sf", "-1"), "--sf must be a number > 0");
    assertUsageError(planlab("run", "tpch", "--sf", "abc"), "'abc' is not a double");
    assertUsageError(planlab("run", "tpch", "--timeout", "0"), "--timeout must be");
    assertUsageError(planlab("run", "tpch", "--config", "nope"),
        "unknown optimizer configuration 'nope'");
    assertUsageError(planlab("run", "tpch", "--format", "xml"), "--format");
    assertUsageError(planlab("run"), "Missing required parameter");
    assertUsageError(planlab("frobnicate"), "Unmatched argument");
    assertUsageError(planlab("explain", "tpch"), "which query?");
    assertUsageError(planlab("gui", "missing.json"), "missing.json: no such file");
    assertUsageError(planlab("run", "tpch", "--queries", dir.resolve("none").toString()),
        "not a folder");
  }

  @Test
  void anUnwritableOutputIsAUsageErrorBeforeAnyWork() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Run r = planlab("run", "tpch", "-q", "q1", "--out", file.resolve("r.json").toString());
    assertUsageError(r, "--out " + file.resolve("r.json") + ": cannot write there");
    assertThat(r.err()).doesNotContain("[ 1/1]");
    assertUsageError(planlab("run", "tpch", "-q", "q1", "--out", dir.toString()), "is a folder");
  }
}
