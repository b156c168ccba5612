package org.planlab.planner.exec;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The RIGHT and FULL nested-loop join that plans compiled by
 * {@link PlanExecutor} run ({@link StreamingOuterJoin} calls
 * {@link #join}). It returns the rows Calcite's
 * {@code EnumerableDefaults.nestedLoopJoin} returns, in the same order,
 * but one at a time, where Calcite's builds the whole result in a list
 * before it returns the first row:
 * <ol>
 *   <li>for each left row, in order, its matches, in the right rows' order;
 *       in a FULL join, the left row NULL-padded if none matched;</li>
 *   <li>then every right row no left row matched, NULL-padded, in the
 *       right rows' order.</li>
 * </ol>
 * The right rows are read once into a list, as Calcite does, and which of
 * them matched is kept by position, where Calcite keeps them in an identity
 * set and loses right rows that are one object (every NULL of a one-column
 * input, equal small numbers).
 *
 * <p>It checks the run's cancel flag every 1,024 comparisons, so a join
 * that matches few pairs of two large inputs stops at the run's time limit
 * too.
 */
public final class OuterJoinEnumerables {
  private OuterJoinEnumerables() {
  }

  /**
   * The {@code type} join ({@link JoinType#RIGHT} or {@link JoinType#FULL})
   * of {@code left} and {@code right} on {@code predicate}, each result row
   * made by {@code selector} (with null for a missing side).
   */
  public static <L, R, T> Enumerable<T> join(Enumerable<L> left, Enumerable<R> right,
      Predicate2<L, R> predicate, Function2<@Nullable L, @Nullable R, T> selector,
      JoinType type, DataContext root) {
    if (type != JoinType.RIGHT && type != JoinType.FULL) {
      throw new IllegalArgumentException("not a RIGHT or FULL join: " + type);
    }
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        return new Loop<>(left, right, predicate, selector, type == JoinType.FULL, cancel);
      }
    };
  }

  private static final class Loop<L, R, T> implements Enumerator<T> {
    private final Enumerable<L> left;
    private final Enumerable<R> right;
    private final Predicate2<L, R> predicate;
    private final Function2<@Nullable L, @Nullable R, T> selector;
    private final boolean full;
    private final @Nullable AtomicBoolean cancel;

    private @Nullable Enumerator<L> lefts;
    private @Nullable List<R> rights;
    private @Nullable BitSet matched;
    /** Whether {@link #leftRow} is a left row whose right rows are being compared. */
    private boolean inLeft;
    private boolean leftDone;
    private @Nullable L leftRow;
    private boolean leftMatched;
    /** The next right row to compare, or, once the left rows are done, to consider unmatched. */
    private int next;
    private long comparisons;
    private @Nullable T current;

    Loop(Enumerable<L> left, Enumerable<R> right, Predicate2<L, R> predicate,
        Function2<@Nullable L, @Nullable R, T> selector, boolean full,
        @Nullable AtomicBoolean cancel) {
      this.left = left;
      this.right = right;
      this.predicate = predicate;
      this.selector = selector;
      this.full = full;
      this.cancel = cancel;
    }

    @Override
    public T current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (rights == null) {
        rights = right.toList();
        matched = new BitSet(rights.size());
        lefts = left.enumerator();
      }
      List<R> rs = rights;
      while (!leftDone) {
        if (!inLeft) {
          if (!lefts.moveNext()) {
            leftDone = true;
            next = 0;
            break;
          }
          leftRow = lefts.current();
          leftMatched = false;
          inLeft = true;
          next = 0;
        }
        while (next < rs.size()) {
          R r = rs.get(next++);
          if ((++comparisons & 1023) == 0 && cancel != null && cancel.get()) {
            throw new ExecutionCancelledException();
          }
          if (predicate.apply(leftRow, r)) {
            leftMatched = true;
            matched.set(next - 1);
            current = selector.apply(leftRow, r);
            return true;
          }
        }
        inLeft = false;
        if (full && !leftMatched) {
          current = selector.apply(leftRow, null);
          return true;
        }
      }
      next = matched.nextClearBit(next);
      if (next >= rs.size()) {
        return false;
      }
      current = selector.apply(null, rs.get(next++));
      return true;
    }

    @Override
    public void reset() {
      close();
      rights = null;
      matched = null;
      inLeft = false;
      leftDone = false;
      leftRow = null;
      current = null;
    }

    @Override
    public void close() {
      if (lefts != null) {
        lefts.close();
        lefts = null;
      }
    }
  }
}
