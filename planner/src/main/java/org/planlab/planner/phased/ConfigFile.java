package org.planlab.planner.phased;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.rules.NamedRules;
import org.planlab.rules.RuleCatalog;
import org.planlab.rules.joinorder.DpJoinEnumerator;
import org.planlab.rules.joinorder.GreedyJoinEnumerator;
import org.planlab.rules.joinorder.JoinCostModel;
import org.planlab.rules.joinorder.MultiJoinOrderRule;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A researcher's own optimizer configuration, from a JSON or YAML file:
 * phases of steps naming rule sets from {@link RuleCatalog}, budgets, the
 * gate and join-enumeration limits. See {@code docs/config-example.yaml}.
 *
 * <pre>
 * name: my-two-phase
 * gate: {cost: 1e7}
 * phases:
 *   - name: cheap
 *     steps:
 *       - {kind: subquery-removal}
 *       - {kind: decorrelate}
 *       - {kind: hep, rules: [normalize]}
 *       - {kind: trim-fields}
 *       - {kind: join-order, strategy: greedy}
 *       - {kind: volcano, rules: [enumerable]}
 *       - {kind: calc}
 *   - name: expensive
 *     startAfter: trim_fields
 *     budget: {seconds: 5}
 *     steps:
 *       - {kind: join-order, strategy: dp, limit: 10, name: join_order_dp}
 *       - {kind: volcano, rules: [calcite-fixed-order, semi-join]}
 *       - {kind: calc}
 *   - name: inner-joins
 *     startAfter: trim_fields
 *     ifMultiInputSemiJoinsAfter: join_order_dp
 *     steps:
 *       - {kind: join-order, strategy: dp, semiJoins: false}
 *       - {kind: volcano, rules: [calcite-fixed-order, semi-join]}
 *       - {kind: calc}
 * </pre>
 */
public final class ConfigFile {
  private ConfigFile() {
  }

  /** The file as written. */
  public record Spec(String name, @Nullable String description, @Nullable GateSpec gate,
      List<PhaseSpec> phases, @Nullable CostModelSpec costModel) {
    public Spec {
      require(name != null && !name.isBlank(), "name", "a configuration needs a name");
      require(phases != null && !phases.isEmpty(), "phases", "a configuration needs phases");
      require(phases.size() == 1 || gate != null, "gate",
          "a configuration with more than one phase needs a gate");
    }
  }

  /**
   * The cost model to price with, and constants to override: {@code
   * costModel: {name: pg, constants: {random_page_cost: 1.1}}}. The gate's
   * cost threshold is in this model's units.
   */
  public record CostModelSpec(String name, java.util.@Nullable Map<String, Double> constants) {
    public CostModelSpec {
      require(name != null && !name.isBlank(), "name", "a cost model needs a name (known: "
          + CostModels.all().stream().map(CostModel::name).collect(Collectors.joining(", "))
          + ")");
      try {
        CostModels.byName(name).withConstants(constants == null ? java.util.Map.of() : constants);
      } catch (org.planlab.planner.workload.UnknownQueryException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }

    CostModel model() {
      return CostModels.byName(name).withConstants(
          constants == null ? java.util.Map.of() : constants);
    }
  }

  /** Exactly one of {@code cost} and {@code joins}. */
  public record GateSpec(@Nullable Double cost, @Nullable Integer joins) {
    public GateSpec {
      require((cost == null) != (joins == null), "gate", "give either cost or joins");
      require(cost == null || cost >= 0, "cost", "the threshold must be >= 0, got " + cost);
      require(joins == null || joins >= 0, "joins", "the threshold must be >= 0, got " + joins);
    }
  }

  public record BudgetSpec(@Nullable Double seconds, @Nullable Long ruleCalls) {
    public BudgetSpec {
      require(seconds == null || seconds > 0, "seconds", "must be > 0, got " + seconds);
      require(ruleCalls == null || ruleCalls >= 0, "ruleCalls", "must be >= 0, got "
          + ruleCalls);
    }
  }

