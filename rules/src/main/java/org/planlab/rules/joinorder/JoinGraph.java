package org.planlab.rules.joinorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The join graph of one block of inner joins: relations with estimated row
 * counts, and predicates, each over a set of relations with a selectivity.
 * A predicate over two relations is an edge; over more, a hyperedge. Sets of
 * relations are bit masks, so a graph holds at most 63 relations.
 *
 * <p>Cardinalities follow the usual independence assumption: the rows of a
 * set of relations are the product of their row counts and of the
 * selectivities of the predicates inside the set.
 *
 * <p>A graph may also say where a join can be a semi join ({@link SemiJoins}):
 * where the right side's columns are needed by nothing later and each left
 * row matches at most one right row, the inner join and the semi join return
 * the same rows, and an enumerator may take whichever costs less.
 */
public final class JoinGraph {

  /** Where joining {@code right} into {@code left} may be a semi join. */
  @FunctionalInterface
  public interface SemiJoins {
    /** No join may be a semi join. */
    SemiJoins NONE = (left, right) -> false;

    /**
     * True if the inner join of the disjoint sets {@code left} and
     * {@code right} returns the same rows as the left semi join: nothing
     * outside the two needs a column of {@code right}, and each left row
     * matches at most one right row.
     */
    boolean allowed(long left, long right);
  }
  /** A predicate over {@code relations} (a bit mask) keeping {@code selectivity} of rows. */
  public record Predicate(long relations, double selectivity) {
    public Predicate {
      if (Long.bitCount(relations) < 1) {
        throw new IllegalArgumentException("a predicate references at least one relation");
      }
      if (!(selectivity >= 0 && selectivity <= 1)) {
        throw new IllegalArgumentException("selectivity must be in [0, 1], got " + selectivity);
      }
    }
  }

  public static final int MAX_RELATIONS = 63;

  private final double[] rows;
  private final List<Predicate> predicates;
  /** Per relation, the relations it shares a predicate with. */
  private final long[] neighbours;
  private final SemiJoins semiJoins;
  /** Cardinalities known for some sets (measured and injected); null where unknown. */
  private final java.util.function.@org.checkerframework.checker.nullness.qual.Nullable
      LongFunction<Double> known;

  public JoinGraph(double[] rows, List<Predicate> predicates) {
    this(rows, predicates, SemiJoins.NONE);
  }

  public JoinGraph(double[] rows, List<Predicate> predicates, SemiJoins semiJoins) {
    this(rows, predicates, semiJoins, null);
  }

  /**
   * A graph whose {@link #cardinality} is {@code known}'s answer for a set
   * where it has one (measured cardinalities), the estimate elsewhere.
   */
  public JoinGraph(double[] rows, List<Predicate> predicates, SemiJoins semiJoins,
      java.util.function.@org.checkerframework.checker.nullness.qual.Nullable
          LongFunction<Double> known) {
    this.known = known;
    if (rows.length < 1 || rows.length > MAX_RELATIONS) {
      throw new IllegalArgumentException("a join graph has 1 to " + MAX_RELATIONS
          + " relations, got " + rows.length);
    }
    this.rows = rows.clone();
    this.predicates = List.copyOf(predicates);
    this.neighbours = new long[rows.length];
    this.semiJoins = java.util.Objects.requireNonNull(semiJoins, "semiJoins");
    long all = all();
    for (Predicate p : this.predicates) {
      if ((p.relations() & ~all) != 0) {
        throw new IllegalArgumentException("predicate references a relation out of range: "
            + Long.toBinaryString(p.relations()));
      }
      for (int i = 0; i < rows.length; i++) {
        if ((p.relations() & (1L << i)) != 0) {
          neighbours[i] |= p.relations() & ~(1L << i);
        }
      }
    }
  }

  public int size() {
    return rows.length;
  }

  public double rows(int relation) {
    return rows[relation];
  }

  public List<Predicate> predicates() {
    return predicates;
  }

  /** Where a join may be a semi join instead. */
  public SemiJoins semiJoins() {
    return semiJoins;
  }

  /** The mask of all relations. */
  public long all() {
    return rows.length == 64 ? -1L : (1L << rows.length) - 1;
  }

  /** Estimated rows of joining the relations in {@code set} (or known, where injected). */
  public double cardinality(long set) {
    if (known != null && Long.bitCount(set) > 1) {
      Double k = known.apply(set);
      if (k != null) {
        return Math.max(1, k);
      }
    }
    double c = 1;
    for (int i = 0; i < rows.length; i++) {
      if ((set & (1L << i)) != 0) {
        c *= rows[i];
      }
    }
    for (Predicate p : predicates) {
      if ((p.relations() & ~set) == 0) {
        c *= p.selectivity();
      }
    }
    return c;
  }

  /**
   * True if some predicate links {@code a} and {@code b} once both are
   * joined: it references relations of each and none outside them.
   */
  public boolean connected(long a, long b) {
    long both = a | b;
    for (Predicate p : predicates) {
      long r = p.relations();
      if ((r & a) != 0 && (r & b) != 0 && (r & ~both) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Relations sharing a predicate with any relation of {@code set}, outside it. */
  public long neighbours(long set) {
    long n = 0;
    for (int i = 0; i < rows.length; i++) {
      if ((set & (1L << i)) != 0) {
        n |= neighbours[i];
      }
    }
    return n & ~set;
  }

  /** The connected components of the graph, as masks, lowest relation first. */
  public List<Long> components() {
    List<Long> out = new ArrayList<>();
    long left = all();
    while (left != 0) {
      long comp = Long.lowestOneBit(left);
      long grown;
      do {
        grown = comp | (neighbours(comp) & left);
        if (grown == comp) {
          break;
        }
        comp = grown;
      } while (true);
      out.add(comp);
      left &= ~comp;
    }
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("JoinGraph[");
    for (int i = 0; i < rows.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('r').append(i).append('=')
          .append(String.format(Locale.ROOT, "%.3g", rows[i]));
    }
    for (Predicate p : predicates) {
      sb.append("; {").append(Long.toBinaryString(p.relations())).append("} ")
          .append(String.format(Locale.ROOT, "%.3g", p.selectivity()));
    }
    return sb.append(']').toString();
  }
}
