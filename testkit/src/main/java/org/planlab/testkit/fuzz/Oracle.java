package org.planlab.testkit.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlExplainLevel;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.exec.Datasets;
import org.planlab.planner.exec.ExecutionCancelledException;
import org.planlab.planner.exec.PlanExecutor;
import org.planlab.planner.exec.ResultRows;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.plan.Cost;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.session.PlannedQuery;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;

/**
 * Checks a query against planlab's planning and answer properties:
 * <ul>
 *   <li>planning ends within the budget with a plan or a user-facing error,
 *       never an internal exception (in any phase, or the parallel pass);</li>
 *   <li>the final plan costs no more than phase 1's;</li>
 *   <li>planning the query again gives the same plan;</li>
 *   <li>every plan (each combination's final plan, and its phase 1 and serial
 *       plans where those are others) returns the same multiset of rows on
 *       the workload's generated data: a differential oracle;</li>
 *   <li>the query partitioned by a predicate (true, false, unknown) returns
 *       the same rows as the query: ternary logic partitioning.</li>
 * </ul>
 * A query the validator rejects is reported too, since the generator
 * promises valid SQL. Runs past the execution timeout or row cap are
 * counted as slow and left out of the comparison, not reported.
 *
 * <p>Every operator of a compiled plan checks the time limit as its rows
 * pass ({@link PlanExecutor#compile(RelNode, boolean)}): a run stuck
 * building a hash table or a distinct set stops at the limit instead of
 * filling the heap. Within one check, a plan identical to one already run
 * (same operators, expressions and row type) reuses its rows: the same plan
 * compiles to the same code.
 */
public final class Oracle {

  /** A configuration, cost model and degree of parallelism to plan under. */
  public record Combo(String config, String costModel, int dop) {
    public String label() {
      return config + "/" + costModel + "/dop" + dop;
    }

    /** Parses {@link #label()}. */
    public static Combo parse(String label) {
      String[] p = label.trim().split("/");
      if (p.length != 3 || !p[2].startsWith("dop")) {
        throw new IllegalArgumentException("not a combination: '" + label
            + "' (expected CONFIG/COST-MODEL/dopN, e.g. two-phase/pg/dop4)");
      }
      return new Combo(p[0], p[1], Integer.parseInt(p[2].substring(3)));
    }

    @Override
    public String toString() {
      return label();
    }
  }

  /** Every built-in configuration under every cost model, serial and at {@code dop}. */
  public static List<Combo> allCombos(int dop) {
    List<Combo> out = new ArrayList<>();
    for (Optimizer o : Optimizers.all()) {
      for (CostModel m : CostModels.all()) {
        out.add(new Combo(o.name(), m.name(), 1));
        if (dop > 1) {
          out.add(new Combo(o.name(), m.name(), dop));
        }
      }
    }
    return List.copyOf(out);
  }

  /** What went wrong. */
  public enum Kind {
    /** The generator's query was refused as invalid SQL. */
    REJECTED("rejected"),
    /** An internal exception in planning or execution. */
    CRASH("crash"),
    /** Planning ran far past its budget. */
    HANG("hang"),
    /** The final plan costs more than phase 1's. */
    COST("cost"),
    /** The same query planned twice gave two plans. */
    NONDETERMINISTIC("nondeterministic"),
    /** Two plans of the query returned different rows. */
    MISMATCH("mismatch"),
    /** The partitioned query returned other rows than the query. */
    PARTITIONING("partitioning");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One property that did not hold. */
  public record Finding(Kind kind, String where, String detail) {
    public String describe() {
      return kind.label() + " (" + where + "): " + detail;
    }
  }

  /**
   * What checking one query gave.
   *
   * @param findings the properties that did not hold (empty: all held)
   * @param plans plannings done
   * @param executions plan runs compared
   * @param reused plans identical to one already run, whose rows were reused
   * @param slow plan runs left out for passing the timeout or the row cap
   * @param budgetStops plannings stopped at their budget
   * @param planMillis time spent planning
   * @param execMillis time spent compiling and running plans
   */
  public record Outcome(List<Finding> findings, int plans, int executions, int reused, int slow,
      int budgetStops, double planMillis, double execMillis) {
    public boolean passed() {
      return findings.isEmpty();
    }
  }

