package org.planlab.planner.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A join condition split the way planlab estimates it: equi-pairs between the
 * two sides (left field, right field relative to the right side), terms over
 * one side only (shifted to that side's fields), and the product of
 * Calcite's guesses for the rest.
 */
final class JoinTerms {
  final List<RexNode> leftOnly = new ArrayList<>();
  final List<RexNode> rightOnly = new ArrayList<>();
  final double guessed;
  private final List<int[]> pairs = new ArrayList<>();

  JoinTerms(Join join, RexNode condition) {
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int total = leftCount + join.getRight().getRowType().getFieldCount();
    ImmutableBitSet leftFields = ImmutableBitSet.range(0, leftCount);
    ImmutableBitSet rightFields = ImmutableBitSet.range(leftCount, total);
    double g = 1.0;
    for (RexNode term : RelOptUtil.conjunctions(condition)) {
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(term);
      if (!used.isEmpty() && leftFields.contains(used)) {
        leftOnly.add(term);
      } else if (!used.isEmpty() && rightFields.contains(used)) {
        rightOnly.add(RexUtil.shift(term, -leftCount));
      } else if (!addEquiPair(term, leftCount, pairs)) {
        g *= RelMdUtil.guessSelectivity(term);
      }
    }
    this.guessed = g;
  }

  /**
   * The selectivity of the equi-pairs: 1 / max(ndv(left keys), ndv(right
   * keys)) for each group of pairs between the same two base tables, and the
   * product over groups. Keys between one pair of tables are estimated
   * together, so a composite foreign key (lineitem's (l_partkey, l_suppkey) to
   * partsupp) is not counted twice; keys to different tables are independent,
   * as PostgreSQL multiplies its join clauses. This is also how planlab's join
   * enumerator estimates, so its orders and the planner's costs agree. 1 if
   * there are no equi-pairs; null if a distinct count is unknown.
   */
  Double keySelectivity(Join join, RelMetadataQuery mq) {
    if (pairs.isEmpty()) {
      return 1.0;
    }
    java.util.Map<String, ImmutableBitSet[]> groups = new java.util.LinkedHashMap<>();
    for (int[] p : pairs) {
      // One pair is one group: no need to ask where its columns come from.
      String key = pairs.size() == 1 ? ""
          : origin(mq, join.getLeft(), p[0]) + " " + origin(mq, join.getRight(), p[1]);
      ImmutableBitSet[] g = groups.computeIfAbsent(key,
          k -> new ImmutableBitSet[] {ImmutableBitSet.of(), ImmutableBitSet.of()});
      g[0] = g[0].set(p[0]);
      g[1] = g[1].set(p[1]);
    }
    double s = 1.0;
    for (ImmutableBitSet[] g : groups.values()) {
      Double ndvLeft = mq.getDistinctRowCount(join.getLeft(), g[0], null);
      Double ndvRight = mq.getDistinctRowCount(join.getRight(), g[1], null);
      if (ndvLeft == null || ndvRight == null || ndvLeft.isNaN() || ndvRight.isNaN()) {
        return null; // unknown: the caller falls back on Calcite's estimate
      }
      s /= Math.max(1.0, Math.max(ndvLeft, ndvRight));
    }
    return s;
  }

  /** The base table a field comes from, or "?" where it is computed or mixed. */
  private static String origin(RelMetadataQuery mq, org.apache.calcite.rel.RelNode rel,
      int field) {
    org.apache.calcite.rel.metadata.RelColumnOrigin o = mq.getColumnOrigin(rel, field);
    return o == null || o.isDerived() ? "?"
        : String.join(".", o.getOriginTable().getQualifiedName());
  }

  /** The selectivity of the terms over {@code side} alone; 1 if there are none. */
  static double sideSelectivity(RelMetadataQuery mq, org.apache.calcite.rel.RelNode side,
      List<RexNode> terms) {
    if (terms.isEmpty()) {
      return 1.0;
    }
    Double s = mq.getSelectivity(side,
        RexUtil.composeConjunction(side.getCluster().getRexBuilder(), terms));
    return s == null ? 1.0 : s;
  }

  /** True if the condition has equi-pairs between the two sides. */
  boolean hasKeys() {
    return !pairs.isEmpty();
  }

  /** The right side's fields in equi-pairs. */
  ImmutableBitSet rightKeys() {
    ImmutableBitSet.Builder b = ImmutableBitSet.builder();
    pairs.forEach(p -> b.set(p[1]));
    return b.build();
  }

  /** The terms over the right side as one predicate over its fields, or null. */
  RexNode rightPredicate(Join join) {
    return rightOnly.isEmpty() ? null
        : RexUtil.composeConjunction(join.getCluster().getRexBuilder(), rightOnly);
  }

  /** If {@code term} is {@code left.x = right.y}, records (x, y) and returns true. */
  private static boolean addEquiPair(RexNode term, int leftCount, List<int[]> pairs) {
    if (!(term instanceof RexCall call)
        || (call.getKind() != SqlKind.EQUALS && call.getKind() != SqlKind.IS_NOT_DISTINCT_FROM)) {
      return false;
    }
    RexNode a = RexUtil.removeCast(call.getOperands().get(0));
    RexNode b = RexUtil.removeCast(call.getOperands().get(1));
    if (!(a instanceof RexInputRef x) || !(b instanceof RexInputRef y)) {
      return false;
    }
    int i = Math.min(x.getIndex(), y.getIndex());
    int j = Math.max(x.getIndex(), y.getIndex());
    if (i >= leftCount || j < leftCount) {
      return false;
    }
    pairs.add(new int[] {i, j - leftCount});
    return true;
  }
}
