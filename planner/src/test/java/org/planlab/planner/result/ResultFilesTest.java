package org.planlab.planner.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planlab.planner.TestSchemas;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.WorkloadQuery;

class ResultFilesTest {
  @TempDir
  Path dir;

  private static SuiteResult sample() {
    PlanningSession session = new PlanningSession(TestSchemas.star(),
        Optimizers.byName("calcite-default"), Duration.ofSeconds(60));
    QueryResult planned = session.plan(new WorkloadQuery("a", "a.sql",
        "SELECT st_city, count(*) FROM sales JOIN store ON s_store = st_id GROUP BY st_city"))
        .result();
    QueryResult failed = session.plan(new WorkloadQuery("b", "b.sql", "SELECT FROM")).result();
    return new SuiteResult(SuiteResult.FORMAT, "shop", 1, "calcite-default", 60,
        Environment.current(), Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:01Z"), List.of(planned, failed));
  }

  @Test
  void aResultWithPlansRoundTripsThroughJson() throws IOException {
    SuiteResult original = sample();
    Path file = dir.resolve("r.json");
    ResultFiles.write(file, original);
    SuiteResult read = ResultFiles.read(file);
    assertThat(read).isEqualTo(original);
    assertThat(read.queries().get(0).plan().render())
        .isEqualTo(original.queries().get(0).plan().render());
    assertThat(Files.readString(file)).contains("\"format\" : \"planlab-result/2\"")
        .contains("\"status\" : \"planned\"").contains("\"status\" : \"failed\"");
  }

  /** Format 1 had Calcite's cost model only, serial plans, and no compared value per cost. */
  @Test
  void aFormatOneFileReadsAsCalcitesModelWithTheRowsAsTheComparedValue() throws IOException {
    String json = ResultFiles.toJson(sample())
        .replace("planlab-result/2", "planlab-result/1")
        .replaceAll(",\\s*\"value\" : [-0-9.eE]+", "")
        .replaceAll(",\\s*\"costModel\" : \\{[^}]*\\}[^}]*\\}", "")
        .replaceAll(",\\s*\"dop\" : \\d+", "");
    assertThat(json).doesNotContain("\"value\"").doesNotContain("\"costModel\"");
    SuiteResult read = ResultFiles.parse("old.json", json);
    assertThat(read.format()).isEqualTo("planlab-result/1");
    assertThat(read.costModel().name()).isEqualTo("calcite");
    assertThat(read.dop()).isEqualTo(1);
    QueryResult q = read.queries().get(0);
    assertThat(q.cost().value()).isEqualTo(q.cost().rows()).isPositive();
    assertThat(q.plan().root().degree()).isEqualTo(1);
  }

  @Test
  void writingLeavesNoTemporaryFilesAndReplacesTheOldFile() throws IOException {
    Path file = dir.resolve("sub/r.json");
    ResultFiles.write(file, sample());
    ResultFiles.write(file, sample());
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("r.json");
    }
  }

  @Test
  void malformedJsonNamesTheFileLineAndColumn() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\n  \"format\": \"planlab-result/1\",\n  \"suite\": ]\n}");
    assertThatThrownBy(() -> ResultFiles.read(file)).isInstanceOf(ResultFileException.class)
        .hasMessageStartingWith(file + ":3:").hasMessageNotContaining("\n");
  }

  @Test
  void otherFormatsAndMissingFilesAreRefusedClearly() throws IOException {
    Path file = dir.resolve("old.json");
    Files.writeString(file, "{\"format\": \"planlab-result/0\"}");
    assertThatThrownBy(() -> ResultFiles.read(file)).hasMessage(
        file + ": not a planlab-result/1 or planlab-result/2 file (format is "
            + "'planlab-result/0')");
    assertThatThrownBy(() -> ResultFiles.read(dir.resolve("none.json")))
        .hasMessage(dir.resolve("none.json") + ": no such file");
  }

  @Test
  void csvHasOneRowPerQueryAndQuotesErrors() throws IOException {
    java.io.StringWriter w = new java.io.StringWriter();
    SuiteCsv.write(sample(), w);
    List<String> lines = w.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(String.join(",", SuiteCsv.COLUMNS));
    assertThat(lines.get(1)).startsWith("shop,calcite-default,1,a,planned,completed,1,")
        // A serial run of Calcite's model: the cost is its serial cost, with no speedup;
        // not executed, so the 9 execution columns are empty.
        .matches(".*,calcite,1,([^,]+),\\1,,,,,,,,,,$");
    assertThat(lines.get(2)).startsWith("shop,calcite-default,1,b,failed,,0,")
        .contains(",b.sql:1:8: parse error: ");
    assertThat(SuiteCsv.quote("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
    assertThat(SuiteCsv.quote("plain")).isEqualTo("plain");
  }
}
