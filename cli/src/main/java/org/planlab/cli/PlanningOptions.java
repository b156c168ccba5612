package org.planlab.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.phased.ConfigFile;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.UnknownQueryException;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

import picocli.CommandLine.Option;

/** Options every planning command shares. */
final class PlanningOptions {
  @Option(names = "--sf", paramLabel = "N", defaultValue = "1",
      description = "Scale factor of the statistics (default: ${DEFAULT-VALUE}); any N > 0.")
  double scaleFactor;

  @Option(names = "--config", paramLabel = "NAME", defaultValue = Optimizers.DEFAULT,
      description = "Optimizer configuration (default: ${DEFAULT-VALUE}): a built-in name "
          + "('planlab list' shows them) or a JSON or YAML configuration file.")
  String config;

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
      description = "Optimization budget per query in seconds (default: ${DEFAULT-VALUE}). "
          + "A query that runs out keeps its best plan so far and is marked timed-out.")
  double timeoutSeconds;

  Workload workload(String suite) {
    try {
      return Workloads.byName(suite);
    } catch (UnknownQueryException e) {
      throw new UserError(e.getMessage());
    }
  }

  Optimizer optimizer() {
    return optimizer(config);
  }

  /** A built-in configuration by name, or a configuration file. */
  Optimizer optimizer(String name) {
    if (ConfigFile.looksLikeFile(name)) {
      try {
        return ConfigFile.load(java.nio.file.Path.of(name));
      } catch (ConfigFile.ConfigException e) {
        throw new UserError(e.getMessage());
      }
    }
    try {
      return Optimizers.byName(name);
    } catch (UnknownQueryException e) {
      throw new UserError(e.getMessage());
    }
  }

  StatisticsSchema schema(Workload workload) {
    if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
      throw new UserError("--sf must be a number > 0, got " + scaleFactor);
    }
    return workload.schema(scaleFactor);
  }

  /** The suite's queries with these ids, or all of them when there are none. */
  static List<WorkloadQuery> queries(Workload workload, List<String> ids) {
    if (ids.isEmpty()) {
      return workload.queries();
    }
    List<WorkloadQuery> list = new ArrayList<>();
    for (String id : ids) {
      try {
        list.add(workload.query(id));
      } catch (UnknownQueryException e) {
        throw new UserError(e.getMessage());
      }
    }
    return list;
  }

  Duration budget() {
    if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds)) {
      throw new UserError("--timeout must be a number of seconds > 0, got " + timeoutSeconds);
    }
    return Duration.ofNanos((long) (timeoutSeconds * 1e9));
  }
}
