package org.planlab.planner.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.planlab.planner.plan.Cost;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.plan.PlanSnapshot;
import org.planlab.planner.result.Execution.NodeActual;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Issue 8: the q-error arithmetic, by hand, and rank correlation. */
class EstimationErrorTest {

  @Test
  void qErrorIsTheRatioEitherWayWithCountsAtLeastOne() {
    assertThat(EstimationError.qError(10, 1000)).isEqualTo(100);
    assertThat(EstimationError.qError(1000, 10)).isEqualTo(100);
    assertThat(EstimationError.qError(50, 50)).isEqualTo(1);
    // An empty result estimated at 1 row is exact; estimated at 0.2 rows too.
    assertThat(EstimationError.qError(1, 0)).isEqualTo(1);
    assertThat(EstimationError.qError(0.2, 0)).isEqualTo(1);
    assertThat(EstimationError.qError(2500, 0)).isEqualTo(2500);
    assertThat(EstimationError.qError(Double.NaN, 3)).isNaN();
  }

  @Test
  void medianAndPercentilesInterpolateAsNumpyDoes() {
    List<Double> v = List.of(1.0, 2.0, 3.0, 4.0, 100.0);
    assertThat(EstimationError.median(v)).isEqualTo(3);
    assertThat(EstimationError.median(List.of(1.0, 2.0, 3.0, 4.0))).isEqualTo(2.5);
    // numpy.percentile([1, 2, 3, 4, 100], 90) = 61.6
    assertThat(EstimationError.percentile(v, 90)).isCloseTo(61.6, within(1e-12));
    assertThat(EstimationError.percentile(v, 100)).isEqualTo(100);
    assertThat(EstimationError.median(List.of())).isNaN();
  }

  @Test
  void spearmanByHandWithTies() {
    // ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4 -> Pearson of the ranks = 0.9486833
    double rho = EstimationError.spearman(new double[] {1, 5, 5, 9}, new double[] {10, 20, 30,
        40});
    assertThat(rho).isCloseTo(3 / Math.sqrt(10), within(1e-12));
    assertThat(EstimationError.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}))
        .isEqualTo(-1);
    assertThat(EstimationError.spearman(new double[] {1}, new double[] {1})).isNaN();
    assertThat(EstimationError.spearman(new double[] {2, 2}, new double[] {1, 2})).isNaN();
  }

  @Property(tries = 200)
  void qErrorIsSymmetricAndAtLeastOne(@ForAll @DoubleRange(min = 0, max = 1e12) double a,
      @ForAll @DoubleRange(min = 0, max = 1e12) double b) {
    assertThat(EstimationError.qError(a, b)).isGreaterThanOrEqualTo(1)
        .isEqualTo(EstimationError.qError(b, a));
  }

  @Property(tries = 200)
  void spearmanIgnoresMonotoneTransforms(
      @ForAll @Size(min = 3, max = 30) List<@DoubleRange(min = 0, max = 1e6) Double> x) {
    double[] a = x.stream().mapToDouble(Double::doubleValue).toArray();
    double[] b = x.stream().mapToDouble(v -> Math.log1p(v) * 3 + 7).toArray();
    double rho = EstimationError.spearman(a, b);
    if (!Double.isNaN(rho)) {
      assertThat(rho).isCloseTo(1, within(1e-9));
    }
  }

  /**
   * A hand-computed plan: a hash join estimated at 400 rows that returned
   * 10 (q-error 40), its left scan exact, its right side estimated per run
   * and run 5 times (a correlate's right side: 100 rows over 5 loops = 20
   * per run against 25 estimated, q-error 1.25), and a parallel scan at
   * degree 3 estimated per process (1000 rows × divisor 2.4 = 2400 against
   * 2400 returned: exact).
   */
  @Test
  void operatorQErrorsByHand() {
    PlanNode scan = node(1, "EnumerableTableScan", 50, 1, List.of());
    PlanNode right = node(2, "EnumerableCalc", 25, 1, List.of());
    PlanNode parallel = node(3, "ParallelTableScan", 1000, 3, List.of());
    PlanNode join = node(0, "EnumerableHashJoin", 400, 1, List.of(scan, right, parallel));
    RowCounters c = new RowCounters(4);
    c.rows[0] = 10;
    c.loops[0] = 1;
    c.rows[1] = 50;
    c.loops[1] = 1;
    c.rows[2] = 100;
    c.loops[2] = 5;
    c.rows[3] = 2400;
    c.loops[3] = 1;
    c.nanos[0] = 5_000_000;
    List<NodeActual> a = QueryExecutor.actuals(new PlanSnapshot(join),
        new PlanExecutor.Run(List.of(), 0, c));
    assertThat(a).extracting(NodeActual::qError).containsExactly(40.0, 1.0, 1.25, 1.0);
    assertThat(a.get(3).estimated()).isCloseTo(2400, within(1e-9));
    assertThat(a.get(2).loops()).isEqualTo(5);
    assertThat(a.get(0).millis()).isEqualTo(5.0);
  }

  private static PlanNode node(int id, String op, double rows, int degree,
      List<PlanNode> inputs) {
    return new PlanNode(id, op, Map.of(), rows, Cost.ZERO, Cost.ZERO, inputs, degree);
  }
}
