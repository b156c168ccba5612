package org.planlab.planner.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoTimeoutException;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.DataContexts;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.util.CancelFlag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.optimize.EffortCounter;
import org.planlab.planner.optimize.OptimizeControl;
import org.planlab.planner.optimize.Optimized;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.phased.CalciteFailures;
import org.planlab.planner.plan.Cost;
import org.planlab.planner.plan.JoinCount;
import org.planlab.planner.plan.PlanSnapshot;
import org.planlab.planner.plan.PlanSnapshots;
import org.planlab.planner.result.QueryError;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.Stages;
import org.planlab.planner.result.StopReason;
import org.planlab.planner.cost.CalciteCostModel;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.parallel.Parallelizer;
import org.planlab.planner.result.ParallelTrace;
import org.planlab.planner.result.StageTime;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.WorkloadQuery;

/**
 * Plans queries against one schema with one optimizer configuration:
 * parse → validate → convert to relational algebra → optimize, timing each
 * stage and holding optimization to a time budget.
 *
 * <p>Conversion follows Calcite's JDBC path (sub-queries kept as
 * expressions, type flattening, decorrelation, field trimming), so that
 * {@code calcite-default} plans what Calcite's driver would. The budget is
 * enforced with Calcite's {@link CancelFlag}: when it runs out the planner
 * stops and returns the best plan found so far.
 *
 * <p>A session may be used from one thread at a time; Calcite's metadata
 * provider is bound to the planning thread.
 */
public final class PlanningSession {
  /**
   * Identifiers keep the case they are written in and match tables and
   * columns case-insensitively, so {@code lineitem}, {@code LINEITEM} and
   * {@code "lineitem"} all work. Public so that benchmarks can time parsing
   * alone with the parser planning uses.
   */
  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withConformance(SqlConformanceEnum.DEFAULT);

  private static final CalciteConnectionConfig CONNECTION_CONFIG;

  static {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    CONNECTION_CONFIG = new CalciteConnectionConfigImpl(p);
  }

  private static final RelOptTable.ViewExpander NO_VIEWS =
      (rowType, queryString, schemaPath, viewPath) -> {
        throw new UnsupportedOperationException("views are not supported");
      };

  private final StatisticsSchema schema;
  private final Optimizer optimizer;
  private final Duration budget;
  private final CostModel costModel;
  private final int dop;

  /** A session with Calcite's cost model and serial plans. */
  public PlanningSession(StatisticsSchema schema, Optimizer optimizer, Duration budget) {
    this(schema, optimizer, budget, CalciteCostModel.DEFAULT, 1);
  }

