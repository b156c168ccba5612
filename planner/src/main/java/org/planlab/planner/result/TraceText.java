package org.planlab.planner.result;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

import org.planlab.planner.plan.PlanText;

/**
 * The per-phase trace of one query in lines of text: each phase's time,
 * costs, stop reason, steps and busiest rules, the gate's decision and the
 * parallel pass. {@code planlab explain --trace} prints it; the viewer shows
 * it.
 */
public final class TraceText {
  private TraceText() {
  }

  /** How many rules to list per phase, busiest first. */
  static final int TOP_RULES = 8;

  /**
   * "; phase NAME failed: MESSAGE" for each phase that stopped with an error
   * while the query still planned, or "": so that progress lines and
   * summaries do not hide a failing phase behind its fallback plan.
   */
  public static String phaseErrors(QueryResult r) {
    StringBuilder sb = new StringBuilder();
    for (PhaseTrace p : r.phases()) {
      if (p.error() != null) {
        sb.append("; phase ").append(p.name()).append(" failed: ").append(p.error());
      }
    }
    return sb.toString();
  }

  public static String render(QueryResult r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < r.phases().size(); i++) {
      PhaseTrace p = r.phases().get(i);
      if (i == 1 && r.gate() != null) {
        sb.append(gate(r.gate()));
      }
      sb.append(String.format(Locale.ROOT,
          "-- phase %s: %s wall, %s cpu; cost %s -> %s; %s; %d rule calls (%d productive), "
              + "%d rels in %d sets%s%n",
          p.name(), duration(p.wallMs()), duration(p.cpuMs()),
          cost(p.costBefore()), cost(p.costAfter()), p.stopReason(), p.effort().ruleCalls(),
          p.effort().ruleProductions(), p.effort().relNodes(), p.effort().relSets(),
          (p.kept() ? "; kept" : "") + (p.error() == null ? "" : "; " + p.error())));
      for (StepTrace s : p.steps()) {
        sb.append(String.format(Locale.ROOT, "--   step %-22s %s%s%n", s.name(),
            s.skipped() ? "skipped" : duration(s.wallMs()),
            s.skipped() || s.ruleCalls() == 0 ? "" : ", " + s.ruleCalls() + " rule calls"));
      }
      p.rules().entrySet().stream()
          .sorted(Comparator.comparingLong((Map.Entry<String, RuleCount> e) ->
              -e.getValue().attempted()).thenComparing(Map.Entry::getKey))
          .limit(TOP_RULES)
          .forEach(e -> sb.append(String.format(Locale.ROOT, "--   rule %-40s %6d calls, %d productive%n",
              e.getKey(), e.getValue().attempted(), e.getValue().succeeded())));
    }
    if (r.gate() != null && r.phases().size() <= 1) {
      sb.append(gate(r.gate()));
    }
    if (r.parallel() != null) {
      sb.append(parallel(r.parallel()));
    }
    return sb.toString();
  }

  /** The parallel pass: its time, the serial and the chosen cost, and the speedup. */
  private static String parallel(org.planlab.planner.result.ParallelTrace t) {
    return String.format(Locale.ROOT, "-- parallel pass at dop %d: %s wall; cost %s -> %s; %s%n",
        t.degree(), duration(t.wallMs()), cost(t.serialCost()),
        cost(t.parallelCost()), t.error() != null ? "failed, serial plan kept: " + t.error()
            : t.parallel() ? String.format(Locale.ROOT, "parallel, %.2fx", t.speedup())
            : "stays serial");
  }

  private static String gate(GateDecision g) {
    return String.format(Locale.ROOT, "-- gate %s: %s, so phase 2 %s%n", g.rule(),
        PlanText.number(g.value()), g.ranPhase2() ? "ran" : "did not run");
  }

  private static String cost(org.planlab.planner.plan.Cost c) {
    return c == null ? "-" : PlanText.number(c.value());
  }

  /** A time in milliseconds as a person reads it: {@code 12.3 ms} or {@code 1.23 s}. */
  public static String duration(double ms) {
    return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000)
        : String.format(Locale.ROOT, "%.1f ms", ms);
  }
}
