package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.planlab.planner.phased.ConfigFile;
import org.planlab.planner.phased.ConfigFile.ConfigException;
import org.planlab.planner.phased.PhasedOptimizer;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;

/** Configuration files: the documented example works, and mistakes are named precisely. */
class ConfigFileTest {
  private static final Workload TPCH = Workloads.byName("tpch");

  private static final String MINIMAL = """
      {"name": "mini",
       "phases": [{"name": "only", "steps": [
         {"kind": "subquery-removal"}, {"kind": "decorrelate"},
         {"kind": "join-order", "strategy": "dp", "limit": 8, "costModel": "c-out"},
         {"kind": "volcano", "rules": ["enumerable"]}, {"kind": "calc"}]}]}
      """;

  @Test
  void theDocumentedExampleRunsBothPhasesOnTpch() {
    PhasedOptimizer o = ConfigFile.load(Path.of("../docs/config-example.yaml"));
    assertThat(o.name()).isEqualTo("example-two-phase");
    assertThat(o.phases()).extracting(p -> p.name())
        .containsExactly("cheap", "expensive", "inner-joins");
    assertThat(o.phases().get(2).ifMultiInputSemiJoinsAfter()).isEqualTo("join_order_dp");
    assertThat(o.phases().get(1).budget().ruleCalls()).isEqualTo(200_000);
    QueryResult r = new PlanningSession(TPCH.schema(1), o, Duration.ofSeconds(60))
        .plan(TPCH.query("q8")).result();
    assertThat(r.status()).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.gate().rule()).isEqualTo("cost > 2e7");
    assertThat(r.gate().ranPhase2()).isTrue();
    // Q8's exact order semi-joins the part filter, so the inner-join hedge runs too.
    assertThat(r.phases()).extracting(PhaseTrace::name)
        .containsExactly("cheap", "expensive", "inner-joins");
    assertThat(r.phases().get(1).steps()).extracting(s -> s.name())
        .containsExactly("join_order_dp", "transitive_predicates", "implement", "calc");
    assertThat(r.plan().nodes()).anyMatch(n -> "semi".equals(n.details().get("joinType")));
  }

  @Test
  void aJsonConfigurationWithOnePhaseNeedsNoGate() {
    PhasedOptimizer o = ConfigFile.parse("mini.json", MINIMAL);
    QueryResult r = new PlanningSession(TPCH.schema(1), o, Duration.ofSeconds(60))
        .plan(TPCH.query("q5")).result();
    assertThat(r.status()).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.gate()).isNull();
  }

  @Test
  void anUnknownRuleSetIsNamedWithItsFieldAndPosition() {
    String yaml = """
        name: bad
        phases:
          - name: one
            steps:
              - kind: volcano
                rules: [enumerable, no-such-rules]
        """;
    assertThatThrownBy(() -> ConfigFile.parse("bad.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bad.yaml:")
        .hasMessageContaining("field phases[0].steps[0]")
        .hasMessageContaining("unknown rule set 'no-such-rules' (known: calcite-default,")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aNegativeThresholdIsRefused() {
    String yaml = """
        name: bad
        gate: {cost: -5}
        phases:
          - {name: a, steps: [{kind: calc}]}
          - {name: b, steps: [{kind: calc}]}
        """;
    assertThatThrownBy(() -> ConfigFile.parse("neg.yaml", yaml))
        .hasMessageStartingWith("neg.yaml:2:")
        .hasMessageContaining("field gate: ")
        .hasMessageContaining("the threshold must be >= 0, got -5.0");
  }

  @Test
  void malformedTextUnknownFieldsAndBadReferencesAreNamed() {
    assertThatThrownBy(() -> ConfigFile.parse("x.json", "{\"name\": \"x\", \"phases\": [}"))
        .hasMessageStartingWith("x.json:1:");
    assertThatThrownBy(() -> ConfigFile.parse("x.yaml",
        "name: x\nphazes: []\nphases: [{name: a, steps: [{kind: calc}]}]\n"))
        .hasMessageStartingWith("x.yaml:").hasMessageContaining("field phazes: Unrecognized field");
    assertThatThrownBy(() -> ConfigFile.parse("x.yaml", """
        name: x
        phases:
          - {name: a, steps: [{kind: frobnicate}]}
        """)).hasMessageContaining("unknown step kind 'frobnicate'");
    assertThatThrownBy(() -> ConfigFile.parse("x.yaml", """
        name: x
        gate: {joins: 3}
        phases:
          - {name: a, steps: [{kind: calc}]}
          - {name: b, startAfter: nowhere, steps: [{kind: calc}]}
        """)).hasMessage("x.yaml: phase b: startAfter names no step of an earlier phase: "
            + "'nowhere' (earlier steps: calc)");
    assertThatThrownBy(() -> ConfigFile.parse("x.yaml", """
        name: x
        phases:
          - {name: a, steps: [{kind: calc}]}
          - {name: b, steps: [{kind: calc}]}
        """)).hasMessageContaining("needs a gate");
    assertThatThrownBy(() -> ConfigFile.parse("x.yaml", """
        name: x
        gate: {joins: 3}
        phases:
          - {name: a, steps: [{kind: calc}]}
          - {name: b, ifMultiInputSemiJoinsAfter: join_order, steps: [{kind: calc}]}
        """)).hasMessage("x.yaml: phase b: ifMultiInputSemiJoinsAfter names no step of an earlier phase: "
            + "'join_order' (earlier steps: calc)");
    assertThatThrownBy(() -> ConfigFile.parse("x.yaml", """
        name: x
        phases:
          - name: a
            steps:
              - {kind: join-order, strategy: greedy, semiJoins: true}
        """)).hasMessageStartingWith("x.yaml:5:")
        .hasMessageContaining("semi joins while ordering need strategy dp");
    assertThatThrownBy(() -> ConfigFile.load(Path.of("no/such.yaml")))
        .hasMessage("no/such.yaml: no such file");
  }
}
