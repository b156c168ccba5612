package org.planlab.testkit.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.exec.Dataset;
import org.planlab.planner.workload.Workload;
import org.planlab.testkit.fuzz.Oracle.Combo;
import org.planlab.testkit.fuzz.Oracle.Finding;
import org.planlab.testkit.fuzz.Oracle.Kind;
import org.planlab.testkit.fuzz.Oracle.Outcome;

/**
 * A fuzzing campaign: random queries over one or more workloads, each
 * checked by the {@link Oracle} under a few of the combinations, until a
 * number of tries or a time limit is reached. Try {@code i} is a pure
 * function of the campaign seed and {@code i}: its suite is the
 * {@code i}-th in turn, its query comes from a seed drawn from the campaign
 * seed, and its combinations rotate through the list, so that every
 * combination is used and pairs of them are compared. A failing query is
 * shrunk and saved as a {@link FuzzCase}.
 *
 * <p>A watchdog stops waiting for a check (the try's, or one made while
 * shrinking) that runs past {@link Options#checkLimit()}: the query is saved
 * and counted as a hang, its thread is left behind, and a new thread takes
 * its place, so one runaway query cannot stall the campaign. Planning and
 * execution have their own limits; the watchdog catches whatever slips
 * past them.
 */
public final class Campaign {

  /**
   * How to run.
   *
   * @param seed the campaign seed
   * @param tries the most queries to try
   * @param timeLimit the most time to spend (null: none)
   * @param combos the combinations to rotate through
   * @param perQuery combinations each query is planned under (at least 2 compare answers)
   * @param determinism plan each query's first combination twice and compare the plans
   * @param shrinkChecks the most checks shrinking one failure may make
   * @param saveDir where failures are saved (null: not saved)
   * @param threads tries run at once
   * @param checkLimit the most one check of a query may take before the
   *     watchdog counts it as a hang
   */
  public record Options(long seed, int tries, @Nullable Duration timeLimit, List<Combo> combos,
      int perQuery, boolean determinism, int shrinkChecks, @Nullable Path saveDir,
      int threads, Duration checkLimit) {
    /** The default {@link #checkLimit()}: far past what a check's own limits allow. */
    public static final Duration CHECK_LIMIT = Duration.ofMinutes(5);

    /** One thread. */
    public Options(long seed, int tries, @Nullable Duration timeLimit, List<Combo> combos,
        int perQuery, boolean determinism, int shrinkChecks, @Nullable Path saveDir) {
      this(seed, tries, timeLimit, combos, perQuery, determinism, shrinkChecks, saveDir, 1,
          CHECK_LIMIT);
    }

    public Options {
      combos = List.copyOf(combos);
      if (combos.isEmpty()) {
        throw new IllegalArgumentException("a campaign needs at least one combination");
      }
      if (tries < 0 || perQuery < 1 || threads < 1) {
        throw new IllegalArgumentException("need tries >= 0, perQuery >= 1 and threads >= 1");
      }
      if (checkLimit.isNegative() || checkLimit.isZero()) {
        throw new IllegalArgumentException("the check limit must be positive");
      }
    }
  }

  /** A failure found, shrunk, and saved if a folder was given. */
  public record Failure(String suite, long seed, int tryIndex, Finding finding,
      GeneratedQuery query, GeneratedQuery shrunk, List<Combo> combos, int shrinkChecks,
      @Nullable Path saved) {
  }

  /** Told of progress and failures as they happen. */
  public interface Listener {
    /** After each try. */
    default void tried(Stats stats) {
    }

    /** Once a failure is shrunk (and saved). */
    default void failed(Failure failure) {
    }

    /** Before shrinking a failure. */
    default void shrinking(String suite, Finding finding) {
    }

    Listener NONE = new Listener() { };
  }

  /** What a campaign did. */
  public static final class Stats {
    public int tries;
    public final Map<String, Integer> triesBySuite = new TreeMap<>();
    public final Map<Kind, Integer> findings = new EnumMap<>(Kind.class);
    public int plans;
    public int executions;
    public int reused;
    public int slow;
    public int budgetStops;
    public double planMillis;
    public double execMillis;
    public final Map<Feature, Integer> features = new EnumMap<>(Feature.class);
    public final Map<String, Integer> combos = new TreeMap<>();
    public final Map<Integer, Integer> relations = new TreeMap<>();
    public final List<Failure> failures = new ArrayList<>();
    public long startNanos = System.nanoTime();

