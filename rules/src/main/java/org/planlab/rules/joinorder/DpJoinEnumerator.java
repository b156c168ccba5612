package org.planlab.rules.joinorder;

import java.util.List;

/**
 * Exact join ordering by dynamic programming over connected subsets, bushy
 * trees included, without cross products (DPsub with the connectivity test
 * of DPccp; Moerkotte and Neumann, VLDB 2006). For every connected set of
 * relations it keeps the cheapest tree, built from the cheapest trees of two
 * connected, disjoint halves that a predicate links; hyperedges link halves
 * once all their relations are present (as in DPhyp). Where the graph allows
 * a join to be a semi join ({@link JoinGraph.SemiJoins}), each split is also
 * priced as one, which keeps the search exact: a semi join returns the
 * inner join's rows, so only the cost of that join changes.
 *
 * <p>It visits every split of every subset, 3ⁿ in all, so above
 * {@link #DEFAULT_LIMIT} relations (3¹² ≈ 531,000 splits, a few
 * milliseconds) it hands the graph to {@link GreedyJoinEnumerator}, as
 * PostgreSQL hands large FROM lists to GEQO, DuckDB to its greedy
 * heuristic and GPORCA to its greedy and exhaustive-2 searches.
 *
 * <p>A disconnected graph is ordered component by component, and the
 * components are then joined by cross products, smallest first.
 */
public final class DpJoinEnumerator implements JoinEnumerator {
  /** Relations up to which the search is exact. */
  public static final int DEFAULT_LIMIT = 12;

  private final int limit;

  public DpJoinEnumerator(int limit) {
    if (limit < 1 || limit > 20) {
      throw new IllegalArgumentException("the exact join-enumeration limit must be in [1, 20], got "
          + limit);
    }
    this.limit = limit;
  }

  public DpJoinEnumerator() {
    this(DEFAULT_LIMIT);
  }

  public int limit() {
    return limit;
  }

  @Override
  public String name() {
    return "dp";
  }

  @Override
  public JoinTree order(JoinGraph graph, JoinCostModel model) {
    if (graph.size() > limit) {
      return GreedyJoinEnumerator.INSTANCE.order(graph, model);
    }
    List<Long> components = graph.components();
    JoinTree result = null;
    // Components: each ordered exactly, then combined smallest first.
    JoinTree[] parts = new JoinTree[components.size()];
    for (int c = 0; c < parts.length; c++) {
      parts[c] = orderConnected(graph, model, components.get(c), false);
      if (parts[c] == null) {
        // Connected only through predicates over three or more relations,
        // which no two-way split covers: cross products where no split does.
        parts[c] = orderConnected(graph, model, components.get(c), true);
      }
    }
    java.util.Arrays.sort(parts, java.util.Comparator.comparingDouble(JoinTree::rows)
        .thenComparingLong(JoinTree::relations));
    for (JoinTree part : parts) {
      if (result == null) {
        result = part;
      } else {
        JoinTree.Join ab = JoinTree.join(graph, model, result, part);
        JoinTree.Join ba = JoinTree.join(graph, model, part, result);
        result = ba.cost() < ab.cost() ? ba : ab;
      }
    }
    return result;
  }

  /**
   * The best tree over the connected relations {@code set}, or null where
   * no tree of connected splits covers it; with {@code crossWhereNeeded}, a
   * subset that no connected split makes is made by cross products.
   */
  private static JoinTree orderConnected(JoinGraph graph, JoinCostModel model, long set,
      boolean crossWhereNeeded) {
    int n = graph.size();
    // Index subsets of `set` densely: bit k of an index is the k-th relation of `set`.
    int[] members = new int[Long.bitCount(set)];
    for (int i = 0, k = 0; i < n; i++) {
      if ((set & (1L << i)) != 0) {
        members[k++] = i;
      }
    }
    int m = members.length;
    JoinTree[] best = new JoinTree[1 << m];
    for (int k = 0; k < m; k++) {
      best[1 << k] = new JoinTree.Leaf(members[k], graph.rows(members[k]));
    }
    // Increasing index order visits every subset after all of its subsets.
    for (int s = 1; s < (1 << m); s++) {
      if (Integer.bitCount(s) < 2) {
        continue;
      }
      long rels = toRelations(s, members);
      JoinTree bestHere = bestSplit(graph, model, best, s, rels, true);
      if (bestHere == null && crossWhereNeeded) {
        bestHere = bestSplit(graph, model, best, s, rels, false);
      }
      best[s] = bestHere; // null: s is not connected
    }
    return best[(1 << m) - 1];
  }

  /**
   * The cheapest join of two halves of subset {@code s} that have trees, by
   * connected splits only or, without {@code connectedOnly}, by any split
   * (cross products, never semi joins); null if there is none.
   */
  private static JoinTree bestSplit(JoinGraph graph, JoinCostModel model, JoinTree[] best,
      int s, long rels, boolean connectedOnly) {
    JoinGraph.SemiJoins semi = graph.semiJoins();
    JoinTree bestHere = null;
    double rows = Double.NaN;
    // Every non-empty proper subset s1 of s; s2 is the rest.
    for (int s1 = (s - 1) & s; s1 > 0; s1 = (s1 - 1) & s) {
      JoinTree left = best[s1];
      JoinTree right = best[s & ~s1];
      if (left == null || right == null) {
        continue; // a half that is not connected on its own
      }
      boolean connected = graph.connected(left.relations(), right.relations());
      if (connectedOnly && !connected) {
        continue;
      }
      if (Double.isNaN(rows)) {
        rows = graph.cardinality(rels);
      }
      double below = left.cost() + right.cost();
      double cost = below + model.joinCost(left.rows(), right.rows(), rows);
      if (bestHere == null || cost < bestHere.cost()) {
        bestHere = new JoinTree.Join(left, right, rows, cost);
      }
      if (connected && semi != JoinGraph.SemiJoins.NONE
          && semi.allowed(left.relations(), right.relations())) {
        double semiCost = below + model.semiJoinCost(left.rows(), right.rows(), rows);
        if (semiCost < bestHere.cost()) {
          bestHere = new JoinTree.Join(left, right, rows, semiCost, true);
        }
      }
    }
    return bestHere;
  }

  private static long toRelations(int subset, int[] members) {
    long r = 0;
    for (int k = 0; k < members.length; k++) {
      if ((subset & (1 << k)) != 0) {
        r |= 1L << members[k];
      }
    }
    return r;
  }
}
