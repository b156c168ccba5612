package org.planlab.planner.parallel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableCorrelate;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.adapter.enumerable.EnumerableMergeUnion;
import org.apache.calcite.adapter.enumerable.EnumerableSortedAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.Pages;

/**
 * Makes a serial physical plan parallel where that is cheaper, by the
 * active cost model: the second of the two phases of XPRS-style parallel
 * optimization (Hong and Stonebraker, "Optimization of parallel query
 * execution plans in XPRS", 1991), which keeps the best serial plan's join
 * order and chooses only where parallelism starts and how each operator
 * runs.
 *
 * <p>One walk up the plan finds, for every operator, its cheapest
 * <em>serial</em> form (the whole result in one process; it may hold
 * Gathers below) and its cheapest <em>partial</em> form (each process
 * returns its share, as in PostgreSQL's partial paths). The partial forms:
 * <ul>
 *   <li>a table of at least {@code min_parallel_table_scan_size} becomes a
 *       {@link ParallelTableScan} with PostgreSQL's worker count for its
 *       size, at most the degree allows;</li>
 *   <li>a Calc, Filter or Project over a partial input;</li>
 *   <li>a hash join, nested loop or correlate with a partial left input and
 *       its right input whole in every process (a hash table per process),
 *       or a {@link ParallelHashJoin} with both partial (one shared hash
 *       table) — inner, left, semi and anti joins only; an inner hash join
 *       also with its left input whole and its right partial (each process
 *       hashes its share). A merge join becomes a hash join, or stays a
 *       merge join of each process's sorted share of the left rows with all
 *       right rows;</li>
 *   <li>an aggregate over a {@link HashExchange} of a partial input on its
 *       grouping keys, which finishes each group in one process;</li>
 *   <li>a UNION ALL of partial inputs (PostgreSQL's Parallel Append).</li>
 * </ul>
 * The serial forms, besides the operator over its inputs' serial forms:
 * a {@link Gather} over the partial form (not where an order is promised);
 * a {@link GatherMerge} over per-process sorts, for a sort; and a
 * {@link PartialAggregate} pair around a Gather, for an aggregate of SUM,
 * COUNT, MIN and MAX. The root's serial form is the plan.
 *
 * <p>Every choice is a strict cost comparison in a fixed order, serial
 * first, so the same plan comes out every time and a degree of 1 leaves the
 * plan as it was.
 */
public final class Parallelizer {
  private final CostModel model;
  private final int maxWorkers;
  private final ParallelMetadataQuery mq;

  private Parallelizer(CostModel model, int degree, ParallelMetadataQuery mq) {
    this.model = model;
    this.maxWorkers = degree - 1;
    this.mq = mq;
  }

  /**
   * The cheapest plan that runs {@code serial} with at most {@code degree}
   * processes per parallel fragment (workers plus the leader).
   */
  public static RelNode parallelize(RelNode serial, CostModel model, int degree) {
    if (degree < 1) {
      throw new IllegalArgumentException("the degree of parallelism must be >= 1, got " + degree);
    }
    if (degree == 1) {
      return serial;
    }
    Parallelizer p = new Parallelizer(model, degree,
        ParallelMetadataQuery.of(serial.getCluster()));
    RelNode best = p.visit(serial).serial;
    if (!RelOptUtil.areRowTypesEqual(best.getRowType(), serial.getRowType(), false)) {
      // A bug here, not a plan: the session keeps the serial plan and its trace says why.
      throw new IllegalStateException("the parallel plan changed the row type from "
          + serial.getRowType() + " to " + best.getRowType());
    }
    return best;
  }

  /** An operator's cheapest serial form, and its cheapest partial form if it has one. */
  private record Forms(RelNode serial, @Nullable RelNode partial) {
  }

