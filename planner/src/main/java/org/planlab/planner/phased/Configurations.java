package org.planlab.planner.phased;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.planlab.planner.cost.CostModel;
import org.planlab.rules.NamedRules;
import org.planlab.rules.RuleCatalog;

/**
 * The built-in optimizer configurations and the phases they are made of.
 *
 * <ul>
 *   <li>{@code calcite-default}: Calcite's JDBC path, with Calcite's heuristic
 *       join order for queries of 6 joins or more ({@link CalciteDriverProgram}).</li>
 *   <li>{@code cheap-only}: phase 1 alone.</li>
 *   <li>{@code two-phase}: phase 1, then phase 2 when phase 1's cost exceeds
 *       a threshold, by default the cost model's
 *       ({@link CostModel#defaultGateThreshold()}: 1e5 rows for Calcite's).</li>
 *   <li>{@code exhaustive}: phase 1, then phase 2 always.</li>
 * </ul>
 */
public final class Configurations {
  private Configurations() {
  }


  /** The default time budget of the expensive phase. */
  public static final Duration EXPENSIVE_PHASE_TIME = Duration.ofSeconds(10);

  public static PhasedOptimizer calciteDefault() {
    Function<Context, RelOptPlanner> planner = context -> {
      VolcanoPlanner p = volcano(context);
      RuleCatalog.CALCITE_DEFAULT.installInto(p);
      return p;
    };
    Phase standard = new Phase("standard", List.of(
        new Step.Simple("programs_standard", true, (rel, context) ->
            CalciteDriverProgram.of(CostModel.of(context.planner()).metadataProvider())
                .run(context.planner(), rel, context.desiredTraits(), List.of(), List.of()))),
        PhaseBudget.UNLIMITED, null);
    return new PhasedOptimizer("calcite-default",
        "Calcite's Programs.standard() with its default Volcano rules (the JDBC driver's path); "
            + "from " + CalciteDriverProgram.MIN_JOINS + " joins on, Calcite's heuristic join order",
        planner, List.of(standard), null);
  }

  public static PhasedOptimizer cheapOnly() {
    return new PhasedOptimizer("cheap-only",
        "phase 1 alone: normalize, greedy join order, Enumerable implementation",
        Configurations::volcano, List.of(cheapPhase()), null);
  }

  public static PhasedOptimizer twoPhase(double threshold) {
    return new PhasedOptimizer("two-phase",
        "phase 1, then exact DP join order and expensive rewrites when phase 1's cost > "
            + org.planlab.planner.plan.PlanText.number(threshold),
        Configurations::volcano, List.of(cheapPhase(), expensivePhase(), innerJoinPhase()),
        CostGate.cost(threshold));
  }

  public static PhasedOptimizer exhaustive() {
    return new PhasedOptimizer("exhaustive",
        "phase 1, then phase 2 always (its rules always on, within its budget)",
        Configurations::volcano, List.of(cheapPhase(), expensivePhase(), innerJoinPhase()),
        CostGate.cost(0));
  }

  /**
   * Phase 1: normalization (sub-query removal, decorrelation, filter
   * pushdown, OR-factoring, field trimming), greedy join order, then
   * physical implementation with Enumerable rules only.
   */
  public static Phase cheapPhase() {
    return new Phase("cheap", List.of(
        Steps.subqueryRemoval("subquery_removal"),
        Steps.decorrelate("decorrelate"),
        Steps.normalize("normalize"),
        Steps.trimFields("trim_fields"),
        Steps.joinOrder("join_order", RuleCatalog.JOIN_ORDER_GREEDY.rules()),
        Steps.implementEnumerable("implement"),
        Steps.calc("calc")),
        PhaseBudget.UNLIMITED, null);
  }

  /**
   * Phase 2, from phase 1's normalized plan: exact join order, transitive
   * predicates, then implementation with semi-join conversion.
   */
  public static Phase expensivePhase() {
    return exactJoinOrderPhase("expensive", "join_order_dp", RuleCatalog.JOIN_ORDER_DP, null);
  }

  /**
   * Phase 3, a hedge: where phase 2's join order semi-joins a join of several
   * inputs, the same phase with inner joins only. The join enumerator
   * estimates such a semi join with one selectivity per pair of inputs, the
   * planner with one formula over the semi join's whole condition, and the
   * two can part (TPC-H Q7), so both plans are built and the cheaper kept.
   * A semi join on a single input is estimated alike by both and not hedged.
   */
  public static Phase innerJoinPhase() {
    return exactJoinOrderPhase("inner-joins", "join_order_dp_inner",
        RuleCatalog.JOIN_ORDER_DP_INNER, "join_order_dp");
  }

  /**
   * From phase 1's normalized plan: {@code joinOrder}, transitive predicates,
   * then implementation with semi-join conversion, within
   * {@link #EXPENSIVE_PHASE_TIME}.
   */
  private static Phase exactJoinOrderPhase(String name, String joinOrderStep,
      NamedRules joinOrder, @org.checkerframework.checker.nullness.qual.Nullable
      String ifMultiInputSemiJoinsAfter) {
    return new Phase(name, List.of(
        Steps.joinOrder(joinOrderStep, joinOrder.rules()),
        Step.hep("transitive_predicates", HepMatchOrder.BOTTOM_UP,
            RuleCatalog.TRANSITIVE_PREDICATES.rules()).onlyIf(PlanShape::hasJoin),
        Step.volcano("implement", concat(RuleCatalog.CALCITE_FIXED_ORDER, RuleCatalog.SEMI_JOIN)),
        Steps.calc("calc")),
        new PhaseBudget(EXPENSIVE_PHASE_TIME, 0), "trim_fields", ifMultiInputSemiJoinsAfter);
  }

  private static List<org.apache.calcite.plan.RelOptRule> concat(NamedRules a, NamedRules b) {
    List<org.apache.calcite.plan.RelOptRule> l = new java.util.ArrayList<>(a.rules());
    l.addAll(b.rules());
    return l;
  }

  /**
   * A Volcano planner with the convention and collation traits Calcite's
   * driver uses, comparing costs of the cost model in {@code context}.
   */
  static VolcanoPlanner volcano(Context context) {
    CostModel model = context.unwrap(CostModel.class);
    VolcanoPlanner p = new VolcanoPlanner(model == null ? null : model.costFactory(), context);
    p.addRelTraitDef(ConventionTraitDef.INSTANCE);
    if (CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
      p.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    }
    return p;
  }
}
