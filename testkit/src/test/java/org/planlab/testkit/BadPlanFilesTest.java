package org.planlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The plan-file part of the bad-input corpus (issue 9): each malformed
 * plan file in {@code bad-input/} gives its first case the error the corpus
 * expects, with file and line, instead of failing the whole file.
 */
class BadPlanFilesTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = BadPlanFilesTest.class.getResourceAsStream("/bad-input/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @TestFactory
  List<DynamicTest> everyBadPlanFileSaysWhatIsWrong() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : resource("cases.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      tests.add(DynamicTest.dynamicTest(f[0], () -> {
        PlanFile file = PlanFile.parse(f[0], resource(f[0]));
        assertThat(file.cases()).isNotEmpty();
        PlanFile.Case c = file.cases().get(0);
        assertThat(c.error()).as(f[0]).isNotNull();
        assertThat(c.where() + ": " + c.error()).startsWith(f[1]);
      }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(6);
    return tests;
  }
}
