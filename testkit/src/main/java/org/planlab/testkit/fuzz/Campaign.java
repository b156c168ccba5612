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
   */
  public record Options(long seed, int tries, @Nullable Duration timeLimit, List<Combo> combos,
      int perQuery, boolean determinism, int shrinkChecks, @Nullable Path saveDir,
      int threads) {
    /** One thread. */
    public Options(long seed, int tries, @Nullable Duration timeLimit, List<Combo> combos,
        int perQuery, boolean determinism, int shrinkChecks, @Nullable Path saveDir) {
      this(seed, tries, timeLimit, combos, perQuery, determinism, shrinkChecks, saveDir, 1);
    }

    public Options {
      combos = List.copyOf(combos);
      if (combos.isEmpty()) {
        throw new IllegalArgumentException("a campaign needs at least one combination");
      }
      if (tries < 0 || perQuery < 1) {
        throw new IllegalArgumentException("need tries >= 0 and perQuery >= 1");
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
              + "%d slow runs left out, %d failures", tries, s, s > 0 ? tries / s : 0.0, plans,
          planMillis / 1000, executions, execMillis / 1000, slow, findingCount());
    }
  }

  private final Map<String, Oracle> oracles;
  private final Map<String, QueryGenerator> generators = new LinkedHashMap<>();

  /** A campaign over the workloads of {@code oracles}, by suite name, in that order. */
  public Campaign(Map<String, Oracle> oracles, int maxRelations) {
    this.oracles = new LinkedHashMap<>(oracles);
    for (Map.Entry<String, Oracle> e : oracles.entrySet()) {
      generators.put(e.getKey(), new QueryGenerator(e.getKey(),
          e.getValue().schema().definitions(), maxRelations));
    }
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

  /**
   * Runs the campaign on {@code options.threads()} threads. Each try is a
   * pure function of its index, so what is found does not depend on the
   * thread count; only which tries finish before a time limit may.
   */
  public Stats run(Options options, Listener listener) {
    Stats stats = new Stats();
    List<String> suites = new ArrayList<>(oracles.keySet());
    long deadline = options.timeLimit() == null ? Long.MAX_VALUE
        : System.nanoTime() + options.timeLimit().toNanos();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < options.tries() && System.nanoTime() < deadline;
          i = next.getAndIncrement()) {
        runTry(i, suites, options, stats, listener);
      }
    };
    if (options.threads() <= 1) {
      worker.run();
    } else {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "planlab-fuzz");
            t.setDaemon(true);
            return t;
          });
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < options.threads(); t++) {
        futures.add(pool.submit(worker));
      }
      try {
        for (java.util.concurrent.Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a fuzzing thread failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    stats.failures.sort(java.util.Comparator.comparingInt(Failure::tryIndex));
    return stats;
  }

  private void runTry(int i, List<String> suites, Options options, Stats stats,
      Listener listener) {
    String suite = suites.get(i % suites.size());
    long seed = trySeed(options.seed(), i);
    GeneratedQuery q = generators.get(suite).generate(seed);
    List<Combo> combos = combosFor(options.combos(), options.perQuery(), i);
    Outcome o = oracles.get(suite).check(q.sql(), q.tlpPredicate(), combos,
        options.determinism());
    Failure failure = null;
    if (!o.passed()) {
      Finding f = o.findings().get(0);
      synchronized (stats) {
        listener.shrinking(suite, f);
      }
      failure = shrinkAndSave(suite, seed, i, q, f, combos, options);
    }
    synchronized (stats) {
      stats.tries++;
      stats.triesBySuite.merge(suite, 1, Integer::sum);
      stats.plans += o.plans();
      stats.executions += o.executions();
      stats.slow += o.slow();
      stats.budgetStops += o.budgetStops();
      stats.planMillis += o.planMillis();
      stats.execMillis += o.execMillis();
      stats.relations.merge(q.relations(), 1, Integer::sum);
      q.features().forEach(f -> stats.features.merge(f, 1, Integer::sum));
      combos.forEach(c -> stats.combos.merge(c.label(), 1, Integer::sum));
      for (Finding f : o.findings()) {
        stats.findings.merge(f.kind(), 1, Integer::sum);
      }
      if (failure != null) {
        stats.failures.add(failure);
        listener.failed(failure);
      }
      listener.tried(stats);
    }
  }

  private Failure shrinkAndSave(String suite, long seed, int i, GeneratedQuery q, Finding f,
      List<Combo> combos, Options options) {
    Oracle oracle = oracles.get(suite);
    Path file = options.saveDir() == null ? null : options.saveDir().resolve(
        String.format(Locale.ROOT, "%s-%s-%016x.sql", suite, f.kind().label(), seed));
    if (file != null) {
      // Saved as found first, so that a campaign stopped while shrinking keeps it.
      save(file, new FuzzCase(suite, q.sql(), q.tlpPredicate(), combos, seed,
          f.describe() + "\n(not shrunk yet)"));
    }
    Shrinker shrinker = new Shrinker(generators.get(suite), options.shrinkChecks());
    String signature = signature(f);
    GeneratedQuery shrunk = shrinker.shrink(q, candidate -> {
      Outcome o = oracle.check(candidate.sql(), candidate.tlpPredicate(), combos,
          options.determinism());
      return o.findings().stream().anyMatch(g -> signature(g).equals(signature));
    });
    if (file != null) {
      Outcome o = oracle.check(shrunk.sql(), shrunk.tlpPredicate(), combos,
          options.determinism());
      Finding now = o.findings().stream().filter(g -> signature(g).equals(signature))
          .findFirst().orElse(f);
      save(file, new FuzzCase(suite, shrunk.sql(), shrunk.tlpPredicate(), combos, seed,
          now.describe()));
    }
    return new Failure(suite, seed, i, f, q, shrunk, combos, shrinker.checks(), file);
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
