package org.planlab.planner.phased;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.planlab.planner.cost.CostModel;
import org.planlab.rules.PlanlabRules;
import org.planlab.rules.RuleCatalog;

/**
 * The steps phases are built from, each with the test that lets the runner
 * skip it where it cannot change the plan. The built-in configurations and
 * configuration files both take their steps from here, so a step of a given
 * kind behaves the same wherever it is used.
 */
public final class Steps {
  private Steps() {
  }

  /** Sub-query removal per metadata provider: Calcite's program installs the one it is given. */
  private static final Map<RelMetadataProvider, Program> SUB_QUERY = new ConcurrentHashMap<>();

  /** IN, EXISTS and scalar sub-queries into joins and correlates; only where there are any. */
  public static Step subqueryRemoval(String name) {
    return new Step.Simple(name, true, (rel, context) -> SUB_QUERY.computeIfAbsent(
            CostModel.of(context.planner()).metadataProvider(), Programs::subQuery)
        .run(context.planner(), rel, context.desiredTraits(), List.of(), List.of()))
        .onlyIf(PlanShape::hasSubQuery);
  }

  /**
   * Correlates into joins; only where there are any. Where Calcite's
   * decorrelator throws, the correlates stay (Enumerable runs them as
   * nested loops): it indexes an Aggregate's group set by the bit set's
   * capacity, not its cardinality, when it asks whether an aggregate call's
   * field can be NULL ({@code RelDecorrelator.isFieldNotNullRecursive}),
   * which {@code planlab fuzz} met with NOT IN over a grouped derived table.
   */
  public static Step decorrelate(String name) {
    return Step.of(name, rel -> decorrelateOrKeep(rel, r -> RelDecorrelator.decorrelateQuery(r,
        RelFactories.LOGICAL_BUILDER.create(r.getCluster(), null))))
        .onlyIf(PlanShape::hasCorrelate);
  }

  /**
   * {@code decorrelate} applied to {@code rel}; where it fails as Calcite's
   * decorrelator is known to ({@link CalciteFailures#isKnownFailure}), {@code rel} as it is.
   * A UNION whose branches the decorrelator left with their fields in
   * different orders ({@link CalciteFailures#isSetOpRowTypeMismatch}) is tried once more
   * with constant group keys pulled up above their Aggregates first, since
   * that is where the decorrelator misplaces fields; the correlated plan is
   * a last resort, because its nested loops can be slow.
   */
  static RelNode decorrelateOrKeep(RelNode rel, UnaryOperator<RelNode> decorrelate) {
    try {
      return keptGroups(rel, decorrelate.apply(rel));
    } catch (RuntimeException | AssertionError e) {
      if (!CalciteFailures.isKnownFailure(e)) {
        throw e;
      }
      if (e instanceof IllegalArgumentException) {
        try {
          return keptGroups(rel, decorrelate.apply(pullUpConstantGroupKeys(rel)));
        } catch (RuntimeException | AssertionError again) {
          if (!CalciteFailures.isKnownFailure(again)) {
            throw again;
          }
        }
      }
      return rel;
    }
  }

  /**
   * {@code decorrelated}, unless it has more Aggregates without group keys
   * than {@code rel} or reads fewer tables ({@link #tables}); {@code rel}
   * then stays as it is. Calcite's decorrelator drops
   * an Aggregate's group keys that its input projects as literals, and puts
   * them back above it; where every key is such a literal, the Aggregate
   * becomes a grand total, which returns a row over no input rows where
   * {@code GROUP BY} a constant returns none ({@code planlab fuzz} found it by
   * ternary logic partitioning: a grouped query over no rows, partitioned by
   * an EXISTS correlated to its key, returned one row).
   */
  static RelNode keptGroups(RelNode rel, RelNode decorrelated) {
    return grandTotals(decorrelated) > grandTotals(rel)
        || !tables(decorrelated).containsAll(tables(rel)) ? rel : decorrelated;
  }

