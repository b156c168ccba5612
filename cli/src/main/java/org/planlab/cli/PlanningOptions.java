package org.planlab.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.planlab.planner.cost.CalciteCostModel;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.phased.ConfigFile;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.UnknownQueryException;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

import picocli.CommandLine.Option;

/** Options every planning command shares. */
final class PlanningOptions {
  @Option(names = "--sf", paramLabel = "N", defaultValue = "1",
      description = "Scale factor of the statistics (default: ${DEFAULT-VALUE}); any N > 0. "
          + "In run and compare, also of the data with --execute or --stats data "
          + "(default there: 0.01).")
  double scaleFactor;

  @Option(names = "--config", paramLabel = "NAME", defaultValue = Optimizers.DEFAULT,
      description = "Optimizer configuration (default: ${DEFAULT-VALUE}): a built-in name "
          + "('planlab list' shows them) or a JSON or YAML configuration file.")
  String config;

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
      description = "Optimization budget per query in seconds (default: ${DEFAULT-VALUE}). "
          + "A query that runs out keeps its best plan so far and is marked timed-out.")
  double timeoutSeconds;

  @Option(names = "--cost-model", paramLabel = "NAME",
      description = "Cost model: calcite (default; Calcite's own, rows processed) or pg "
          + "(PostgreSQL's formulas and constants); a configuration file may name one.")
  String costModel;

  @Option(names = "--cost", paramLabel = "NAME=VALUE",
      description = "Override a constant of the cost model, e.g. --cost random_page_cost=1.1 "
          + "(repeatable; 'planlab list' shows the constants).")
  java.util.Map<String, String> constants = new java.util.LinkedHashMap<>();

  @Option(names = "--dop", paramLabel = "N", defaultValue = "2", split = ",",
      description = "Degree of parallelism: the most processes (workers plus the leader) a "
          + "parallel fragment may use (default: ${DEFAULT-VALUE}); 1 plans serially. "
          + "'planlab sweep' takes a list, e.g. 1,2,4,8.")
  List<Integer> dops = new ArrayList<>(List.of(2));

  @Option(names = "--parallel", paramLabel = "on|off", defaultValue = "on",
      description = "off keeps serial plans, whatever --dop says (default: ${DEFAULT-VALUE}).")
  String parallel;

  private @org.checkerframework.checker.nullness.qual.Nullable CostModel resolvedModel;

  /**
   * The cost model: --cost-model, else the configuration file's, else
   * Calcite's; with the --cost overrides.
   */
  CostModel costModel() {
    if (resolvedModel != null) {
      return resolvedModel;
    }
    CostModel base = CalciteCostModel.DEFAULT;
    if (costModel != null) {
      base = namedModel(costModel);
    } else if (ConfigFile.looksLikeFile(config)) {
      CostModel fromFile = optimizer(config, CalciteCostModel.DEFAULT).costModel();
      base = fromFile != null ? fromFile : base;
    }
    resolvedModel = withOverrides(base);
    return resolvedModel;
  }

  /** The cost model with this name and the --cost overrides. */
  CostModel costModel(String name) {
    return withOverrides(namedModel(name));
  }

  private static CostModel namedModel(String name) {
    try {
      return CostModels.byName(name);
    } catch (UnknownQueryException e) {
      throw new UserError(e.getMessage());
    }
  }

  private CostModel withOverrides(CostModel base) {
    java.util.Map<String, Double> overrides = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, String> e : constants.entrySet()) {
      try {
        overrides.put(e.getKey(), Double.parseDouble(e.getValue().trim()));
      } catch (NumberFormatException ex) {
        throw new UserError("--cost " + e.getKey() + "=" + e.getValue() + ": not a number");
      }
    }
    try {
      return base.withConstants(overrides);
    } catch (IllegalArgumentException e) {
      throw new UserError("--cost: " + e.getMessage());
    }
  }

  /** The degree of parallelism to plan with: --dop, or 1 with --parallel off. */
  int dop() {
    List<Integer> d = dops();
    if (d.size() != 1) {
      throw new UserError("--dop takes one degree here, got " + dops
          + "; 'planlab sweep SUITE --dop 1,2,4,8' compares several");
    }
    return d.get(0);
  }

  /** The degrees given, each checked; [1] with --parallel off. */
  List<Integer> dops() {
    String p = parallel.trim().toLowerCase(java.util.Locale.ROOT);
    if (!p.equals("on") && !p.equals("off")) {
      throw new UserError("--parallel must be on or off, got '" + parallel + "'");
    }
    for (int d : dops) {
      if (d < 1) {
        throw new UserError("--dop must be a whole number >= 1, got " + d);
      }
      if (d > 64) {
        throw new UserError("--dop must be at most 64, got " + d);
      }
    }
    if (dops.stream().distinct().count() != dops.size()) {
      throw new UserError("--dop names a degree twice: " + dops);
    }
    return p.equals("off") ? List.of(1) : List.copyOf(dops);
  }

  /** A session for {@code optimizer} with these options' schema, budget, cost model and degree. */
  PlanningSession session(StatisticsSchema schema, Optimizer optimizer) {
    return session(schema, optimizer, dop());
  }

  PlanningSession session(StatisticsSchema schema, Optimizer optimizer, int degree) {
    return session(schema, optimizer, costModel(), degree);
  }

  PlanningSession session(StatisticsSchema schema, Optimizer optimizer, CostModel model,
      int degree) {
    return new PlanningSession(schema, optimizer, budget(), model, degree);
  }

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

  /** A built-in configuration by name (its gate in the cost model's units), or a file. */
  Optimizer optimizer(String name) {
    return optimizer(name, ConfigFile.looksLikeFile(name) ? CalciteCostModel.DEFAULT
        : costModel());
  }

  /** A configuration by name with its gate in {@code model}'s units, or a file. */
  Optimizer optimizer(String name, CostModel model) {
    if (ConfigFile.looksLikeFile(name)) {
      try {
        return ConfigFile.load(java.nio.file.Path.of(name));
      } catch (ConfigFile.ConfigException e) {
        throw new UserError(e.getMessage());
      }
    }
    try {
      return Optimizers.byName(name, model);
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
