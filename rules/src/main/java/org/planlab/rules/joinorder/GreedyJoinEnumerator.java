package org.planlab.rules.joinorder;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy Operator Ordering (Fegaras, 1998): start from the single relations
 * and repeatedly join the two trees, connected by a predicate, whose join has
 * the fewest rows. Only when no connected pair is left are trees joined by a
 * cross product, smallest first, so no avoidable cross product is made.
 * O(n³) in the number of relations; ties go to the lower relation numbers,
 * so the order is deterministic.
 */
public final class GreedyJoinEnumerator implements JoinEnumerator {
  public static final GreedyJoinEnumerator INSTANCE = new GreedyJoinEnumerator();

  @Override
  public String name() {
    return "greedy";
  }

  @Override
  public JoinTree order(JoinGraph graph, JoinCostModel model) {
    List<JoinTree> trees = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      trees.add(new JoinTree.Leaf(i, graph.rows(i)));
    }
    while (trees.size() > 1) {
      int bestA = -1;
      int bestB = -1;
      double bestRows = Double.POSITIVE_INFINITY;
      boolean bestConnected = false;
      for (int a = 0; a < trees.size(); a++) {
        for (int b = a + 1; b < trees.size(); b++) {
          long ra = trees.get(a).relations();
          long rb = trees.get(b).relations();
          boolean connected = graph.connected(ra, rb);
          if (bestConnected && !connected) {
            continue;
          }
          double rows = graph.cardinality(ra | rb);
          if ((connected && !bestConnected) || rows < bestRows) {
            bestA = a;
            bestB = b;
            bestRows = rows;
            bestConnected = connected;
          }
        }
      }
      JoinTree a = trees.get(bestA);
      JoinTree b = trees.get(bestB);
      // Of the two orientations, the cheaper under the model.
      JoinTree.Join ab = JoinTree.join(graph, model, a, b);
      JoinTree.Join ba = JoinTree.join(graph, model, b, a);
      trees.remove(bestB);
      trees.set(bestA, ba.cost() < ab.cost() ? ba : ab);
    }
    return trees.get(0);
  }
}
