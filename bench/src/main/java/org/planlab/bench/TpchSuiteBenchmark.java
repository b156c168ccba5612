package org.planlab.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;

/**
 * Optimization time of all 22 TPC-H queries, one after the other, under one
 * configuration: the suite total the phased optimizer's targets are stated
 * in, measured with the JIT warmed on the whole suite rather than on one
 * query per fork.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TpchSuite}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
public class TpchSuiteBenchmark {

  @Param({"cheap-only", "two-phase", "exhaustive", "calcite-default"})
  public String config;

  @Param({"1"})
  public double sf;

  private PlanningSession session;
  private Workload tpch;
  private final List<PlanningSession.Prepared> prepared = new ArrayList<>();

  @Setup(Level.Trial)
  public void session() {
    tpch = Workloads.byName("tpch");
    session = Benchmarks.tpchSession(config, sf);
  }

  @Setup(Level.Invocation)
  public void prepare() {
    Benchmarks.prepareAll(session, tpch, prepared);
  }

  @Benchmark
  public void optimizeSuite(Blackhole bh) {
    Benchmarks.optimizeAll(session, prepared, bh);
  }
}
