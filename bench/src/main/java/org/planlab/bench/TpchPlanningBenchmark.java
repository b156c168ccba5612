package org.planlab.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;

/**
 * Optimization time of one TPC-H query under one built-in configuration,
 * warm. Parsing, validation and conversion happen in the per-invocation
 * setup, so the measurement is the session's optimize stage: the optimizer
 * and the plan snapshot it records ({@code ShortQueryBenchmark} also times
 * the optimizer alone).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TpchPlanning
 * -p config=two-phase}; {@code BenchSummary} turns JMH's JSON into the
 * README's table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
public class TpchPlanningBenchmark {

  @Param({"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  public String config;

  @Param({"q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "q13",
      "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22"})
  public String query;

  @Param({"1"})
  public double sf;

  private PlanningSession session;
  private Workload tpch;
  private PlanningSession.Prepared prepared;

  @Setup(Level.Trial)
  public void session() {
    tpch = Workloads.byName("tpch");
    session = Benchmarks.tpchSession(config, sf);
  }

  @Setup(Level.Invocation)
  public void prepare() {
    prepared = session.prepare(tpch.query(query));
  }

  @Benchmark
  public PlannedQuery optimize() {
    return Benchmarks.optimize(session, prepared);
  }
}
