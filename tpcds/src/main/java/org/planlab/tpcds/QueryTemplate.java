package org.planlab.tpcds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One dsqgen query template of TPC-DS ({@code query_templates/queryN.tpl} in
 * {@code net.hydromatic:tpcds}): its {@code define} lines, which say how
 * dsqgen draws each substitution parameter, and its SQL body with the
 * parameters as {@code [NAME]} or, for list members, {@code [NAME.k]}.
 *
 * <p>{@link #render} substitutes given values (the specification's
 * qualification values, not random draws) and the row limit, and splits the
 * body into its statements: four templates (14, 23, 24, 39) hold two, which
 * planlab names parts a and b.
 */
public record QueryTemplate(int number, Map<String, String> defines, String body) {

  private static final Pattern DEFINE =
      Pattern.compile("(?i)^\\s*define\\s+(\\w+)\\s*=\\s*(.*?);\\s*(--.*)?$");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\[([A-Za-z_][A-Za-z_0-9]*)(?:\\.(\\d+))?\\]");
  /** The row-limit placeholders, which the ANSI/limit dialect fills as "" "" "LIMIT n". */
  private static final Set<String> LIMITS = Set.of("_LIMITA", "_LIMITB", "_LIMITC");

  /** Template {@code n} (1 to 99). */
  public static QueryTemplate load(int n) {
    if (n < 1 || n > 99) {
      throw new IllegalArgumentException("TPC-DS has query templates 1 to 99, not " + n);
    }
    String resource = "query_templates/query" + n + ".tpl";
    try (InputStream in = QueryTemplate.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing TPC-DS template " + resource);
      }
      return parse(n, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static QueryTemplate parse(int n, String text) {
    Map<String, String> defines = new LinkedHashMap<>();
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\r?\n", -1)) {
      Matcher m = DEFINE.matcher(line);
      if (m.matches()) {
        defines.put(m.group(1).toUpperCase(java.util.Locale.ROOT), m.group(2).trim());
      } else if (!line.stripLeading().startsWith("--")) {
        body.append(line.stripTrailing()).append('\n');
      }
    }
    return new QueryTemplate(n, Map.copyOf(defines), body.toString().strip());
  }

  /** The parameter names the body uses, without the row-limit ones, in order of use. */
  public Set<String> parameters() {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(body);
    while (m.find()) {
      String name = m.group(1).toUpperCase(java.util.Locale.ROOT);
      if (!LIMITS.contains(name)) {
        names.add(m.group(2) == null ? name : name + "." + m.group(2));
      }
    }
    return names;
  }

  /** The row limit of {@code define _LIMIT}, or -1 if the template has none. */
  public int limit() {
    String l = defines.get("_LIMIT");
    return l == null ? -1 : Integer.parseInt(l.trim());
  }

  /**
   * The statements of the template with {@code values} substituted, keyed by
   * parameter ({@code YEAR}, {@code STATE.1}, ...). Throws naming the template
   * and parameter if a value is missing.
   */
  public List<String> render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).toUpperCase(java.util.Locale.ROOT);
      String key = m.group(2) == null ? name : name + "." + m.group(2);
      String value;
      if (name.equals("_LIMITC")) {
        value = limit() < 0 ? "" : "LIMIT " + limit();
      } else if (LIMITS.contains(name)) {
        value = "";
      } else {
        value = values.get(key);
        if (value == null) {
          throw new IllegalArgumentException("TPC-DS template " + number + ": no value for ["
              + key + "]");
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    List<String> statements = new ArrayList<>();
    for (String s : out.toString().split(";\\s*(\n|$)")) {
      if (!s.isBlank()) {
        statements.add(s.strip());
      }
    }
    return statements;
  }
}
