package org.planlab.planner.parallel;

/**
 * PostgreSQL's parallel costing ({@code costsize.c}, {@code allpaths.c}),
 * as pure functions of a model's {@link ParallelCosts}.
 *
 * <p>planlab counts a parallel fragment's <em>degree</em> as the processes
 * that run it: its workers plus the leader, which PostgreSQL lets take part
 * ({@code parallel_leader_participation = on}). A degree of 1 is serial.
 */
public final class ParallelCosting {
  private ParallelCosting() {
  }

  /**
   * How many times faster a fragment with {@code workers} workers runs than
   * one process: each worker counts fully, and the leader counts for the
   * time it has left after serving the workers, 30 % per worker
   * ({@code get_parallel_divisor}). 1.7, 2.4 and 3.1 for 1 to 3 workers;
   * from 4 workers on, the leader is busy and the divisor is the worker
   * count. 1 for 0 workers, so a serial plan is its own parallel plan.
   */
  public static double divisor(int workers) {
    if (workers < 0) {
      throw new IllegalArgumentException("workers must be >= 0, got " + workers);
    }
    return workers + Math.max(0.0, 1.0 - 0.3 * workers);
  }

  /** The divisor of a fragment of {@code degree} processes (workers plus leader). */
  public static double divisorOfDegree(int degree) {
    return divisor(Math.max(0, degree - 1));
  }

  /**
   * The workers a scan of {@code pages} gets, at most {@code maxWorkers}:
   * none below {@code minScanPages}, one from there, and one more each time
   * the table triples in size ({@code compute_parallel_worker}).
   */
  public static int workersForScan(double pages, double minScanPages, int maxWorkers) {
    if (maxWorkers <= 0 || pages < minScanPages) {
      return 0;
    }
    int workers = 1;
    double threshold = Math.max(1.0, minScanPages);
    while (pages >= threshold * 3 && workers < maxWorkers) {
      workers++;
      threshold *= 3;
    }
    return Math.min(workers, maxWorkers);
  }

  /**
   * Gather's own cost for {@code rows} gathered rows: the setup, plus the
   * transfer of every row ({@code cost_gather}).
   */
  public static double gather(ParallelCosts c, double rows) {
    return c.setup() + c.tuple() * rows;
  }

  /**
   * Gather Merge's own cost for {@code rows} rows from {@code workers}
   * workers and the leader: Gather's, with 5 % more per row because it must
   * wait for every process, plus a binary heap over the N = workers + 1
   * sorted streams: building it (N log2 N comparisons), one sift per row
   * (log2 N comparisons), and a small per-row overhead
   * ({@code cost_gather_merge}; a comparison costs 2 operators).
   */
  public static double gatherMerge(ParallelCosts c, double rows, int workers) {
    double n = workers + 1.0;
    double logN = Math.log(n) / Math.log(2);
    double comparison = 2 * c.operator();
    return c.setup() + comparison * n * logN + rows * comparison * logN + c.operator() * rows
        + c.tuple() * rows * 1.05;
  }

  /**
   * A hash Exchange's own cost per process for {@code rows} rows per process:
   * each row is hashed and passed to the process that owns its hash, at
   * Gather's transfer cost. PostgreSQL has no Exchange; this is planlab's
   * extension of its constants, with no setup cost of its own (the
   * fragment's Gather pays for starting the workers).
   */
  public static double exchange(ParallelCosts c, double rows) {
    return (c.tuple() + c.operator()) * rows;
  }
}
