package org.planlab.bench;

import java.time.Duration;
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
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;

/**
 * What the parallel search adds to optimization: all 22 TPC-H queries under
 * {@code two-phase}, serial ({@code dop} 1) against parallel ({@code dop} 4),
 * under each cost model, in one run so that the ratio is measured and not
 * assumed. Issue 6's target: the parallel search costs at most 2× the
 * serial optimization time.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TpchParallel}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
public class TpchParallelBenchmark {

  @Param({"calcite", "pg"})
  public String costModel;

  @Param({"1", "4"})
  public int dop;

  @Param({"100"})
  public double sf;

  private PlanningSession session;
  private Workload tpch;
  private final List<PlanningSession.Prepared> prepared = new ArrayList<>();

  @Setup(Level.Trial)
  public void session() {
    tpch = Workloads.byName("tpch");
    CostModel model = CostModels.byName(costModel);
    session = new PlanningSession(tpch.schema(sf), Optimizers.byName("two-phase", model),
        Duration.ofSeconds(120), model, dop);
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
