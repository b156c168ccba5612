package org.planlab.planner.phased;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import java.util.Map;

import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptRuleOperand;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.RelHintsPropagator;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.optimize.Provenance;
import org.planlab.rules.OrderSafeProjectionRules;
import org.planlab.rules.ProjectionCollations;

/**
 * Physical implementation and Calc formation by walking the plan once,
 * where a search has nothing to choose.
 *
 * <p>A plan of scans, filters, projects, aggregates and sorts has one
 * Enumerable implementation per operator (Enumerable has no index and one
 * aggregate algorithm), so Volcano, asked for the cheapest, returns exactly
 * that; but setting it up and registering the plan costs several times what
 * parsing the query costs. {@link #implement} converts such a plan operator by
 * operator with the same converter rules, and declines anything else (joins,
 * correlates, set operations, windows, values, whose several collations
 * Volcano reconciles), which goes to Volcano.
 *
 * <p>{@link #calc} does what Calcite's Calc program ({@code Programs.calc})
 * does with a Hep planner: each Enumerable Filter and Project becomes a Calc,
 * and a Calc over a Calc merges into one, except that a Calc with windowed
 * aggregates does not merge into the Calc below it.
 */
final class DirectImplementation {
  private DirectImplementation() {
  }

  /**
   * The Enumerable plan for {@code rel}, or null if some operator has none
   * without a search or the result does not have {@code desired} traits.
   */
  static @Nullable RelNode implement(RelNode rel, RelTraitSet desired,
      @Nullable Provenance provenance) {
    RelNode out = convert(rel, provenance);
    return out != null && out.getTraitSet().satisfies(desired) ? out : null;
  }

  private static @Nullable RelNode convert(RelNode rel, @Nullable Provenance provenance) {
    // Decline before converting anything below: a join plan (most plans with
    // work to do) must not pay for converting its scans first.
    if (!(rel instanceof LogicalTableScan || rel instanceof LogicalFilter
        || rel instanceof LogicalProject || rel instanceof LogicalAggregate
        || rel instanceof LogicalSort)) {
      return null;
    }
    List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
    for (RelNode input : rel.getInputs()) {
      RelNode c = convert(input, provenance);
      if (c == null) {
        return null;
      }
      inputs.add(c);
    }
    RelNode r = inputs.equals(rel.getInputs()) ? rel : rel.copy(rel.getTraitSet(), inputs);
    if (r instanceof LogicalTableScan) {
      return with(EnumerableRules.ENUMERABLE_TABLE_SCAN_RULE, r, provenance);
    } else if (r instanceof LogicalFilter) {
      return with(EnumerableRules.ENUMERABLE_FILTER_RULE, r, provenance);
    } else if (r instanceof LogicalProject p) {
      return RexOver.containsOver(p.getProjects(), null) ? null
          : with(OrderSafeProjectionRules.PROJECT, r, provenance);
    } else if (r instanceof LogicalAggregate) {
      return with(EnumerableRules.ENUMERABLE_AGGREGATE_RULE, r, provenance);
    } else if (r instanceof LogicalSort s) {
      if (s.fetch == null && s.offset == null) {
        return with(EnumerableRules.ENUMERABLE_SORT_RULE, r, provenance);
      }
      // A top-k sort is cheaper than a full sort under a limit, as Volcano finds.
      boolean limitOnly = s.getCollation().getFieldCollations().isEmpty();
      RelNode out = limitOnly
          ? EnumerableLimit.create(s.getInput(), s.offset, s.fetch)
          : EnumerableLimitSort.create(s.getInput(), s.getCollation(), s.offset, s.fetch);
      if (provenance != null) {
        provenance.record(out, limitOnly ? "EnumerableLimit.create" : "EnumerableLimitSort.create",
            s);
      }
      return out;
    }
    return null;
  }

  private static @Nullable RelNode with(Object rule, RelNode rel,
      @Nullable Provenance provenance) {
    if (!(rule instanceof ConverterRule converter)
        || rel.getConvention() != converter.getInTrait()) {
      return null;
    }
    RelNode out = converter.convert(rel);
    if (out == null || out.getConvention() != EnumerableConvention.INSTANCE) {
      return null;
    }
    if (provenance != null) {
      provenance.record(out, converter.toString(), rel);
    }
    return out;
  }

