package org.planlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planlab.cli.PlanlabCliTest.planlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 from the command line: planlab fuzz, its replay, and its bad options. */
class FuzzCliTest {
  @TempDir
  Path dir;

  @Test
  void aShortCampaignReportsWhatItCheckedAndFindsNothing() {
    PlanlabCliTest.Run r = planlab("fuzz", "tpch", "--tries", "12", "--seed", "3",
        "--threads", "2", "--out", dir.resolve("f").toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("planlab fuzz: seed 3, 12 tries, 16 combinations (2 per "
        + "query), 2 threads").contains("12 tries in");
    assertThat(r.out()).contains("fuzz campaign: seed 3, 12 queries in")
        .contains("{tpch=12}").contains("combinations used: 13")
        .contains("failures: none (crashes 0, hangs 0, cost 0, nondeterministic 0, "
            + "answer mismatches 0, partitioning 0)");
  }

  @Test
  void theSameSeedTriesTheSameQueriesAtAnyThreadCount() {
    PlanlabCliTest.Run one = planlab("fuzz", "tpch", "--tries", "6", "--seed", "11",
        "--threads", "1", "--configs", "cheap-only", "--cost-models", "calcite", "--dop", "1",
        "--out", dir.resolve("a").toString());
    PlanlabCliTest.Run two = planlab("fuzz", "tpch", "--tries", "6", "--seed", "11",
        "--threads", "2", "--configs", "cheap-only", "--cost-models", "calcite", "--dop", "1",
        "--out", dir.resolve("b").toString());
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(two.exit()).as(two.err()).isZero();
    // The relations per query and the constructs used are the queries' fingerprint.
    assertThat(line(two.out(), "relations per query")).isEqualTo(line(one.out(),
        "relations per query"));
    assertThat(line(two.out(), "constructs")).isEqualTo(line(one.out(), "constructs"));
  }

  private static String line(String text, String start) {
    return text.lines().filter(l -> l.strip().startsWith(start)).findFirst().orElseThrow();
  }

  @Test
  void aSavedCaseIsCheckedAgainWithReplay() throws IOException {
    Path c = dir.resolve("case.sql");
    Files.writeString(c, """
        -- planlab fuzz case
        -- suite: tpch
        -- seed: 1
        -- combos: cheap-only/calcite/dop1, two-phase/pg/dop4
        -- tlp: x.c0 > 2
        -- found: (a test case)
        SELECT t0.r_regionkey AS c0 FROM region AS t0 INNER JOIN nation AS t1 ON \
        t0.r_regionkey = t1.n_regionkey WHERE EXISTS (SELECT 1 FROM nation AS t5 WHERE \
        t0.r_regionkey = t5.n_regionkey)
        """);
    PlanlabCliTest.Run r = planlab("fuzz", "--replay", c.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains(c + ": ok (").contains("runs compared");
  }

  @Test
  void badOptionsAndBadCaseFilesEndInOneLine() throws IOException {
    Path notACase = dir.resolve("plain.sql");
    Files.writeString(notACase, "SELECT 1\n");
    Path badCombo = dir.resolve("bad.sql");
    Files.writeString(badCombo, "-- suite: tpch\n-- combos: two-phase/nope\nSELECT 1\n");
    Path unknownConfig = dir.resolve("unknown.sql");
    Files.writeString(unknownConfig, "-- suite: tpch\n-- combos: warp-speed/pg/dop1\n"
        + "SELECT 1\n");
    String[][] cases = {
        {"--tries", "-1"},
        {"--minutes", "0"},
        {"--sf", "5"},
        {"--threads", "0"},
        {"nosuchsuite", "--tries", "1"},
        {"--configs", "warp-speed", "--tries", "1"},
        {"--replay", dir.resolve("missing.sql").toString()},
        {"--replay", notACase.toString()},
        {"--replay", badCombo.toString()},
        {"--replay", unknownConfig.toString()},
    };
    String[] expected = {
        "planlab: --tries must be >= 0, got -1",
        "planlab: --minutes must be > 0, got 0.0",
        "planlab: --sf must be > 0 and at most 1 for fuzzing",
        "planlab: --threads must be >= 1, got 0",
        "planlab: unknown suite 'nosuchsuite'",
        "planlab: unknown optimizer configuration 'warp-speed'",
        "planlab: no such file: " + dir.resolve("missing.sql"),
        "planlab: " + notACase + ": not a fuzz case (no '-- suite:' line)",
        "planlab: " + badCombo + ":2: bad combos: not a combination: 'two-phase/nope'",
        "planlab: " + unknownConfig + ": unknown optimizer configuration 'warp-speed'",
    };
    for (int i = 0; i < cases.length; i++) {
      String[] args = new String[cases[i].length + 1];
      args[0] = "fuzz";
      System.arraycopy(cases[i], 0, args, 1, cases[i].length);
      PlanlabCliTest.Run r = planlab(args);
      assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
      assertThat(r.err().lines().filter(l -> l.startsWith("planlab: ")).findFirst()
          .orElse(r.err())).as(String.join(" ", args)).startsWith(expected[i]);
      assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }
}
