package org.planlab.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.rel.rules.PruneEmptyRules;

/** The rule sets optimizer configurations are built from, by name. */
public final class RuleCatalog {
  private RuleCatalog() {
  }

  /**
   * Calcite's rules that planlab replaces, each with its replacement: the
   * same rewrite, except where Calcite's gives wrong answers (each class
   * says which, and how {@code planlab fuzz} or a suite query found it).
   * Declared before the rule sets, which are made from it as the class loads.
   */
  private static final Map<RelOptRule, RelOptRule> REPLACEMENTS = Map.ofEntries(
      Map.entry(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE, OuterSafeMergeJoinRule.INSTANCE),
      Map.entry(EnumerableRules.ENUMERABLE_MERGE_UNION_RULE,
          DistinctSafeMergeUnionRule.INSTANCE),
      Map.entry(PruneEmptyRules.AGGREGATE_INSTANCE, PruneEmptyAggregateRule.INSTANCE),
      Map.entry(CoreRules.PROJECT_TO_SEMI_JOIN, GrandTotalSafeSemiJoinRules.PROJECT),
      Map.entry(CoreRules.JOIN_TO_SEMI_JOIN, GrandTotalSafeSemiJoinRules.JOIN),
      Map.entry(CoreRules.AGGREGATE_TO_SEMI_JOIN, GrandTotalSafeSemiJoinRules.AGGREGATE),
      Map.entry(CoreRules.SORT_PROJECT_TRANSPOSE, OrderSafeProjectionRules.SORT_PROJECT_TRANSPOSE),
      Map.entry(EnumerableRules.ENUMERABLE_PROJECT_RULE, OrderSafeProjectionRules.PROJECT),
      Map.entry(EnumerableRules.ENUMERABLE_CALC_RULE, OrderSafeProjectionRules.CALC),
      Map.entry(EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE,
          OrderSafeProjectionRules.PROJECT_TO_CALC),
      Map.entry(CoreRules.FILTER_REDUCE_EXPRESSIONS, NullSafeReduceExpressionsRules.FILTER),
      Map.entry(CoreRules.JOIN_REDUCE_EXPRESSIONS, NullSafeReduceExpressionsRules.JOIN));

  /**
   * What Calcite's JDBC path registers in its Volcano planner
   * ({@code RelOptUtil.registerDefaultRules} without materializations or
   * Bindable): logical rewrites, join commute and push-through, and the
   * Enumerable implementation rules. Kept as Calcite ships it so that
   * planlab's own configurations have an unmodified baseline to beat.
   */
  public static final NamedRules CALCITE_DEFAULT = new NamedRules("calcite-default",
      "Calcite's default Volcano rules as its JDBC driver registers them: the baseline",
      calciteDefaultRules());

  /**
   * Calcite's default rules without join push-through, the associativity
   * that lets Volcano regroup joins and makes {@link #CALCITE_DEFAULT}'s
   * search exponential: the grouping of the join tree chosen beforehand
   * stays, while every other cost-based rewrite of Calcite's (join commute,
   * aggregate transpose, semi joins, sort and project pushing, merge or hash
   * join) still applies. Keeping commute costs little (two orientations per
   * join) and measurably lowers cost on TPC-H Q5 and Q11.
   */
  public static final NamedRules CALCITE_FIXED_ORDER = new NamedRules("calcite-fixed-order",
      "Calcite's default Volcano rules minus join push-through: its cost-based rewrites and "
          + "join commute on a join tree grouped beforehand, without its exponential search",
      calciteDefaultRules().stream()
          .filter(r -> !(r instanceof JoinPushThroughJoinRule)
              && r != CoreRules.JOIN_ASSOCIATE)
          .toList());

