package org.planlab.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.SemiJoinRule;

/**
 * Calcite's three rules that turn an inner join with an Aggregate into a
 * semi-join on the Aggregate's input, except where the Aggregate has no
 * group keys.
 *
 * <p>Calcite's rules assume the Aggregate only removes duplicate join keys,
 * so that joining its input instead keeps the same left rows. An Aggregate
 * without group keys (a grand total, such as the {@code COUNT(*)} that
 * sub-query removal joins in for {@code x IN (...) OR ...}) returns one row
 * even over no rows. Joined on no keys it keeps every left row, while the
 * semi-join on its empty input keeps none. {@code planlab fuzz} found this:
 * under {@code calcite-default},
 * {@code x IN (SELECT ... WHERE <always false>) OR x = 1} returned no rows
 * instead of the row with {@code x = 1}. Such joins stay joins; a LEFT join
 * is still removed, which is right for any Aggregate.
 */
public final class GrandTotalSafeSemiJoinRules {
  private GrandTotalSafeSemiJoinRules() {
  }

  /** In place of {@link CoreRules#PROJECT_TO_SEMI_JOIN}: Project, Join, left, Aggregate. */
  public static final RelOptRule PROJECT = new SemiJoinRule.ProjectToSemiJoinRule(
      SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.DEFAULT
          .withDescription("GrandTotalSafeSemiJoinRule:project")
          .as(SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.class)) {
    @Override
    public boolean matches(RelOptRuleCall call) {
      return safe(call.rel(1), call.rel(3)) && super.matches(call);
    }
  };

  /** In place of {@link CoreRules#JOIN_TO_SEMI_JOIN}: Join, left, Aggregate. */
  public static final RelOptRule JOIN = new SemiJoinRule.JoinToSemiJoinRule(
      SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.DEFAULT
          .withDescription("GrandTotalSafeSemiJoinRule:join")
          .as(SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.class)) {
    @Override
    public boolean matches(RelOptRuleCall call) {
      return safe(call.rel(0), call.rel(2)) && super.matches(call);
    }
  };

  /** In place of {@link CoreRules#AGGREGATE_TO_SEMI_JOIN}: Aggregate, Join, left, Aggregate. */
  public static final RelOptRule AGGREGATE = new SemiJoinRule.AggregateToSemiJoinRule(
      SemiJoinRule.AggregateToSemiJoinRule.AggregateToSemiJoinRuleConfig.DEFAULT
          .withDescription("GrandTotalSafeSemiJoinRule:aggregate")
          .as(SemiJoinRule.AggregateToSemiJoinRule.AggregateToSemiJoinRuleConfig.class)) {
    @Override
    public boolean matches(RelOptRuleCall call) {
      return safe(call.rel(1), call.rel(3)) && super.matches(call);
    }
  };

  /** False for an inner join with a grand total, which the semi-join would get wrong. */
  static boolean safe(Join join, Aggregate right) {
    return join.getJoinType() != JoinRelType.INNER || right.getGroupCount() > 0;
  }
}
