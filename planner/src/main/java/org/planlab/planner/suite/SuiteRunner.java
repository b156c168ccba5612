package org.planlab.planner.suite;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.planlab.planner.result.Environment;
import org.planlab.planner.result.QueryError;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.Stages;
import org.planlab.planner.result.StopReason;
import org.planlab.planner.result.CostModelInfo;
import org.planlab.planner.result.SuiteResult;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.WorkloadQuery;

/**
 * Plans a list of queries one after another and collects a
 * {@link SuiteResult}.
 *
 * <p>Each query is planned on a worker thread. The session's budget stops
 * the planner through Calcite's cancel flag; should a planner not check the
 * flag (a long Hep pass, a metadata computation), the runner waits
 * {@link #GRACE} more, records the query as timed out without a plan, leaves
 * that thread behind and goes on, so that no query hangs the suite.
 */
public final class SuiteRunner {
  /** How long past its budget a query may run before it is abandoned. */
  public static final Duration GRACE = Duration.ofSeconds(10);

  /** Told about each query as the suite runs. */
  public interface Listener {
    default void started(int index, int total, WorkloadQuery query) {
    }

    /** {@code soFar} holds every result up to and including this one. */
    default void finished(int index, int total, QueryResult result, SuiteResult soFar) {
    }
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String suite;
  private final double scaleFactor;
  private final PlanningSession session;
  private final org.planlab.planner.exec.@org.checkerframework.checker.nullness.qual.Nullable
      QueryExecutor executor;

  public SuiteRunner(String suite, double scaleFactor, PlanningSession session) {
    this(suite, scaleFactor, session, null);
  }

  private final boolean inject;

  private SuiteRunner(String suite, double scaleFactor, PlanningSession session,
      org.planlab.planner.exec.@org.checkerframework.checker.nullness.qual.Nullable
          QueryExecutor executor) {
    this(suite, scaleFactor, session, executor, false);
  }

  private SuiteRunner(String suite, double scaleFactor, PlanningSession session,
      org.planlab.planner.exec.@org.checkerframework.checker.nullness.qual.Nullable
          QueryExecutor executor, boolean inject) {
    this.suite = suite;
    this.scaleFactor = scaleFactor;
    this.session = session;
    this.executor = executor;
    this.inject = inject;
  }

  /** This runner, executing each plan after planning it (on the same thread). */
  public SuiteRunner executing(org.planlab.planner.exec.QueryExecutor e) {
    return new SuiteRunner(suite, scaleFactor, session, e, false);
  }

  /**
   * This runner, executing each plan, then planning the query again with
   * the cardinalities measured in that run and executing that plan too
   * ({@code --inject-cardinalities}).
   */
  public SuiteRunner executingWithInjection(org.planlab.planner.exec.QueryExecutor e) {
    return new SuiteRunner(suite, scaleFactor, session, e, true);
  }

  private QueryResult planAndExecute(WorkloadQuery q) {
    if (executor == null) {
      return session.plan(q).result();
    }
    org.planlab.planner.session.PlannedQuery p = executor.execute(session.plan(q));
    if (!inject) {
      return p.result();
    }
    return org.planlab.planner.exec.Injection.replan(session, executor, q, p).result();
  }

  /** How long a query may take on its thread before it is abandoned. */
  private long patienceMillis() {
    long ms = session.budget().plusMillis(GRACE.toMillis()).toMillis();
    if (executor != null) {
      // Warm-up and timed runs, the instrumented run, phase 1's and the serial plan's.
      ms += executor.options().timeout().toMillis()
          * (executor.options().warmups() + executor.options().runs() + 3) * (inject ? 2 : 1);
      ms += inject ? session.budget().toMillis() : 0;
    }
    return ms;
  }

  public SuiteResult run(List<WorkloadQuery> queries, Listener listener) {
    Instant started = Instant.now();
    Environment env = Environment.current();
    List<QueryResult> results = new ArrayList<>();
    ExecutorService worker = newWorker();
    try {
      for (int i = 0; i < queries.size(); i++) {
        WorkloadQuery q = queries.get(i);
        listener.started(i, queries.size(), q);
        QueryResult r;
        Future<QueryResult> f = worker.submit(() -> planAndExecute(q));
        try {
          r = f.get(patienceMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          f.cancel(true);
          worker.shutdownNow();
          worker = newWorker();
          r = abandoned(q);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          r = new QueryResult(q.id(), q.source(), q.sql(), QueryStatus.FAILED,
              new QueryError("internal", String.valueOf(cause), 0, 0), 0, Stages.NONE, null, null,
              StopReason.ERROR, null, List.of(), null);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        results.add(r);
        listener.finished(i, queries.size(), r, result(env, started, results));
      }
    } finally {
      worker.shutdownNow();
    }
    return result(env, started, results);
  }

  /** A suite result of this runner's suite and configuration for results gathered elsewhere. */
  public SuiteResult resultOf(Instant started, List<QueryResult> results) {
    return result(Environment.current(), started, results);
  }

  private SuiteResult result(Environment env, Instant started, List<QueryResult> results) {
    return new SuiteResult(SuiteResult.FORMAT, suite, scaleFactor, session.optimizer().name(),
        session.budget().toMillis() / 1000.0, env, started, Instant.now(), results,
        CostModelInfo.of(session.costModel()), session.dop());
  }

  private QueryResult abandoned(WorkloadQuery q) {
    return new QueryResult(q.id(), q.source(), q.sql(), QueryStatus.TIMED_OUT,
        new QueryError("optimize", "the planner did not stop within " + GRACE.toSeconds()
            + " s after its budget ran out; it was abandoned without a plan", 0, 0),
        0, Stages.NONE, null, null, StopReason.BUDGET, null, List.of(), null);
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      // Calcite recurses deeply on large queries; give planning a big stack.
      Thread t = new Thread(null, r, "planlab-planner-" + THREADS.incrementAndGet(), 256L << 20);
      t.setDaemon(true);
      return t;
    });
  }
}
