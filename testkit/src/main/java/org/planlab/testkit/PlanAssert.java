package org.planlab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opentest4j.AssertionFailedError;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.QueryResult;

/**
 * Fluent assertions on a planned query, for JUnit 5:
 * <pre>
 * assertPlan(result).ranPhase2()
 *     .usedRule("MultiJoinOrderRule:dp").didNotUse("JoinPushThroughJoinRule")
 *     .joinOrder("nation", "customer", "orders")
 *     .hasShape("""
 *         EnumerableSort(*)
 *           ...
 *         """);
 * </pre>
 * A failure says what was expected and what the plan has; a shape mismatch
 * is a unified diff in planlab's plan text.
 */
public final class PlanAssert {
  private final QueryResult result;

  private PlanAssert(QueryResult result) {
    this.result = result;
  }

  /** Assertions on {@code result}, which must have a plan. */
  public static PlanAssert assertPlan(QueryResult result) {
    if (result.plan() == null) {
      throw new AssertionFailedError("query " + result.id() + " has no plan: " + result.status()
          + (result.error() == null ? "" : " (" + result.error().message() + ")"));
    }
    return new PlanAssert(result);
  }

  /** The plan has {@code shape}, estimates included where the shape writes them. */
  public PlanAssert hasShape(String shape) {
    return hasShape(shape, MatchOptions.EXACT);
  }

  /** The plan has {@code shape} under {@code options}. */
  public PlanAssert hasShape(String shape, MatchOptions options) {
    String actual = PlanText.render(result.plan());
    PlanShape.Match m = PlanShape.of(shape).match(actual, options);
    if (!m.matches()) {
      throw new AssertionFailedError("plan of " + result.id() + " does not have the expected "
          + "shape:\n" + m.diff(), shape, actual);
    }
    return this;
  }

  /**
   * Some phase fired a rule named {@code rule} (its description, or the start
   * of it: {@code EnumerableMergeJoinRule} for every instance) and it made
   * something.
   */
  public PlanAssert usedRule(String rule) {
    if (productive(rule).isEmpty()) {
      throw new AssertionFailedError("plan of " + result.id() + " did not use " + rule
          + "; rules that made something: " + String.join(", ", productive("")));
    }
    return this;
  }

  /** No phase made anything with a rule named {@code rule}. */
  public PlanAssert didNotUse(String rule) {
    List<String> used = productive(rule);
    if (!used.isEmpty()) {
      throw new AssertionFailedError("plan of " + result.id() + " used " + used);
    }
    return this;
  }

  /** The gate let the phases after the first run. */
  public PlanAssert ranPhase2() {
    if (result.gate() == null || !result.gate().ranPhase2()) {
      throw new AssertionFailedError("query " + result.id() + " did not run phase 2: "
          + (result.gate() == null ? "no gate" : "gate " + result.gate().rule() + " was "
              + PlanText.number(result.gate().value())));
    }
    return this;
  }

  /** The gate kept the phases after the first from running. */
  public PlanAssert skippedPhase2() {
    if (result.gate() != null && result.gate().ranPhase2()) {
      throw new AssertionFailedError("query " + result.id() + " ran phase 2: gate "
          + result.gate().rule() + " was " + PlanText.number(result.gate().value()));
    }
    return this;
  }

  /** The plan's cost, the value its cost model compares, is at most {@code rows}. */
  public PlanAssert costAtMost(double rows) {
    double cost = result.cost().value();
    if (cost > rows) {
      throw new AssertionFailedError("plan of " + result.id() + " costs "
          + PlanText.number(cost) + ", more than " + PlanText.number(rows), rows, cost);
    }
    return this;
  }

  /**
   * The plan scans exactly these tables, in this order from left to right
   * (in the plan text, top to bottom): the join order as far as the
   * leaves show it.
   */
  public PlanAssert joinOrder(String... tables) {
    List<String> actual = scannedTables();
    if (!actual.equals(List.of(tables))) {
      throw new AssertionFailedError("plan of " + result.id() + " scans " + actual + ", not "
          + List.of(tables), List.of(tables), actual);
    }
    return this;
  }

  /** The tables the plan scans, left to right. */
  List<String> scannedTables() {
    List<String> out = new ArrayList<>();
    for (PlanNode n : result.plan().nodes()) {
      String table = n.details().get("table");
      if (table != null) {
        String[] path = table.replaceAll("[\\[\\]\\s]", "").split(",");
        out.add(path[path.length - 1]);
      }
    }
    return out;
  }

  /** The rules named {@code rule} (or starting so) that made something, in any phase. */
  private List<String> productive(String rule) {
    return productiveRules(result, rule);
  }

  /**
   * The rules of {@code r}'s phases whose description starts with
   * {@code prefix} and that made something, sorted.
   */
  static List<String> productiveRules(QueryResult r, String prefix) {
    return r.phases().stream().map(PhaseTrace::rules)
        .flatMap(m -> m.entrySet().stream())
        .filter(e -> e.getValue().succeeded() > 0 && e.getKey().startsWith(prefix))
        .map(Map.Entry::getKey).distinct().sorted().toList();
  }

}
