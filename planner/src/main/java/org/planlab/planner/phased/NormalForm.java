package org.planlab.planner.phased;

import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.ProjectRemoveRule;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.planlab.rules.PlanlabRules;

/**
 * A cheap proof that the {@code normalize} rule set cannot change a plan, so
 * that phase 1 skips its Hep pass, which on a point lookup costs more than
 * parsing, planning and implementing together.
 *
 * <p>The proof covers join-free plans of table scans, filters, projects,
 * aggregates and sorts, and checks what each normalize rule needs in order to
 * fire. Allowed: a Filter over a scan or over Projects that only select
 * fields (transposing and merging them is what forming Calcs does anyway),
 * Projects over Projects (merged by either), and one Filter per chain. Not
 * allowed: a Filter over a Filter or an Aggregate, a trivial Project, a window
 * function, a DISTINCT or reducible aggregate (AVG, SUM, ...), and filter
 * conditions that are not already simplified (what
 * {@code FILTER_REDUCE_EXPRESSIONS} computes, with the empty predicates a
 * scan has), have a constant sub-expression to fold, a CASE, a common factor
 * across OR branches, or are a literal or a null test. Anything else is
 * normalized. A test checks that phase 1's plans are the same either way.
 */
final class NormalForm {
  private NormalForm() {
  }

  private static final AggregateReduceFunctionsRule REDUCE_FUNCTIONS =
      (AggregateReduceFunctionsRule) PlanlabRules.REDUCE_AVERAGES;

  /**
   * True if normalizing {@code rel} would not change the plan phase 1 makes
   * from it: no {@code normalize} rule can fire, or the only ones that can
   * merge Projects and move a Filter below a field-selecting Project, which
   * forming Calcs does as well.
   */
  static boolean isNormal(RelNode rel) {
    return of(rel) == Verdict.NORMAL;
  }

  /** What normalizing a plan can change. */
  enum Verdict {
    /** Nothing: skip it. */
    NORMAL,
    /** Only aggregate calls to reduce (AVG, STDDEV, ...), and the Projects that adds. */
    AGGREGATES_TO_REDUCE,
    /** Possibly anything: run every rule. */
    ANY
  }

  static Verdict of(RelNode rel) {
    boolean[] reducible = {false};
    if (!isNormal(rel, reducible)) {
      return Verdict.ANY;
    }
    return reducible[0] ? Verdict.AGGREGATES_TO_REDUCE : Verdict.NORMAL;
  }

  /**
   * True if nothing but aggregate calls to reduce keeps {@code rel} from
   * being normal; sets {@code reducible[0]} where there are such calls.
   */
  private static boolean isNormal(RelNode rel, boolean[] reducible) {
    if (rel instanceof TableScan) {
      return true;
    }
    if (rel instanceof Filter f) {
      // Below it only a scan and field-selecting Projects: one Filter per
      // chain, since two would merge and simplify together.
      return !RexUtil.SubQueryFinder.containsSubQuery(f)
          && isSimplified(f.getCondition(), f.getCluster().getRexBuilder())
          && belowFilter(f.getInput());
    }
    if (rel instanceof Project p) {
      return !ProjectRemoveRule.isTrivial(p)
          && !RexOver.containsOver(p.getProjects(), null)
          && !RexUtil.SubQueryFinder.containsSubQuery(p)
          && isNormal(p.getInput(), reducible);
    }
    if (rel instanceof Aggregate a) {
      if (a.containsDistinctCall() || a.getGroupType() != Aggregate.Group.SIMPLE) {
        return false;
      }
      for (AggregateCall call : a.getAggCallList()) {
        if (REDUCE_FUNCTIONS.canReduce(call)) {
          reducible[0] = true;
        }
      }
      return isNormal(a.getInput(), reducible);
    }
    if (rel instanceof Sort s) {
      return isNormal(s.getInput(), reducible);
    }
    return false;
  }

  /** Below a Filter: a scan, through Projects that only select fields. */
  private static boolean belowFilter(RelNode rel) {
    if (rel instanceof TableScan) {
      return true;
    }
    return rel instanceof Project p && !ProjectRemoveRule.isTrivial(p)
        && p.getProjects().stream().allMatch(e -> e instanceof RexInputRef)
        && belowFilter(p.getInput());
  }

  private static boolean isSimplified(RexNode condition, RexBuilder rex) {
    if (condition instanceof RexLiteral || !(condition instanceof RexCall)) {
      return false;
    }
    switch (condition.getKind()) {
    case IS_NULL:
    case IS_NOT_NULL:
    case IS_UNKNOWN:
    case NOT:
      return false;
    default:
      break;
    }
    if (hasFoldableCallOrCase(condition)
        || !RexUtil.pullFactors(rex, condition).equals(condition)) {
      return false;
    }
    RexSimplify simplify = new RexSimplify(rex, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR);
    return simplify.simplifyPreservingType(condition, RexUnknownAs.FALSE, true)
        .equals(condition);
  }

  /** A call that reads no field (constant folding applies) or a CASE, anywhere in {@code e}. */
  private static boolean hasFoldableCallOrCase(RexNode e) {
    if (!(e instanceof RexCall call)) {
      return false;
    }
    if (call.getKind() == SqlKind.CASE || RelOptUtil.InputFinder.bits(call).isEmpty()) {
      return true;
    }
    for (RexNode operand : call.getOperands()) {
      if (hasFoldableCallOrCase(operand)) {
        return true;
      }
    }
    return false;
  }
}
