package org.planlab.planner.phased;

import java.util.function.Predicate;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexUtil;

/**
 * Cheap tests of what a plan contains, so that a step that cannot apply is
 * skipped instead of run: a single-table query should not pay for
 * sub-query removal, decorrelation or join ordering.
 */
public final class PlanShape {
  private PlanShape() {
  }

  /** True if some node of {@code rel}'s tree satisfies {@code p}. */
  public static boolean any(RelNode rel, Predicate<RelNode> p) {
    if (p.test(rel)) {
      return true;
    }
    for (RelNode input : rel.getInputs()) {
      if (any(input, p)) {
        return true;
      }
    }
    return false;
  }

  /** Sub-queries (IN, EXISTS, scalar) left in expressions. */
  public static boolean hasSubQuery(RelNode rel) {
    return any(rel, r -> (r instanceof Filter f && RexUtil.SubQueryFinder.containsSubQuery(f))
        || (r instanceof Project p && RexUtil.SubQueryFinder.containsSubQuery(p))
        || (r instanceof Join j && RexUtil.SubQueryFinder.containsSubQuery(j)));
  }

  /** Correlated joins, which decorrelation removes. */
  public static boolean hasCorrelate(RelNode rel) {
    return any(rel, r -> r instanceof Correlate);
  }

  /** Semi joins whose right side joins several inputs. */
  public static boolean hasMultiInputSemiJoin(RelNode rel) {
    return any(rel, r -> r instanceof Join j && j.getJoinType() == JoinRelType.SEMI
        && hasJoin(j.getRight()));
  }

  /** Joins, which join ordering orders. */
  public static boolean hasJoin(RelNode rel) {
    return any(rel, r -> r instanceof Join);
  }
}