  private Forms visit(RelNode rel) {
    List<Forms> in = new ArrayList<>();
    boolean changed = false;
    List<RelNode> serialInputs = new ArrayList<>();
    for (RelNode input : rel.getInputs()) {
      Forms f = visit(input);
      in.add(f);
      serialInputs.add(f.serial);
      changed |= f.serial != input;
    }
    RelNode partial = partial(rel, in);

    Cheapest serial = new Cheapest();
    serial.offer(changed ? mq.standsFor(rel.copy(rel.getTraitSet(), serialInputs), rel) : rel);
    if (partial != null && promisesNoOrder(rel)) {
      serial.offer(mq.standsFor(new Gather(partial, workers(partial)), rel));
    }
    if (in.size() == 1 && in.get(0).partial != null) {
      RelNode below = in.get(0).partial;
      if (rel instanceof Sort sort) {
        serial.offer(gatherMerge(sort, sort, below));
      } else if (rel instanceof EnumerableLimit limit && limit.getInput() instanceof Sort sort
          && sort.fetch == null && sort.offset == null) {
        // A LIMIT over a sort is a top-N: each process keeps its own first rows.
        serial.offer(gatherMerge(EnumerableLimitSort.create(sort.getInput(),
            sort.getCollation(), limit.offset, limit.fetch), limit, below));
      } else if (isAggregate(rel)) {
        serial.offer(twoStage((Aggregate) rel, below));
      }
    }
    return new Forms(serial.best, partial);
  }

  /** The cheapest partial form of {@code rel}, or null if it has none. */
  private @Nullable RelNode partial(RelNode rel, List<Forms> in) {
    Cheapest partial = new Cheapest();
    if (rel.getClass() == EnumerableTableScan.class) {
      EnumerableTableScan scan = (EnumerableTableScan) rel;
      Double rows = mq.getRowCount(scan);
      Double width = mq.getAverageRowSize(scan);
      if (rows != null && width != null) {
        int workers = ParallelCosting.workersForScan(Pages.of(rows, width),
            model.parallelCosts().minScanPages(), maxWorkers);
        if (workers > 0) {
          partial.offer(mq.standsFor(new ParallelTableScan(scan, workers), scan));
        }
      }
    } else if (rel instanceof EnumerableCalc || rel instanceof EnumerableFilter
        || rel instanceof EnumerableProject) {
      RelNode below = in.get(0).partial;
      if (below != null) {
        partial.offer(mq.standsFor(rel.copy(unordered(rel.getTraitSet()), List.of(below)), rel));
      }
    } else if (rel instanceof Sort sort && sort.fetch == null && sort.offset == null) {
      // Order is lost in a fragment anyway; whatever needs it above sorts again or merges.
      partial.offer(in.get(0).partial);
    } else if ((rel instanceof EnumerableHashJoin || rel instanceof EnumerableMergeJoin)
        && shareable(((Join) rel).getJoinType()) && !((Join) rel).analyzeCondition().leftKeys
        .isEmpty()) {
      // A merge join's inputs lose their order in a fragment: there it becomes a hash join.
      Join join = (Join) rel;
      RelNode left = in.get(0).partial;
      RelNode rightShare = in.get(1).partial;
      if (join.getJoinType() == JoinRelType.INNER && rightShare != null) {
        // Each process builds from its share of the right rows and probes with all left rows:
        // every pair still meets in exactly one process.
        partial.offer(mq.standsFor(EnumerableHashJoin.create(unsorted(join.getLeft()),
            rightShare, join.getCondition(), join.getVariablesSet(), join.getJoinType()), join));
      }
      if (left != null) {
        RelNode whole = unsorted(join.getRight());
        partial.offer(mq.standsFor(EnumerableHashJoin.create(left, whole, join.getCondition(),
            join.getVariablesSet(), join.getJoinType()), join));
        RelNode right = in.get(1).partial;
        if (right != null) {
          partial.offer(mq.standsFor(new ParallelHashJoin(EnumerableHashJoin.create(left, right,
              join.getCondition(), join.getVariablesSet(), join.getJoinType()), left, right),
              join));
        }
        if (join instanceof EnumerableMergeJoin && join.getLeft() instanceof Sort sort
            && sort.fetch == null && sort.offset == null) {
          // Each process sorts its share of the left rows and merges it with all right rows.
          RelNode sortedShare = mq.standsFor(sort.copy(sort.getTraitSet(), List.of(left)), sort);
          partial.offer(mq.standsFor(join.copy(unordered(join.getTraitSet()),
              List.of(sortedShare, join.getRight())), join));
        }
      }
    } else if ((rel instanceof EnumerableNestedLoopJoin nl && shareable(nl.getJoinType()))
        || (rel instanceof EnumerableCorrelate c && shareable(c.getJoinType()))) {
      RelNode left = in.get(0).partial;
      if (left != null) {
        partial.offer(mq.standsFor(rel.copy(unordered(rel.getTraitSet()),
            List.of(left, rel.getInput(1))), rel));
      }
    } else if (rel instanceof EnumerableUnion union && union.all
        && !(rel instanceof EnumerableMergeUnion)
        && in.stream().allMatch(f -> f.partial != null)) {
      // PostgreSQL's Parallel Append: the processes share every input's rows. Not a merge
      // union: its order is what it is for, and Calcite refuses one without a collation
      // (planlab fuzz found the pass failing on it).
      partial.offer(mq.standsFor(union.copy(unordered(union.getTraitSet()),
          in.stream().map(f -> f.partial).toList(), true), union));
    } else if (isAggregate(rel)) {
      Aggregate agg = (Aggregate) rel;
      RelNode below = in.get(0).partial;
      if (below != null && agg.getGroupCount() > 0 && agg.getGroupType() == Aggregate.Group.SIMPLE) {
        HashExchange exchange = mq.standsFor(new HashExchange(below,
            ImmutableIntList.copyOf(agg.getGroupSet())), agg.getInput());
        RelNode perProcess = hashAggregate(agg, exchange);
        partial.offer(perProcess == null ? null : mq.standsFor(perProcess, agg));
      }
    }
    return partial.best;
  }