  /**
   * A session that prices plans with {@code costModel} and lets parallel
   * fragments use up to {@code dop} processes (1: serial plans only).
   */
  public PlanningSession(StatisticsSchema schema, Optimizer optimizer, Duration budget,
      CostModel costModel, int dop) {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget must be positive, got " + budget);
    }
    if (dop < 1) {
      throw new IllegalArgumentException("the degree of parallelism must be >= 1, got " + dop);
    }
    this.schema = schema;
    this.optimizer = optimizer;
    this.budget = budget;
    this.costModel = costModel;
    this.dop = dop;
  }

  public CostModel costModel() {
    return costModel;
  }

  /** The same session, pricing plans with {@code model} instead. */
  public PlanningSession withCostModel(CostModel model) {
    return new PlanningSession(schema, optimizer, budget, model, dop);
  }

  /** The most processes per parallel fragment; 1 for serial plans. */
  public int dop() {
    return dop;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public Duration budget() {
    return budget;
  }

  /** Plans one query. Never throws for bad SQL; the result says what went wrong. */
  public PlannedQuery plan(WorkloadQuery query) {
    Prepared p = prepare(query);
    return p.failed() != null ? p.failed() : optimize(p);
  }

  /**
   * A query parsed, validated and converted, ready to optimize once: what
   * a benchmark of optimization alone sets up before each measurement.
   * Exactly one of {@code failed} and {@code logical} is set.
   */
  public record Prepared(WorkloadQuery query, @Nullable PlannedQuery failed,
      @Nullable RelNode logical, @Nullable RelTraitSet desired, @Nullable RelOptPlanner planner,
      @Nullable OptimizeControl control, Stages stages) {
  }

  /** Parses, validates and converts {@code query}. */
  public Prepared prepare(WorkloadQuery query) {
    String sql = withoutTrailingSemicolons(query.sql());
    Stages stages = Stages.NONE;

    // Parse.
    StageClock clock = StageClock.start();
    SqlNode parsed;
    try {
      parsed = SqlParser.create(sql, PARSER_CONFIG).parseStmt();
    } catch (SqlParseException e) {
      SqlParserPos pos = e.getPos();
      return failedPrep(query, failed(query, stages.withParse(clock.stop()), "parse",
          parseMessage(e),
          pos == null ? 0 : pos.getLineNum(), pos == null ? 0 : pos.getColumnNum()));
    }
    stages = stages.withParse(clock.stop());

    // Validate.
    clock = StageClock.start();
    JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(PlanlabTypeSystem.INSTANCE);
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    root.add(schema.name(), schema);
    CalciteCatalogReader catalog = new CalciteCatalogReader(root, List.of(schema.name()),
        typeFactory, CONNECTION_CONFIG);
    SqlValidator validator = SqlValidatorUtil.newValidator(SqlStdOperatorTable.instance(),
        catalog, typeFactory, SqlValidator.Config.DEFAULT
            .withIdentifierExpansion(true)
            .withConformance(PARSER_CONFIG.conformance()));
    SqlNode validated;
    try {
      validated = validator.validate(parsed);
    } catch (CalciteContextException e) {
      return failedPrep(query, failed(query, stages.withValidate(clock.stop()), "validate",
          firstLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
          e.getPosLine(), e.getPosColumn()));
    } catch (RuntimeException | StackOverflowError e) {
      return failedPrep(query, failed(query, stages.withValidate(clock.stop()), "validate",
          describe(e), 0, 0));
    }
    stages = stages.withValidate(clock.stop());

    // Convert.
    clock = StageClock.start();
    OptimizeControl control = new OptimizeControl();
    EffortCounter effort = control.effort();
    RelOptPlanner planner = optimizer.newPlanner(
        costModel.joinCostModel() == null
            ? Contexts.of(new CancelFlag(control.cancelFlag()), CONNECTION_CONFIG, costModel)
            : Contexts.of(new CancelFlag(control.cancelFlag()), CONNECTION_CONFIG, costModel,
                costModel.joinCostModel()));
    planner.addListener(effort);
    planner.addListener(control.provenance());
    // As Calcite's JDBC path does, so that constant expressions fold.
    planner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
    RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
    cluster.setMetadataProvider(costModel.metadataProvider());
    RelNode logical;
    RelCollation rootCollation;
    try {
      SqlToRelConverter converter = new SqlToRelConverter(NO_VIEWS, validator, catalog, cluster,
          StandardConvertletTable.INSTANCE,
          SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
      RelRoot relRoot = converter.convertQuery(validated, false, true);
      RelNode rel = converter.flattenTypes(relRoot.rel, true);
      rel = converter.decorrelate(validated, rel);
      rel = trimUnusedFields(converter, !relRoot.collation.getFieldCollations().isEmpty(), rel);
      logical = relRoot.withRel(rel).project();
      rootCollation = outputCollation(relRoot);
    } catch (RuntimeException | StackOverflowError e) {
      return failedPrep(query, failed(query, stages.withConvert(clock.stop()), "convert",
          describe(e), 0, 0));
    }
    stages = stages.withConvert(clock.stop());

    // As Calcite's Prepare does: the result convention, and the ORDER BY's collation.
    RelTraitSet desired = logical.getTraitSet().replace(EnumerableConvention.INSTANCE)
        .replace(rootCollation).simplify();
    return new Prepared(query, null, logical, desired, planner, control, stages);
  }

  /**
   * {@code rel} without the fields no operator uses, or {@code rel} as it is
   * where Calcite's trimmer fails. It throws ArrayIndexOutOfBoundsException
   * on filters whose correlated subquery reads fields of a join below the
   * filter, and Mappings.NoElementException on an EXISTS filter below an
   * aggregate that keeps none of the filtered fields (its
   * {@code CorrelationReferenceFinder} remaps the correlation against the
   * trimmed row, where the correlated field may be gone); {@code planlab fuzz}
   * found both ({@link CalciteFailures#isKnownFailure}). Trimming only drops
   * unused fields, so the untrimmed plan is the same query, and the
   * optimizer's own projection rules still narrow it.
   */
  static RelNode trimUnusedFields(SqlToRelConverter converter, boolean ordered, RelNode rel) {
    try {
      return converter.trimUnusedFields(ordered, rel);
    } catch (RuntimeException | AssertionError e) {
      if (CalciteFailures.isKnownFailure(e)) {
        return rel;
      }
      throw e;
    }
  }

  /**
   * The ORDER BY's collation over the query's output fields. The root's
   * collation refers to the fields before the final projection; planlab
   * optimizes the projected plan, so each key is renumbered to its output
   * position. Where the query does not return some key, the plan's Sort
   * below the projection orders the rows and the projection keeps that
   * order, but Calcite derives no collation at all through a projection that
   * drops a sort key, so no order is required of the root.
   */
  static RelCollation outputCollation(RelRoot root) {
    List<RelFieldCollation> out = new ArrayList<>();
    for (RelFieldCollation fc : root.collation.getFieldCollations()) {
      int position = -1;
      for (int i = 0; i < root.fields.size(); i++) {
        if (root.fields.get(i).getKey() == fc.getFieldIndex()) {
          position = i;
          break;
        }
      }
      if (position < 0) {
        return RelCollations.EMPTY;
      }
      out.add(fc.withFieldIndex(position));
    }
    return RelCollations.of(out);
  }

  private static Prepared failedPrep(WorkloadQuery query, PlannedQuery failed) {
    return new Prepared(query, failed, null, null, null, null, failed.result().stages());
  }

  /** Optimizes a prepared query within the budget; call once per {@link Prepared}. */
  public PlannedQuery optimize(Prepared p) {
    if (p.failed() != null) {
      return p.failed();
    }
    WorkloadQuery query = p.query();
    RelNode logical = p.logical();
    RelTraitSet desired = p.desired();
    RelOptPlanner planner = p.planner();
    OptimizeControl control = p.control();
    EffortCounter effort = control.effort();
    Stages stages = p.stages();
    StageClock clock = StageClock.start();
    ScheduledFuture<?> timer = control.startQueryBudget(budget);
    Optimized optimized;
    try {
      optimized = optimizer.optimize(planner, logical, desired, control);
    } catch (RelOptPlanner.CannotPlanException | VolcanoTimeoutException e) {
      Stages s = stages.withOptimize(clock.stop());
      if (control.expired()) {
        return noPlanInBudget(query, s, logical, effort);
      }
      return failed(query, s, "optimize", firstLine(e.getMessage()), 0, 0, logical, effort);
    } catch (RuntimeException | StackOverflowError e) {
      Stages s = stages.withOptimize(clock.stop());
      if (control.expired() && e.getCause() instanceof VolcanoTimeoutException) {
        return noPlanInBudget(query, s, logical, effort);
      }
      return failed(query, s, "optimize", describe(e), 0, 0, logical, effort);
    } finally {
      timer.cancel(false);
    }
    boolean timedOut = control.expired();
    RelNode best = optimized.plan();
    RelNode serial = best;
    ParallelTrace parallel = null;
    if (dop > 1) {
      StageClock pass = StageClock.start();
      RelMetadataQuery mq = best.getCluster().getMetadataQuery();
      Cost serialCost = Cost.of(mq.getCumulativeCost(best));
      RelNode chosen = best;
      String error = null;
      try {
        chosen = Parallelizer.parallelize(best, costModel, dop);
      } catch (RuntimeException | AssertionError e) {
        // The serial plan stands; the trace says why it stayed serial.
        error = describe(e);
      }
      StageTime t = pass.stop();
      // The pass installs its own metadata query on the cluster: ask that one.
      parallel = new ParallelTrace(dop, t.wallMs(), t.cpuMs(), serialCost,
          Cost.of(chosen.getCluster().getMetadataQuery().getCumulativeCost(chosen)),
          chosen != best, error);
      if (chosen != best) {
        control.provenance().afterParallelPass(best, chosen);
      }
      best = chosen;
    }
    stages = stages.withOptimize(clock.stop());

    // Snapshots are the result's, not the optimizer's: taken after the clock stops.
    RelMetadataQuery mq = best.getCluster().getMetadataQuery();
    RelNode phase1 = optimized.phase1Plan();
    var origins = control.provenance();
    PlanSnapshot phase1Snapshot = phase1 == null || phase1 == serial ? null
        : PlanSnapshots.of(phase1, mq, origins::originOf);
    PlanSnapshot serialSnapshot = serial == best ? null
        : PlanSnapshots.of(serial, mq, origins::originOf);
    PlanSnapshot snapshot = PlanSnapshots.of(best, mq, origins::originOf);
    QueryResult result = new QueryResult(query.id(), query.source(), query.sql(),
        timedOut ? QueryStatus.TIMED_OUT : QueryStatus.PLANNED, null, JoinCount.inPlan(best), stages,
        snapshot.root().cumulativeCost(), effort.effort(),
        timedOut ? StopReason.BUDGET : StopReason.COMPLETED, snapshot, optimized.phases(),
        optimized.gate(), parallel, phase1Snapshot, serialSnapshot);
    return new PlannedQuery(result, logical, best, phase1Snapshot == null ? null : phase1,
        serialSnapshot == null ? null : serial);
  }

  private PlannedQuery noPlanInBudget(WorkloadQuery query, Stages stages, RelNode logical,
      EffortCounter effort) {
    QueryError error = new QueryError("optimize", "the budget of " + seconds(budget)
        + " ran out before the planner found a complete plan", 0, 0);
    QueryResult r = new QueryResult(query.id(), query.source(), query.sql(),
        QueryStatus.TIMED_OUT, error, JoinCount.inPlan(logical), stages, null, effort.effort(),
        StopReason.BUDGET, null, List.of(), null);
    return new PlannedQuery(r, logical, null);
  }

  private static PlannedQuery failed(WorkloadQuery query, Stages stages, String stage,
      String message, int line, int column) {
    return failed(query, stages, stage, message, line, column, null, null);
  }

  private static PlannedQuery failed(WorkloadQuery query, Stages stages, String stage,
      String message, int line, int column, @Nullable RelNode logical,
      @Nullable EffortCounter effort) {
    QueryResult r = new QueryResult(query.id(), query.source(), query.sql(), QueryStatus.FAILED,
        new QueryError(stage, message, line, column), logical == null ? 0 : JoinCount.inPlan(logical),
        stages, (Cost) null, effort == null ? null : effort.effort(),
        effort == null ? null : StopReason.ERROR, null, List.of(), null);
    return new PlannedQuery(r, logical, null);
  }

  /** The parser's first sentence, without the position it also reports separately. */
  private static String parseMessage(SqlParseException e) {
    if (e.getCause() instanceof IndexOutOfBoundsException) {
      // What Calcite's parser throws for text without a statement (empty, comments only).
      return "no SQL statement in the query text";
    }
    String first = firstLine(e.getMessage());
    return first.replaceFirst(" at line \\d+, column \\d+\\.?$", "");
  }

  private static String describe(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "the query is nested too deeply for the planner's stack (raise -Xss)";
    }
    if (System.getenv("PLANLAB_DEBUG") != null) {
      e.printStackTrace();
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      msg += ": caused by " + root.getClass().getSimpleName()
          + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()));
    }
    return msg;
  }

  static String firstLine(@Nullable String s) {
    if (s == null) {
      return "(no message)";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }

  /** Drops a trailing {@code ;} (and whitespace), which Calcite's parser refuses. */
  static String withoutTrailingSemicolons(String sql) {
    String s = sql.stripTrailing();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    return s;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : (d.toMillis() / 1000.0) + " s";
  }
}