    public Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public int findingCount() {
      return findings.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One progress line. */
    public String line() {
      double s = elapsed().toMillis() / 1000.0;
      return String.format(Locale.ROOT,
          "%d tries in %.0f s (%.1f/s): %d plans (%.0f s), %d runs compared (%.0f s), "
              + "%d identical plans not run again, %d slow runs left out, %d failures", tries, s,
          s > 0 ? tries / s : 0.0, plans, planMillis / 1000, executions, execMillis / 1000,
          reused, slow, findingCount());
    }
  }

  /** Checks one query: {@link Oracle#check} by default. */
  interface Checker {
    Outcome check(String suite, GeneratedQuery query, List<Combo> combos, boolean determinism);
  }

  private final Map<String, QueryGenerator> generators = new LinkedHashMap<>();
  private final Checker checker;

  /** A campaign over the workloads of {@code oracles}, by suite name, in that order. */
  public Campaign(Map<String, Oracle> oracles, int maxRelations) {
    this(oracles, maxRelations, null);
  }

  /** As above, with the checks made by {@code checker} (null: the oracles). */
  Campaign(Map<String, Oracle> oracles, int maxRelations, @Nullable Checker checker) {
    Map<String, Oracle> byName = new LinkedHashMap<>(oracles);
    for (Map.Entry<String, Oracle> e : byName.entrySet()) {
      generators.put(e.getKey(), new QueryGenerator(e.getKey(),
          e.getValue().schema().definitions(), maxRelations));
    }
    this.checker = checker != null ? checker : (suite, q, combos, determinism) ->
        byName.get(suite).check(q.sql(), q.tlpPredicate(), combos, determinism);
  }

  /** An oracle per workload over its data at {@code sf}. */
  public static Map<String, Oracle> oracles(List<Workload> workloads, double sf,
      Oracle.Settings settings, Dataset.Progress progress) {
    Map<String, Oracle> out = new LinkedHashMap<>();
    for (Workload w : workloads) {
      out.put(w.name(), new Oracle(w, sf, settings, progress));
    }
    return out;
  }

  public QueryGenerator generator(String suite) {
    return generators.get(suite);
  }

  /** The seed of try {@code i}'s query. */
  public static long trySeed(long campaignSeed, int i) {
    return new SplittableRandom(campaignSeed).split().nextLong() ^ (i * 0x9E3779B97F4A7C15L);
  }