  public record PhaseSpec(String name, @Nullable BudgetSpec budget, @Nullable String startAfter,
      @Nullable String ifMultiInputSemiJoinsAfter, List<StepSpec> steps) {
    public PhaseSpec {
      require(name != null && !name.isBlank(), "name", "a phase needs a name");
      require(steps != null && !steps.isEmpty(), "steps", "phase " + name + " has no steps");
    }
  }

  /** Step kinds and what they take. */
  public static final List<String> KINDS = List.of("subquery-removal", "decorrelate", "hep",
      "trim-fields", "join-order", "volcano", "calc");

  public record StepSpec(String kind, @Nullable String name, @Nullable List<String> rules,
      @Nullable String order, @Nullable String strategy, @Nullable Integer limit,
      @Nullable String costModel, @Nullable Boolean semiJoins) {
    public StepSpec {
      require(kind != null && KINDS.contains(kind), "kind", "unknown step kind '" + kind
          + "' (known: " + String.join(", ", KINDS) + ")");
      boolean needsRules = kind.equals("hep") || kind.equals("volcano");
      require(!needsRules || (rules != null && !rules.isEmpty()), "rules",
          "a " + kind + " step names rule sets from 'planlab rules'");
      if (rules != null) {
        for (String r : rules) {
          require(RuleCatalog.all().stream().anyMatch(n -> n.name().equals(r)), "rules",
              "unknown rule set '" + r + "' (known: " + RuleCatalog.all().stream()
                  .map(NamedRules::name).collect(Collectors.joining(", ")) + ")");
        }
      }
      require(order == null || List.of("bottom-up", "top-down", "arbitrary", "depth-first")
          .contains(order), "order", "order is bottom-up, top-down, arbitrary or depth-first");
      require(!kind.equals("join-order") || strategy == null
          || List.of("greedy", "dp").contains(strategy), "strategy", "strategy is greedy or dp");
      require(limit == null || (limit >= 1 && limit <= 20), "limit",
          "the exact join-enumeration limit is 1 to 20 relations, got " + limit);
      require(costModel == null || List.of("calcite-hash-join", "c-out").contains(costModel),
          "costModel", "costModel is calcite-hash-join or c-out");
      require(semiJoins == null || !semiJoins || "dp".equals(strategy), "semiJoins",
          "semi joins while ordering need strategy dp");
    }

    String stepName() {
      return name != null ? name : kind.replace('-', '_');
    }
  }

  /** Thrown by the specs' checks; Jackson reports it with the field's path and position. */
  static void require(boolean ok, String field, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** True if {@code value} names a configuration file rather than a built-in. */
  public static boolean looksLikeFile(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.endsWith(".json") || v.endsWith(".yaml") || v.endsWith(".yml")
        || Files.isRegularFile(Path.of(value));
  }

  /**
   * Reads a configuration file.
   *
   * @throws ConfigException naming the file, field and position if it is not valid
   */
  public static PhasedOptimizer load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /** Parses configuration text; {@code source} names it in errors and picks JSON or YAML. */
  public static PhasedOptimizer parse(String source, String text) {
    boolean yaml = !source.toLowerCase(Locale.ROOT).endsWith(".json");
    ObjectMapper mapper = (yaml ? YAMLMapper.builder() : JsonMapper.builder())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
    Spec spec;
    try {
      spec = mapper.readValue(text, Spec.class);
    } catch (JsonMappingException e) {
      throw new ConfigException(where(source, e.getLocation()) + field(e) + reason(e));
    } catch (JsonProcessingException e) {
      throw new ConfigException(where(source, e.getLocation())
          + org.planlab.planner.result.JsonMessages.clean(e.getOriginalMessage()));
    }
    if (spec == null) {
      throw new ConfigException(source + ": empty configuration");
    }
    return build(source, spec);
  }

  private static String where(String source, @Nullable JsonLocation loc) {
    return loc == null || loc.getLineNr() < 0 ? source + ": "
        : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
  }

  private static String field(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      }
    }
    return sb.length() == 0 ? "" : "field " + sb + ": ";
  }

