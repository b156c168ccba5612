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
 *
 * <p>It also tells the enumerator where a join may be a semi join
 * ({@link JoinGraph.SemiJoins}). Joining a set R into a set L may be one
 * where (1) nothing above the MultiJoin needs a field of R (its
 * {@code projFields} and post-join filter say which fields are needed),
 * (2) no conjunct links R to an input outside L and R, and (3) each L row
 * matches at most one R row: every input of R is unique on fields that R's
 * join keys to L determine, directly or through equalities inside R (a
 * foreign key joined to its primary key keeps the key side unique).
 */
final class MultiJoinGraph {
  final MultiJoin multiJoin;
  /** The graph, with semi joins where they return the inner join's rows. */
  final JoinGraph graph;
  /** The same graph with inner joins only. */
  final JoinGraph innerGraph;
  /** The first field of each input in the MultiJoin's row. */
  final int[] offsets;
  /** Each conjunct of the join filter and the inputs it references. */
  final List<RexNode> conjuncts = new ArrayList<>();
  final List<Long> conjunctInputs = new ArrayList<>();
  /** Inputs some field of which is needed above the MultiJoin. */
  private final long needed;
  /** Per input, the inputs it shares a conjunct with, itself included. */
  private final long[] reach;
  private final RelMetadataQuery mq;
  private final Map<Long, Boolean> uniqueMemo = new java.util.HashMap<>();

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
    this.mq = mq;
    this.reach = new long[n];
    for (long mask : conjunctInputs) {
      for (int i = 0; i < n; i++) {
        if ((mask & (1L << i)) != 0) {
          reach[i] |= mask;
        }
      }
    }
    long need = 0;
    List<ImmutableBitSet> proj = multiJoin.getProjFields();
    for (int i = 0; i < n; i++) {
      if (proj.get(i) == null || !proj.get(i).isEmpty()) {
        need |= 1L << i;
      }
    }
    if (multiJoin.getPostJoinFilter() != null) {
      need |= inputsOf(multiJoin.getPostJoinFilter());
    }
    this.needed = need;
    CardinalityOracle oracle = multiJoin.getCluster().getPlanner().getContext()
        .unwrap(CardinalityOracle.class);
    java.util.function.LongFunction<Double> known = null;
    if (oracle != null) {
      Map<Long, java.util.Optional<Double>> memo = new java.util.HashMap<>();
      known = set -> memo.computeIfAbsent(set, s -> {
        String key = CardinalityKeys.ofSubset(multiJoin, s);
        return java.util.Optional.ofNullable(key == null ? null : oracle.rows(key));
      }).orElse(null);
    }
    graph = new JoinGraph(rows, predicates, this::semiJoinAllowed, known);
    innerGraph = new JoinGraph(rows, predicates, JoinGraph.SemiJoins.NONE, known);
  }

  /** Whether joining {@code right} into {@code left} may be a semi join; see the class comment. */
  boolean semiJoinAllowed(long left, long right) {
    if ((right & needed) != 0) {
      return false;
    }
    long reached = 0;
    for (long r = right; r != 0; r &= r - 1) {
      reached |= reach[Long.numberOfTrailingZeros(r)];
    }
    if ((reached & ~(left | right)) != 0) {
      return false;
    }
    // Given (2), R's join keys to L are the same whatever L is: memoize by R.
    return uniqueMemo.computeIfAbsent(right, this::uniqueOnKeysToOutside);
  }

  /**
   * True if the join of the inputs {@code set} is unique on the fields of its
   * equi-conditions with inputs outside it. Grows the set of fields those
   * keys determine: an input is determined once it is unique on determined
   * fields, and then all its fields are.
   */
  private boolean uniqueOnKeysToOutside(long set) {
    int total = offsets[offsets.length - 1];
    java.util.BitSet determined = new java.util.BitSet(total);
    List<int[]> inside = new ArrayList<>();
    for (int c = 0; c < conjuncts.size(); c++) {
      long mask = conjunctInputs.get(c);
      if ((mask & set) == 0) {
        continue;
      }
      int[] pair = equiPair(conjuncts.get(c), false);
      if (pair == null) {
        continue;
      }
      boolean in0 = (set & (1L << inputOf(pair[0]))) != 0;
      boolean in1 = (set & (1L << inputOf(pair[1]))) != 0;
      if (in0 && in1) {
        inside.add(pair);
      } else {
        determined.set(in0 ? pair[0] : pair[1]);
      }
    }
    List<RelNode> inputs = multiJoin.getInputs();
    long open = set;
    boolean grew = true;
    while (open != 0 && grew) {
      grew = false;
      boolean spread = true;
      while (spread) { // equalities inside the set carry determination across
        spread = false;
        for (int[] p : inside) {
          if (determined.get(p[0]) != determined.get(p[1])) {
            determined.set(p[0]);
            determined.set(p[1]);
            spread = true;
          }
        }
      }
      for (long o = open; o != 0; o &= o - 1) {
        int i = Long.numberOfTrailingZeros(o);
        ImmutableBitSet.Builder local = ImmutableBitSet.builder();
        for (int f = determined.nextSetBit(offsets[i]); f >= 0 && f < offsets[i + 1];
            f = determined.nextSetBit(f + 1)) {
          local.set(f - offsets[i]);
        }
        if (Boolean.TRUE.equals(mq.areColumnsUnique(inputs.get(i), local.build()))) {
          determined.set(offsets[i], offsets[i + 1]);
          open &= ~(1L << i);
          grew = true;
        }
      }
    }
    return open == 0;
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
        int[] pair = equiPair(t, true);
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

  /**
   * The two fields of {@code a = b} between two inputs, or null. Estimates
   * may look {@code throughCasts}; uniqueness may not, since a cast can map
   * several values to one.
   */
  private int[] equiPair(RexNode t, boolean throughCasts) {
    if (!(t instanceof RexCall call) || call.getKind() != SqlKind.EQUALS) {
      return null;
    }
    RexNode l = call.getOperands().get(0);
    RexNode r = call.getOperands().get(1);
    if (throughCasts) {
      l = RexUtil.removeCast(l);
      r = RexUtil.removeCast(r);
    }
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