  /**
   * The tables {@code rel} reads. Where the decorrelator drops every group
   * key of an Aggregate with no calls (a {@code SELECT DISTINCT} of
   * constants), Calcite's RelBuilder finds the Aggregate reads no field and
   * replaces its input, tables and all, by one row: {@code planlab fuzz}
   * found a DISTINCT over a filter that no row passed answer one row. A
   * decorrelated plan that reads fewer tables than the query is taken to be
   * such a plan, and the correlates stay.
   */
  private static Set<List<String>> tables(RelNode rel) {
    Set<List<String>> out = new HashSet<>();
    rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        if (other instanceof TableScan scan) {
          out.add(scan.getTable().getQualifiedName());
        }
        return super.visit(other);
      }
    });
    return out;
  }

  private static int grandTotals(RelNode rel) {
    int n = rel instanceof Aggregate a
        && a.getGroupSet().isEmpty() ? 1 : 0;
    for (RelNode input : rel.getInputs()) {
      n += grandTotals(input);
    }
    return n;
  }

  private static final HepProgram PULL_UP_CONSTANTS = HepProgram.builder()
      .addMatchOrder(HepMatchOrder.BOTTOM_UP)
      .addRuleInstance(CoreRules.AGGREGATE_PROJECT_PULL_UP_CONSTANTS).build();

  /** {@code rel} with the group keys its Aggregates know to be constant projected above them. */
  static RelNode pullUpConstantGroupKeys(RelNode rel) {
    HepPlanner hep = new HepPlanner(PULL_UP_CONSTANTS);
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  /**
   * Drops unused fields. Conversion already trimmed, so this only pays where
   * sub-query removal and decorrelation made joins.
   */
  public static Step trimFields(String name) {
    return Step.of(name, rel -> {
      try {
        return new RelFieldTrimmer(null,
            RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null)).trim(rel);
      } catch (RuntimeException | AssertionError e) {
        if (CalciteFailures.isKnownFailure(e)) {
          return rel; // as PlanningSession.trimUnusedFields: the plan untrimmed is the same query
        }
        throw e;
      }
    }).onlyIf(PlanShape::hasJoin);
  }

  /**
   * The final physical pass: Projects and Filters into Calcs, as Calcite's
   * {@code Programs.calc} makes them, in one walk over the plan.
   */
  public static Step calc(String name) {
    return new Step.Simple(name, true, (rel, context) -> DirectImplementation.calc(rel));
  }

  /**
   * Normalization with the {@code normalize} rule set, skipped where
   * {@link NormalForm} proves it cannot change the plan.
   */
  public static Step normalize(String name) {
    Step all = Step.hep(name, HepMatchOrder.BOTTOM_UP, RuleCatalog.NORMALIZE.rules());
    // Reducing aggregate calls adds a Project over the Aggregate, which
    // forming Calcs merges with the Project above; nothing else can follow.
    return new Step.Simple(name, false, (rel, context) ->
        NormalForm.of(rel) == NormalForm.Verdict.AGGREGATES_TO_REDUCE
            ? DirectImplementation.applyEverywhere(PlanlabRules.REDUCE_AVERAGES, rel,
                context.planner())
            : all.apply(rel, context))
        .onlyIf(rel -> !NormalForm.isNormal(rel));
  }

  /**
   * Physical implementation with Enumerable rules only. A plan without joins
   * and other operators with alternatives is converted operator by operator,
   * which is what Volcano would return, without its setup; any other plan
   * goes to Volcano.
   */
  public static Step implementEnumerable(String name) {
    Step volcano = Step.volcano(name, RuleCatalog.ENUMERABLE.rules());
    return new Step.Simple(name, true, (rel, context) -> {
      RelNode direct = DirectImplementation.implement(rel, context.desiredTraits(),
          context.control().provenance());
      return direct != null ? direct : volcano.apply(rel, context);
    });
  }

  /**
   * Inner joins into MultiJoins, {@code orderRules} to order them, then
   * projection clean-up; only where there are joins.
   */
  public static Step joinOrder(String name, List<RelOptRule> orderRules) {
    HepProgramBuilder b = HepProgram.builder();
    b.addMatchOrder(HepMatchOrder.BOTTOM_UP);
    b.addRuleCollection(RuleCatalog.MULTI_JOIN.rules());
    b.addMatchOrder(HepMatchOrder.BOTTOM_UP);
    b.addRuleCollection(orderRules);
    b.addRuleCollection(List.of(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE));
    return Step.hep(name, b.build()).onlyIf(PlanShape::hasJoin);
  }
}
