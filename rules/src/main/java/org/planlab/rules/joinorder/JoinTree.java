package org.planlab.rules.joinorder;

/**
 * A join order: a leaf names one relation of a {@link JoinGraph}; an inner
 * node joins a left and a right subtree, as an inner join or, where the graph
 * allows it, as a semi join that keeps only the left side's columns.
 * {@code rows} is the estimated output
 * and {@code cost} the cumulative cost under the {@link JoinCostModel} that
 * built it.
 */
public sealed interface JoinTree {

  /** The relations below this node, as a bit mask. */
  long relations();

  double rows();

  double cost();

  record Leaf(int relation, double rows) implements JoinTree {
    @Override
    public long relations() {
      return 1L << relation;
    }

    @Override
    public double cost() {
      return 0;
    }

    @Override
    public String toString() {
      return "r" + relation;
    }
  }

  record Join(JoinTree left, JoinTree right, double rows, double cost, boolean semi)
      implements JoinTree {
    public Join(JoinTree left, JoinTree right, double rows, double cost) {
      this(left, right, rows, cost, false);
    }

    public Join {
      if ((left.relations() & right.relations()) != 0) {
        throw new IllegalArgumentException("the two sides of a join overlap");
      }
    }

    @Override
    public long relations() {
      return left.relations() | right.relations();
    }

    @Override
    public String toString() {
      return "(" + left + (semi ? " ⋉ " : " ⋈ ") + right + ")";
    }
  }

  /** Joins two trees of {@code graph} under {@code model}. */
  static Join join(JoinGraph graph, JoinCostModel model, JoinTree left, JoinTree right) {
    double rows = graph.cardinality(left.relations() | right.relations());
    return new Join(left, right, rows,
        left.cost() + right.cost() + model.joinCost(left.rows(), right.rows(), rows));
  }

  /** Semi-joins {@code right} into {@code left}; the caller checks the graph allows it. */
  static Join semiJoin(JoinGraph graph, JoinCostModel model, JoinTree left, JoinTree right) {
    double rows = graph.cardinality(left.relations() | right.relations());
    return new Join(left, right, rows,
        left.cost() + right.cost() + model.semiJoinCost(left.rows(), right.rows(), rows), true);
  }
}
