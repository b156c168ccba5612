package org.planlab.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan file ({@code *.plan}): test cases written as data, in the manner of
 * CockroachDB's opttester. A case is a directive line with arguments, the
 * query (a suite query id or SQL), a line {@code ----}, and the expected
 * output; blank lines separate cases and {@code #} starts a comment line.
 * <pre>
 * # Q5 under two-phase keeps the DP join order.
 * plan suite=tpch sf=1 config=two-phase expect=MultiJoinOrderRule:dp
 * q5
 * ----
 * EnumerableSort(*)
 *   ...
 * </pre>
 * Directives: {@code plan} (the plan text, matched as a {@link PlanShape}),
 * {@code phases} (each phase's cost before and after, stop reason and
 * whether it was kept, and the gate), {@code rules} (the rules that made
 * something), {@code memo} (a guard on search effort, as CockroachDB's
 * {@code check-size}: the planners registered at most {@code max-rels=}
 * expressions and fired at most {@code max-rule-calls=} rules; the exact
 * counts vary a little between JVMs, so the case holds bounds). Arguments
 * {@code cost-model=} (default {@code calcite}) and {@code dop=} (default
 * 1: serial, so that a case changes only with the optimizer unless it asks
 * for parallel plans) say how plans are priced. A malformed case is kept
 * with its error, naming the file and line, so that it fails alone.
 */
public record PlanFile(String name, List<String> lines, List<Case> cases) {

  /** The directives a case may have. */
  public static final Set<String> DIRECTIVES = Set.of("plan", "phases", "rules", "memo");

  /** The arguments a directive line may have. */
  public static final Set<String> ARGUMENTS = Set.of("suite", "sf", "config", "cost-model",
      "dop", "expect", "expect-not", "estimates", "max-rels", "max-rule-calls");

  /**
   * One case.
   *
   * @param line the directive's line number (1-based)
   * @param expectedFrom index of the first expected line in the file's lines
   * @param expectedTo index after the last expected line
   * @param error what is wrong with the case as written, or null
   */
  public record Case(String file, int line, String directive, Map<String, String> args,
      String input, String expected, int expectedFrom, int expectedTo, String error) {

    /** {@code file:line}, for names and messages. */
    public String where() {
      return file + ":" + line;
    }
  }

  /** {@code text}, the contents of the file called {@code name}, as cases. */
  public static PlanFile parse(String name, String text) {
    List<String> lines = List.of(text.split("\n", -1));
    List<Case> cases = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("#")) {
        i++;
        continue;
      }
      int start = i;
      String error = null;
      String[] words = l.trim().split("\\s+");
      String directive = words[0];
      Map<String, String> args = new LinkedHashMap<>();
      if (!DIRECTIVES.contains(directive)) {
        error = "unknown directive '" + directive + "' (known: plan, phases, rules, memo)";
      }
      for (int w = 1; w < words.length && error == null; w++) {
        int eq = words[w].indexOf('=');
        String key = eq < 0 ? words[w] : words[w].substring(0, eq);
        if (eq <= 0 || !ARGUMENTS.contains(key)) {
          error = "unknown argument '" + words[w] + "' (known: suite=, sf=, config=, expect=, "
              + "expect-not=, estimates=, max-rels=, max-rule-calls=)";
        } else {
          args.put(key, words[w].substring(eq + 1));
        }
      }
      i++;
      StringBuilder input = new StringBuilder();
      while (i < lines.size() && !lines.get(i).equals("----") && !lines.get(i).isBlank()) {
        input.append(lines.get(i)).append('\n');
        i++;
      }
      if (error == null && (i >= lines.size() || !lines.get(i).equals("----"))) {
        error = "missing '----' after the query";
      }
      if (error == null && directive.equals("memo") && !args.containsKey("max-rels")
          && !args.containsKey("max-rule-calls")) {
        error = "memo needs max-rels= or max-rule-calls=";
      }
      if (error == null && input.toString().isBlank()) {
        error = "no query between the directive and '----'";
      }
      int from = i + 1;
      if (i < lines.size() && lines.get(i).equals("----")) {
        i++;
      }
      StringBuilder expected = new StringBuilder();
      while (i < lines.size() && !lines.get(i).isBlank()) {
        expected.append(lines.get(i)).append('\n');
        i++;
      }
      cases.add(new Case(name, start + 1, directive, Map.copyOf(args), input.toString().strip(),
          expected.toString(), Math.min(from, i), i, error));
    }
    return new PlanFile(name, lines, List.copyOf(cases));
  }

  /** The file's text with each case's expected block replaced by {@code outputs} (by case). */
  public String rewritten(Map<Case, String> outputs) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (Case c : cases) {
      String actual = outputs.get(c);
      if (actual == null || c.error() != null) {
        continue;
      }
      for (; i < c.expectedFrom(); i++) {
        out.append(lines.get(i)).append('\n');
      }
      out.append(actual.endsWith("\n") ? actual : actual + "\n");
      i = c.expectedTo();
    }
    for (; i < lines.size(); i++) {
      out.append(lines.get(i));
      if (i < lines.size() - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