  /** Logical clean-up that never makes a plan worse, run to a fixpoint by Hep. */
  public static final NamedRules NORMALIZE = new NamedRules("normalize",
      "filter pushdown into and through joins, project and filter merging, constant folding, "
          + "AVG/STDDEV into SUM/COUNT, DISTINCT aggregates into two levels, OR-factoring, "
          + "window functions into Window operators: cheap, and what Enumerable needs",
      List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
          CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_AGGREGATE_TRANSPOSE,
          CoreRules.FILTER_MERGE, CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE,
          NullSafeReduceExpressionsRules.FILTER,
          NullSafeReduceExpressionsRules.JOIN, PlanlabRules.REDUCE_AVERAGES,
          CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES,
          PlanlabRules.OR_FACTOR_FILTER,
          PlanlabRules.OR_FACTOR_JOIN, CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW));

  /** Collapses trees of joins into MultiJoins for the join-order rules. */
  public static final NamedRules MULTI_JOIN = new NamedRules("multi-join",
      "collapses inner-join trees, with the filters and projects between them, into one "
          + "MultiJoin per block so that a join-order strategy sees every input at once; outer "
          + "joins stay as written",
      List.of(PlanlabRules.INNER_JOIN_TO_MULTI_JOIN, CoreRules.FILTER_MULTI_JOIN_MERGE,
          CoreRules.PROJECT_MULTI_JOIN_MERGE));

  public static final NamedRules JOIN_ORDER_GREEDY = new NamedRules("join-order-greedy",
      "greedy operator ordering over the join graph: O(n^3), never an avoidable cross "
          + "product",
      List.of(PlanlabRules.JOIN_ORDER_GREEDY));

  public static final NamedRules JOIN_ORDER_DP = new NamedRules("join-order-dp",
      "exact bushy join enumeration by dynamic programming over connected subsets, greedy "
          + "above 12 relations; a join whose right side is needed only to filter and is unique "
          + "on its keys may be a semi join, when that costs less",
      List.of(PlanlabRules.JOIN_ORDER_DP));

  public static final NamedRules JOIN_ORDER_DP_INNER = new NamedRules("join-order-dp-inner",
      "join-order-dp with inner joins only: no join becomes a semi join while ordering",
      List.of(PlanlabRules.JOIN_ORDER_DP_INNER));

  public static final NamedRules TRANSITIVE_PREDICATES = new NamedRules("transitive-predicates",
      "infers filters across join keys (a = b AND a < 5 gives b < 5) and pushes them down, so "
          + "both inputs of a join shrink",
      List.of(PlanlabRules.TRANSITIVE_PREDICATES, CoreRules.FILTER_INTO_JOIN,
          CoreRules.JOIN_CONDITION_PUSH, CoreRules.FILTER_PROJECT_TRANSPOSE,
          CoreRules.FILTER_MERGE));

  /** The Enumerable implementation rules, with no logical rewrite. */
  public static final NamedRules ENUMERABLE = new NamedRules("enumerable",
      "Calcite's Enumerable implementation rules only: chooses physical operators for a "
          + "fixed logical plan, in milliseconds",
      enumerableRules());

  public static final NamedRules SEMI_JOIN = new NamedRules("semi-join",
      "turns joins whose right side only filters (IN, EXISTS after decorrelation) into semi "
          + "joins, which stop at the first match, also under an Aggregate that uses only the "
          + "left side (TPC-H Q4), and drops a DISTINCT from a semi join's right side",
      List.of(GrandTotalSafeSemiJoinRules.PROJECT, GrandTotalSafeSemiJoinRules.JOIN,
          GrandTotalSafeSemiJoinRules.AGGREGATE, CoreRules.JOIN_ON_UNIQUE_TO_SEMI_JOIN,
          PlanlabRules.SEMI_JOIN_DISTINCT_REMOVE));

  private static final List<NamedRules> ALL = List.of(CALCITE_DEFAULT, CALCITE_FIXED_ORDER,
      NORMALIZE, MULTI_JOIN,
      JOIN_ORDER_GREEDY, JOIN_ORDER_DP, JOIN_ORDER_DP_INNER, TRANSITIVE_PREDICATES,
      ENUMERABLE, SEMI_JOIN);

  public static List<NamedRules> all() {
    return ALL;
  }

  /** The rule set with this name. */
  public static NamedRules byName(String name) {
    return ALL.stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown rule set '" + name
            + "' (known: " + ALL.stream().map(NamedRules::name)
                .collect(Collectors.joining(", ")) + ")"));
  }

  /** {@code rules}, in order, with each of Calcite's that planlab replaces replaced. */
  static List<RelOptRule> withReplacements(List<RelOptRule> rules) {
    List<RelOptRule> out = new ArrayList<>(rules.size());
    for (RelOptRule r : rules) {
      out.add(REPLACEMENTS.getOrDefault(r, r));
    }
    return out;
  }

  private static List<RelOptRule> calciteDefaultRules() {
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    RelOptUtil.registerDefaultRules(planner, false, false);
    return withReplacements(planner.getRules());
  }

  private static List<RelOptRule> enumerableRules() {
    List<RelOptRule> rules = withReplacements(EnumerableRules.ENUMERABLE_RULES);
    rules.add(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
    rules.add(CoreRules.PROJECT_REMOVE);
    return rules;
  }
}
