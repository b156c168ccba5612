package org.planlab.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.workload.Workloads;

/**
 * The bounded fuzzing campaign of {@code mvn verify}: random queries over
 * TPC-H and TPC-DS with fixed seeds, each planned under two of the sixteen
 * combinations of configuration, cost model and serial/parallel (every
 * combination used), executed at SF 0.01 and checked by the {@link Oracle}.
 * Sized to take about two minutes; {@code planlab fuzz} runs long campaigns.
 */
class FuzzCampaignTest {
  /** Tries per suite. */
  private static final int TRIES = Integer.getInteger("planlab.fuzz.tries", 64);

  @Test
  void aBoundedCampaignFindsNothing(@TempDir Path failures) {
    Map<String, Oracle> oracles = Campaign.oracles(
        List.of(Workloads.byName("tpch"), Workloads.byName("tpcds")), 0.01,
        Oracle.Settings.DEFAULT, Dataset.Progress.NONE);
    Campaign campaign = new Campaign(oracles, 15);
    List<Oracle.Combo> combos = Oracle.allCombos(4);
    assertThat(combos).hasSize(16);
    Campaign.Stats stats = campaign.run(new Campaign.Options(20261126L, 2 * TRIES, null,
        combos, 2, true, 100, failures), Campaign.Listener.NONE);
    System.out.println("bounded fuzz campaign: " + stats.line());
    String found = stats.failures.stream()
        .map(f -> f.suite() + " try " + f.tryIndex() + ": " + f.finding().describe()
            + "\n  shrunk: " + f.shrunk().sql() + "\n  tlp: " + f.shrunk().tlpPredicate())
        .collect(Collectors.joining("\n"));
    assertThat(stats.findingCount()).as(found).isZero();
    assertThat(stats.tries).isEqualTo(2 * TRIES);
    assertThat(stats.triesBySuite).containsEntry("tpch", TRIES).containsEntry("tpcds", TRIES);
    assertThat(stats.combos.keySet()).hasSize(16);
    // Most runs are compared, not left out as slow.
    assertThat(stats.executions).isGreaterThan(5 * stats.slow);
    assertThat(stats.relations.keySet().stream().mapToInt(Integer::intValue).max().orElse(0))
        .isGreaterThanOrEqualTo(10);
  }

  @Test
  void combinationsRotateSoThatEachIsUsedAndPairsVary() {
    List<Oracle.Combo> combos = Oracle.allCombos(4);
    java.util.Set<String> pairs = new java.util.HashSet<>();
    java.util.Set<Oracle.Combo> used = new java.util.HashSet<>();
    for (int i = 0; i < 64; i++) {
      List<Oracle.Combo> c = Campaign.combosFor(combos, 2, i);
      assertThat(c).hasSize(2).doesNotHaveDuplicates();
      used.addAll(c);
      pairs.add(c.get(0) + " " + c.get(1));
    }
    assertThat(used).hasSize(16);
    assertThat(pairs.size()).isGreaterThan(48);
  }

  @Test
  void trySeedsDependOnTheCampaignSeedAndTheTry() {
    assertThat(Campaign.trySeed(1, 0)).isEqualTo(Campaign.trySeed(1, 0));
    assertThat(Campaign.trySeed(1, 0)).isNotEqualTo(Campaign.trySeed(1, 1));
    assertThat(Campaign.trySeed(1, 0)).isNotEqualTo(Campaign.trySeed(2, 0));
  }
}
