package org.planlab.testkit.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The decisions a generator makes, as a sequence of small integers: drawn
 * from a seeded random source the first time, replayed afterwards. A query
 * is a pure function of its choice sequence, and every sequence gives a
 * valid query, because a choice that runs past the end of the sequence (or
 * out of its range) reads as 0, and the generator makes 0 its simplest
 * option: no further join, no predicate, no subquery. Shrinking a query is
 * therefore shrinking its sequence: deleting runs of choices and lowering
 * them (see {@link Shrinker}), as Hypothesis does, with no grammar-specific
 * shrinker to keep valid.
 */
public final class Choices {
  private final int[] replay;
  private final SplittableRandom random;
  private final List<Integer> made = new ArrayList<>();
  private int position;

  private Choices(int[] replay, SplittableRandom random) {
    this.replay = replay;
    this.random = random;
  }

  /** Fresh choices drawn from {@code seed}. */
  public static Choices random(long seed) {
    return new Choices(new int[0], new SplittableRandom(seed));
  }

  /** The choices {@code sequence}, then 0 for every further choice. */
  public static Choices replay(int[] sequence) {
    return new Choices(sequence.clone(), null);
  }

  /** A choice in [0, bound); 0 is the simplest. */
  public int below(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    int v;
    if (position < replay.length) {
      v = replay[position];
      v = v < bound ? v : 0;
    } else if (random != null) {
      v = random.nextInt(bound);
    } else {
      v = 0;
    }
    position++;
    made.add(v);
    return v;
  }

  /** True with about {@code percent} percent probability; false is the simpler answer. */
  public boolean chance(int percent) {
    return below(100) >= 100 - percent;
  }

  /** One of {@code options}, the first being the simplest. */
  @SafeVarargs
  public final <T> T oneOf(T... options) {
    return options[below(options.length)];
  }

  /** One element of {@code options}, the first being the simplest. */
  public <T> T pick(List<T> options) {
    return options.get(below(options.size()));
  }

  /** The choices made so far, as the shortest sequence that replays them. */
  public int[] sequence() {
    int n = made.size();
    while (n > 0 && made.get(n - 1) == 0) {
      n--; // trailing zeros replay as they are: the same query
    }
    return made.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return Arrays.toString(sequence());
  }
}
