package org.planlab.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.workload.Workloads;

/**
 * Every case {@code planlab fuzz} found and planlab fixed, checked again:
 * each file in {@code fuzz-regressions/} is a saved case (its query, the
 * combinations it failed under, its partitioning predicate), and must now
 * pass the {@link Oracle} under those combinations and under every other.
 */
class FuzzRegressionTest {
  private static final Map<String, Oracle> ORACLES = new ConcurrentHashMap<>();

  private static Oracle oracle(String suite) {
    // Generous timeouts: a saved case must be compared, not left out as slow on a busy machine.
    return ORACLES.computeIfAbsent(suite, s -> new Oracle(Workloads.byName(s), 0.01,
        new Oracle.Settings(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(30),
            1_000_000), Dataset.Progress.NONE));
  }

  static List<Path> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(FuzzRegressionTest.class.getResource("/fuzz-regressions").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }

  @Test
  void thereAreCases() throws Exception {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(12);
  }

  @TestFactory
  Stream<DynamicTest> everySavedCasePassesUnderEveryCombination() throws Exception {
    return cases().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> {
          FuzzCase c = FuzzCase.read(file);
          Oracle o = oracle(c.suite());
          Oracle.Outcome saved = o.check(c.sql(), c.tlpPredicate(), c.combos(), true);
          assertThat(saved.findings()).as(c.found()).isEmpty();
          // At least two answers compared (a plan identical to one run is not run again).
          assertThat(saved.executions() + saved.reused()).isGreaterThanOrEqualTo(2);
          Oracle.Outcome all = o.check(c.sql(), c.tlpPredicate(), Oracle.allCombos(4), false);
          assertThat(all.findings()).as(c.found()).isEmpty();
        }));
  }
}
