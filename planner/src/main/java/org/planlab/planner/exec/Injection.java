package org.planlab.planner.exec;

import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.plan.PlanSnapshot;
import org.planlab.planner.result.ExecStatus;
import org.planlab.planner.result.Execution;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.WorkloadQuery;

/**
 * How much plan quality estimation alone costs (Leis et al., VLDB 2015):
 * a query planned and executed with estimates is planned again with the
 * cardinalities measured in that run ({@link InjectedCardinalities}) and
 * executed again; the runtimes side by side, and whether the plan changed.
 * The second answer must equal the first.
 */
public final class Injection {
  private Injection() {
  }

  /** {@code executed} with its re-planned run recorded; unchanged if it did not run right. */
  public static PlannedQuery replan(PlanningSession session, QueryExecutor executor,
      WorkloadQuery query, PlannedQuery executed) {
    Execution first = executed.result().execution();
    if (first == null || first.status() != ExecStatus.OK || executed.plan() == null
        || executed.result().parallel() != null && executed.result().parallel().parallel()) {
      return executed; // only serial plans that ran right have cardinalities to inject
    }
    InjectedCardinalities model = InjectedCardinalities.of(session.costModel(),
        executed.plan(), first.nodes());
    PlannedQuery again = session.withCostModel(model).plan(query);
    Execution.Injected injected;
    if (again.plan() == null) {
      injected = new Execution.Injected(model.size(), false, ExecStatus.FAILED,
          again.result().error() == null ? "no plan" : again.result().error().message(), null,
          null);
    } else {
      Execution second = executor.execute(again).result().execution();
      String differs = executor.sameAnswer(executed, again);
      injected = new Execution.Injected(model.size(),
          !shape(executed.result().plan()).equals(shape(again.result().plan())),
          differs != null ? ExecStatus.WRONG : second.status(),
          differs != null ? differs : second.message(), second.runtimeMs(),
          again.result().plan());
    }
    return executed.withResult(executed.result().withExecution(first.withInjected(injected)));
  }

  /** A plan's operators and their attributes, estimates aside. */
  static String shape(PlanSnapshot plan) {
    StringBuilder sb = new StringBuilder();
    shape(plan.root(), sb);
    return sb.toString();
  }

  private static void shape(PlanNode n, StringBuilder sb) {
    sb.append(n.operator()).append(n.details()).append('(');
    n.inputs().forEach(i -> shape(i, sb));
    sb.append(')');
  }
}