  /** Enumerable's aggregates, hashed or sorted, but not the halves this class makes. */
  private static boolean isAggregate(RelNode rel) {
    return (rel instanceof EnumerableAggregate || rel instanceof EnumerableSortedAggregate)
        && !(rel instanceof PartialAggregate);
  }

  /** {@code agg} as a hash aggregate over {@code input}: the rows of a fragment are unordered. */
  private static @Nullable RelNode hashAggregate(Aggregate agg, RelNode input) {
    try {
      return new EnumerableAggregate(agg.getCluster(), unordered(agg.getTraitSet()), input,
          agg.getGroupSet(), null, agg.getAggCallList());
    } catch (org.apache.calcite.rel.InvalidRelException e) {
      return null;
    }
  }

  /** {@code rel} without the sorts on top that only a merge join needed. */
  private static RelNode unsorted(RelNode rel) {
    RelNode r = rel;
    while (r instanceof Sort s && s.fetch == null && s.offset == null) {
      r = s.getInput();
    }
    return r;
  }

  /** Joins whose rows a left share determines: each left row is joined in one process. */
  private static boolean shareable(JoinRelType type) {
    return type == JoinRelType.INNER || type == JoinRelType.LEFT || type == JoinRelType.SEMI
        || type == JoinRelType.ANTI;
  }

  /**
   * Per-process sorts merged by a Gather Merge, under a LIMIT where the sort
   * has one; the whole stands for {@code serial}.
   */
  private @Nullable RelNode gatherMerge(Sort sort, RelNode serial, RelNode partial) {
    RelCollation collation = sort.getCollation();
    if (collation.getFieldCollations().isEmpty()) {
      return null;
    }
    RexNode perProcessFetch = sort.fetch;
    if (sort.fetch != null && sort.offset != null) {
      if (!(sort.fetch instanceof RexLiteral f) || !(sort.offset instanceof RexLiteral o)) {
        return null;
      }
      BigDecimal sum = f.getValueAs(BigDecimal.class).add(o.getValueAs(BigDecimal.class));
      perProcessFetch = sort.getCluster().getRexBuilder().makeExactLiteral(sum);
    }
    // Enumerable sorts all rows, or keeps the first ones (a top-N, EnumerableLimitSort):
    // a full sort stands for the serial one, a top-N keeps its own estimate.
    if (perProcessFetch == null) {
      RelNode sorted = mq.standsFor(EnumerableSort.create(partial, collation, null, null),
          serial);
      return mq.standsFor(new GatherMerge(sorted, collation, workers(partial)), serial);
    }
    RelNode sorted = EnumerableLimitSort.create(partial, collation, null, perProcessFetch);
    RelNode merged = new GatherMerge(sorted, collation, workers(partial));
    return mq.standsFor(EnumerableLimit.create(merged, sort.offset, sort.fetch), serial);
  }