  /** The combinations try {@code i} uses: the i-th, then others spread over the list. */
  public static List<Combo> combosFor(List<Combo> combos, int perQuery, int i) {
    int n = combos.size();
    List<Combo> out = new ArrayList<>();
    out.add(combos.get(i % n));
    for (int k = 1; k < Math.min(perQuery, n); k++) {
      // Stride through the others so that over n tries each pair meets.
      int step = 1 + ((i / n) + k - 1) % (n - 1);
      Combo c = combos.get((i + k * step) % n);
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The query a worker is checking now, for the watchdog. */
  private static final class Current {
    final int tryIndex;
    final String suite;
    final long seed;
    final List<Combo> combos;
    volatile @Nullable GeneratedQuery query;
    /** When the check began, by {@link System#nanoTime()}; 0 between checks. */
    volatile long since;
    /** Set (under the stats lock) when the watchdog gave up on this try. */
    boolean abandoned;

    Current(int tryIndex, String suite, long seed, List<Combo> combos) {
      this.tryIndex = tryIndex;
      this.suite = suite;
      this.seed = seed;
      this.combos = combos;
    }
  }

  /** A thread taking tries in turn until none is left or it is abandoned. */
  private final class Worker extends Thread {
    final Run run;
    volatile @Nullable Current current;
    volatile @Nullable Throwable failed;

    Worker(Run run, int number) {
      super("planlab-fuzz-" + number);
      setDaemon(true);
      this.run = run;
    }

    @Override
    public void run() {
      try {
        for (int i = run.next.getAndIncrement();
            i < run.options.tries() && System.nanoTime() < run.deadline;
            i = run.next.getAndIncrement()) {
          String suite = run.suites.get(i % run.suites.size());
          Current c = new Current(i, suite, trySeed(run.options.seed(), i),
              combosFor(run.options.combos(), run.options.perQuery(), i));
          current = c;
          try {
            runTry(c, run);
          } catch (Throwable t) {
            if (isInterrupted()) {
              return; // the watchdog left this try behind and counted it
            }
            tryFailed(c, run, t);
          }
          synchronized (run.stats) {
            if (c.abandoned) {
              return;
            }
          }
        }
      } catch (Throwable t) {
        failed = t;
      } finally {
        current = null;
      }
    }
  }

  /** The state of one {@link #run}. */
  private static final class Run {
    final Options options;
    final Listener listener;
    final Stats stats = new Stats();
    final List<String> suites;
    final long deadline;
    final java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();

    Run(Options options, Listener listener, List<String> suites) {
      this.options = options;
      this.listener = listener;
      this.suites = suites;
      this.deadline = options.timeLimit() == null ? Long.MAX_VALUE
          : System.nanoTime() + options.timeLimit().toNanos();
    }
  }

  /**
   * Runs the campaign on {@code options.threads()} threads. Each try is a
   * pure function of its index, so what is found does not depend on the
   * thread count; only which tries finish before a time limit may.
   */
  public Stats run(Options options, Listener listener) {
    Run run = new Run(options, listener, new ArrayList<>(generators.keySet()));
    List<Worker> live = new ArrayList<>();
    int started = 0;
    for (; started < options.threads(); started++) {
      Worker w = new Worker(run, started);
      live.add(w);
      w.start();
    }
    long limit = options.checkLimit().toNanos();
    try {
      while (!live.isEmpty()) {
        live.get(0).join(200);
        for (int k = 0; k < live.size(); k++) {
          Worker w = live.get(k);
          if (!w.isAlive()) {
            live.remove(k--);
            if (w.failed != null) {
              throw new IllegalStateException("a fuzzing thread failed", w.failed);
            }
            continue;
          }
          Current c = w.current;
          long since = c == null ? 0 : c.since;
          if (since != 0 && System.nanoTime() - since > limit && abandon(c, run)) {
            // Left behind: it may never return. A new thread takes its place.
            w.interrupt();
            live.remove(k--);
            Worker fresh = new Worker(run, started++);
            live.add(fresh);
            fresh.start();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    run.stats.failures.sort(java.util.Comparator.comparingInt(Failure::tryIndex));
    return run.stats;
  }

  /** Gives up on {@code c}'s try: its query is saved and counted as a hang. */
  private boolean abandon(Current c, Run run) {
    if (c.query == null) {
      return false;
    }
    Finding f = new Finding(Kind.HANG, c.combos.get(0).label(), String.format(Locale.ROOT,
        "a check did not return within %d s; the watchdog left it behind",
        run.options.checkLimit().toSeconds()));
    return recordUnshrunk(c, run, f, true);
  }

  /** {@code q} checked, with the watchdog told which query and since when. */
  private Outcome check(Current c, GeneratedQuery q, boolean determinism) {
    c.query = q;
    c.since = System.nanoTime();
    try {
      return checker.check(c.suite, q, c.combos, determinism);
    } finally {
      c.since = 0;
    }
  }

  private void runTry(Current c, Run run) {
    Options options = run.options;
    GeneratedQuery q = generators.get(c.suite).generate(c.seed);
    Outcome o = check(c, q, options.determinism());
    Failure failure = null;
    if (!o.passed()) {
      Finding f = o.findings().get(0);
      synchronized (run.stats) {
        if (c.abandoned) {
          return;
        }
        run.listener.shrinking(c.suite, f);
      }
      failure = shrinkAndSave(c, q, f, options);
    }
    synchronized (run.stats) {
      if (c.abandoned) {
        return;
      }
      count(run.stats, c.suite, q, c.combos, o, o.findings());
      if (failure != null) {
        run.stats.failures.add(failure);
        run.listener.failed(failure);
      }
      run.listener.tried(run.stats);
    }
  }

  /**
   * Counts a try whose check or shrinking threw (an error of the campaign's
   * own, or one the oracle let through, such as running out of memory) as a
   * crash, saved with its query and the throwable's first frames where the
   * query was made, so that the campaign goes on and keeps its figures.
   */
  private void tryFailed(Current c, Run run, Throwable t) {
    StringBuilder detail = new StringBuilder("the campaign's check threw ").append(t);
    StackTraceElement[] frames = t.getStackTrace();
    for (int k = 0; k < Math.min(4, frames.length); k++) {
      detail.append(k == 0 ? " at " : " < ").append(frames[k]);
    }
    recordUnshrunk(c, run, new Finding(Kind.CRASH, c.combos.get(0).label(), detail.toString()),
        false);
  }

  /**
   * Saves and counts {@code f} for {@code c}'s try with its query as it is,
   * unshrunk (a hang the watchdog gives up on, or a try that threw); where
   * the query cannot be saved, the failure is still counted. False where the
   * watchdog already counted the try. {@code abandon} marks the try left
   * behind.
   */
  private boolean recordUnshrunk(Current c, Run run, Finding f, boolean abandon) {
    GeneratedQuery q = c.query;
    Path file = q == null ? null : fileFor(run.options, c.suite, f, c.seed);
    synchronized (run.stats) {
      if (c.abandoned) {
        return false;
      }
      c.abandoned = abandon;
      if (file != null) {
        try {
          new FuzzCase(c.suite, q.sql(), q.tlpPredicate(), c.combos, c.seed, f.describe())
              .write(file);
        } catch (IOException | RuntimeException e) {
          file = null;
        }
      }
      if (q == null) {
        run.stats.tries++;
        run.stats.triesBySuite.merge(c.suite, 1, Integer::sum);
        run.stats.findings.merge(f.kind(), 1, Integer::sum);
      } else {
        count(run.stats, c.suite, q, c.combos, null, List.of(f));
        Failure failure = new Failure(c.suite, c.seed, c.tryIndex, f, q, q, c.combos, 0, file);
        run.stats.failures.add(failure);
        run.listener.failed(failure);
      }
      run.listener.tried(run.stats);
    }
    return true;
  }

  /** Adds a try to {@code stats}; {@code o} null for an abandoned try. */
  private static void count(Stats stats, String suite, GeneratedQuery q, List<Combo> combos,
      @Nullable Outcome o, List<Finding> findings) {
    stats.tries++;
    stats.triesBySuite.merge(suite, 1, Integer::sum);
    if (o != null) {
      stats.plans += o.plans();
      stats.executions += o.executions();
      stats.reused += o.reused();
      stats.slow += o.slow();
      stats.budgetStops += o.budgetStops();
      stats.planMillis += o.planMillis();
      stats.execMillis += o.execMillis();
    }
    stats.relations.merge(q.relations(), 1, Integer::sum);
    q.features().forEach(f -> stats.features.merge(f, 1, Integer::sum));
    combos.forEach(c -> stats.combos.merge(c.label(), 1, Integer::sum));
    for (Finding f : findings) {
      stats.findings.merge(f.kind(), 1, Integer::sum);
    }
  }

  private static @Nullable Path fileFor(Options options, String suite, Finding f, long seed) {
    return options.saveDir() == null ? null : options.saveDir().resolve(
        String.format(Locale.ROOT, "%s-%s-%016x.sql", suite, f.kind().label(), seed));
  }

  private Failure shrinkAndSave(Current c, GeneratedQuery q, Finding f, Options options) {
    String suite = c.suite;
    long seed = c.seed;
    List<Combo> combos = c.combos;
    Path file = fileFor(options, suite, f, seed);
    if (file != null) {
      // Saved as found first, so that a campaign stopped while shrinking keeps it.
      save(file, new FuzzCase(suite, q.sql(), q.tlpPredicate(), combos, seed,
          f.describe() + "\n(not shrunk yet)"));
    }
    Shrinker shrinker = new Shrinker(generators.get(suite), options.shrinkChecks());
    String signature = signature(f);
    GeneratedQuery shrunk = shrinker.shrink(q, candidate -> {
      Outcome o = check(c, candidate, options.determinism());
      return o.findings().stream().anyMatch(g -> signature(g).equals(signature));
    });
    if (file != null) {
      Outcome o = check(c, shrunk, options.determinism());
      Finding now = o.findings().stream().filter(g -> signature(g).equals(signature))
          .findFirst().orElse(f);
      save(file, new FuzzCase(suite, shrunk.sql(), shrunk.tlpPredicate(), combos, seed,
          now.describe()));
    }
    return new Failure(suite, seed, c.tryIndex, f, q, shrunk, combos, shrinker.checks(), file);
  }

  private static void save(Path file, FuzzCase c) {
    try {
      c.write(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot save the failing query to " + file, e);
    }
  }

  /**
   * What makes two findings the same failure while shrinking: the kind, and
   * for a crash or rejection the exception or stage named first.
   */
  static String signature(Finding f) {
    if (f.kind() == Kind.CRASH || f.kind() == Kind.REJECTED) {
      String d = f.detail();
      int colon = d.indexOf(':');
      String head = colon < 0 ? d : d.substring(0, colon);
      if (head.startsWith("planning threw") || head.startsWith("execution threw")
          || head.startsWith("phase") || head.startsWith("parallel")) {
        int second = colon < 0 ? -1 : d.indexOf(':', colon + 1);
        head = second < 0 ? d : d.substring(0, second);
      }
      return f.kind() + " " + head;
    }
    return f.kind().toString();
  }
}
