package org.planlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.cost.CostConstant;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.plan.JoinCount;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code planlab list}: the suites, their queries and the optimizer configurations. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the suites with their queries and the joins each asks for "
        + "(sub-queries count as joins), and the optimizer configurations.")
final class ListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Suites:");
    for (Workload w : Workloads.all()) {
      out.printf("  %-10s %s%n", w.name(), w.description());
      printQueries(out, w);
    }
    out.println();
    out.println("Optimizer configurations (--config):");
    for (Optimizer o : Optimizers.all()) {
      out.printf("  %-16s %s%s%n", o.name(), o.description(),
          o.name().equals(Optimizers.DEFAULT) ? " [default]" : "");
    }
    out.println();
    out.println("Cost models (--cost-model; constants for --cost NAME=VALUE):");
    for (CostModel m : CostModels.all()) {
      out.printf("  %-16s %s%s%n", m.name(), m.description(),
          m.name().equals(CostModels.DEFAULT) ? " [default]" : "");
      out.printf("  %-16s unit: %s; gate threshold of two-phase: %s%n", "", m.unit(),
          PlanText.number(m.defaultGateThreshold()));
      for (CostConstant c : m.constants().known()) {
        out.printf("  %-16s   %-30s %-8s %s%n", "", c.name(), PlanText.number(c.defaultValue()),
            c.source());
      }
    }
    out.flush();
    return Planlab.OK;
  }

  /**
   * The suite's queries, each with its joins as written (sub-queries
   * counting as joins), wrapped to lines of at most {@link #WIDTH}.
   */
  private static void printQueries(PrintWriter out, Workload w) {
    PlanningSession session = new PlanningSession(w.schema(1),
        Optimizers.byName(Optimizers.DEFAULT), Duration.ofSeconds(60));
    String indent = String.format("  %-10s ", "");
    StringBuilder line = new StringBuilder(indent).append("queries (joins):");
    for (WorkloadQuery q : w.queries()) {
      var logical = session.prepare(q).logical();
      String item = " " + q.id() + " (" + (logical == null ? "?" : JoinCount.asWritten(logical))
          + ")";
      if (line.length() + item.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(indent).append(" ".repeat("queries (joins):".length()));
      }
      line.append(item);
    }
    out.println(line);
  }

  private static final int WIDTH = 100;
}
