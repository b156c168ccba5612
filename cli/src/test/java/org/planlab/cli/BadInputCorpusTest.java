package org.planlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.planlab.cli.PlanlabCliTest.planlab;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus (issue 9, item 4): every case in
 * {@code bad-input/cases.tsv} ends, within its budget, with the exit code
 * and the one line the corpus expects, and no stack trace; inputs that are
 * large but valid (an IN list of 20,000 values, a 40-relation join,
 * sub-queries 20 deep) are planned within the budget. And a run over a
 * folder of bad queries and a good one still plans the good one.
 */
class BadInputCorpusTest {
  @TempDir
  static Path dir;

  static Path corpus;
  static Path good;

  /** A case: its file, the exit code and the line expected on stderr. */
  record Case(String file, int exit, String line) {
  }

  @BeforeAll
  static void setUp() throws IOException, URISyntaxException {
    corpus = Path.of(BadInputCorpusTest.class.getResource("/bad-input/cases.tsv").toURI())
        .getParent();
    good = dir.resolve("good.json");
    PlanlabCliTest.Run r = planlab("run", "tpch", "-q", "q6", "--out", good.toString(),
        "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-input/cases.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        out.add(new Case(f[0], Integer.parseInt(f[1]), f.length > 2 ? f[2] : ""));
      }
    }
    return out;
  }

  @Test
  void theCorpusHasAtLeast30Cases() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
  }

  @TestFactory
  List<DynamicTest> everyCaseEndsWithItsOneLine() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      tests.add(DynamicTest.dynamicTest(c.file(), () ->
          assertTimeoutPreemptively(Duration.ofSeconds(120), () -> check(c))));
    }
    return tests;
  }

  private static void check(Case c) throws IOException {
    Path file = resolve(c.file());
    String name = c.file().substring(c.file().indexOf(':') + 1);
    PlanlabCliTest.Run r;
    if (name.startsWith("config/")) {
      r = planlab("run", "tpch", "-q", "q6", "--config", file.toString(), "--out",
          dir.resolve("unused.json").toString(), "--quiet");
    } else if (name.startsWith("result/")) {
      r = planlab("compare", file.toString(), good.toString());
    } else {
      r = planlab("explain", "tpch", "--file", file.toString(), "--timeout", "20");
    }
    assertThat(r.exit()).as(c.file() + ": " + r.err()).isEqualTo(c.exit());
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    if (c.exit() == 0) {
      assertThat(r.out()).contains(": planned,");
      return;
    }
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as(c.file()).hasSize(1);
    assertThat(lines.get(0)).as(c.file()).startsWith(c.line().replace("{file}",
        file.toString()));
  }

  private static Path resolve(String spec) throws IOException {
    if (spec.startsWith("missing:")) {
      return dir.resolve(spec.substring("missing:".length()));
    }
    if (spec.startsWith("generated:")) {
      Path f = dir.resolve(spec.substring("generated:".length()));
      Files.writeString(f, generated(f.getFileName().toString()));
      return f;
    }
    return corpus.resolve(spec);
  }

  /** The large but valid inputs, written at test time rather than checked in. */
  static String generated(String name) {
    return switch (name) {
      case "in-list-20000.sql" -> "select count(*) from lineitem where l_orderkey in ("
          + IntStream.range(0, 20_000).mapToObj(Integer::toString)
              .collect(Collectors.joining(", ")) + ")";
      case "join-40-relations.sql" -> "select count(*) from "
          + IntStream.range(0, 40).mapToObj(i -> "nation n" + i)
              .collect(Collectors.joining(", ")) + " where "
          + IntStream.range(0, 39).mapToObj(i -> "n" + i + ".n_nationkey = n" + (i + 1)
              + ".n_regionkey").collect(Collectors.joining(" and "));
      case "nested-20-deep.sql" -> {
        String q = "select n_nationkey from nation";
        for (int i = 0; i < 20; i++) {
          q = "select n_nationkey from nation where n_nationkey in (" + q + ")";
        }
        yield q;
      }
      default -> throw new IllegalArgumentException("no generated input " + name);
    };
  }

  /** A bad query among good ones fails alone: the run goes on and plans the rest. */
  @Test
  void theRestOfARunContinues() throws IOException {
    Path queries = Files.createDirectories(dir.resolve("mixed"));
    Files.copy(corpus.resolve("sql/unknown-table.sql"), queries.resolve("a-bad.sql"));
    Files.copy(corpus.resolve("sql/malformed.sql"), queries.resolve("b-bad.sql"));
    Files.writeString(queries.resolve("c-good.sql"), "select count(*) from nation");
    PlanlabCliTest.Run r = planlab("run", "tpch", "--queries", queries.toString(), "--out",
        dir.resolve("mixed.json").toString(), "--quiet");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("1 planned, 0 timed out, 2 failed")
        .contains("a-bad.sql:1:15: validate error: Object 'nope' not found");
  }
}
