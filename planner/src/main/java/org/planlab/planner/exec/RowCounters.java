package org.planlab.planner.exec;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The rows each operator of an instrumented plan returned, and how many
 * times it was run (its loops: a correlate's right side runs once per left
 * row), and the time spent in its calls, which includes the inputs it reads
 * inside them (but not an input Calcite's generated code materializes when
 * the plan is bound). Compiled plans call {@link #count}
 * through {@link RowCounting}.
 */
public final class RowCounters {
  /** The name under which an execution's counters are found in its {@link DataContext}. */
  public static final String VARIABLE = "planlabRowCounters";

  final long[] rows;
  final long[] loops;
  final long[] nanos;

  RowCounters(int slots) {
    rows = new long[slots];
    loops = new long[slots];
    nanos = new long[slots];
  }

  /**
   * {@code input}, checking the execution's cancel flag every 1,024 rows it
   * returns (over all its loops) and stopping with
   * {@link ExecutionCancelledException} once the flag is set.
   */
  public static <T> Enumerable<T> cancellable(Enumerable<T> input, DataContext root) {
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    if (cancel == null) {
      return input;
    }
    return new AbstractEnumerable<>() {
      private long rows;

      @Override
      public Enumerator<T> enumerator() {
        return new Passing<>(input.enumerator()) {
          @Override
          public boolean moveNext() {
            if (!e.moveNext()) {
              return false;
            }
            if ((++rows & 1023) == 0 && cancel.get()) {
              throw new ExecutionCancelledException();
            }
            return true;
          }
        };
      }
    };
  }

  /** Counts what {@code input} returns into slot {@code slot} of the execution's counters. */
  public static <T> Enumerable<T> count(Enumerable<T> input, DataContext root, int slot) {
    RowCounters counters = (RowCounters) root.get(VARIABLE);
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    if (counters == null) {
      return input;
    }
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        counters.loops[slot]++;
        long start = System.nanoTime();
        Enumerator<T> input0 = input.enumerator();
        counters.nanos[slot] += System.nanoTime() - start;
        return new Passing<>(input0) {
          @Override
          public boolean moveNext() {
            long start = System.nanoTime();
            boolean more = e.moveNext();
            counters.nanos[slot] += System.nanoTime() - start;
            if (more) {
              if ((++counters.rows[slot] & 1023) == 0 && cancel != null && cancel.get()) {
                throw new ExecutionCancelledException();
              }
              return true;
            }
            return false;
          }
        };
      }
    };
  }

  /** An enumerator passing on {@code e}'s rows; subclasses watch them in {@code moveNext}. */
  private abstract static class Passing<T> implements Enumerator<T> {
    final Enumerator<T> e;

    Passing(Enumerator<T> e) {
      this.e = e;
    }

    @Override
    public T current() {
      return e.current();
    }

    @Override
    public void reset() {
      e.reset();
    }

    @Override
    public void close() {
      e.close();
    }
  }
}
