package org.planlab.testkit.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Shrinks a failing query by shrinking its choice sequence: deleting runs
 * of choices and lowering single choices towards 0, keeping each change
 * while the query still fails, until no change helps or the number of
 * checks runs out. Every sequence makes a valid query (see
 * {@link Choices}), so every candidate is a valid query, and a smaller
 * sequence means fewer relations, predicates and subqueries.
 */
public final class Shrinker {
  private final QueryGenerator generator;
  private final int maxChecks;
  private int checks;

  public Shrinker(QueryGenerator generator, int maxChecks) {
    this.generator = generator;
    this.maxChecks = maxChecks;
  }

  /** The checks made by the last {@link #shrink} call. */
  public int checks() {
    return checks;
  }

  /**
   * The smallest query found from {@code failing} for which {@code fails}
   * holds ({@code failing} itself if none).
   */
  public GeneratedQuery shrink(GeneratedQuery failing, Predicate<GeneratedQuery> fails) {
    checks = 0;
    Set<String> tried = new HashSet<>();
    tried.add(failing.sql() + '\n' + failing.tlpPredicate());
    GeneratedQuery best = failing;
    boolean improved = true;
    while (improved && checks < maxChecks) {
      improved = false;
      int[] seq = best.choices();
      // Delete runs of choices, longest first, from the end (later choices are details).
      for (int size : RUNS) {
        for (int i = seq.length - size; i >= 0 && checks < maxChecks; i--) {
          int[] candidate = new int[seq.length - size];
          System.arraycopy(seq, 0, candidate, 0, i);
          System.arraycopy(seq, i + size, candidate, i, seq.length - i - size);
          GeneratedQuery q = attempt(candidate, best, tried, fails);
          if (q != null) {
            best = q;
            seq = best.choices();
            improved = true;
            i = Math.min(i, seq.length - size + 1);
          }
        }
      }
      // Lower single choices: to 0, then halve, then by one.
      for (int i = 0; i < seq.length && checks < maxChecks; i++) {
        for (int lower : new int[] {0, seq[i] / 2, seq[i] - 1}) {
          if (i >= seq.length || lower < 0 || lower >= seq[i]) {
            continue;
          }
          int[] candidate = seq.clone();
          candidate[i] = lower;
          GeneratedQuery q = attempt(candidate, best, tried, fails);
          if (q != null) {
            best = q;
            seq = best.choices();
            improved = true;
            break;
          }
        }
      }
    }
    return best;
  }

  private GeneratedQuery attempt(int[] candidate, GeneratedQuery best, Set<String> tried,
      Predicate<GeneratedQuery> fails) {
    GeneratedQuery q = generator.generate(Choices.replay(candidate));
    if (compare(q.choices(), best.choices()) >= 0
        || !tried.add(q.sql() + '\n' + q.tlpPredicate())) {
      return null;
    }
    checks++;
    return fails.test(q) ? q : null;
  }

  /**
   * The sequences one step smaller than {@code seq}: runs of 16, 8, 4, 2 and
   * 1 choices deleted (from the end), then each choice set to 0 and halved.
   * jqwik's shrinking ({@link QueryArbitraries}) tries them in this order.
   */
  static List<int[]> candidates(int[] seq) {
    List<int[]> out = new ArrayList<>();
    for (int size : RUNS) {
      for (int i = seq.length - size; i >= 0; i--) {
        int[] c = new int[seq.length - size];
        System.arraycopy(seq, 0, c, 0, i);
        System.arraycopy(seq, i + size, c, i, seq.length - i - size);
        out.add(c);
      }
    }
    for (int i = 0; i < seq.length; i++) {
      if (seq[i] > 0) {
        int[] c = seq.clone();
        c[i] = 0;
        out.add(c);
        if (seq[i] > 1) {
          int[] h = seq.clone();
          h[i] = seq[i] / 2;
          out.add(h);
        }
      }
    }
    return out;
  }

  /** Run lengths deleted, longest first. */
  private static final int[] RUNS = {16, 8, 4, 2, 1};

  /** Shortlex order: shorter first, then smaller choices. */
  static int compare(int[] a, int[] b) {
    return a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compare(a, b);
  }
}
