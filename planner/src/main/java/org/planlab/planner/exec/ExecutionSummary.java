package org.planlab.planner.exec;

import java.util.ArrayList;
import java.util.List;

import org.planlab.planner.result.ExecStatus;
import org.planlab.planner.result.Execution;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.SuiteResult;

/**
 * A run's execution in figures: how many plans ran and were right, the
 * runtimes, the distribution of q-errors over all operators of all plans,
 * and Spearman's rank correlation between each query's estimated cost and
 * its measured runtime (over the queries that ran to the end).
 *
 * @param executed queries whose plan was executed
 * @param ok of those, the ones that ran with every answer check passed
 * @param wrong wrong answers
 * @param timedOut runs stopped at --exec-timeout
 * @param failed plans that did not compile or threw
 * @param sqlErrors queries whose answer on this data is an SQL error (division by zero)
 * @param runtimeTotalMs sum of the median runtimes
 * @param runtimeMedianMs median of the median runtimes
 * @param operators operators with a q-error
 * @param qErrorMedian median q-error over those operators
 * @param qErrorP90 90th percentile
 * @param qErrorP99 99th percentile
 * @param qErrorMax the largest
 * @param spearman rank correlation of cost and runtime, NaN for fewer than 2 queries
 */
public record ExecutionSummary(int executed, int ok, int wrong, int timedOut, int failed,
    int sqlErrors,
    double runtimeTotalMs, double runtimeMedianMs, int operators, double qErrorMedian,
    double qErrorP90, double qErrorP99, double qErrorMax, double spearman) {

  /**
   * The figures by name, for the result file; figures that do not exist
   * (NaN: too few queries, no operator) are left out, as JSON has no NaN.
   */
  public java.util.Map<String, Object> asMap() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("executed", executed);
    m.put("ok", ok);
    m.put("wrong", wrong);
    m.put("timedOut", timedOut);
    m.put("failed", failed);
    m.put("sqlErrors", sqlErrors);
    put(m, "runtimeTotalMs", runtimeTotalMs);
    put(m, "runtimeMedianMs", runtimeMedianMs);
    m.put("operators", operators);
    put(m, "qErrorMedian", qErrorMedian);
    put(m, "qErrorP90", qErrorP90);
    put(m, "qErrorP99", qErrorP99);
    put(m, "qErrorMax", qErrorMax);
    put(m, "spearmanCostRuntime", spearman);
    return m;
  }

  private static void put(java.util.Map<String, Object> m, String key, double v) {
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      m.put(key, v);
    }
  }

  public static ExecutionSummary of(SuiteResult suite) {
    int executed = 0;
    int[] by = new int[ExecStatus.values().length];
    List<Double> runtimes = new ArrayList<>();
    List<Double> costs = new ArrayList<>();
    List<Double> q = new ArrayList<>();
    for (QueryResult r : suite.queries()) {
      Execution x = r.execution();
      if (x == null) {
        continue;
      }
      executed++;
      by[x.status().ordinal()]++;
      if (x.runtimeMs() != null && r.cost() != null) {
        runtimes.add(x.runtimeMs());
        costs.add(r.cost().value());
      }
      x.nodes().forEach(n -> {
        if (!Double.isNaN(n.qError())) {
          q.add(n.qError());
        }
      });
    }
    double total = runtimes.stream().mapToDouble(Double::doubleValue).sum();
    return new ExecutionSummary(executed, by[ExecStatus.OK.ordinal()],
        by[ExecStatus.WRONG.ordinal()], by[ExecStatus.TIMED_OUT.ordinal()],
        by[ExecStatus.FAILED.ordinal()], by[ExecStatus.SQL_ERROR.ordinal()], total, EstimationError.median(runtimes), q.size(),
        EstimationError.median(q), EstimationError.percentile(q, 90),
        EstimationError.percentile(q, 99),
        q.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
        EstimationError.spearman(costs.stream().mapToDouble(Double::doubleValue).toArray(),
            runtimes.stream().mapToDouble(Double::doubleValue).toArray()));
  }
}
