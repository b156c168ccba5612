package org.planlab.tpcds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The 99 TPC-DS queries as 103 statements (templates 14, 23, 24 and 39 hold
 * parts a and b), rendered from the dsqgen templates with the
 * specification's qualification values ({@code qualification.tsv}).
 *
 * <p>Rendering is: load the template, correct its {@link TemplateDefects},
 * substitute the qualification values and the row limit, split into
 * statements. The result is checked in as {@code queries/qNN.sql} so that it
 * reads like the specification, and a test keeps the files equal to a fresh
 * rendering ({@code -Dplanlab.rewrite=true} rewrites them). The dialect
 * edits Calcite needs ({@link CalciteDialect}) are applied when the files are
 * loaded, not written into them.
 */
public final class TpcdsQueries {
  private TpcdsQueries() {
  }

  /** The templates that hold two statements, which planlab names parts a and b. */
  static final Set<Integer> TWO_PART = Set.of(14, 23, 24, 39);

  /** The parts of template {@code n}: "" for one statement, "a" and "b" for two. */
  static List<String> parts(int n) {
    return TWO_PART.contains(n) ? List.of("a", "b") : List.of("");
  }

  /** The id of a template's statement: {@code q1}, {@code q14a}. */
  static String id(int n, String part) {
    return "q" + n + part;
  }

  /** Where the qualification values live, on the class path. */
  static final String QUALIFICATION = "qualification.tsv";

  /** One rendered statement: its id ({@code q1}, {@code q14a}), file name and SQL. */
  public record Rendered(String id, String file, String sql) {
  }

  /**
   * The file of a template's statement, {@code part} empty or a part letter:
   * template 1 → {@code q01.sql}, template 14 part a → {@code q14a.sql}.
   */
  public static String fileName(int template, String part) {
    return String.format(Locale.ROOT, "q%02d%s.sql", template, part);
  }

  /** All 103 statements, in template order, rendered from the templates. */
  public static List<Rendered> render() {
    Map<Integer, Map<String, String>> values = qualification();
    List<Rendered> out = new ArrayList<>();
    for (int n = 1; n <= 99; n++) {
      QueryTemplate t = QueryTemplate.load(n);
      t = new QueryTemplate(n, t.defines(), TemplateDefects.fix(n, t.body()));
      Map<String, String> given = values.getOrDefault(n, Map.of());
      Set<String> unused = new LinkedHashSet<>(given.keySet());
      unused.removeAll(t.parameters());
      if (!unused.isEmpty()) {
        throw new IllegalStateException(QUALIFICATION + ": template " + n
            + " has no parameter " + unused);
      }
      List<String> statements = t.render(given);
      List<String> parts = parts(n);
      if (statements.size() != parts.size()) {
        throw new IllegalStateException("TPC-DS template " + n + " renders "
            + statements.size() + " statements, not " + parts.size());
      }
      for (int i = 0; i < statements.size(); i++) {
        out.add(new Rendered(id(n, parts.get(i)), fileName(n, parts.get(i)),
            statements.get(i) + "\n"));
      }
    }
    return out;
  }

  /**
   * The qualification values: template → parameter → value. Throws naming
   * the line of a malformed or repeated entry.
   */
  public static Map<Integer, Map<String, String>> qualification() {
    String text;
    try (InputStream in = TpcdsQueries.class.getResourceAsStream(QUALIFICATION)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + QUALIFICATION);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parseQualification(text);
  }

  static Map<Integer, Map<String, String>> parseQualification(String text) {
    Map<Integer, Map<String, String>> values = new TreeMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String where = QUALIFICATION + ":" + (i + 1) + ": ";
      String[] cols = line.split("\t", -1);
      if (cols.length != 3) {
        throw new IllegalArgumentException(where + "expected 3 tab-separated columns "
            + "(template, parameter, value), found " + cols.length);
      }
      int template;
      try {
        template = Integer.parseInt(cols[0]);
      } catch (NumberFormatException e) {
        template = -1;
      }
      if (template < 1 || template > 99) {
        throw new IllegalArgumentException(where + "template must be 1 to 99, not '"
            + cols[0] + "'");
      }
      if (!cols[1].matches("[A-Z_][A-Z_0-9]*(\\.\\d+)?")) {
        throw new IllegalArgumentException(where + "parameter must read NAME or NAME.k, not '"
            + cols[1] + "'");
      }
      if (values.computeIfAbsent(template, k -> new LinkedHashMap<>())
          .put(cols[1], cols[2]) != null) {
        throw new IllegalArgumentException(where + "template " + template + " gives ["
            + cols[1] + "] twice");
      }
    }
    return values;
  }
}
