package org.planlab.rules;

import java.util.function.Consumer;

import org.apache.calcite.plan.RelOptPlanner;

/**
 * A named set of rules with a one-line account of what it does and why, and
 * how to install it in a planner.
 */
public record NamedRules(String name, String description, Consumer<RelOptPlanner> installer) {

  /** Adds the rules to {@code planner}. */
  public void installInto(RelOptPlanner planner) {
    installer.accept(planner);
  }
}
