package org.planlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/** Plan files: the fixture folder as tests, malformed cases, rewriting, readable failures. */
class PlanFilesTest {
  private static final Path PLANS = Path.of("src/test/resources/plans");

  @TestFactory
  Stream<DynamicNode> fixturePlans() {
    return PlanFiles.tests(PLANS);
  }

  @Test
  void aMalformedCaseFailsAloneWithFileAndLine() {
    PlanFile f = PlanFile.parse("bad.plan", """
        plan config=two-phase
        q1

        explain config=two-phase
        q1
        ----
        x

        plan colour=blue
        q1
        ----

        plan
        q6
        ----
        """);
    assertThat(f.cases()).hasSize(4);
    assertThat(f.cases()).extracting(PlanFile.Case::error).containsExactly(
        "missing '----' after the query",
        "unknown directive 'explain' (known: plan, phases, rules, memo)",
        "unknown argument 'colour=blue' (known: suite=, sf=, config=, expect=, expect-not=, "
            + "estimates=, max-rels=, max-rule-calls=)",
        null);
    assertThatThrownBy(() -> PlanFiles.run(f.cases().get(1)))
        .hasMessage("bad.plan:4: unknown directive 'explain' (known: plan, phases, rules, memo)");
    assertThat(PlanFiles.run(f.cases().get(3))).contains("EnumerableTableScan");
  }

  /** A bad argument value or an unknown suite, query or configuration also names the case. */
  @Test
  void badValuesFailTheCaseWithFileAndLine() {
    PlanFile f = PlanFile.parse("v.plan", """
        plan suite=tpcx
        q1
        ----

        plan sf=abc
        q1
        ----

        plan
        q99
        ----

        plan config=nope
        q1
        ----

        plan estimates=loose
        q6
        ----

        plan expect=NoSuchRule
        q6
        ----

        plan dop=0
        q6
        ----

        plan cost-model=oracle
        q6
        ----
        """);
    List<String> messages = f.cases().stream().map(c -> {
      try {
        PlanFiles.check(c, PlanFiles.run(c));
        return "passed";
      } catch (AssertionFailedError e) {
        return e.getMessage().lines().findFirst().orElseThrow();
      }
    }).toList();
    assertThat(messages).hasSize(8);
    assertThat(messages.subList(6, 8)).containsExactly(
        "v.plan:25: dop= takes a whole number >= 1, not '0'",
        "v.plan:29: unknown cost model 'oracle' (known: calcite, pg)");
    assertThat(messages.get(5))
        .startsWith("v.plan:21: plan of q6 did not use NoSuchRule; rules that made something: ");
    assertThat(messages.subList(0, 5)).containsExactly(
        "v.plan:1: unknown suite 'tpcx' (known: tpcds, tpch)",
        "v.plan:5: sf= takes a number, not 'abc'",
        "v.plan:9: suite tpch has no query 'q99' (it has q1, q2, q3, q4, q5, q6, q7, q8, q9, "
            + "q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q20, q21, q22)",
        "v.plan:13: unknown optimizer configuration 'nope' (known: calcite-default, cheap-only, "
            + "two-phase, exhaustive)",
        "v.plan:17: estimates= takes exact, ignore or a relative tolerance such as 0.01, not "
            + "'loose'");
  }

  /** Rewriting puts what the planner says in each expected block, and nothing else moves. */
  /** A case that asks for parallel plans and another cost model gets them. */
  @Test
  void aCaseNamesItsCostModelAndDegree() {
    PlanFile f = PlanFile.parse("p.plan", """
        plan sf=100 dop=4 cost-model=pg
        q6
        ----
        """);
    String plan = PlanFiles.run(f.cases().get(0));
    assertThat(plan).contains("Gather(workers=[3])").contains("dop=4").contains("io=");
    assertThat(PlanFiles.run(PlanFile.parse("s.plan", "plan sf=100\nq6\n----\n").cases()
        .get(0))).doesNotContain("Gather").doesNotContain("dop=");
  }

