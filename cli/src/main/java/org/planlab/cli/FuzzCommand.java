package org.planlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.workload.UnknownQueryException;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;
import org.planlab.testkit.fuzz.Campaign;
import org.planlab.testkit.fuzz.Feature;
import org.planlab.testkit.fuzz.FuzzCase;
import org.planlab.testkit.fuzz.Oracle;
import org.planlab.testkit.fuzz.Oracle.Combo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code planlab fuzz}: random queries checked against planning and answer properties. */
@Command(name = "fuzz", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Generate random queries over the suites' schemas and check that planlab "
        + "plans and answers them correctly.",
        "",
        "Each query reads 1 to 15 tables (joins of every kind, subqueries, set operations, "
            + "grouping, window functions) and is planned under two of the combinations of "
            + "configuration, cost model and degree of parallelism, in turn, so that a campaign "
            + "uses them all. Properties checked: planning ends within its budget with a plan "
            + "or a user-facing error, never an internal exception; the final plan costs no "
            + "more than phase 1's; planning twice gives the same plan; every plan (phase 1's "
            + "and the serial plan included) returns the same rows on the suite's generated "
            + "data; and the query returns the same rows as itself partitioned by a random "
            + "predicate p (WHERE p, WHERE NOT p, WHERE p IS NULL).",
        "",
        "A failing query is shrunk to a small one that fails the same way and saved as a "
            + "case file (--out): SQL with its seed, combinations and finding in comments. "
            + "'planlab fuzz --replay FILE' checks it again; copied into "
            + "testkit/src/test/resources/fuzz-regressions/ it becomes a regression test of "
            + "mvn verify.",
        "",
        "Exit code 0 if every property held, 1 if some did not, 2 for bad options."},
    footer = {"", "Examples:",
        "  planlab fuzz                          100 tries over tpch and tpcds",
        "  planlab fuzz tpch --tries 1000 --seed 42",
        "  planlab fuzz --minutes 60 --tries 100000",
        "  planlab fuzz --configs two-phase,cheap-only --cost-models pg --dop 4",
        "  planlab fuzz --replay results/fuzz/tpcds-mismatch-1a2b3c.sql"})
