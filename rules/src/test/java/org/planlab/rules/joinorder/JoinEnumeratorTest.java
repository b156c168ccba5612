package org.planlab.rules.joinorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JoinEnumeratorTest {

  /** Random connected join graphs of 1 to 6 relations. */
  @Provide
  Arbitrary<JoinGraph> connectedGraphs() {
    return Arbitraries.integers().between(1, 6).flatMap(n -> {
      Arbitrary<List<Double>> rows = Arbitraries.doubles().between(1, 1e6).list().ofSize(n);
      // A random spanning tree: relation i joins some earlier relation.
      Arbitrary<List<Integer>> parents = Arbitraries.integers().between(0, 1000).list()
          .ofSize(Math.max(0, n - 1));
      Arbitrary<List<Double>> treeSel = Arbitraries.doubles().between(1e-6, 1).ofScale(8).list()
          .ofSize(Math.max(0, n - 1));
      // Extra edges and hyperedges: (mask, selectivity).
      Arbitrary<List<long[]>> extras = Combinators.combine(
          Arbitraries.longs().between(1, (1L << n) - 1),
          Arbitraries.doubles().between(1e-4, 1).ofScale(6).map(Double::doubleToLongBits))
          .as((mask, sel) -> new long[] {mask, sel}).list().ofMaxSize(4);
      return Combinators.combine(rows, parents, treeSel, extras).as((r, p, s, e) -> {
        List<JoinGraph.Predicate> preds = new ArrayList<>();
        for (int i = 1; i < n; i++) {
          int parent = p.get(i - 1) % i;
          preds.add(new JoinGraph.Predicate((1L << i) | (1L << parent), s.get(i - 1)));
        }
        for (long[] x : e) {
          preds.add(new JoinGraph.Predicate(x[0], Double.longBitsToDouble(x[1])));
        }
        double[] rr = r.stream().mapToDouble(Double::doubleValue).toArray();
        return new JoinGraph(rr, preds);
      });
    });
  }

  /**
   * Connected graphs where joining some right-hand sets may be a semi join:
   * the enumerator must price those splits both ways.
   */
  @Provide
  Arbitrary<JoinGraph> graphsWithSemiJoins() {
    return Combinators.combine(connectedGraphs(),
        Arbitraries.longs().between(1, 63).set().ofMaxSize(6)).as((g, rights) -> {
          double[] rows = new double[g.size()];
          for (int i = 0; i < rows.length; i++) {
            rows[i] = g.rows(i);
          }
          long all = g.all();
          java.util.Set<Long> allowed = rights.stream().map(m -> m & all)
              .collect(java.util.stream.Collectors.toSet());
          return new JoinGraph(rows, g.predicates(), (left, right) -> allowed.contains(right));
        });
  }

  /** Every join tree over {@code set} without a cross product. */
  private static List<JoinTree> allTrees(JoinGraph g, JoinCostModel model, long set) {
    List<JoinTree> out = new ArrayList<>();
    if (Long.bitCount(set) == 1) {
      int r = Long.numberOfTrailingZeros(set);
      out.add(new JoinTree.Leaf(r, g.rows(r)));
      return out;
    }
    for (long s1 = (set - 1) & set; s1 > 0; s1 = (s1 - 1) & set) {
      long s2 = set & ~s1;
      for (JoinTree l : allTrees(g, model, s1)) {
        for (JoinTree r : allTrees(g, model, s2)) {
          if (g.connected(l.relations(), r.relations())) {
            out.add(JoinTree.join(g, model, l, r));
            if (g.semiJoins().allowed(l.relations(), r.relations())) {
              out.add(JoinTree.semiJoin(g, model, l, r));
            }
          }
        }
      }
    }
    return out;
  }

  private static int crossProducts(JoinGraph g, JoinTree t) {
    if (t instanceof JoinTree.Join j) {
      return (g.connected(j.left().relations(), j.right().relations()) ? 0 : 1)
          + crossProducts(g, j.left()) + crossProducts(g, j.right());
    }
    return 0;
  }

  @Property(tries = 300)
  void dpFindsTheCheapestOrderThatBruteForceFinds(@ForAll("connectedGraphs") JoinGraph g) {
    for (JoinCostModel model : List.of(JoinCostModel.C_OUT, JoinCostModel.CALCITE_HASH_JOIN)) {
      JoinTree dp = new DpJoinEnumerator().order(g, model);
      double brute = allTrees(g, model, g.all()).stream().mapToDouble(JoinTree::cost).min()
          .orElseThrow();
      assertThat(dp.relations()).isEqualTo(g.all());
      assertThat(dp.cost()).isCloseTo(brute, within(Math.abs(brute) * 1e-9 + 1e-9));
      assertThat(crossProducts(g, dp)).isZero();
    }
  }

  @Property(tries = 300)
  void withSemiJoinsDpStillFindsTheCheapestTreeThatBruteForceFinds(
      @ForAll("graphsWithSemiJoins") JoinGraph g) {
    JoinTree dp = new DpJoinEnumerator().order(g, JoinCostModel.CALCITE_HASH_JOIN);
    double brute = allTrees(g, JoinCostModel.CALCITE_HASH_JOIN, g.all()).stream()
        .mapToDouble(JoinTree::cost).min().orElseThrow();
    assertThat(dp.cost()).isCloseTo(brute, within(Math.abs(brute) * 1e-9 + 1e-9));
    assertThat(semiJoinsAreAllowed(g, dp)).isTrue();
  }

  private static boolean semiJoinsAreAllowed(JoinGraph g, JoinTree t) {
    if (t instanceof JoinTree.Join j) {
      return (!j.semi() || g.semiJoins().allowed(j.left().relations(), j.right().relations()))
          && semiJoinsAreAllowed(g, j.left()) && semiJoinsAreAllowed(g, j.right());
    }
    return true;
  }

  @Test
  void aSemiJoinIsChosenOnlyWhereAllowedAndCheaper() {
    // r0 (1e6) joins r1 (1e3) on a key of r1: as a semi join it costs 1% under Calcite's model.
    JoinGraph inner = new JoinGraph(new double[] {1e6, 1e3},
        List.of(new JoinGraph.Predicate(0b11, 1e-3)));
    JoinGraph semi = new JoinGraph(new double[] {1e6, 1e3},
        List.of(new JoinGraph.Predicate(0b11, 1e-3)), (l, r) -> r == 0b10);
    JoinTree a = new DpJoinEnumerator().order(inner, JoinCostModel.CALCITE_HASH_JOIN);
    JoinTree b = new DpJoinEnumerator().order(semi, JoinCostModel.CALCITE_HASH_JOIN);
    assertThat(a.toString()).doesNotContain("⋉");
    assertThat(b.toString()).isEqualTo("(r0 ⋉ r1)");
    assertThat(b.rows()).isEqualTo(a.rows());
    assertThat(b.cost()).isLessThan(a.cost());
    // Under C_out a semi join costs what the inner join costs: no reason to prefer it.
    assertThat(new DpJoinEnumerator().order(semi, JoinCostModel.C_OUT).cost())
        .isEqualTo(new DpJoinEnumerator().order(inner, JoinCostModel.C_OUT).cost());
  }

  @Property(tries = 300)
  void greedyCoversEveryRelationWithoutCrossProductsAndNeverBeatsDp(
      @ForAll("connectedGraphs") JoinGraph g) {
    JoinTree greedy = GreedyJoinEnumerator.INSTANCE.order(g, JoinCostModel.C_OUT);
    JoinTree dp = new DpJoinEnumerator().order(g, JoinCostModel.C_OUT);
    assertThat(greedy.relations()).isEqualTo(g.all());
    assertThat(crossProducts(g, greedy)).isZero();
    assertThat(greedy.cost()).isGreaterThanOrEqualTo(dp.cost() * (1 - 1e-9));
  }

  @Test
  void aChainPrefersTheSelectiveJoinFirst() {
    // r0 (1e6) - r1 (1e3) - r2 (10): r1 ⋈ r2 keeps 10 rows, r0 ⋈ r1 1e6.
    JoinGraph g = new JoinGraph(new double[] {1e6, 1e3, 10}, List.of(
        new JoinGraph.Predicate(0b011, 1e-3), new JoinGraph.Predicate(0b110, 1e-3)));
    JoinTree t = new DpJoinEnumerator().order(g, JoinCostModel.C_OUT);
    assertThat(t.toString()).isIn("(r0 ⋈ (r1 ⋈ r2))", "((r1 ⋈ r2) ⋈ r0)", "(r0 ⋈ (r2 ⋈ r1))",
        "((r2 ⋈ r1) ⋈ r0)");
    assertThat(t.rows()).isCloseTo(1e4, within(1e-6));
  }

  @Test
  void disconnectedGraphsJoinTheirComponentsByCrossProductsLast() {
    JoinGraph g = new JoinGraph(new double[] {100, 100, 5, 7}, List.of(
        new JoinGraph.Predicate(0b0011, 0.01), new JoinGraph.Predicate(0b1100, 0.5)));
    JoinTree t = new DpJoinEnumerator().order(g, JoinCostModel.C_OUT);
    assertThat(t.relations()).isEqualTo(0b1111);
    assertThat(crossProducts(g, t)).isEqualTo(1);
    assertThat(t.rows()).isCloseTo(100 * 17.5, within(1e-6));
  }

  /**
   * Graphs whose relations may be tied only by predicates over three or
   * more of them (e.g. {@code a.x + b.y = c.z}).
   */
  @Provide
  Arbitrary<JoinGraph> hypergraphs() {
    return Arbitraries.integers().between(2, 6).flatMap(n -> Combinators.combine(
        Arbitraries.doubles().between(1, 1e6).list().ofSize(n),
        Arbitraries.longs().between(1, (1L << n) - 1).filter(m -> Long.bitCount(m) >= 2)
            .list().ofMinSize(1).ofMaxSize(4))
        .as((r, masks) -> new JoinGraph(r.stream().mapToDouble(Double::doubleValue).toArray(),
            masks.stream().map(m -> new JoinGraph.Predicate(m, 0.01)).toList())));
  }

  @Property(seed = "20261126")
  void dpOrdersEveryGraphEvenWithOnlyHyperedges(@ForAll("hypergraphs") JoinGraph g) {
    JoinTree dp = new DpJoinEnumerator().order(g, JoinCostModel.C_OUT);
    assertThat(dp).isNotNull();
    assertThat(dp.relations()).isEqualTo(g.all());
    assertThat(GreedyJoinEnumerator.INSTANCE.order(g, JoinCostModel.C_OUT).relations())
        .isEqualTo(g.all());
  }

  @Test
  void aPredicateOverThreeRelationsAloneStillGivesATree() {
    // r0.x + r1.y = r2.z: one component, but no two-way split is connected.
    JoinGraph g = new JoinGraph(new double[] {100, 10, 1000},
        List.of(new JoinGraph.Predicate(0b111, 0.001)));
    JoinTree t = new DpJoinEnumerator().order(g, JoinCostModel.C_OUT);
    assertThat(t.relations()).isEqualTo(0b111);
    assertThat(t.rows()).isCloseTo(100 * 10 * 1000 * 0.001, within(1e-6));
    // The hyperedge joins last, over a cross product of the two smaller inputs.
    assertThat(crossProducts(g, t)).isEqualTo(1);
  }

  @Test
  void aboveTheLimitDpFallsBackToGreedy() {
    double[] rows = new double[8];
    List<JoinGraph.Predicate> preds = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      rows[i] = 10 + i * 100;
      if (i > 0) {
        preds.add(new JoinGraph.Predicate((1L << i) | 1L, 0.01));
      }
    }
    JoinGraph g = new JoinGraph(rows, preds);
    assertThat(new DpJoinEnumerator(4).order(g, JoinCostModel.C_OUT))
        .isEqualTo(GreedyJoinEnumerator.INSTANCE.order(g, JoinCostModel.C_OUT));
  }
}
