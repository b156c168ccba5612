package org.planlab.rules.joinorder;

/** Chooses a join order for a {@link JoinGraph}. */
public interface JoinEnumerator {

  /** Name used in traces and configuration files, e.g. {@code dp}. */
  String name();

  /** The best order this enumerator finds under {@code model}. */
  JoinTree order(JoinGraph graph, JoinCostModel model);
}
