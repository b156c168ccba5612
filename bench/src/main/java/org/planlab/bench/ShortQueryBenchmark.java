package org.planlab.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
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
import org.planlab.planner.optimize.Optimized;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.WorkloadQuery;

/**
 * Short queries: how optimization time compares with parse time, the
 * phased optimizer's yardstick for cheap queries ("about what parsing
 * costs").
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ShortQuery}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
public class ShortQueryBenchmark {

  static final Map<String, String> QUERIES = Map.of(
      "lookup", "SELECT c_name, c_acctbal FROM customer WHERE c_custkey = 42",
      "aggregate", "SELECT count(*), sum(o_totalprice) FROM orders "
          + "WHERE o_orderdate >= DATE '1995-01-01'");

  @Param({"cheap-only", "two-phase", "calcite-default"})
  public String config;

  @Param({"lookup", "aggregate"})
  public String query;

  private PlanningSession session;
  private WorkloadQuery workloadQuery;
  private PlanningSession.Prepared prepared;

  @Setup(Level.Trial)
  public void session() {
    session = Benchmarks.tpchSession(config, 1);
    workloadQuery = new WorkloadQuery(query, query, QUERIES.get(query));
  }

  @Setup(Level.Invocation)
  public void prepare() {
    prepared = session.prepare(workloadQuery);
  }

  @Benchmark
  public SqlNode parse() throws SqlParseException {
    return SqlParser.create(workloadQuery.sql(), PlanningSession.PARSER_CONFIG).parseStmt();
  }

  /** The session's optimize stage and its result: plan snapshot, costs, traces. */
  @Benchmark
  public PlannedQuery optimize() {
    return session.optimize(prepared);
  }

  /**
   * The optimizer alone, what the result's {@code optimize} stage times:
   * without the plan snapshot and result the session builds afterwards.
   */
  @Benchmark
  public Optimized optimizer() {
    return session.optimizer().optimize(prepared.planner(), prepared.logical(),
        prepared.desired(), prepared.control());
  }
}
