package org.planlab.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.planlab.planner.plan.PlanDiff.Mark;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The structural plan diff on hand-made and random plans. */
class PlanDiffTest {

  private static PlanNode scan(String table, double rows) {
    return new PlanNode(0, "EnumerableTableScan", Map.of("table", "[s, " + table + "]"), rows,
        Cost.ZERO, new Cost(rows, rows, 0), List.of());
  }

  private static PlanNode op(String operator, String detail, double rows, PlanNode... inputs) {
    return new PlanNode(0, operator, Map.of("x", detail), rows, Cost.ZERO,
        new Cost(rows, rows, 0), List.of(inputs));
  }

  /** Ids in pre-order, as snapshots have them. */
  private static PlanSnapshot plan(PlanNode root) {
    int[] next = {0};
    return new PlanSnapshot(renumber(root, next));
  }

  private static PlanNode renumber(PlanNode n, int[] next) {
    int id = next[0]++;
    List<PlanNode> inputs = new ArrayList<>();
    n.inputs().forEach(i -> inputs.add(renumber(i, next)));
    return new PlanNode(id, n.operator(), n.details(), n.rows(), n.selfCost(),
        n.cumulativeCost(), inputs, n.degree());
  }

  @Example
  void aGatherAboveASubtreeIsAddedAndTheRestCorresponds() {
    PlanNode agg = op("EnumerableAggregate", "g", 10, op("EnumerableCalc", "c", 100,
        scan("lineitem", 1000)));
    PlanSnapshot serial = plan(op("EnumerableSort", "s", 10, agg));
    PlanSnapshot parallel = plan(op("EnumerableSort", "s", 10,
        op("FinalizeAggregate", "g", 10, op("Gather", "w", 17,
            op("PartialAggregate", "g", 10, op("EnumerableCalc", "c", 59,
                new PlanNode(0, "ParallelTableScan", Map.of("table", "[s, lineitem]"), 588,
                    Cost.ZERO, new Cost(588, 588, 0), List.of(), 2)))))));
    PlanDiff d = PlanDiff.of(serial, parallel);
    assertThat(d.left()).containsExactly(Map.entry(0, Mark.SAME), Map.entry(1, Mark.CHANGED),
        Map.entry(2, Mark.CHANGED), Map.entry(3, Mark.CHANGED));
    assertThat(d.right()).containsEntry(0, Mark.SAME).containsEntry(1, Mark.CHANGED)
        .containsEntry(2, Mark.ADDED).containsEntry(5, Mark.CHANGED);
    assertThat(d.rightOf(1)).contains(1); // the aggregate: its final half
    assertThat(d.rightOf(3)).contains(5); // the scan: its parallel form
    assertThat(d.leftOf(5)).contains(3);
    assertThat(d.count(Mark.REMOVED)).isZero();
    assertThat(d.count(Mark.ADDED)).isEqualTo(2); // the Gather and one aggregate half
  }

  /** A new join order: every scan still finds its table, the joins are told apart. */
  @Example
  void aNewJoinOrderPairsEveryScanWithItsTable() {
    PlanSnapshot ab = plan(op("EnumerableHashJoin", "j2", 5,
        op("EnumerableHashJoin", "j1", 50, scan("a", 100), scan("b", 10)), scan("c", 1)));
    PlanSnapshot bc = plan(op("EnumerableHashJoin", "j2", 5,
        scan("a", 100), op("EnumerableHashJoin", "j1", 8, scan("b", 10), scan("c", 1))));
    PlanDiff d = PlanDiff.of(ab, bc);
    for (PlanNode n : ab.nodes()) {
      if (n.operator().endsWith("TableScan")) {
        PlanNode other = bc.nodes().get(d.rightOf(n.id()).orElseThrow());
        assertThat(other.details()).isEqualTo(n.details());
        assertThat(d.left().get(n.id())).isEqualTo(Mark.SAME);
      }
    }
    assertThat(d.left().get(0)).isEqualTo(Mark.SAME);
    assertThat(d.identical()).isFalse();
  }

  @Provide
  Arbitrary<PlanNode> trees() {
    return tree(4);
  }

