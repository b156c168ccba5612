package org.planlab.gui;

import java.util.Locale;

import org.planlab.planner.plan.Cost;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.QueryResult;

/** A query's optimization trace in a few lines: phases, gate, parallel pass. */
final class TraceText {
  private TraceText() {
  }

  static String of(QueryResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.id()).append(": ").append(r.status().label());
    if (r.stopReason() != null) {
      sb.append(", stopped: ").append(r.stopReason().label());
    }
    if (r.error() != null) {
      sb.append(", ").append(r.error().describe(r.source()));
    }
    sb.append('\n');
    for (PhaseTrace p : r.phases()) {
      sb.append(String.format(Locale.ROOT, "phase %s: %.1f ms, cost %s -> %s, %s, %d rule calls%s%n",
          p.name(), p.wallMs(), cost(p.costBefore()), cost(p.costAfter()), p.stopReason().label(),
          p.effort().ruleCalls(), p.kept() ? ", kept" : ""));
    }
    if (r.gate() != null) {
      sb.append(String.format(Locale.ROOT, "gate %s: %s, phase 2 %s%n", r.gate().rule(),
          PlanText.number(r.gate().value()), r.gate().ranPhase2() ? "ran" : "did not run"));
    }
    if (r.parallel() != null) {
      sb.append(String.format(Locale.ROOT, "parallel pass at dop %d: %.1f ms, cost %s -> %s%s%n",
          r.parallel().degree(), r.parallel().wallMs(), cost(r.parallel().serialCost()),
          cost(r.parallel().parallelCost()), r.parallel().parallel()
              ? String.format(Locale.ROOT, ", %.2fx", r.parallel().speedup()) : ", serial"));
    }
    return sb.toString();
  }

  private static String cost(Cost c) {
    return c == null ? "-" : PlanText.number(c.value());
  }
}
