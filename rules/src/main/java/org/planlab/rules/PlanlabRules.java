package org.planlab.rules;

import org.apache.calcite.plan.RelOptRule;
import org.planlab.rules.joinorder.MultiJoinOrderRule;

/** Every rule instance written for planlab, in one place. */
public final class PlanlabRules {
  private PlanlabRules() {
  }

  /** Pulls conjuncts common to all OR branches out of a Filter's condition. */
  public static final RelOptRule OR_FACTOR_FILTER = OrFactorRule.Config.FILTER.toRule();

  /** Pulls conjuncts common to all OR branches out of a Join's condition. */
  public static final RelOptRule OR_FACTOR_JOIN = OrFactorRule.Config.JOIN.toRule();

  /** Orders an inner-join MultiJoin greedily (GOO). */
  public static final RelOptRule JOIN_ORDER_GREEDY = MultiJoinOrderRule.Config.GREEDY.toRule();

  /** Orders an inner-join MultiJoin exactly by DP, greedily above the DP limit. */
  public static final RelOptRule JOIN_ORDER_DP = MultiJoinOrderRule.Config.DP.toRule();
}
