package org.planlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.exec.DataStatistics;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.exec.Datasets;
import org.planlab.planner.exec.QueryExecutor;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.Workload;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options of commands that execute plans on generated data. */
final class ExecutionOptions {
  /** The scale factor of executed runs when --sf is not given. */
  static final double DEFAULT_SF = 0.01;

  @Option(names = "--execute",
      description = "Also execute every plan on data generated at the scale factor (default "
          + "then 0.01), with Calcite's Enumerable engine: runtime (median of --runs after "
          + "--warmups), rows, each operator's actual rows and q-error, and answer checks "
          + "(the reference answer where the suite ships one, phase 1's and the serial "
          + "plan's answers).")
  boolean execute;

  @Option(names = "--inject-cardinalities",
      description = "With --execute (implied): plan each query again with the cardinalities "
          + "measured when its plan ran (every scan, filter and inner join of the plan; the "
          + "join enumerators use them for the join subsets they know), and execute that plan "
          + "too, to see how much plan quality estimation alone costs. Plans serially (dop 1).")
  boolean inject;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
      description = "Timed runs per plan with --execute (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--warmups", paramLabel = "N", defaultValue = "1",
      description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
  int warmups;

  @Option(names = "--exec-timeout", paramLabel = "S", defaultValue = "60",
      description = "Longest one run may take, in seconds (default: ${DEFAULT-VALUE}); a plan "
          + "that runs longer is stopped, reported as timed-out, and the run goes on.")
  double execTimeoutSeconds;

  @Option(names = "--stats", paramLabel = "SOURCE", defaultValue = "spec",
      description = "Where the planner's statistics come from: spec (default; the suite's "
          + "generation rules at the scale factor) or data (read off the generated data: row "
          + "counts, exact distinct counts, ranges, NULLs).")
  String stats;

  private @Nullable Dataset data;

  /** True if plans are executed: --execute, or --inject-cardinalities, which implies it. */
  boolean executes() {
    return execute || inject;
  }

  /** True if this command needs generated data. */
  boolean needsData() {
    checkStats();
    return executes() || stats.equals("data");
  }

  private void checkStats() {
    if (!stats.equals("spec") && !stats.equals("data")) {
      throw new UserError("--stats must be spec or data, not '" + stats + "'");
    }
  }

  /** With --execute or --stats data and no --sf, the scale factor executed runs default to. */
  void defaultScaleFactor(CommandSpec spec, PlanningOptions planning) {
    if (needsData() && !spec.commandLine().getParseResult().hasMatchedOption("--sf")) {
      planning.scaleFactor = DEFAULT_SF;
    }
  }

  /** The data at the planning scale factor, generated (once per process) with progress. */
  Dataset data(Workload workload, double sf, @Nullable PrintWriter progress) {
    if (data != null) {
      return data;
    }
    if (workload.data().isEmpty()) {
      throw new UserError("suite " + workload.name() + " has no data generator; it cannot be "
          + "executed");
    }
    try {
      Datasets.checkMemory(workload, sf);
    } catch (Datasets.DataTooLargeException e) {
      throw new UserError(e.getMessage());
    }
    long start = System.nanoTime();
    boolean cached = Datasets.isCached(workload, sf);
    if (progress != null) {
      progress.printf(Locale.ROOT, cached ? "planlab: %s data at sf %s (generated earlier)%n"
          : "planlab: generating %s data at sf %s:", workload.name(), sf);
      progress.flush();
    }
    try {
      data = Datasets.of(workload, sf, (table, i, n, rows) -> {
        if (progress != null) {
          progress.printf(Locale.ROOT, " %s %,d%s", table, rows, i + 1 < n ? "," : "");
          progress.flush();
        }
      });
    } catch (Datasets.DataTooLargeException e) {
      if (progress != null) {
        progress.println();
      }
      throw new UserError(e.getMessage());
    }
    if (progress != null && !cached) {
      progress.printf(Locale.ROOT, " (%s)%n", SuiteTable.duration((System.nanoTime() - start)
          / 1e6));
    }
    return data;
  }

  /** The schema to plan against: the suite's statistics, or the data's with --stats data. */
  StatisticsSchema schema(Workload workload, PlanningOptions planning,
      @Nullable PrintWriter progress) {
    checkStats();
    if (stats.equals("data")) {
      return DataStatistics.schema(data(workload, planning.scaleFactor, progress));
    }
    return planning.schema(workload);
  }

  /** The executor for --execute. */
  QueryExecutor executor(Workload workload, double sf, @Nullable PrintWriter progress) {
    if (runs < 1) {
      throw new UserError("--runs must be at least 1, got " + runs);
    }
    if (warmups < 0) {
      throw new UserError("--warmups must be 0 or more, got " + warmups);
    }
    if (!(execTimeoutSeconds > 0) || Double.isInfinite(execTimeoutSeconds)) {
      throw new UserError("--exec-timeout must be a number of seconds > 0, got "
          + execTimeoutSeconds);
    }
    return new QueryExecutor(data(workload, sf, progress), workload.data().orElse(null),
        new QueryExecutor.Options(warmups, runs,
            Duration.ofMillis((long) (execTimeoutSeconds * 1000))));
  }
}
