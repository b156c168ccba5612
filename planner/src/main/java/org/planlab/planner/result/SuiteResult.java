package org.planlab.planner.result;

import java.time.Instant;
import java.util.List;

/**
 * The result of running a suite under one optimizer configuration: the one
 * contract between the engine and everything that shows or checks results.
 *
 * @param format {@link #FORMAT}; readers refuse other versions
 * @param suite the workload's name, or {@code custom} for a folder of queries
 * @param scaleFactor the scale factor of the statistics
 * @param config the optimizer configuration's name
 * @param timeoutSeconds the per-query optimization budget
 * @param environment where it ran
 * @param startedAt when the run started
 * @param finishedAt when it finished
 * @param queries one result per query, in suite order
 * @param costModel the cost model every cost is priced in
 * @param dop the most processes per parallel fragment; 1 for serial plans
 */
public record SuiteResult(String format, String suite, double scaleFactor, String config,
    double timeoutSeconds, Environment environment, Instant startedAt, Instant finishedAt,
    List<QueryResult> queries, CostModelInfo costModel, int dop) {

  /**
   * With {@code --execute}: the run's execution figures (counts by status,
   * runtimes, the q-error distribution over all operators, Spearman's rank
   * correlation of cost and runtime), derived from the queries and written
   * to the file for readers that want them without recomputing; null where
   * nothing was executed. Readers ignore it and derive it again.
   */
  @com.fasterxml.jackson.annotation.JsonProperty("executionSummary")
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public java.util.@org.checkerframework.checker.nullness.qual.Nullable Map<String, Object>
      executionSummary() {
    var s = org.planlab.planner.exec.ExecutionSummary.of(this);
    return s.executed() == 0 ? null : s.asMap();
  }

  /** The current result format. */
  public static final String FORMAT = "planlab-result/2";

  /** The formats readers accept: format 1 had Calcite's cost model and serial plans only. */
  public static final List<String> READABLE = List.of("planlab-result/1", FORMAT);

  public SuiteResult {
    queries = List.copyOf(queries);
    costModel = costModel == null ? CostModelInfo.CALCITE : costModel;
    dop = dop < 1 ? 1 : dop;
  }

  /** A serial run priced with Calcite's model. */
  public SuiteResult(String format, String suite, double scaleFactor, String config,
      double timeoutSeconds, Environment environment, Instant startedAt, Instant finishedAt,
      List<QueryResult> queries) {
    this(format, suite, scaleFactor, config, timeoutSeconds, environment, startedAt, finishedAt,
        queries, CostModelInfo.CALCITE, 1);
  }

  /** Queries that ended with the given status. */
  public long count(QueryStatus status) {
    return queries.stream().filter(q -> q.status() == status).count();
  }
}
