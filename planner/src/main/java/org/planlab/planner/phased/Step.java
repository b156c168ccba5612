package org.planlab.planner.phased;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.tools.Program;

/**
 * One named step of a {@link Phase}: a Hep program, a Volcano rule set, a
 * join-order strategy or any rewrite of a plan. Steps are run by
 * {@link PhaseRunner}, which times them, checks cancellation and verifies
 * their output.
 */
public interface Step {

  /** Stable snake_case name, shared by traces, config files and tests. */
  String name();

  /**
   * True if the phase cannot produce a plan without this step (physical
   * implementation); such steps run even when the phase is being stopped,
   * and are expected to return their best plan so far.
   */
  default boolean required() {
    return false;
  }

  RelNode apply(RelNode rel, StepContext context);

  /**
   * False if the step cannot change {@code rel}, so that the runner skips it
   * (and records it as skipped) instead of paying for it.
   */
  default boolean appliesTo(RelNode rel) {
    return true;
  }

  /** This step, run only on plans that {@code applies} accepts. */
  default Step onlyIf(java.util.function.Predicate<RelNode> applies) {
    Step self = this;
    return new Step() {
      @Override
      public String name() {
        return self.name();
      }

      @Override
      public boolean required() {
        return self.required();
      }

      @Override
      public boolean appliesTo(RelNode rel) {
        return applies.test(rel) && self.appliesTo(rel);
      }

      @Override
      public RelNode apply(RelNode rel, StepContext context) {
        return self.apply(rel, context);
      }
    };
  }

  /** Rules applied by a Hep planner until none matches, in {@code order}. */
  static Step hep(String name, HepMatchOrder order, List<RelOptRule> rules) {
    HepProgramBuilder b = HepProgram.builder().addMatchOrder(order);
    b.addRuleCollection(rules);
    return hep(name, b.build());
  }

  /** A Hep program, on a Hep planner sharing the query's context and effort counter. */
  static Step hep(String name, HepProgram program) {
    return new Simple(name, false, (rel, context) -> {
      HepPlanner hep = new HepPlanner(program, context.planner().getContext(), true, null,
          org.apache.calcite.plan.RelOptCostImpl.FACTORY);
      hep.addListener(context.control().effort());
      hep.addListener(context.control().provenance());
      hep.setExecutor(context.planner().getExecutor());
      hep.setRoot(rel);
      return hep.findBestExp();
    });
  }

  /**
   * Physical implementation: the query's Volcano planner, emptied, with
   * {@code rules}, asked for the cheapest plan with the desired traits.
   */
  static Step volcano(String name, List<RelOptRule> rules) {
    return new Simple(name, true, (rel, context) -> {
      RelOptPlanner planner = context.planner();
      if (!(planner instanceof VolcanoPlanner)) {
        throw new IllegalStateException("step " + name + " needs a Volcano planner");
      }
      planner.clear();
      rules.forEach(planner::addRule);
      RelNode input = LogicalCollations.reconcile(rel, context.desiredTraits());
      RelNode root = input.getTraitSet().equals(context.desiredTraits()) ? input
          : planner.changeTraits(input, context.desiredTraits());
      planner.setRoot(root);
      return planner.findBestExp();
    });
  }

  /** A Calcite {@link Program} run on the query's planner. */
  static Step program(String name, Program program, boolean required) {
    return new Simple(name, required, (rel, context) ->
        program.run(context.planner(), rel, context.desiredTraits(), List.of(), List.of()));
  }

  /** Any rewrite of a plan. */
  static Step of(String name, UnaryOperator<RelNode> rewrite) {
    return new Simple(name, false, (rel, context) -> rewrite.apply(rel));
  }

  /** A step made of a name, whether it is required, and what it does. */
  record Simple(String name, boolean required, BiFunction<RelNode, StepContext, RelNode> action)
      implements Step {
    @Override
    public RelNode apply(RelNode rel, StepContext context) {
      return action.apply(rel, context);
    }
  }
}