  /**
   * How to check.
   *
   * @param budget each planning's budget
   * @param execTimeout the most one plan run may take
   * @param maxRows the most rows one plan run may return
   */
  public record Settings(Duration budget, Duration execTimeout, int maxRows) {
    public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5),
        Duration.ofSeconds(3), 100_000);
  }

  /** How far past its budget planning may run before it counts as a hang. */
  static final Duration HANG_GRACE = Duration.ofSeconds(10);

  private final Workload workload;
  private final StatisticsSchema schema;
  private final Dataset data;
  private final Settings settings;
  private final Map<Combo, PlanningSession> sessions = new ConcurrentHashMap<>();

  /** An oracle over {@code workload}'s data at scale factor {@code sf}, generated here. */
  public Oracle(Workload workload, double sf, Settings settings, Dataset.Progress progress) {
    this.workload = workload;
    this.schema = workload.schema(sf);
    this.data = Datasets.of(workload, sf, progress);
    this.settings = settings;
  }

  public Workload workload() {
    return workload;
  }

  /** The tables, with the row counts of the data queries run on. */
  public StatisticsSchema schema() {
    return schema;
  }

  public Settings settings() {
    return settings;
  }

  private PlanningSession session(Combo combo) {
    return sessions.computeIfAbsent(combo, k -> {
      CostModel model = CostModels.byName(k.costModel());
      return new PlanningSession(schema, Optimizers.byName(k.config(), model),
          settings.budget(), model, k.dop());
    });
  }

  /**
   * Checks {@code sql} under {@code combos} (at least one), partitioned by
   * {@code tlpPredicate} if not null; the first combination is also planned
   * twice when {@code determinism}.
   */
  public Outcome check(String sql, @Nullable String tlpPredicate, List<Combo> combos,
      boolean determinism) {
    Check c = new Check();
    List<Answer> answers = new ArrayList<>();
    PlannedQuery first = null;
    for (Combo combo : combos) {
      PlannedQuery p = c.plan(combo, combo.label(), sql);
      if (p == null) {
        continue;
      }
      if (first == null) {
        first = p;
        if (determinism && p.result().status() == QueryStatus.PLANNED) {
          PlannedQuery again = c.plan(combo, combo.label(), sql);
          if (again != null && again.result().status() == QueryStatus.PLANNED) {
            String a = PlanText.render(p.result().plan());
            String b = PlanText.render(again.result().plan());
            if (!a.equals(b)) {
              c.found(Kind.NONDETERMINISTIC, combo.label(),
                  "the second planning gave another plan:\n" + a + "\n--- then ---\n" + b);
            }
          }
        }
      }
      c.answer(answers, combo.label(), p.plan());
      c.answer(answers, combo.label() + " phase 1", p.phase1Plan());
      c.answer(answers, combo.label() + " serial", p.serialPlan());
    }
    for (int i = 1; i < answers.size(); i++) {
      Answer a = answers.get(0);
      Answer b = answers.get(i);
      String diff = ResultRows.multisetDiff(a.rows, b.rows, a.where, b.where, 5);
      if (diff != null) {
        c.found(Kind.MISMATCH, b.where, diff);
        break;
      }
    }
    if (tlpPredicate != null && first != null && !answers.isEmpty()) {
      Combo combo = combos.get(0);
      PlannedQuery p = c.plan(combo, combo.label() + " partitioned",
          GeneratedQuery.partitioned(sql, tlpPredicate));
      if (p != null) {
        List<Answer> parts = new ArrayList<>();
        c.answer(parts, combo.label() + " partitioned", p.plan());
        Answer q = answers.get(0);
        if (!parts.isEmpty()) {
          String diff = ResultRows.multisetDiff(q.rows, parts.get(0).rows, q.where,
              "partitioned by " + tlpPredicate, 5);
          if (diff != null) {
            c.found(Kind.PARTITIONING, combo.label(), diff);
          }
        }
      }
    }
    return new Outcome(List.copyOf(c.findings), c.plans, c.executions, c.reused, c.slow,
        c.budgetStops,
        c.planNanos / 1e6, c.execNanos / 1e6);
  }

  private record Answer(String where, List<List<String>> rows) {
  }

  /** The counts and findings of one check. */
  private final class Check {
    final List<Finding> findings = new ArrayList<>();
    int plans;
    int executions;
    int reused;
    int slow;
    int budgetStops;
    long planNanos;
    long execNanos;
    /** Rows by plan key; null rows: the plan ran slow. */
    final Map<String, @Nullable List<List<String>>> runs = new java.util.HashMap<>();

    void found(Kind kind, String where, String detail) {
      findings.add(new Finding(kind, where, detail));
    }

    /** The query planned under {@code combo}; null if it has no plan to run. */
    @Nullable PlannedQuery plan(Combo combo, String where, String sql) {
      PlanningSession session = session(combo);
      long start = System.nanoTime();
      PlannedQuery p;
      plans++;
      try {
        p = session.plan(new WorkloadQuery("fuzz", "generated", sql));
      } catch (RuntimeException | AssertionError | StackOverflowError e) {
        found(Kind.CRASH, where, "planning threw " + describe(e));
        return null;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      planNanos += took.toNanos();
      if (took.compareTo(settings.budget().plus(HANG_GRACE)) > 0) {
        found(Kind.HANG, where, String.format(Locale.ROOT,
            "planning took %.1f s against a budget of %.1f s", took.toMillis() / 1000.0,
            settings.budget().toMillis() / 1000.0));
      }
      QueryResult r = p.result();
      if (r.status() == QueryStatus.FAILED) {
        String stage = r.error() == null ? "?" : r.error().stage();
        String message = r.error() == null ? "(no message)" : r.error().message();
        if (stage.equals("parse") || stage.equals("validate")) {
          found(Kind.REJECTED, where, stage + ": " + message);
        } else {
          found(Kind.CRASH, where, stage + ": " + message);
        }
        return null;
      }
      if (r.status() == QueryStatus.TIMED_OUT) {
        budgetStops++;
      }
      for (PhaseTrace phase : r.phases()) {
        if (phase.error() != null) {
          found(Kind.CRASH, where, "phase " + phase.name() + ": " + phase.error());
        }
      }
      if (r.parallel() != null && r.parallel().error() != null) {
        found(Kind.CRASH, where, "parallel pass: " + r.parallel().error());
      }
      if (r.phases().size() > 1 && r.phases().get(0).costAfter() != null
          && r.serialCost() != null && r.status() == QueryStatus.PLANNED) {
        Cost phase1 = r.phases().get(0).costAfter();
        Cost last = r.serialCost();
        if (last.value() > phase1.value() * (1 + 1e-9) + 1e-9) {
          found(Kind.COST, where, String.format(Locale.ROOT,
              "the final plan costs %s, phase 1's %s", PlanText.number(last.value()),
              PlanText.number(phase1.value())));
        }
      }
      return p.plan() == null ? null : p;
    }

    /**
     * Runs {@code plan} and adds its rows to {@code answers}; a slow run adds
     * nothing. A plan identical to one run before in this check is not run again.
     */
    void answer(List<Answer> answers, String where, @Nullable RelNode plan) {
      if (plan == null) {
        return;
      }
      String key = planKey(plan);
      if (runs.containsKey(key)) {
        reused++;
        List<List<String>> rows = runs.get(key);
        if (rows != null) {
          answers.add(new Answer(where, rows));
        }
        return;
      }
      long start = System.nanoTime();
      try {
        PlanExecutor.Run run = PlanExecutor.run(PlanExecutor.compile(plan, false), data,
            settings.execTimeout(), settings.maxRows());
        executions++;
        List<List<String>> rows = ResultRows.text(run.rows(), plan.getRowType());
        runs.put(key, rows);
        answers.add(new Answer(where, rows));
      } catch (ExecutionCancelledException e) {
        slow++;
        runs.put(key, null);
      } catch (ArithmeticException e) {
        executions++;
        List<List<String>> rows = List.of(List.of("error: arithmetic"));
        runs.put(key, rows);
        answers.add(new Answer(where, rows));
      } catch (RuntimeException | AssertionError | StackOverflowError
          | ExceptionInInitializerError e) {
        found(Kind.CRASH, where, "execution threw " + describe(e));
      } finally {
        execNanos += System.nanoTime() - start;
      }
    }
  }

  /** What identifies a plan's code: its operators and expressions, and its row type. */
  static String planKey(RelNode plan) {
    return RelOptUtil.toString(plan, SqlExplainLevel.EXPPLAN_ATTRIBUTES)
        + plan.getRowType().getFullTypeString();
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    if (m != null && m.indexOf('\n') >= 0) {
      m = m.substring(0, m.indexOf('\n'));
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    if (root != e) {
      String rm = root.getMessage();
      if (rm != null && rm.indexOf('\n') >= 0) {
        rm = rm.substring(0, rm.indexOf('\n'));
      }
      s += " (caused by " + root.getClass().getSimpleName() + (rm == null ? "" : ": " + rm) + ")";
    }
    StackTraceElement[] st = root.getStackTrace();
    if (st.length > 0) {
      s += " at " + st[0];
    }
    return s;
  }
}