final class FuzzCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SUITE", arity = "0..*",
      description = "Suites whose schemas queries read, taken in turn (default: tpch tpcds).")
  List<String> suites = new ArrayList<>();

  @Option(names = "--tries", paramLabel = "N",
      description = "Queries to try (default: 100, or no limit with --minutes).")
  Integer tries;

  @Option(names = "--seed", paramLabel = "S",
      description = "Campaign seed; the same seed tries the same queries (default: random, "
          + "printed).")
  Long seed;

  @Option(names = "--minutes", paramLabel = "M",
      description = "Stop after M minutes (a try under way finishes).")
  Double minutes;

  @Option(names = "--sf", paramLabel = "N",
      description = "Scale factor of the data and statistics (default: 0.01).")
  double scaleFactor = 0.01;

  @Option(names = "--configs", split = ",", paramLabel = "NAME",
      description = "Configurations to use (default: every built-in one).")
  List<String> configs = new ArrayList<>();

  @Option(names = "--cost-models", split = ",", paramLabel = "NAME",
      description = "Cost models to use (default: every one).")
  List<String> costModels = new ArrayList<>();

  @Option(names = "--dop", paramLabel = "N",
      description = "Degree of parallelism of the parallel combinations; 1: serial only "
          + "(default: 4).")
  int dop = 4;

  @Option(names = "--per-query", paramLabel = "N",
      description = "Combinations each query is planned under and compared across "
          + "(default: 2).")
  int perQuery = 2;

  @Option(names = "--max-relations", paramLabel = "N",
      description = "The most tables a query reads (default: 15).")
  int maxRelations = 15;

  @Option(names = "--threads", paramLabel = "N",
      description = "Queries checked at once (default: the number of processors). Each query "
          + "is a function of the seed and its number, so the findings do not depend on it.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--timeout", paramLabel = "S",
      description = "Planning budget per query and combination in seconds (default: 5).")
  double timeout = 5;

  @Option(names = "--exec-timeout", paramLabel = "S",
      description = "The most one plan may run, in seconds; a slower run is left out of the "
          + "comparison, not reported (default: 3).")
  double execTimeout = 3;

  @Option(names = "--check-timeout", paramLabel = "S",
      description = "The most one check of a query (all its plans and runs) may take, in "
          + "seconds, before the watchdog saves it as a hang and goes on without it "
          + "(default: 300).")
  double checkTimeout = 300;

  @Option(names = "--shrink-checks", paramLabel = "N",
      description = "The most checks shrinking one failing query may make (default: 300).")
  int shrinkChecks = 300;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where failing queries are saved (default: results/fuzz).")
  Path out = Path.of("results", "fuzz");

  @Option(names = "--replay", paramLabel = "FILE", arity = "1..*",
      description = "Check these saved cases again instead of generating queries.")
  List<Path> replay = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    validate();
    Oracle.Settings settings = new Oracle.Settings(seconds(timeout), seconds(execTimeout),
        100_000);
    if (!replay.isEmpty()) {
      return replay(out, err, settings);
    }
    List<Workload> workloads = new ArrayList<>();
    for (String s : suites.isEmpty() ? List.of("tpch", "tpcds") : suites) {
      workloads.add(workload(s));
    }
    List<Combo> combos = combos();
    long campaignSeed = seed != null ? seed : new java.security.SecureRandom().nextLong();
    int maxTries = tries != null ? tries : minutes != null ? Integer.MAX_VALUE : 100;
    Map<String, Oracle> oracles = new LinkedHashMap<>();
    for (Workload w : workloads) {
      new ExecutionOptions().data(w, scaleFactor, err);
      oracles.put(w.name(), new Oracle(w, scaleFactor, settings,
          (table, i, n, rows) -> { }));
    }
    err.printf(Locale.ROOT, "planlab fuzz: seed %d, %s, %d combinations (%d per query), "
        + "%d threads, failures to %s%n", campaignSeed,
        maxTries == Integer.MAX_VALUE ? "for " + minutes + " minutes"
            : maxTries + " tries" + (minutes != null ? " or " + minutes + " minutes" : ""),
        combos.size(), Math.min(perQuery, combos.size()), threads, this.out);
    err.flush();
    Campaign campaign = new Campaign(oracles, maxRelations);
    Campaign.Options options = new Campaign.Options(campaignSeed, maxTries,
        minutes == null ? null : Duration.ofMillis((long) (minutes * 60_000)), combos, perQuery,
        true, shrinkChecks, this.out, threads, seconds(checkTimeout));
    long[] lastReport = {System.nanoTime()};
    Campaign.Stats stats = campaign.run(options, new Campaign.Listener() {
      @Override
      public void tried(Campaign.Stats s) {
        long now = System.nanoTime();
        if (now - lastReport[0] > 10_000_000_000L || s.tries == maxTries) {
          lastReport[0] = now;
          err.println("planlab fuzz: " + s.line());
          err.flush();
        }
      }

      @Override
      public void shrinking(String suite, Oracle.Finding f) {
        err.println("planlab fuzz: " + suite + ": " + firstLine(f.describe())
            + "; saved as found, shrinking...");
        err.flush();
      }

      @Override
      public void failed(Campaign.Failure f) {
        err.printf(Locale.ROOT, "planlab fuzz: shrunk in %d checks to: %s%n  saved as %s%n",
            f.shrinkChecks(), f.shrunk().sql(), f.saved());
        err.flush();
      }
    });
    report(out, stats, campaignSeed);
    return stats.findingCount() == 0 ? 0 : 1;
  }

  private void report(PrintWriter out, Campaign.Stats s, long campaignSeed) {
    double secs = s.elapsed().toMillis() / 1000.0;
    out.printf(Locale.ROOT, "fuzz campaign: seed %d, %d queries in %.1f s (%s)%n",
        campaignSeed, s.tries, secs, s.triesBySuite);
    out.printf(Locale.ROOT, "  plans %d (%.1f s planning), plan runs compared %d (%.1f s "
        + "compiling and running), identical plans not run again %d, slow runs left out %d, "
        + "plannings stopped at the budget %d%n", s.plans, s.planMillis / 1000, s.executions,
        s.execMillis / 1000, s.reused, s.slow, s.budgetStops);
    out.printf(Locale.ROOT, "  relations per query: %s%n", s.relations);
    List<String> missing = new ArrayList<>();
    for (Feature f : Feature.values()) {
      if (!s.features.containsKey(f)) {
        missing.add(f.name());
      }
    }
    out.printf(Locale.ROOT, "  constructs: %d of %d used%s%n", s.features.size(),
        Feature.values().length, missing.isEmpty() ? "" : " (not: " + missing + ")");
    out.printf(Locale.ROOT, "  combinations used: %d%n", s.combos.size());
    if (s.findingCount() == 0) {
      out.println("  failures: none (crashes 0, hangs 0, cost 0, nondeterministic 0, "
          + "answer mismatches 0, partitioning 0)");
    } else {
      out.printf(Locale.ROOT, "  failures: %s%n", s.findings);
      for (Campaign.Failure f : s.failures) {
        out.printf(Locale.ROOT, "  - %s try %d: %s%n    %s%n    saved as %s%n", f.suite(),
            f.tryIndex(), firstLine(f.finding().describe()), f.shrunk().sql(), f.saved());
      }
    }
    out.flush();
  }

  private int replay(PrintWriter out, PrintWriter err, Oracle.Settings settings) {
    Map<String, Oracle> oracles = new LinkedHashMap<>();
    int failing = 0;
    for (Path file : replay) {
      FuzzCase c;
      try {
        c = FuzzCase.read(file);
      } catch (NoSuchFileException e) {
        throw new UserError("no such file: " + file);
      } catch (IOException e) {
        throw new UserError("cannot read " + file + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
      Workload w = workload(c.suite());
      for (Combo combo : c.combos()) {
        checkCombo(file, combo);
      }
      Oracle oracle = oracles.computeIfAbsent(w.name(), k -> {
        new ExecutionOptions().data(w, scaleFactor, err);
        return new Oracle(w, scaleFactor, settings, (table, i, n, rows) -> { });
      });
      Oracle.Outcome o = oracle.check(c.sql(), c.tlpPredicate(), c.combos(), true);
      if (o.passed()) {
        out.println(file + ": ok (" + o.plans() + " plans, " + o.executions()
            + " runs compared" + (o.reused() > 0 ? ", " + o.reused() + " identical plans" : "")
            + (o.slow() > 0 ? ", " + o.slow() + " slow runs left out" : "")
            + ")");
      } else {
        failing++;
        for (Oracle.Finding f : o.findings()) {
          out.println(file + ": " + f.describe());
        }
      }
    }
    out.flush();
    return failing == 0 ? 0 : 1;
  }

  private void checkCombo(Path file, Combo combo) {
    try {
      CostModel m = CostModels.byName(combo.costModel());
      Optimizers.byName(combo.config(), m);
    } catch (UnknownQueryException e) {
      throw new UserError(file + ": " + e.getMessage());
    }
  }

  private List<Combo> combos() {
    List<String> configNames = new ArrayList<>();
    if (configs.isEmpty()) {
      Optimizers.all().forEach(o -> configNames.add(o.name()));
    } else {
      configNames.addAll(configs);
    }
    List<String> modelNames = new ArrayList<>();
    if (costModels.isEmpty()) {
      CostModels.all().forEach(m -> modelNames.add(m.name()));
    } else {
      modelNames.addAll(costModels);
    }
    List<Combo> out = new ArrayList<>();
    for (String c : configNames) {
      for (String m : modelNames) {
        try {
          CostModel model = CostModels.byName(m);
          out.add(new Combo(Optimizers.byName(c, model).name(), model.name(), 1));
        } catch (UnknownQueryException e) {
          throw new UserError(e.getMessage());
        }
        if (dop > 1) {
          out.add(new Combo(out.get(out.size() - 1).config(), out.get(out.size() - 1)
              .costModel(), dop));
        }
      }
    }
    return out;
  }

  private void validate() {
    if (tries != null && tries < 0) {
      throw new UserError("--tries must be >= 0, got " + tries);
    }
    if (minutes != null && !(minutes > 0)) {
      throw new UserError("--minutes must be > 0, got " + minutes);
    }
    if (!(scaleFactor > 0) || scaleFactor > 1) {
      throw new UserError("--sf must be > 0 and at most 1 for fuzzing (the data is held in "
          + "memory and every query runs several times), got " + scaleFactor);
    }
    if (dop < 1) {
      throw new UserError("--dop must be >= 1, got " + dop);
    }
    if (threads < 1) {
      throw new UserError("--threads must be >= 1, got " + threads);
    }
    if (perQuery < 1) {
      throw new UserError("--per-query must be >= 1, got " + perQuery);
    }
    if (maxRelations < 1 || maxRelations > 40) {
      throw new UserError("--max-relations must be from 1 to 40, got " + maxRelations);
    }
    if (!(timeout > 0) || !(execTimeout > 0) || !(checkTimeout > 0)) {
      throw new UserError("--timeout, --exec-timeout and --check-timeout must be > 0 seconds");
    }
    if (shrinkChecks < 0) {
      throw new UserError("--shrink-checks must be >= 0, got " + shrinkChecks);
    }
  }

  private static Workload workload(String suite) {
    try {
      return Workloads.byName(suite);
    } catch (UnknownQueryException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static Duration seconds(double s) {
    return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
