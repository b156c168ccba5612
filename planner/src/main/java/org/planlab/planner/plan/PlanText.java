package org.planlab.planner.plan;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * planlab's one plan text format: one node per line, indented two spaces per
 * level, the operator with its details, then the estimated rows and the
 * cumulative cost (the value the cost model compares, then its CPU and I/O
 * parts), and the degree of parallelism where it is above 1. Used by {@code planlab explain}, golden plan files and
 * assertion messages alike, so a diff reads the same everywhere.
 *
 * <pre>
 * EnumerableSort(sort0=[$0], dir0=[ASC])  rows=4 cost=8.4e6 cpu=4.2e8 io=0
 *   EnumerableAggregate(group=[{0, 1}], ...)  rows=4 cost=8.4e6 ...
 * </pre>
 */
public final class PlanText {
  private PlanText() {
  }

  public static String render(PlanSnapshot plan) {
    StringBuilder sb = new StringBuilder();
    render(plan.root(), 0, sb, false);
    return sb.toString();
  }

  /**
   * The plan with each operator's {@link Origin} on the line below it, as
   * {@code # made by ...} ({@code planlab explain --origins}).
   */
  public static String renderWithOrigins(PlanSnapshot plan) {
    StringBuilder sb = new StringBuilder();
    render(plan.root(), 0, sb, true);
    return sb.toString();
  }

  private static void render(PlanNode n, int depth, StringBuilder sb, boolean origins) {
    sb.append("  ".repeat(depth)).append(n.operator());
    if (!n.details().isEmpty()) {
      sb.append(n.details().entrySet().stream()
          .map(PlanText::detail)
          .collect(Collectors.joining(", ", "(", ")")));
    }
    Cost c = n.cumulativeCost();
    sb.append("  rows=").append(number(n.rows()))
        .append(" cost=").append(number(c.value()))
        .append(" cpu=").append(number(c.cpu()))
        .append(" io=").append(number(c.io()));
    if (n.degree() > 1) {
      sb.append(" dop=").append(n.degree());
    }
    sb.append('\n');
    if (origins) {
      sb.append("  ".repeat(depth)).append("  # made by ")
          .append(n.origin() == null ? "?" : n.origin().describe()).append('\n');
    }
    for (PlanNode input : n.inputs()) {
      render(input, depth + 1, sb, origins);
    }
  }

  private static String detail(Map.Entry<String, String> e) {
    return e.getKey() + "=[" + e.getValue() + "]";
  }

  /**
   * A number in at most 4 significant digits: integers below 100,000 as they
   * are, others in scientific notation without a plus sign ({@code 6.001e6}).
   */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "?";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    double abs = Math.abs(v);
    if (abs < 100_000 && v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    if (abs >= 0.01 && abs < 100_000) {
      String s = String.format(Locale.ROOT, "%.4g", v);
      if (!s.contains("e")) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
      }
    }
    String s = String.format(Locale.ROOT, "%.3e", v);
    String mantissa = s.substring(0, s.indexOf('e')).replaceAll("0+$", "").replaceAll("\\.$", "");
    int exp = Integer.parseInt(s.substring(s.indexOf('e') + 1));
    return mantissa + "e" + exp;
  }
}
