package org.planlab.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.JoinToMultiJoinRule;
import org.apache.calcite.sql.SqlKind;
import org.planlab.rules.joinorder.MultiJoinOrderRule;

/** Every rule instance written for planlab, in one place. */
public final class PlanlabRules {
  private PlanlabRules() {
  }

  /** Pulls conjuncts common to all OR branches out of a Filter's condition. */
  public static final RelOptRule OR_FACTOR_FILTER = OrFactorRule.Config.FILTER.toRule();

  /** Pulls conjuncts common to all OR branches out of a Join's condition. */
  public static final RelOptRule OR_FACTOR_JOIN = OrFactorRule.Config.JOIN.toRule();

  /**
   * Collapses inner joins, and only inner joins, into MultiJoins. Calcite's
   * JOIN_TO_MULTI_JOIN also takes in outer joins, which then go to
   * LoptOptimizeJoinRule and may come back flipped (a RIGHT join with the
   * large side building the hash table, TPC-H Q13); kept out, an outer join
   * stays as written and its inputs are ordered on their own.
   */
  public static final RelOptRule INNER_JOIN_TO_MULTI_JOIN = JoinToMultiJoinRule.Config.DEFAULT
      .withOperandSupplier(b0 -> b0.operand(LogicalJoin.class)
          .predicate(j -> j.getJoinType() == JoinRelType.INNER)
          .inputs(b1 -> b1.operand(RelNode.class).anyInputs(),
              b2 -> b2.operand(RelNode.class).anyInputs()))
      .withDescription("JoinToMultiJoinRule:inner")
      .toRule();

  /** Drops a DISTINCT Aggregate from the right side of a semi or anti join. */
  public static final RelOptRule SEMI_JOIN_DISTINCT_REMOVE =
      SemiJoinDistinctRemoveRule.Config.DEFAULT.toRule();

  /**
   * Calcite's transitive-predicate inference across join keys, firing only
   * where it changes an input (Calcite's own loops on TPC-DS Q10, Q35, Q69).
   */
  public static final RelOptRule TRANSITIVE_PREDICATES =
      TransitivePredicatesRule.Config.DEFAULT.toRule();

  /**
   * Calcite's AGGREGATE_REDUCE_FUNCTIONS without SUM: AVG, STDDEV, VAR and
   * COVAR become SUM and COUNT, which Enumerable computes; SUM stays. Calcite's
   * default also turns every nullable SUM into {@code CASE COUNT(x) = 0 THEN
   * NULL ELSE $SUM0(x)}, one more aggregate call and a Calc over the
   * Aggregate that buy nothing (0.4 % of the cost of TPC-DS Q93), which its
   * Volcano search can decline and a Hep pass cannot.
   */
  public static final RelOptRule REDUCE_AVERAGES = AggregateReduceFunctionsRule.Config.DEFAULT
      .withFunctionsToReduce(java.util.EnumSet.copyOf(
          java.util.stream.Stream.concat(SqlKind.AVG_AGG_FUNCTIONS.stream(),
              SqlKind.COVAR_AVG_AGG_FUNCTIONS.stream()).toList()))
      .withDescription("AggregateReduceFunctionsRule:averages")
      .toRule();

  /** Orders an inner-join MultiJoin greedily (GOO). */
  public static final RelOptRule JOIN_ORDER_GREEDY = MultiJoinOrderRule.Config.GREEDY.toRule();

  /**
   * Orders an inner-join MultiJoin exactly by DP, greedily above the DP
   * limit; a join whose right side only filters may become a semi join.
   */
  public static final RelOptRule JOIN_ORDER_DP = MultiJoinOrderRule.Config.DP.toRule();

  /** Orders an inner-join MultiJoin exactly by DP, with inner joins only. */
  public static final RelOptRule JOIN_ORDER_DP_INNER = MultiJoinOrderRule.Config.DP_INNER.toRule();
}