  @Test
  void rewritingFillsTheExpectedBlocks() {
    String text = """
        # keep me
        plan config=cheap-only estimates=ignore
        SELECT r_name FROM region
        ----
        stale line

        rules config=cheap-only
        SELECT r_name FROM region
        ----
        """;
    PlanFile f = PlanFile.parse("r.plan", text);
    Map<PlanFile.Case, String> outputs = new HashMap<>();
    f.cases().forEach(c -> outputs.put(c, PlanFiles.run(c)));
    String rewritten = f.rewritten(outputs);
    assertThat(rewritten).startsWith("# keep me\nplan config=cheap-only estimates=ignore\n")
        .doesNotContain("stale line").contains("EnumerableTableScan(table=[[tpch, region]])");
    PlanFile again = PlanFile.parse("r.plan", rewritten);
    assertThat(again.cases()).hasSize(2).allMatch(c -> c.error() == null);
    for (PlanFile.Case c : again.cases()) {
      assertThat(c.expected()).isEqualTo(outputs.get(f.cases().get(again.cases().indexOf(c))));
    }
  }

  /**
   * Changing a cost constant on purpose, here the gate's threshold, changes a
   * plan, and its case fails with a diff that shows how.
   */
  @Test
  void aChangedCostConstantFailsTheCaseWithAReadableDiff() throws Exception {
    Path config = Path.of("target/high-gate.yaml");
    java.nio.file.Files.writeString(config, """
        name: high-gate
        description: two-phase with its gate raised above Q3's cost
        gate:
          cost: 1.0e12
        phases:
          - name: cheap
            steps:
              - kind: subquery-removal
              - kind: decorrelate
              - kind: hep
                name: normalize
                rules: [normalize]
              - kind: trim-fields
              - kind: join-order
                strategy: greedy
              - kind: volcano
                name: implement
                rules: [enumerable]
              - kind: calc
          - name: expensive
            startAfter: trim_fields
            steps:
              - kind: join-order
                strategy: dp
              - kind: volcano
                name: implement
                rules: [calcite-fixed-order, semi-join]
              - kind: calc
        """);
    PlanFile golden = PlanFile.parse("golden.plan", "phases config=two-phase\nq3\n----\n");
    String expected = PlanFiles.run(golden.cases().get(0));
    PlanFile changed = PlanFile.parse("golden.plan", "phases config=" + config + "\nq3\n----\n"
        + expected);
    PlanFile.Case c = changed.cases().get(0);
    assertThatThrownBy(() -> PlanFiles.check(c, PlanFiles.run(c))).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("golden.plan:1: phases differs (rerun with "
            + "-Dplanlab.rewrite=true to accept):\n--- expected\n+++ actual\n")
        .hasMessageContaining("\n-gate cost > 1e5: ")
        .hasMessageContaining("\n+gate cost > 1e12: ")
        .hasMessageContaining(", phase 2 skipped");
    // Rewrite mode brings the case back: its expected block becomes what the
    // planner says now, and the case passes.
    String rewritten = changed.rewritten(Map.of(c, PlanFiles.run(c)));
    PlanFile.Case back = PlanFile.parse("golden.plan", rewritten).cases().get(0);
    PlanFiles.check(back, PlanFiles.run(back));
    assertThat(back.expected()).contains("gate cost > 1e12: ").isNotEqualTo(expected);
  }

  /** A memo case holds bounds on the search, and fails naming the one it broke. */
  @Test
  void memoGuardsSearchEffort() {
    PlanFile ok = PlanFile.parse("m.plan", "memo config=two-phase max-rels=100000 "
        + "max-rule-calls=100000\nq5\n----\n");
    assertThat(PlanFiles.run(ok.cases().get(0)))
        .isEqualTo("rels <= 100000\nrule calls <= 100000\n");
    PlanFile tight = PlanFile.parse("m.plan", "memo config=two-phase max-rels=10\nq5\n----\n");
    assertThatThrownBy(() -> PlanFiles.run(tight.cases().get(0)))
        .hasMessageStartingWith("m.plan:1: the search registered ")
        .hasMessageEndingWith(" rels, more than max-rels=10");
    assertThat(PlanFile.parse("m.plan", "memo\nq5\n----\n").cases().get(0).error())
        .isEqualTo("memo needs max-rels= or max-rule-calls=");
  }

  @Test
  void plansFilesAreFoundInNameOrder() {
    assertThat(PlanFiles.tests(PLANS).map(DynamicNode::getDisplayName).toList())
        .isEqualTo(List.of("rules.plan", "tpch-small.plan"));
  }
}
