package org.planlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The plan-shape matcher: exact lines, patterns, estimates and diffs. */
class PlanShapeTest {
  private static final String PLAN = """
      EnumerableSort(sort0=[$0], dir0=[ASC])  rows=4 cost=8.4e6 cpu=4.2e8 io=0
        EnumerableHashJoin(condition=[=($0, $3)], joinType=[inner])  rows=4 cost=8.3e6 cpu=4e8 io=0
          EnumerableTableScan(table=[[tpch, nation]])  rows=25 cost=25 cpu=26 io=0
          EnumerableCalc(expr#0..8=[{inputs}], o_custkey=[$t1])  rows=1.5e6 cost=3e6 cpu=1e7 io=0
            EnumerableTableScan(table=[[tpch, orders]])  rows=1.5e6 cost=1.5e6 cpu=1.5e6 io=0
      """;

  @Test
  void aPlanHasItsOwnShape() {
    assertThat(PlanShape.of(PLAN).match(PLAN, MatchOptions.EXACT).matches()).isTrue();
  }

  @Test
  void anEllipsisStandsForTheRestOfALevelOrASubtree() {
    String subtree = """
        EnumerableSort(sort0=[$0], dir0=[ASC])
          EnumerableHashJoin(condition=[=($0, $3)], joinType=[inner])
            ...
        """;
    assertThat(PlanShape.of(subtree).match(PLAN, MatchOptions.EXACT).matches()).isTrue();
    String skipFirst = """
        EnumerableSort(*)
          EnumerableHashJoin(*)
            ...
            EnumerableCalc(*)
              EnumerableTableScan(table=[[tpch, orders]])
        """;
    assertThat(PlanShape.of(skipFirst).match(PLAN, MatchOptions.EXACT).matches()).isTrue();
    String tooShallow = """
        EnumerableSort(*)
          ...
        EnumerableTableScan(*)
        """;
    assertThat(PlanShape.of(tooShallow).match(PLAN, MatchOptions.EXACT).matches()).isFalse();
  }

  @Test
  void aStarStandsForAnyTextAndALineWithoutEstimatesIgnoresThem() {
    String shape = """
        EnumerableSort(*)
          EnumerableHashJoin(condition=[*], joinType=[inner])
            EnumerableTableScan(table=[[tpch, nation]])
            EnumerableCalc(*)  rows=1.5e6 cost=* cpu=* io=0
              EnumerableTableScan(table=[[tpch, orders]])
        """;
    assertThat(PlanShape.of(shape).match(PLAN, MatchOptions.EXACT).matches()).isTrue();
    assertThat(PlanShape.of(shape.replace("inner", "left")).match(PLAN, MatchOptions.EXACT)
        .matches()).isFalse();
  }

  @Test
  void estimatesExactlyWithinAToleranceOrNotAtAll() {
    String moved = PLAN.replace("cost=8.3e6", "cost=8.31e6");
    assertThat(PlanShape.of(PLAN).match(moved, MatchOptions.EXACT).matches()).isFalse();
    assertThat(PlanShape.of(PLAN).match(moved, MatchOptions.withinTolerance(0.01)).matches())
        .isTrue();
    assertThat(PlanShape.of(PLAN).match(moved, MatchOptions.withinTolerance(0.001)).matches())
        .isFalse();
    assertThat(PlanShape.of(PLAN).match(moved, MatchOptions.IGNORE_ESTIMATES).matches())
        .isTrue();
    assertThatThrownBy(() -> MatchOptions.withinTolerance(-1)).hasMessageContaining("[0, 1)");
  }

  /** A failure is a unified diff from the shape to the plan. */
  @Test
  void aMismatchIsAUnifiedDiff() {
    String changed = PLAN.replace("joinType=[inner]", "joinType=[left]");
    PlanShape.Match m = PlanShape.of(PLAN).match(changed, MatchOptions.EXACT);
    assertThat(m.matches()).isFalse();
    assertThat(m.diff()).startsWith("--- expected\n+++ actual\n@@ -1,5 +1,5 @@\n")
        .contains("\n-  EnumerableHashJoin(condition=[=($0, $3)], joinType=[inner])  rows=4"
            + " cost=8.3e6 cpu=4e8 io=0\n+  EnumerableHashJoin(condition=[=($0, $3)],"
            + " joinType=[left])")
        .contains("\n     EnumerableTableScan(table=[[tpch, nation]])");
  }

  @Test
  void aDiffShowsOnlyHunksAroundChanges() {
    StringBuilder a = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      a.append("  ".repeat(i)).append("Node").append(i).append('\n');
    }
    String b = a.toString().replace("Node2\n", "NodeX\n").replace("Node17\n", "NodeY\n");
    String diff = PlanShape.of(a.toString()).match(b, MatchOptions.EXACT).diff();
    assertThat(diff).contains("@@ -1,6 +1,6 @@").contains("@@ -15,6 +15,6 @@")
        .doesNotContain("Node9");
  }

  @Property(tries = 200)
  void ignoringEstimatesAnyNumbersMatch(@ForAll @DoubleRange(min = 0, max = 1e12) double rows) {
    String renumbered = PLAN.replace("rows=4 ", "rows=" + rows + " ");
    assertThat(PlanShape.of(PLAN).match(renumbered, MatchOptions.IGNORE_ESTIMATES).matches())
        .isTrue();
  }
}
