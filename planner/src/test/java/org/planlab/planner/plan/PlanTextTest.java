package org.planlab.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PlanTextTest {
  @Test
  void numbersAreShortAndStable() {
    assertThat(PlanText.number(0)).isEqualTo("0");
    assertThat(PlanText.number(25)).isEqualTo("25");
    assertThat(PlanText.number(99_999)).isEqualTo("99999");
    assertThat(PlanText.number(6_001_215)).isEqualTo("6.001e6");
    assertThat(PlanText.number(1.5)).isEqualTo("1.5");
    assertThat(PlanText.number(0.25)).isEqualTo("0.25");
    assertThat(PlanText.number(81_443.7)).isEqualTo("8.144e4");
    assertThat(PlanText.number(1234.5678)).isEqualTo("1235");
    assertThat(PlanText.number(-2.5)).isEqualTo("-2.5");
    assertThat(PlanText.number(3.0e17)).isEqualTo("3e17");
    assertThat(PlanText.number(0.0001)).isEqualTo("1e-4");
    assertThat(PlanText.number(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(PlanText.number(Double.NaN)).isEqualTo("?");
  }

  @Property(tries = 500)
  void numbersReadBackWithinFourSignificantDigits(@ForAll double v) {
    Assume.that(v == 0 || (Math.abs(v) > 1e-300 && Math.abs(v) < 1e300));
    String s = PlanText.number(v);
    assertThat(s).doesNotContain("+").doesNotContain(" ");
    assertThat(Double.parseDouble(s)).isCloseTo(v, Percentage.withPercentage(0.05));
  }

  @Test
  void oneNodePerLineIndentedByDepth() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("condition", "=($0, $1)");
    d.put("joinType", "inner");
    PlanNode scanA = new PlanNode(1, "EnumerableTableScan", Map.of("table", "[s, a]"), 10,
        new Cost(10, 11, 0), new Cost(10, 11, 0), List.of());
    PlanNode scanB = new PlanNode(2, "EnumerableTableScan", Map.of("table", "[s, b]"), 20,
        new Cost(20, 21, 0), new Cost(20, 21, 0), List.of());
    PlanNode join = new PlanNode(0, "EnumerableHashJoin", d, 200_000, new Cost(1, 2, 0),
        new Cost(200_031, 34, 0), List.of(scanA, scanB));
    assertThat(new PlanSnapshot(join).render()).isEqualTo(
        "EnumerableHashJoin(condition=[=($0, $1)], joinType=[inner])  rows=2e5 cost=2e5 cpu=34 io=0\n"
            + "  EnumerableTableScan(table=[[s, a]])  rows=10 cost=10 cpu=11 io=0\n"
            + "  EnumerableTableScan(table=[[s, b]])  rows=20 cost=20 cpu=21 io=0\n");
    assertThat(new PlanSnapshot(join).nodes()).extracting(PlanNode::id).containsExactly(0, 1, 2);
  }
}
