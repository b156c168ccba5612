package org.planlab.rules;

import org.apache.calcite.adapter.enumerable.EnumerableMergeUnionRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Union;

/**
 * Calcite's rule that turns a Sort over a Union into a merge of sorted
 * inputs, except where the Sort has a LIMIT or OFFSET and the union is
 * distinct.
 *
 * <p>Calcite's rule gives each input the Sort's limit. For UNION ALL that is
 * right; for UNION the first rows of an input may be copies of one row,
 * which the merge then keeps once, so fewer rows than the limit come out
 * ({@code planlab fuzz} found it: a UNION of two TPC-H joins with ORDER BY
 * and LIMIT 5 returned 2 rows). Such a union keeps its Sort above it.
 */
public final class DistinctSafeMergeUnionRule extends EnumerableMergeUnionRule {
  /** The rule, for the places Calcite's own would go. */
  public static final DistinctSafeMergeUnionRule INSTANCE = new DistinctSafeMergeUnionRule(
      EnumerableMergeUnionRule.Config.DEFAULT_CONFIG
          .withDescription("EnumerableDistinctSafeMergeUnionRule")
          .as(EnumerableMergeUnionRule.Config.class));

  private DistinctSafeMergeUnionRule(EnumerableMergeUnionRule.Config config) {
    super(config);
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    Union union = call.rel(1);
    return super.matches(call)
        && (union.all || sort.fetch == null && sort.offset == null);
  }
}
