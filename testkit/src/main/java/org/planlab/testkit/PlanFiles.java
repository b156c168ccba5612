package org.planlab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.phased.ConfigFile;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

/**
 * Runs a folder of {@link PlanFile}s as JUnit dynamic tests, one container
 * per file and one test per case:
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicNode&gt; plans() {
 *   return PlanFiles.tests(Path.of("src/test/resources/plans"));
 * }
 * </pre>
 * With {@code -Dplanlab.rewrite=true} every case passes and its expected
 * block is replaced by what the planner now says (a {@code plan} shape that
 * still matches is kept as written), so reviewing a plan change is
 * {@code git diff}. Defaults: {@code suite=tpch sf=1
 * config=two-phase estimates=exact}.
 */
public final class PlanFiles {
  private PlanFiles() {
  }

  /** Whether the expected blocks are rewritten instead of checked. */
  public static boolean rewriting() {
    return Boolean.getBoolean("planlab.rewrite");
  }

  private static final Map<String, PlanningSession> SESSIONS = new ConcurrentHashMap<>();

  /** The tests of every {@code *.plan} file under {@code folder}, in name order. */
  public static Stream<DynamicNode> tests(Path folder) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.toString().endsWith(".plan")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plan files in " + folder, e);
    }
    return files.stream().map(PlanFiles::container);
  }

  private static DynamicContainer container(Path file) {
    PlanFile parsed;
    try {
      parsed = PlanFile.parse(file.getFileName().toString(),
          Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<PlanFile.Case, String> outputs = new HashMap<>();
    List<DynamicNode> tests = new ArrayList<>();
    for (PlanFile.Case c : parsed.cases()) {
      tests.add(DynamicTest.dynamicTest(c.where() + " " + c.directive(), () -> {
        String actual = run(c);
        if (!rewriting()) {
          check(c, actual);
        } else if (c.directive().equals("plan") && !c.expected().isBlank()
            && PlanShape.of(c.expected()).match(actual, options(c)).matches()) {
          // A shape that still matches stays as written, patterns and all.
          outputs.put(c, c.expected());
        } else {
          outputs.put(c, actual);
        }
      }));
    }
    if (rewriting()) {
      tests.add(DynamicTest.dynamicTest(parsed.name() + " rewritten", () -> {
        String text = parsed.rewritten(outputs);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }));
    }
    return DynamicContainer.dynamicContainer(parsed.name(), file.toUri(), tests.stream());
  }

  /** What the planner says for case {@code c}, as its directive prints it. */
  public static String run(PlanFile.Case c) {
    if (c.error() != null) {
      throw new AssertionFailedError(c.where() + ": " + c.error());
    }
    QueryResult r = plan(c);
    if (r.plan() == null) {
      throw new AssertionFailedError(c.where() + ": no plan: " + r.status()
          + (r.error() == null ? "" : " (" + r.error().message() + ")"));
    }
    PlanAssert a = PlanAssert.assertPlan(r);
    try {
      if (c.args().containsKey("expect")) {
        a.usedRule(c.args().get("expect"));
      }
      if (c.args().containsKey("expect-not")) {
        a.didNotUse(c.args().get("expect-not"));
      }
    } catch (AssertionFailedError e) {
      throw new AssertionFailedError(c.where() + ": " + e.getMessage());
    }
    return switch (c.directive()) {
      case "plan" -> PlanText.render(r.plan());
      case "phases" -> phases(r);
      case "rules" -> rules(r);
      case "memo" -> memo(c, r);
      default -> throw new IllegalStateException(c.directive());
    };
  }

  static void check(PlanFile.Case c, String actual) {
    String diff;
    if (c.directive().equals("plan")) {
      diff = PlanShape.of(c.expected()).match(actual, options(c)).diff();
    } else {
      diff = UnifiedDiff.of("expected", c.expected().lines().toList(), "actual",
          actual.lines().toList(), String::equals);
    }
    if (!diff.isEmpty()) {
      throw new AssertionFailedError(c.where() + ": " + c.directive() + " differs "
          + "(rerun with -Dplanlab.rewrite=true to accept):\n" + diff, c.expected(), actual);
    }
  }

  private static MatchOptions options(PlanFile.Case c) {
    String e = c.args().getOrDefault("estimates", "exact");
    if (e.equals("exact")) {
      return MatchOptions.EXACT;
    }
    if (e.equals("ignore")) {
      return MatchOptions.IGNORE_ESTIMATES;
    }
    try {
      return MatchOptions.withinTolerance(Double.parseDouble(e));
    } catch (IllegalArgumentException bad) {
      throw new AssertionFailedError(c.where() + ": estimates= takes exact, ignore or a "
          + "relative tolerance such as 0.01, not '" + e + "'");
    }
  }

  /**
   * Plans the case's query. A bad argument value, an unknown suite, query or
   * configuration fails the case with its file and line, as a malformed
   * case does.
   */
  private static QueryResult plan(PlanFile.Case c) {
    String suite = c.args().getOrDefault("suite", "tpch");
    String config = c.args().getOrDefault("config", Optimizers.DEFAULT);
    try {
      double sf = Double.parseDouble(c.args().getOrDefault("sf", "1"));
      Workload w = Workloads.byName(suite);
      String modelName = c.args().get("cost-model");
      CostModel named = CostModels.byName(modelName == null ? CostModels.DEFAULT : modelName);
      int dop = dop(c);
      PlanningSession session = SESSIONS.computeIfAbsent(w.name() + "|" + sf + "|" + config
          + "|" + modelName + "|" + dop, k -> {
            Optimizer optimizer = optimizer(config, named);
            // Without cost-model=, a configuration file's own model prices the plans.
            CostModel model = modelName == null && optimizer.costModel() != null
                ? optimizer.costModel() : named;
            return new PlanningSession(w.schema(sf), optimizer, Duration.ofSeconds(60), model,
                dop);
          });
      WorkloadQuery q = c.input().matches("(?i)q?\\d+[ab]?") ? w.query(c.input())
          : new WorkloadQuery(c.where(), c.where(), c.input());
      return session.plan(q).result();
    } catch (NumberFormatException e) {
      throw new AssertionFailedError(c.where() + ": sf= takes a number, not '"
          + c.args().get("sf") + "'");
    } catch (RuntimeException e) {
      // Unknown suite or query id, a configuration that is not one, sf <= 0.
      throw new AssertionFailedError(c.where() + ": " + e.getMessage());
    }
  }

  private static Optimizer optimizer(String config, CostModel model) {
    return ConfigFile.looksLikeFile(config) ? ConfigFile.load(Path.of(config))
        : Optimizers.byName(config, model);
  }

  private static int dop(PlanFile.Case c) {
    String d = c.args().getOrDefault("dop", "1");
    try {
      int dop = Integer.parseInt(d);
      if (dop >= 1) {
        return dop;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new AssertionFailedError(c.where() + ": dop= takes a whole number >= 1, not '" + d
        + "'");
  }

  /** Each phase: cost before and after, stop reason, kept; then the gate. */
  private static String phases(QueryResult r) {
    StringBuilder out = new StringBuilder();
    for (PhaseTrace p : r.phases()) {
      out.append(p.name()).append(": ")
          .append(p.costBefore() == null ? "-" : PlanText.number(p.costBefore().value()))
          .append(" -> ")
          .append(p.costAfter() == null ? "-" : PlanText.number(p.costAfter().value()))
          .append(", ").append(p.stopReason()).append(p.kept() ? ", kept" : "").append('\n');
    }
    if (r.gate() != null) {
      out.append("gate ").append(r.gate().rule()).append(": ")
          .append(PlanText.number(r.gate().value()))
          .append(r.gate().ranPhase2() ? ", phase 2 ran" : ", phase 2 skipped").append('\n');
    }
    return out.toString();
  }

  /**
   * The bounds the search kept within, one per line, or a failure naming
   * the bound it broke and what the search did.
   */
  private static String memo(PlanFile.Case c, QueryResult r) {
    StringBuilder out = new StringBuilder();
    long rels = r.effort() == null ? 0 : r.effort().relNodes();
    long calls = r.effort() == null ? 0 : r.effort().ruleCalls();
    out.append(bound(c, "max-rels", rels, "registered", "rels"));
    out.append(bound(c, "max-rule-calls", calls, "fired", "rule calls"));
    return out.toString();
  }

  private static String bound(PlanFile.Case c, String arg, long actual, String verb,
      String what) {
    String limit = c.args().get(arg);
    if (limit == null) {
      return "";
    }
    long max;
    try {
      max = Long.parseLong(limit);
    } catch (NumberFormatException e) {
      throw new AssertionFailedError(c.where() + ": " + arg + "= takes a whole number, not '"
          + limit + "'");
    }
    if (actual > max) {
      throw new AssertionFailedError(c.where() + ": the search " + verb + " " + actual + " "
          + what + ", more than " + arg + "=" + max);
    }
    return what + " <= " + max + "\n";
  }

  /** The rules that made something, sorted, one per line; {@code (none)} if none did. */
  private static String rules(QueryResult r) {
    List<String> used = PlanAssert.productiveRules(r, "");
    return used.isEmpty() ? "(none)\n" : String.join("\n", used) + "\n";
  }

}