  private static String reason(JsonMappingException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof IllegalArgumentException && t.getMessage() != null) {
      return t.getMessage();
    }
    return org.planlab.planner.result.JsonMessages.clean(e.getOriginalMessage());
  }

  private static PhasedOptimizer build(String source, Spec spec) {
    List<Phase> phases = new ArrayList<>();
    List<String> stepNames = new ArrayList<>();
    for (PhaseSpec p : spec.phases()) {
      if (p.startAfter() != null && !stepNames.contains(p.startAfter())) {
        throw new ConfigException(source + ": phase " + p.name() + ": startAfter names no step "
            + "of an earlier phase: '" + p.startAfter() + "' (earlier steps: "
            + String.join(", ", stepNames) + ")");
      }
      if (p.ifMultiInputSemiJoinsAfter() != null && !stepNames.contains(p.ifMultiInputSemiJoinsAfter())) {
        throw new ConfigException(source + ": phase " + p.name() + ": ifMultiInputSemiJoinsAfter names no "
            + "step of an earlier phase: '" + p.ifMultiInputSemiJoinsAfter() + "' (earlier steps: "
            + String.join(", ", stepNames) + ")");
      }
      List<Step> steps = new ArrayList<>();
      for (StepSpec s : p.steps()) {
        steps.add(step(s));
        stepNames.add(s.stepName());
      }
      PhaseBudget budget = p.budget() == null ? PhaseBudget.UNLIMITED
          : new PhaseBudget(p.budget().seconds() == null ? null
              : Duration.ofNanos((long) (p.budget().seconds() * 1e9)),
              p.budget().ruleCalls() == null ? 0 : p.budget().ruleCalls());
      phases.add(new Phase(p.name(), steps, budget, p.startAfter(), p.ifMultiInputSemiJoinsAfter()));
    }
    CostGate gate = spec.gate() == null ? null
        : spec.gate().cost() != null ? CostGate.cost(spec.gate().cost())
        : CostGate.joins(spec.gate().joins());
    return new PhasedOptimizer(spec.name(), spec.description() == null
        ? "from " + source : spec.description(), Configurations::volcano, phases, gate)
        .withCostModel(spec.costModel() == null ? null : spec.costModel().model());
  }

  private static Step step(StepSpec s) {
    String name = s.stepName();
    switch (s.kind()) {
      case "subquery-removal":
        return Steps.subqueryRemoval(name);
      case "decorrelate":
        return Steps.decorrelate(name);
      case "trim-fields":
        return Steps.trimFields(name);
      case "calc":
        return Steps.calc(name);
      case "hep":
        return Step.hep(name, order(s.order()), rules(s.rules()));
      case "volcano":
        // Enumerable rules alone have nothing to choose on join-free plans.
        return s.rules().equals(List.of(RuleCatalog.ENUMERABLE.name()))
            ? Steps.implementEnumerable(name) : Step.volcano(name, rules(s.rules()));
      case "join-order": {
        MultiJoinOrderRule.Config c = "dp".equals(s.strategy())
            ? MultiJoinOrderRule.Config.DP.withEnumerator(new DpJoinEnumerator(
                s.limit() == null ? DpJoinEnumerator.DEFAULT_LIMIT : s.limit()))
            : MultiJoinOrderRule.Config.GREEDY.withEnumerator(GreedyJoinEnumerator.INSTANCE);
        if ("c-out".equals(s.costModel())) {
          c = c.withCostModel(JoinCostModel.C_OUT);
        }
        if (s.semiJoins() != null) {
          c = c.withSemiJoins(s.semiJoins());
        }
        return Steps.joinOrder(name, List.of(c.toRule()));
      }
      default:
        throw new IllegalStateException(s.kind());
    }
  }

  private static List<RelOptRule> rules(List<String> names) {
    List<RelOptRule> rules = new ArrayList<>();
    for (String n : names) {
      rules.addAll(RuleCatalog.byName(n).rules());
    }
    return rules;
  }

  private static HepMatchOrder order(@Nullable String order) {
    if (order == null) {
      return HepMatchOrder.BOTTOM_UP;
    }
    return switch (order) {
      case "top-down" -> HepMatchOrder.TOP_DOWN;
      case "arbitrary" -> HepMatchOrder.ARBITRARY;
      case "depth-first" -> HepMatchOrder.DEPTH_FIRST;
      default -> HepMatchOrder.BOTTOM_UP;
    };
  }

  /** A configuration file that cannot be used; the message names file, field and position. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
      super(message);
    }
  }
}
