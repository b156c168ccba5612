package org.planlab.tpcds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The checked-in query files are exactly what rendering the templates with
 * the qualification values gives. After changing the rendering, the values
 * or a defect fix, running this test with {@code -Dplanlab.rewrite=true}
 * rewrites them (the README gives the command), and reviewing the change is
 * {@code git diff}.
 */
class TpcdsQueriesTest {
  private static final Path DIR = Path.of("src/main/resources/org/planlab/tpcds/queries");
  private static final boolean REWRITE = Boolean.getBoolean("planlab.rewrite");

  @Test
  void checkedInFilesAreTheRenderingOfTheTemplates() throws IOException {
    List<TpcdsQueries.Rendered> rendered = TpcdsQueries.render();
    assertThat(rendered).hasSize(103);
    if (REWRITE) {
      Files.createDirectories(DIR);
      try (Stream<Path> old = Files.list(DIR)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      for (TpcdsQueries.Rendered r : rendered) {
        Files.writeString(DIR.resolve(r.file()), r.sql(), StandardCharsets.UTF_8);
      }
    }
    List<String> stale = new ArrayList<>();
    for (TpcdsQueries.Rendered r : rendered) {
      Path p = DIR.resolve(r.file());
      if (!Files.exists(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(r.sql())) {
        stale.add(r.file());
      }
    }
    assertThat(stale).as("query files that differ from the rendering; "
        + "rerun with -Dplanlab.rewrite=true and review git diff").isEmpty();
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(new TreeSet<>(files.map(p -> p.getFileName().toString()).toList()))
          .isEqualTo(new TreeSet<>(rendered.stream().map(TpcdsQueries.Rendered::file).toList()));
    }
  }

  @Test
  void idsFilesAndParts() {
    List<TpcdsQueries.Rendered> rendered = TpcdsQueries.render();
    assertThat(rendered.get(0).id()).isEqualTo("q1");
    assertThat(rendered.get(0).file()).isEqualTo("q01.sql");
    assertThat(rendered.stream().map(TpcdsQueries.Rendered::id).filter(id -> id.matches("q\\d+[ab]")))
        .containsExactly("q14a", "q14b", "q23a", "q23b", "q24a", "q24b", "q39a", "q39b");
  }

  /** Nothing is left unsubstituted, including a placeholder written with a stray space. */
  @Test
  void everyPlaceholderIsFilled() {
    for (TpcdsQueries.Rendered r : TpcdsQueries.render()) {
      assertThat(r.sql()).as(r.id()).doesNotContainPattern("\\[\\s*[A-Za-z_]+(\\.\\d+)?\\s*\\]");
    }
  }

  /** A few values read against the specification's qualification queries. */
  @Test
  void qualificationValues() {
    Map<Integer, Map<String, String>> q = TpcdsQueries.qualification();
    assertThat(q).hasSize(99);
    assertThat(q.get(1)).containsEntry("YEAR", "2000").containsEntry("STATE", "TN")
        .containsEntry("AGG_FIELD", "SR_RETURN_AMT");
    assertThat(q.get(72)).containsEntry("YEAR", "1999").containsEntry("BP", ">10000")
        .containsEntry("MS", "D");
    String q72 = TpcdsWorkload.specText("q72.sql");
    assertThat(q72).contains("d1.d_year = 1999").contains("hd_buy_potential = '>10000'")
        .contains("d3.d_date > d1.d_date + 5").endsWith("LIMIT 100\n");
  }

  @Test
  void templateDefectsAreCorrected() {
    String q48 = TpcdsWorkload.specText("q48.sql");
    assertThat(q48).contains("cd_marital_status = 'M'", "cd_marital_status = 'D'",
        "cd_marital_status = 'S'", "cd_education_status = '4 yr Degree'",
        "cd_education_status = '2 yr Degree'", "cd_education_status = 'College'");
    assertThat(TemplateDefects.fix(48, "[MS.1] [ES.1] [MS.1] [ES.1] [MS.1]"))
        .isEqualTo("[MS.1] [ES.1] [MS.2] [ES.2] [MS.3]");
    assertThat(TpcdsWorkload.specText("q85.sql")).contains("'NJ'");
    assertThat(TemplateDefects.fix(30, "c_last_review_date, c_last_review_date_sk"))
        .isEqualTo("c_last_review_date_sk, c_last_review_date_sk");
    assertThat(TemplateDefects.fix(1, "[MS.1] [MS.1]")).isEqualTo("[MS.1] [MS.1]");
  }

  @Test
  void aMalformedQualificationLineIsNamed() {
    assertThatThrownBy(() -> TpcdsQueries.parseQualification("# c\n1\tYEAR\n"))
        .hasMessage("qualification.tsv:2: expected 3 tab-separated columns "
            + "(template, parameter, value), found 2");
    assertThatThrownBy(() -> TpcdsQueries.parseQualification("100\tYEAR\t2000\n"))
        .hasMessage("qualification.tsv:1: template must be 1 to 99, not '100'");
    assertThatThrownBy(() -> TpcdsQueries.parseQualification("1\tyear\t2000\n"))
        .hasMessage("qualification.tsv:1: parameter must read NAME or NAME.k, not 'year'");
    assertThatThrownBy(() -> TpcdsQueries.parseQualification("1\tYEAR\t2000\n1\tYEAR\t2001\n"))
        .hasMessage("qualification.tsv:2: template 1 gives [YEAR] twice");
  }
}