  /**
   * Enumerable Filters and Projects as Calcs, merged where one sits on
   * another. Each chain of them becomes one Calc: the programs are merged
   * first and the Calc made once, since making a Calc derives its traits
   * from metadata.
   */
  static RelNode calc(RelNode rel) {
    RexProgram program = programOf(rel);
    if (program == null) {
      List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
      for (RelNode input : rel.getInputs()) {
        inputs.add(calc(input));
      }
      return inputs.equals(rel.getInputs()) ? rel : rel.copy(rel.getTraitSet(), inputs);
    }
    RexBuilder rex = rel.getCluster().getRexBuilder();
    RelNode input = rel.getInput(0);
    RexProgram below;
    // A Calc with windowed aggregates does not merge into the one below it.
    while (!RexOver.containsOver(program) && (below = programOf(input)) != null) {
      program = RexProgramBuilder.mergePrograms(program, below, rex);
      input = input.getInput(0);
    }
    RelNode newInput = calc(input);
    if (rel instanceof EnumerableCalc c && c.getInput() == newInput && c.getProgram() == program) {
      return rel;
    }
    // The Calc returns the rows of the chain it replaces, in their order: it
    // claims what it derives and what the chain's top claimed.
    List<RelCollation> claimed = rel.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
    return ProjectionCollations.calc(newInput, program, claimed == null ? List.of() : claimed);
  }

  /** The program of an Enumerable Filter, Project or Calc; null for anything else. */
  private static @Nullable RexProgram programOf(RelNode rel) {
    RexBuilder rex = rel.getCluster().getRexBuilder();
    if (rel instanceof EnumerableFilter f) {
      RexProgramBuilder b = new RexProgramBuilder(f.getInput().getRowType(), rex);
      b.addIdentity();
      b.addCondition(f.getCondition());
      return b.getProgram();
    } else if (rel instanceof EnumerableProject p) {
      return RexProgram.create(p.getInput().getRowType(), p.getProjects(), null, p.getRowType(),
          rex);
    } else if (rel instanceof EnumerableCalc c) {
      return c.getProgram();
    }
    return null;
  }

  /**
   * {@code rule}, whose operand is one relational expression, applied to
   * every node of {@code rel} it matches, bottom-up and again to what it
   * makes until it no longer matches, without a Hep planner:
   * for a five-node plan, building and walking Hep's graph costs more than
   * the rule. Returns {@code rel} where nothing matched.
   */
  static RelNode applyEverywhere(RelOptRule rule, RelNode rel, RelOptPlanner planner) {
    return applyEverywhere(rule, rel, planner, 0);
  }

  private static RelNode applyEverywhere(RelOptRule rule, RelNode rel, RelOptPlanner planner,
      int depth) {
    if (depth > 16) {
      throw new IllegalStateException(rule + " keeps rewriting its own output");
    }
    List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
    for (RelNode input : rel.getInputs()) {
      inputs.add(applyEverywhere(rule, input, planner, depth));
    }
    RelNode r = inputs.equals(rel.getInputs()) ? rel : rel.copy(rel.getTraitSet(), inputs);
    RelOptRuleOperand operand = rule.getOperand();
    if (rule.getOperands().size() != 1 || !operand.matches(r)) {
      return r;
    }
    RelNode[] result = new RelNode[1];
    RelOptRuleCall call = new RelOptRuleCall(planner, operand, new RelNode[] {r}, Map.of()) {
      @Override
      public void transformTo(RelNode to, Map<RelNode, RelNode> equiv,
          RelHintsPropagator handler) {
        result[0] = to;
      }
    };
    if (rule.matches(call)) {
      rule.onMatch(call);
    }
    // What the rule made may match again (AVG gives SUM, which reduces
    // further), as Hep would apply it to a fixpoint.
    return result[0] == null ? r : applyEverywhere(rule, result[0], planner, depth + 1);
  }
}
