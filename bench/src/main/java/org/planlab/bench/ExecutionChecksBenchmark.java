package org.planlab.bench;

import java.time.Duration;
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
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.exec.Datasets;
import org.planlab.planner.exec.PlanExecutor;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;

/**
 * What the time-limit checks above every operator cost a timed run: one
 * TPC-H query's plan run on SF 0.01 data, compiled with no checks (only the
 * scans and the root check the limit), with the cancel checks timed runs
 * have ({@code planlab run --execute}), and with the row counters of the
 * instrumented run.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ExecutionChecks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
public class ExecutionChecksBenchmark {

  @Param({"q1", "q3", "q5", "q9", "q18"})
  public String query;

  @Param({"NONE", "CANCEL", "COUNTERS"})
  public PlanExecutor.Checks checks;

  private Dataset data;
  private PlanExecutor.Compiled compiled;

  @Setup(Level.Trial)
  public void compile() {
    Workload tpch = Workloads.byName("tpch");
    data = Datasets.of(tpch, 0.01, Dataset.Progress.NONE);
    PlanningSession session = Benchmarks.tpchSession("two-phase", 0.01);
    PlannedQuery p = Benchmarks.optimize(session, session.prepare(tpch.query(query)));
    compiled = PlanExecutor.compile(p.plan(), checks);
  }

  @Benchmark
  public PlanExecutor.Run run() {
    return PlanExecutor.run(compiled, data, Duration.ofMinutes(5));
  }
}
