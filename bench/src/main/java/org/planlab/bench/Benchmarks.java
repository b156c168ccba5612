package org.planlab.bench;

import java.time.Duration;
import java.util.List;

import org.openjdk.jmh.infra.Blackhole;

import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

/** What the TPC-H benchmarks share: their session, and a plan that must exist. */
final class Benchmarks {
  private Benchmarks() {
  }

  /** A TPC-H planning session at {@code sf} under {@code config}, with a generous budget. */
  static PlanningSession tpchSession(String config, double sf) {
    return new PlanningSession(Workloads.byName("tpch").schema(sf), Optimizers.byName(config),
        Duration.ofSeconds(120));
  }

  /**
   * The session's optimize stage on a prepared query, which also builds the
   * result's plan snapshot; a benchmark of a query that found no plan
   * measures nothing, so it fails.
   */
  static PlannedQuery optimize(PlanningSession session, PlanningSession.Prepared prepared) {
    PlannedQuery p = session.optimize(prepared);
    if (p.plan() == null) {
      throw new IllegalStateException(prepared.query().id() + " under "
          + session.optimizer().name() + ": " + p.result().error());
    }
    return p;
  }

  /** Every query of {@code workload} parsed, validated and converted, ready to optimize once. */
  static void prepareAll(PlanningSession session, Workload workload,
      List<PlanningSession.Prepared> into) {
    into.clear();
    for (WorkloadQuery q : workload.queries()) {
      into.add(session.prepare(q));
    }
  }

  /** Optimizes every prepared query: one suite operation. */
  static void optimizeAll(PlanningSession session, List<PlanningSession.Prepared> prepared,
      Blackhole bh) {
    for (PlanningSession.Prepared p : prepared) {
      bh.consume(optimize(session, p));
    }
  }
}
