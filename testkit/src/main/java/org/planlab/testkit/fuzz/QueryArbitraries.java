package org.planlab.testkit.fuzz;

import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.ShrinkingDistance;

/**
 * Generated queries as a jqwik {@link Arbitrary}, for property tests:
 * {@code @Provide Arbitrary<GeneratedQuery> queries() { return
 * QueryArbitraries.queries(generator); }}. jqwik shrinks a failing query
 * through its choice sequence, as {@link Shrinker} does: by deleting runs
 * of choices and lowering them, each candidate a valid query.
 */
public final class QueryArbitraries {
  private QueryArbitraries() {
  }

  /** Queries from {@code generator}, each drawn from a seed jqwik supplies. */
  public static Arbitrary<GeneratedQuery> queries(QueryGenerator generator) {
    return Arbitraries.fromGenerator(random ->
        new ChoiceShrinkable(generator, generator.generate(random.nextLong())));
  }

  /** A query that shrinks through its choice sequence. */
  private record ChoiceShrinkable(QueryGenerator generator, GeneratedQuery query)
      implements Shrinkable<GeneratedQuery> {

    @Override
    public GeneratedQuery value() {
      return query;
    }

    @Override
    public Stream<Shrinkable<GeneratedQuery>> shrink() {
      int[] seq = query.choices();
      List<int[]> candidates = Shrinker.candidates(seq);
      return candidates.stream()
          .map(c -> generator.generate(Choices.replay(c)))
          .filter(q -> Shrinker.compare(q.choices(), seq) < 0)
          .map(q -> new ChoiceShrinkable(generator, q));
    }

    @Override
    public ShrinkingDistance distance() {
      int[] seq = query.choices();
      long sum = 0;
      for (int v : seq) {
        sum += v;
      }
      return ShrinkingDistance.of(seq.length, sum);
    }
  }
}
