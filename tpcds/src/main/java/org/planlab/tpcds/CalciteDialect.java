package org.planlab.tpcds;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mechanical edits that turn dsqgen's SQL into SQL Calcite accepts,
 * without changing what a query asks. Each is a pattern, applied in order:
 * <ol>
 *   <li>{@code N days} → {@code INTERVAL 'N' DAY} (date arithmetic);</li>
 *   <li>{@code dN.d_date + N} → {@code dN.d_date + INTERVAL 'N' DAY} (a date
 *       plus a number of days, TPC-DS Q72);</li>
 *   <li>{@code substr(s, a, b)} → {@code SUBSTRING(s FROM a FOR b)};</li>
 *   <li>the reserved words used as aliases, {@code year}, {@code returns}
 *       and {@code at}, quoted wherever they name a column.</li>
 * </ol>
 *
 * <p>What the templates themselves get wrong is corrected earlier, by
 * {@link TemplateDefects}.
 */
public final class CalciteDialect {
  private CalciteDialect() {
  }

  private static final Pattern DAYS = Pattern.compile("(?i)\\b(\\d+)\\s+days\\b");
  private static final Pattern DATE_PLUS =
      Pattern.compile("(?i)\\b(d\\d*\\.d_date)\\s*\\+\\s*(\\d+)\\b(?!\\s*')");
  private static final Pattern SUBSTR = Pattern.compile("(?i)\\bsubstr\\s*\\(");
  private static final Pattern RESERVED =
      Pattern.compile("(?i)(?<![\\w\"'])(year|returns|at)\\b(?!\\s*\\()");

  /** {@code sql} with the edits above. */
  public static String fix(String sql) {
    String s = DAYS.matcher(sql).replaceAll("INTERVAL '$1' DAY");
    s = DATE_PLUS.matcher(s).replaceAll("$1 + INTERVAL '$2' DAY");
    s = substrings(s);
    return outsideLiterals(s, part -> RESERVED.matcher(part).replaceAll(
        m -> "\"" + m.group(1).toLowerCase(java.util.Locale.ROOT) + "\""));
  }

  /** {@code edit} applied to the parts of {@code sql} outside string literals. */
  private static String outsideLiterals(String sql,
      java.util.function.UnaryOperator<String> edit) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '\'') {
        String part = sql.substring(start, i);
        out.append(quoted ? part : edit.apply(part));
        start = i;
        quoted = !quoted;
      }
    }
    String rest = sql.substring(start);
    out.append(quoted ? rest : edit.apply(rest));
    return out.toString();
  }

  /** Every {@code substr(s, a, b)} as {@code SUBSTRING(s FROM a FOR b)}, nested ones too. */
  private static String substrings(String sql) {
    Matcher m = SUBSTR.matcher(sql);
    if (!m.find()) {
      return sql;
    }
    int open = m.end() - 1;
    int close = matching(sql, open);
    List<String> args = splitTopLevel(sql.substring(open + 1, close));
    if (args.size() != 3) {
      throw new IllegalArgumentException("substr with " + args.size() + " arguments at offset "
          + m.start() + ": " + sql.substring(m.start(), close + 1));
    }
    String replaced = "SUBSTRING(" + substrings(args.get(0).strip()) + " FROM "
        + args.get(1).strip() + " FOR " + args.get(2).strip() + ")";
    return sql.substring(0, m.start()) + replaced + substrings(sql.substring(close + 1));
  }

  private static int matching(String s, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced parenthesis at offset " + open);
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