  private static Arbitrary<PlanNode> tree(int depth) {
    Arbitrary<PlanNode> leaf = Arbitraries.of("a", "b", "c", "d", "e")
        .flatMap(t -> Arbitraries.integers().between(1, 1000).map(r -> scan(t, r)));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<PlanNode> unary = Arbitraries.of("EnumerableCalc", "EnumerableAggregate",
        "EnumerableSort").flatMap(o -> tree(depth - 1).map(i -> op(o, o, i.rows() / 2, i)));
    Arbitrary<PlanNode> binary = Arbitraries.of("EnumerableHashJoin", "EnumerableMergeJoin")
        .flatMap(o -> tree(depth - 1).flatMap(l -> tree(depth - 1).map(r ->
            op(o, o, l.rows() + r.rows(), l, r))));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, leaf),
        net.jqwik.api.Tuple.of(3, unary), net.jqwik.api.Tuple.of(2, binary));
  }

  /** A plan against itself: every operator the same, each paired with itself. */
  @Property(tries = 200)
  void aPlanIsIdenticalToItself(@ForAll("trees") PlanNode root) {
    PlanSnapshot p = plan(root);
    PlanDiff d = PlanDiff.of(p, p);
    assertThat(d.identical()).isTrue();
    p.nodes().forEach(n -> assertThat(d.rightOf(n.id())).contains(n.id()));
  }

  /**
   * An operator inserted anywhere (what a Gather or an Exchange is to a
   * serial plan) is the one added operator; all others are the same.
   * Removing it again is the one removed operator.
   */
  @Property(tries = 300)
  void anInsertedOperatorIsTheOnlyDifference(@ForAll("trees") PlanNode root,
      @ForAll @IntRange(max = 1000) int where) {
    PlanSnapshot before = plan(root);
    int at = where % before.nodes().size();
    PlanSnapshot after = plan(insertAbove(before.root(), at));
    PlanDiff d = PlanDiff.of(before, after);
    assertThat(d.count(Mark.ADDED)).isEqualTo(1);
    assertThat(d.count(Mark.REMOVED)).isZero();
    assertThat(d.count(Mark.CHANGED)).isZero();
    assertThat(after.nodes().get(d.right().entrySet().stream()
        .filter(e -> e.getValue() == Mark.ADDED).findFirst().orElseThrow().getKey()).operator())
        .isEqualTo("Gather");
    PlanDiff back = PlanDiff.of(after, before);
    assertThat(back.count(Mark.REMOVED)).isEqualTo(1);
    assertThat(back.count(Mark.ADDED)).isZero();
  }

  /** Whatever two plans: every operator marked once, pairs one to one and related. */
  @Property(tries = 300)
  void anyTwoPlansGiveAOneToOneDiff(@ForAll("trees") PlanNode x, @ForAll("trees") PlanNode y) {
    PlanSnapshot a = plan(x);
    PlanSnapshot b = plan(y);
    PlanDiff d = PlanDiff.of(a, b);
    assertThat(d.left()).hasSize(a.nodes().size()).doesNotContainValue(Mark.ADDED);
    assertThat(d.right()).hasSize(b.nodes().size()).doesNotContainValue(Mark.REMOVED);
    Set<Integer> targets = new HashSet<>(d.pairs().values());
    assertThat(targets).hasSize(d.pairs().size());
    d.pairs().forEach((l, r) -> {
      assertThat(d.left().get(l)).isIn(Mark.SAME, Mark.CHANGED);
      assertThat(d.right().get(r)).isIn(Mark.SAME, Mark.CHANGED);
      assertThat(PlanDiff.kind(a.nodes().get(l)).equals(PlanDiff.kind(b.nodes().get(r)))
          || tablesBelow(a.nodes().get(l)).equals(tablesBelow(b.nodes().get(r)))).isTrue();
    });
    assertThat(d.left().values().stream().filter(m -> m != Mark.REMOVED).count())
        .isEqualTo(d.pairs().size());
    assertThat(d.right().values().stream().filter(m -> m != Mark.ADDED).count())
        .isEqualTo(d.pairs().size());
  }

  private static Set<String> tablesBelow(PlanNode n) {
    Set<String> t = new HashSet<>();
    if (n.details().containsKey("table")) {
      t.add(n.details().get("table"));
    }
    n.inputs().forEach(i -> t.addAll(tablesBelow(i)));
    return t;
  }

  /** {@code root} with a Gather above the node that has pre-order position {@code at}. */
  private static PlanNode insertAbove(PlanNode root, int at) {
    int[] pos = {0};
    return insert(root, at, pos);
  }

  private static PlanNode insert(PlanNode n, int at, int[] pos) {
    int mine = pos[0]++;
    List<PlanNode> inputs = new ArrayList<>();
    for (PlanNode i : n.inputs()) {
      inputs.add(insert(i, at, pos));
    }
    PlanNode copy = new PlanNode(n.id(), n.operator(), n.details(), n.rows(), n.selfCost(),
        n.cumulativeCost(), inputs, n.degree());
    return mine == at ? op("Gather", "w", n.rows(), copy) : copy;
  }
}
