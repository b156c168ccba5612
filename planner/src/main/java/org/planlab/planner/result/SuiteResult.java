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
 */
public record SuiteResult(String format, String suite, double scaleFactor, String config,
    double timeoutSeconds, Environment environment, Instant startedAt, Instant finishedAt,
    List<QueryResult> queries) {

  /** The current result format. */
  public static final String FORMAT = "planlab-result/1";

  public SuiteResult {
    queries = List.copyOf(queries);
  }

  /** Queries that ended with the given status. */
  public long count(QueryStatus status) {
    return queries.stream().filter(q -> q.status() == status).count();
  }
}
