package org.planlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code planlab list}: the suites, their queries and the optimizer configurations. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the suites with their queries, and the optimizer configurations.")
final class ListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Suites:");
    for (Workload w : Workloads.all()) {
      out.printf("  %-10s %s%n", w.name(), w.description());
      out.printf("  %-10s queries: %s%n", "", w.queries().stream().map(WorkloadQuery::id)
          .collect(Collectors.joining(" ")));
    }
    out.println();
    out.println("Optimizer configurations (--config):");
    for (Optimizer o : Optimizers.all()) {
      out.printf("  %-16s %s%s%n", o.name(), o.description(),
          o.name().equals(Optimizers.DEFAULT) ? " [default]" : "");
    }
    out.flush();
    return Planlab.OK;
  }
}
