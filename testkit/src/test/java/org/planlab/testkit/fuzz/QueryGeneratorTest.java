package org.planlab.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Shrinkable;

/**
 * The random-query generator: every query it makes is valid SQL that
 * planlab's validator accepts, partitioned form included; it reads 1 to 15
 * tables; it uses every construct listed; a choice sequence replays its
 * query; and shrinking finds a smallest query that still fails.
 */
class QueryGeneratorTest {
  private static final StatisticsSchema TPCH = Workloads.byName("tpch").schema(0.01);
  private static final StatisticsSchema TPCDS = Workloads.byName("tpcds").schema(0.01);
  private static final QueryGenerator TPCH_QUERIES =
      new QueryGenerator("tpch", TPCH.definitions(), 15);
  private static final QueryGenerator TPCDS_QUERIES =
      new QueryGenerator("tpcds", TPCDS.definitions(), 15);

  @Provide
  Arbitrary<GeneratedQuery> tpch() {
    return QueryArbitraries.queries(TPCH_QUERIES);
  }

  @Provide
  Arbitrary<GeneratedQuery> tpcds() {
    return QueryArbitraries.queries(TPCDS_QUERIES);
  }

  private static String rejection(StatisticsSchema schema, String sql) {
    PlanningSession s = new PlanningSession(schema, Optimizers.byName("cheap-only"),
        Duration.ofSeconds(10));
    PlanningSession.Prepared p = s.prepare(new WorkloadQuery("generated", "generated", sql));
    return p.failed() == null ? null : p.failed().result().error() + "\n" + sql;
  }

  @Property(tries = 300, seed = "20261126")
  void everyTpchQueryIsValidSql(@ForAll("tpch") GeneratedQuery q) {
    assertThat(rejection(TPCH, q.sql())).isNull();
    assertThat(rejection(TPCH, q.partitioned())).isNull();
    assertThat(q.relations()).isBetween(1, 15);
  }

  @Property(tries = 300, seed = "20261126")
  void everyTpcdsQueryIsValidSql(@ForAll("tpcds") GeneratedQuery q) {
    assertThat(rejection(TPCDS, q.sql())).isNull();
    assertThat(rejection(TPCDS, q.partitioned())).isNull();
    assertThat(q.relations()).isBetween(1, 15);
  }

  @Property(tries = 200, seed = "20261126")
  void aChoiceSequenceReplaysItsQuery(@ForAll long seed) {
    GeneratedQuery q = TPCDS_QUERIES.generate(seed);
    GeneratedQuery again = TPCDS_QUERIES.generate(Choices.replay(q.choices()));
    assertThat(again.sql()).isEqualTo(q.sql());
    assertThat(again.tlpPredicate()).isEqualTo(q.tlpPredicate());
    assertThat(again.choices()).isEqualTo(q.choices());
  }

  @Test
  void theSimplestQueryIsOneTableAndOneColumn() {
    GeneratedQuery q = TPCH_QUERIES.generate(Choices.replay(new int[0]));
    assertThat(q.relations()).isEqualTo(1);
    assertThat(q.sql()).matches("SELECT t0\\.\\w+ AS c0 FROM \\w+ AS t0");
  }

  @Test
  void everyConstructIsUsedAndEveryQuerySizeFromOneToFifteen() {
    for (QueryGenerator g : List.of(TPCH_QUERIES, TPCDS_QUERIES)) {
      Set<Feature> used = EnumSet.noneOf(Feature.class);
      Set<Integer> sizes = new java.util.TreeSet<>();
      for (long seed = 0; seed < 3000; seed++) {
        GeneratedQuery q = g.generate(seed);
        used.addAll(q.features());
        sizes.add(q.relations());
      }
      assertThat(used).as(g.suite()).containsExactlyInAnyOrder(Feature.values());
      assertThat(sizes).as(g.suite()).contains(1, 2, 5, 10, 15);
      assertThat(sizes.stream().allMatch(n -> n >= 1 && n <= 15)).isTrue();
    }
  }

  @Test
  void aQueryMayNotReadMoreTablesThanItsGeneratorAllows() {
    QueryGenerator three = new QueryGenerator("tpch", TPCH.definitions(), 3);
    for (long seed = 0; seed < 500; seed++) {
      assertThat(three.generate(seed).relations()).isBetween(1, 3);
    }
  }

  @Test
  void shrinkingFindsASmallestQueryThatStillFails() {
    // "Fails": reads at least four tables and has an OR somewhere.
    java.util.function.Predicate<GeneratedQuery> fails =
        q -> q.relations() >= 4 && q.sql().contains(" OR ");
    GeneratedQuery failing = null;
    for (long seed = 0; failing == null; seed++) {
      GeneratedQuery q = TPCH_QUERIES.generate(seed);
      if (fails.test(q) && q.relations() >= 7) {
        failing = q;
      }
    }
    Shrinker shrinker = new Shrinker(TPCH_QUERIES, 5000);
    GeneratedQuery small = shrinker.shrink(failing, fails);
    assertThat(fails.test(small)).isTrue();
    assertThat(small.relations()).isEqualTo(4);
    assertThat(small.sql().length()).isLessThan(failing.sql().length());
    assertThat(small.choices().length).isLessThan(failing.choices().length);
    assertThat(rejection(TPCH, small.sql())).isNull();
  }

  @Test
  void jqwikShrinksThroughChoicesToValidSmallerQueries() {
    Shrinkable<GeneratedQuery> s = QueryArbitraries.queries(TPCDS_QUERIES).generator(1000)
        .next(new Random(7));
    List<Shrinkable<GeneratedQuery>> candidates = s.shrink().limit(40)
        .collect(Collectors.toList());
    assertThat(candidates).isNotEmpty();
    for (Shrinkable<GeneratedQuery> c : candidates) {
      assertThat(c.distance()).isLessThan(s.distance());
      assertThat(Shrinker.compare(c.value().choices(), s.value().choices())).isNegative();
      assertThat(rejection(TPCDS, c.value().sql())).isNull();
    }
  }
}
