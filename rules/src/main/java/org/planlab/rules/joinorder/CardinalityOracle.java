package org.planlab.rules.joinorder;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Row counts known for expressions, by {@link CardinalityKeys} key: measured
 * cardinalities injected into planning. Put one into the planner's context;
 * the join enumerators then take a join of inputs whose key it knows at its
 * measured size instead of their estimate.
 */
public interface CardinalityOracle {
  /** The rows an expression with this key returns, or null if unknown. */
  @Nullable Double rows(String key);
}
