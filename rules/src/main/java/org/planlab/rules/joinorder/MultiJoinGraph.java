package org.planlab.rules.joinorder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A {@link MultiJoin} seen as a {@link JoinGraph}: each input is a relation,
 * each conjunct of the join filter is assigned to the set of inputs it
 * references. Selectivities come from Calcite's metadata, so the enumerator
 * and the planner estimate alike: equi-conditions between two inputs are
 * taken together as 1 / max(distinct keys of either side), conjuncts over one
 * input by that input's selectivity, and the rest by Calcite's guess.
 */
final class MultiJoinGraph {
  final MultiJoin multiJoin;
  final JoinGraph graph;
  /** The first field of each input in the MultiJoin's row. */
  final int[] offsets;
  /** Each conjunct of the join filter and the inputs it references. */
  final List<RexNode> conjuncts = new ArrayList<>();
  final List<Long> conjunctInputs = new ArrayList<>();

  MultiJoinGraph(MultiJoin multiJoin, RelMetadataQuery mq) {
    this.multiJoin = multiJoin;
    List<RelNode> inputs = multiJoin.getInputs();
    int n = inputs.size();
    offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      offsets[i + 1] = offsets[i] + inputs.get(i).getRowType().getFieldCount();
    }
    double[] rows = new double[n];
    for (int i = 0; i < n; i++) {
      Double r = mq.getRowCount(inputs.get(i));
      rows[i] = r == null ? 1 : Math.max(1, r);
    }
    Map<Long, List<RexNode>> byInputs = new LinkedHashMap<>();
    for (RexNode c : RelOptUtil.conjunctions(multiJoin.getJoinFilter())) {
      if (c.isAlwaysTrue()) {
        continue;
      }
      long mask = inputsOf(c);
      conjuncts.add(c);
      conjunctInputs.add(mask);
      byInputs.computeIfAbsent(mask, k -> new ArrayList<>()).add(c);
    }
    List<JoinGraph.Predicate> predicates = new ArrayList<>();
    for (Map.Entry<Long, List<RexNode>> e : byInputs.entrySet()) {
      long mask = e.getKey();
      if (mask == 0) {
        continue; // constant conjuncts do not depend on the order
      }
      predicates.add(new JoinGraph.Predicate(mask, selectivity(mask, e.getValue(), mq)));
    }
    graph = new JoinGraph(rows, predicates);
  }

  /** The inputs whose fields {@code e} references, as a mask. */
  long inputsOf(RexNode e) {
    long mask = 0;
    for (int field : RelOptUtil.InputFinder.bits(e)) {
      mask |= 1L << inputOf(field);
    }
    return mask;
  }

  int inputOf(int field) {
    for (int i = 0; i < offsets.length - 1; i++) {
      if (field < offsets[i + 1]) {
        return i;
      }
    }
    throw new IllegalArgumentException("field " + field + " beyond the MultiJoin's row");
  }

  private double selectivity(long mask, List<RexNode> terms, RelMetadataQuery mq) {
    List<RelNode> inputs = multiJoin.getInputs();
    if (Long.bitCount(mask) == 1) {
      int i = Long.numberOfTrailingZeros(mask);
      RexNode local = RexUtil.shift(
          RexUtil.composeConjunction(multiJoin.getCluster().getRexBuilder(), terms), -offsets[i]);
      Double s = mq.getSelectivity(inputs.get(i), local);
      return clamp(s == null ? RelMdUtil.guessSelectivity(local) : s);
    }
    double s = 1;
    if (Long.bitCount(mask) == 2) {
      int a = Long.numberOfTrailingZeros(mask);
      int b = 63 - Long.numberOfLeadingZeros(mask);
      ImmutableBitSet.Builder keysA = ImmutableBitSet.builder();
      ImmutableBitSet.Builder keysB = ImmutableBitSet.builder();
      boolean anyEqui = false;
      for (RexNode t : terms) {
        int[] pair = equiPair(t);
        if (pair == null) {
          s *= RelMdUtil.guessSelectivity(t);
          continue;
        }
        int x = pair[0];
        int y = pair[1];
        if (inputOf(x) != a) {
          int tmp = x;
          x = y;
          y = tmp;
        }
        keysA.set(x - offsets[a]);
        keysB.set(y - offsets[b]);
        anyEqui = true;
      }
      if (anyEqui) {
        Double ndvA = mq.getDistinctRowCount(inputs.get(a), keysA.build(), null);
        Double ndvB = mq.getDistinctRowCount(inputs.get(b), keysB.build(), null);
        double ndv = Math.max(ndvA == null ? 1 : ndvA, ndvB == null ? 1 : ndvB);
        s /= Math.max(1, ndv);
      }
      return clamp(s);
    }
    for (RexNode t : terms) {
      s *= RelMdUtil.guessSelectivity(t);
    }
    return clamp(s);
  }

  /** The two fields of {@code a = b} between two inputs, or null. */
  private int[] equiPair(RexNode t) {
    if (!(t instanceof RexCall call) || call.getKind() != SqlKind.EQUALS) {
      return null;
    }
    RexNode l = RexUtil.removeCast(call.getOperands().get(0));
    RexNode r = RexUtil.removeCast(call.getOperands().get(1));
    if (l instanceof RexInputRef x && r instanceof RexInputRef y
        && inputOf(x.getIndex()) != inputOf(y.getIndex())) {
      return new int[] {x.getIndex(), y.getIndex()};
    }
    return null;
  }

  private static double clamp(double s) {
    return Double.isNaN(s) ? 1 : Math.max(Double.MIN_NORMAL, Math.min(1, s));
  }
}
