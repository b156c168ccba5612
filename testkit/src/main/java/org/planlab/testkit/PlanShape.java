package org.planlab.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expected plan in planlab's plan text format ({@code PlanText}: one
 * node per line, two spaces of indent per level, the operator and its
 * details, then {@code rows= cost= cpu= io=}), with two patterns:
 * <ul>
 *   <li>a line {@code ...} stands for any lines nested at least as deep as
 *       it is, none included: the rest of a level, or a subtree nobody
 *       cares about;</li>
 *   <li>{@code *} inside a line stands for any text, so
 *       {@code EnumerableHashJoin(condition=[*], joinType=[inner])} matches
 *       every inner hash join.</li>
 * </ul>
 * A line written without estimates matches whatever estimates the plan has.
 *
 * <p>{@link #match} says whether a plan has the shape and, if not, gives a
 * unified diff from the shape to the plan, matched lines shown as the plan
 * has them. A shape compiles its patterns once and may be matched against
 * many plans, from one thread at a time.
 */
public final class PlanShape {
  private static final String ELLIPSIS = "...";
  private static final String ESTIMATES = "  rows=";
  private static final Pattern NUMBER_FIELD =
      Pattern.compile("(\\w+)=(-?[0-9.]+(?:e[+-]?\\d+)?|Infinity|NaN|\\S+)");

  private final List<Line> lines;
  private final String text;
  /** The expected lines' patterns, compiled once for however many plans they meet. */
  private final Map<String, Pattern> globs = new HashMap<>();

  private PlanShape(String text) {
    this.text = text;
    this.lines = parse(text);
  }

  /** The shape written as {@code text}. */
  public static PlanShape of(String text) {
    return new PlanShape(text);
  }

  /** The shape's text as given. */
  public String text() {
    return text;
  }

  /** Whether {@code planText} has this shape, and the diff if it does not. */
  public Match match(String planText, MatchOptions options) {
    List<Line> actual = parse(planText);
    Boolean[][] memo = new Boolean[lines.size() + 1][actual.size() + 1];
    if (matches(0, 0, actual, options, memo)) {
      return new Match(true, "");
    }
    Map<String, Line> parsed = new HashMap<>();
    lines.forEach(l -> parsed.put(l.raw(), l));
    actual.forEach(l -> parsed.put(l.raw(), l));
    String diff = UnifiedDiff.of("expected", lines.stream().map(Line::raw).toList(), "actual",
        actual.stream().map(Line::raw).toList(),
        (e, a) -> lineMatches(parsed.get(e), parsed.get(a), options));
    return new Match(false, diff);
  }

  /** The outcome of a match: a diff from the shape to the plan where it failed. */
  public record Match(boolean matches, String diff) {
  }

  private boolean matches(int i, int j, List<Line> actual, MatchOptions options,
      Boolean[][] memo) {
    if (memo[i][j] != null) {
      return memo[i][j];
    }
    boolean result;
    if (i == lines.size()) {
      result = j == actual.size();
    } else if (lines.get(i).isEllipsis()) {
      // Consume zero or more actual lines nested at least this deep.
      int depth = lines.get(i).depth();
      result = matches(i + 1, j, actual, options, memo);
      for (int k = j; !result && k < actual.size() && actual.get(k).depth() >= depth; k++) {
        result = matches(i + 1, k + 1, actual, options, memo);
      }
    } else {
      result = j < actual.size() && lineMatches(lines.get(i), actual.get(j), options)
          && matches(i + 1, j + 1, actual, options, memo);
    }
    memo[i][j] = result;
    return result;
  }

  private boolean lineMatches(Line expected, Line actual, MatchOptions options) {
    if (expected.isEllipsis()) {
      return actual.depth() >= expected.depth();
    }
    if (expected.depth() != actual.depth()
        || !glob(expected.node()).matcher(actual.node()).matches()) {
      return false;
    }
    if (options.ignoreEstimates() || expected.estimates().isEmpty()) {
      return true;
    }
    if (options.tolerance() == 0) {
      return glob(expected.estimates()).matcher(actual.estimates()).matches();
    }
    return estimatesWithin(expected.estimates(), actual.estimates(), options.tolerance());
  }

  /** Every {@code key=number} of the expected estimates within {@code tolerance} of the actual. */
  private static boolean estimatesWithin(String expected, String actual, double tolerance) {
    List<String[]> e = fields(expected);
    List<String[]> a = fields(actual);
    if (e.size() != a.size()) {
      return false;
    }
    for (int k = 0; k < e.size(); k++) {
      if (!e.get(k)[0].equals(a.get(k)[0])) {
        return false;
      }
      String ev = e.get(k)[1];
      String av = a.get(k)[1];
      if (ev.equals("*") || ev.equals(av)) {
        continue;
      }
      try {
        double x = Double.parseDouble(ev);
        double y = Double.parseDouble(av);
        if (Math.abs(x - y) > tolerance * Math.max(Math.abs(x), Math.abs(y))) {
          return false;
        }
      } catch (NumberFormatException notANumber) {
        return false;
      }
    }
    return true;
  }

  private static List<String[]> fields(String estimates) {
    List<String[]> out = new ArrayList<>();
    Matcher m = NUMBER_FIELD.matcher(estimates);
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2)});
    }
    return out;
  }

  /** {@code pattern} with {@code *} as any text and everything else literal. */
  private Pattern glob(String pattern) {
    return globs.computeIfAbsent(pattern, PlanShape::compileGlob);
  }

  private static Pattern compileGlob(String pattern) {
    StringBuilder rx = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (rx.length() > 0) {
        rx.append(".*");
      }
      rx.append(Pattern.quote(part));
    }
    return Pattern.compile(rx.toString(), Pattern.DOTALL);
  }

  private static List<Line> parse(String text) {
    List<Line> out = new ArrayList<>();
    for (String raw : text.split("\n", -1)) {
      if (!raw.isBlank()) {
        out.add(Line.of(raw.stripTrailing()));
      }
    }
    return out;
  }

  /** One line: its depth, the operator with details, and the estimates after them. */
  private record Line(String raw, int depth, String node, String estimates) {
    static Line of(String raw) {
      int spaces = 0;
      while (spaces < raw.length() && raw.charAt(spaces) == ' ') {
        spaces++;
      }
      String body = raw.substring(spaces);
      int at = body.indexOf(ESTIMATES);
      return at < 0 ? new Line(raw, spaces / 2, body, "")
          : new Line(raw, spaces / 2, body.substring(0, at), body.substring(at + 2));
    }

    boolean isEllipsis() {
      return node.equals(ELLIPSIS);
    }
  }
}
