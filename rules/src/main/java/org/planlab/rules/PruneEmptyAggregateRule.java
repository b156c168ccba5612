package org.planlab.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Calcite's rule that replaces an Aggregate over an empty input by an empty
 * input, except where a grouping set is empty.
 *
 * <p>Calcite's rule fires on every Aggregate with group keys. One whose
 * grouping sets include the empty set, {@code ()}, returns that set's row
 * over no input rows, as a grand total does: {@code GROUPING SETS ((a), ())}
 * gives {@code (NULL, COUNT(*) = 0)}. Calcite plans {@code COUNT(*)} with
 * {@code COUNT(DISTINCT x)} as such grouping sets, so pruning the Aggregate
 * lost the counts' row ({@code planlab fuzz} found it by ternary logic
 * partitioning, in phase 2 of {@code two-phase}, whose implementation step
 * uses Calcite's rules).
 */
public final class PruneEmptyAggregateRule {
  private PruneEmptyAggregateRule() {
  }

  /** In place of {@link PruneEmptyRules#AGGREGATE_INSTANCE}. */
  public static final RelOptRule INSTANCE =
      PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.AGGREGATE
          .withDescription("PruneEmptyAggregateWithoutEmptyGroupingSet")
          .as(PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.class)
          .withOperandFor(Aggregate.class, PruneEmptyAggregateRule::noEmptyGroupingSet)
          .toRule();

  /** True if {@code aggregate} returns no rows over no rows: none of its grouping sets is empty. */
  static boolean noEmptyGroupingSet(Aggregate aggregate) {
    return aggregate.getGroupCount() > 0
        && aggregate.getGroupSets().stream().noneMatch(ImmutableBitSet::isEmpty);
  }
}
