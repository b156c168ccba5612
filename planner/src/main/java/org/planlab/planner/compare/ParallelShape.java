package org.planlab.planner.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.plan.PlanSnapshot;

/**
 * Where a plan is parallel, in one line: each Gather or Gather Merge with
 * its workers, the tables its fragment scans in parallel, and the parallel
 * operators in it, e.g. {@code Gather[w2](lineitem, orders; shared hash,
 * partial agg)}; {@code serial} for a plan without any.
 */
public final class ParallelShape {
  private ParallelShape() {
  }

  public static String describe(PlanSnapshot plan) {
    List<String> fragments = new ArrayList<>();
    collect(plan.root(), fragments);
    return fragments.isEmpty() ? "serial" : String.join(" ", fragments);
  }

  private static void collect(PlanNode n, List<String> out) {
    if (n.operator().equals("Gather") || n.operator().equals("GatherMerge")) {
      Set<String> tables = new TreeSet<>();
      Set<String> operators = new TreeSet<>();
      for (PlanNode input : n.inputs()) {
        fragment(input, tables, operators, out);
      }
      StringBuilder sb = new StringBuilder(n.operator()).append("[w")
          .append(n.details().getOrDefault("workers", "?")).append("](")
          .append(String.join(", ", tables));
      if (!operators.isEmpty()) {
        sb.append("; ").append(String.join(", ", operators));
      }
      out.add(sb.append(')').toString());
      return;
    }
    n.inputs().forEach(i -> collect(i, out));
  }

  private static void fragment(PlanNode n, Set<String> tables, Set<String> operators,
      List<String> out) {
    switch (n.operator()) {
      case "ParallelTableScan" -> tables.add(table(n.details().getOrDefault("table", "?")));
      case "ParallelHashJoin" -> operators.add("shared hash");
      case "HashExchange" -> operators.add("exchange");
      case "PartialAggregate" -> operators.add("partial agg");
      case "Gather", "GatherMerge" -> {
        collect(n, out);
        return;
      }
      default -> {
      }
    }
    n.inputs().forEach(i -> fragment(i, tables, operators, out));
  }

  /** {@code [tpch, lineitem]} → {@code lineitem}. */
  private static String table(String qualified) {
    String t = qualified.replace("[", "").replace("]", "");
    int comma = t.lastIndexOf(',');
    return (comma < 0 ? t : t.substring(comma + 1)).trim();
  }
}