  /**
   * A Partial Aggregate in every process, a Gather, and a Finalize
   * Aggregate that combines the partial groups; or null where some call
   * cannot be combined (DISTINCT, FILTER, AVG and the like).
   */
  private @Nullable RelNode twoStage(Aggregate agg, RelNode partialInput) {
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      return null;
    }
    int groups = agg.getGroupCount();
    List<AggregateCall> finals = new ArrayList<>();
    try {
      PartialAggregate partial = new PartialAggregate(partialInput, PartialAggregate.Stage.PARTIAL,
          agg.getGroupSet(), agg.getAggCallList());
      Gather gather = new Gather(partial, workers(partialInput));
      for (int i = 0; i < agg.getAggCallList().size(); i++) {
        AggregateCall call = agg.getAggCallList().get(i);
        SqlAggFunction combine = combiner(call);
        if (combine == null) {
          return null;
        }
        finals.add(AggregateCall.create(combine, false, List.of(groups + i), -1, groups, gather,
            call.getType(), call.getName()));
      }
      PartialAggregate fin = new PartialAggregate(gather, PartialAggregate.Stage.FINAL,
          ImmutableBitSet.range(groups), finals);
      return RelOptUtil.areRowTypesEqual(fin.getRowType(), agg.getRowType(), false)
          ? mq.standsFor(fin, agg) : null;
    } catch (org.apache.calcite.rel.InvalidRelException | AssertionError e) {
      // A call whose combined type differs (Calcite checks with assertions on): no two stages.
      return null;
    }
  }

  /** The function that combines partial results of {@code call}, or null if there is none. */
  private static @Nullable SqlAggFunction combiner(AggregateCall call) {
    if (call.isDistinct() || call.filterArg >= 0 || !call.collation.getFieldCollations().isEmpty()
        || call.isApproximate()) {
      return null;
    }
    switch (call.getAggregation().getKind()) {
    case SUM:
      return SqlStdOperatorTable.SUM;
    case SUM0:
    case COUNT:
      return SqlStdOperatorTable.SUM0;
    case MIN:
      return SqlStdOperatorTable.MIN;
    case MAX:
      return SqlStdOperatorTable.MAX;
    default:
      return null;
    }
  }

  private int workers(RelNode partial) {
    Integer degree = mq.splitCount(partial);
    return Math.max(1, (degree == null ? 1 : degree) - 1);
  }

  /** A Gather returns rows in any order, so it may not replace an operator that promises one. */
  private static boolean promisesNoOrder(RelNode rel) {
    List<RelCollation> cs = rel.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
    return cs == null || cs.stream().allMatch(c -> c.getFieldCollations().isEmpty());
  }

  private static RelTraitSet unordered(RelTraitSet traits) {
    return traits.replaceIf(RelCollationTraitDef.INSTANCE, () -> RelCollations.EMPTY);
  }

  /** The cheapest of the plans offered, by the model's compared value; the first of equals. */
  private final class Cheapest {
    @Nullable RelNode best;
    double cost = Double.POSITIVE_INFINITY;

    void offer(@Nullable RelNode candidate) {
      if (candidate == null) {
        return;
      }
      RelOptCost c = mq.getCumulativeCost(candidate);
      double v = c == null ? Double.POSITIVE_INFINITY : CostModel.valueOf(c);
      if (best == null || v < cost) {
        best = candidate;
        cost = v;
      }
    }
  }
}
