package org.planlab.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.workload.Workloads;

/**
 * The campaign's watchdog: a check that never returns is saved and counted
 * as a hang, and the campaign finishes its other tries on a new thread.
 */
class CampaignWatchdogTest {
  private static final long SEED = 42;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aCheckThatNeverReturnsIsSavedAsAHangAndTheCampaignGoesOn(@TempDir Path out)
      throws Exception {
    Map<String, Oracle> oracles = Campaign.oracles(List.of(Workloads.byName("tpch")), 0.001,
        Oracle.Settings.DEFAULT, Dataset.Progress.NONE);
    Campaign probe = new Campaign(oracles, 15);
    String stuck = probe.generator("tpch").generate(Campaign.trySeed(SEED, 1)).sql();
    Oracle.Outcome passed = new Oracle.Outcome(List.of(), 3, 2, 1, 0, 0, 1, 1);
    Campaign campaign = new Campaign(oracles, 15, (suite, q, combos, determinism) -> {
      if (q.sql().equals(stuck)) {
        while (true) {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            // A runaway query does not answer interrupts either.
          }
        }
      }
      return passed;
    });
    List<Oracle.Combo> combos = Oracle.allCombos(4);
    Campaign.Stats stats = campaign.run(new Campaign.Options(SEED, 6, null, combos, 2, true, 10,
        out, 2, Duration.ofSeconds(1)), Campaign.Listener.NONE);

    assertThat(stats.tries).isEqualTo(6);
    assertThat(stats.findings).containsOnlyKeys(Oracle.Kind.HANG);
    assertThat(stats.findingCount()).isEqualTo(1);
    // The five other tries were checked and counted.
    assertThat(stats.plans).isEqualTo(5 * 3);
    assertThat(stats.failures).hasSize(1);
    Campaign.Failure f = stats.failures.get(0);
    assertThat(f.tryIndex()).isEqualTo(1);
    assertThat(f.finding().detail()).contains("did not return within 1 s");
    assertThat(f.saved()).isNotNull();
    assertThat(Files.exists(f.saved())).isTrue();
    FuzzCase saved = FuzzCase.read(f.saved());
    assertThat(saved.sql()).isEqualTo(stuck);
    assertThat(saved.found()).startsWith("hang");
    assertThat(saved.combos()).isEqualTo(Campaign.combosFor(combos, 2, 1));
  }

  @Test
  void aCheckWithinTheLimitIsNotAHang() {
    Map<String, Oracle> oracles = Campaign.oracles(List.of(Workloads.byName("tpch")), 0.001,
        Oracle.Settings.DEFAULT, Dataset.Progress.NONE);
    Oracle.Outcome passed = new Oracle.Outcome(List.of(), 1, 1, 0, 0, 0, 1, 1);
    Campaign campaign = new Campaign(oracles, 15, (suite, q, combos, determinism) -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return passed;
    });
    Campaign.Stats stats = campaign.run(new Campaign.Options(SEED, 4, null, Oracle.allCombos(1),
        2, true, 10, null, 1, Duration.ofSeconds(2)), Campaign.Listener.NONE);
    assertThat(stats.tries).isEqualTo(4);
    assertThat(stats.findingCount()).isZero();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aCheckThatThrowsIsSavedAsACrashAndTheCampaignGoesOn(@TempDir Path out)
      throws Exception {
    Map<String, Oracle> oracles = Campaign.oracles(List.of(Workloads.byName("tpch")), 0.001,
        Oracle.Settings.DEFAULT, Dataset.Progress.NONE);
    Campaign probe = new Campaign(oracles, 15);
    String failing = probe.generator("tpch").generate(Campaign.trySeed(SEED, 2)).sql();
    Oracle.Outcome passed = new Oracle.Outcome(List.of(), 3, 2, 1, 0, 0, 1, 1);
    Campaign campaign = new Campaign(oracles, 15, (suite, q, combos, determinism) -> {
      if (q.sql().equals(failing)) {
        throw new OutOfMemoryError("Java heap space");
      }
      return passed;
    });
    List<Oracle.Combo> combos = Oracle.allCombos(4);
    Campaign.Stats stats = campaign.run(new Campaign.Options(SEED, 6, null, combos, 2, true, 10,
        out, 2, Duration.ofSeconds(30)), Campaign.Listener.NONE);

    assertThat(stats.tries).isEqualTo(6);
    assertThat(stats.findings).containsOnlyKeys(Oracle.Kind.CRASH);
    assertThat(stats.plans).isEqualTo(5 * 3);
    assertThat(stats.failures).hasSize(1);
    Campaign.Failure f = stats.failures.get(0);
    assertThat(f.tryIndex()).isEqualTo(2);
    assertThat(f.finding().detail())
        .startsWith("the campaign's check threw java.lang.OutOfMemoryError: Java heap space at ");
    assertThat(f.saved()).isNotNull();
    FuzzCase saved = FuzzCase.read(f.saved());
    assertThat(saved.sql()).isEqualTo(failing);
    assertThat(saved.found()).startsWith("crash");
  }
}
