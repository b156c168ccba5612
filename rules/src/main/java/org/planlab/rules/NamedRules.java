package org.planlab.rules;

import java.util.List;

import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;

/**
 * A named set of rules with a one-line account of what it does and why.
 *
 * @param name stable kebab-case name, used in configuration files
 * @param description one line: what the rules do and why they are worth it
 * @param rules the rules, in the order they are applied
 */
public record NamedRules(String name, String description, List<RelOptRule> rules) {

  public NamedRules {
    rules = List.copyOf(rules);
  }

  /** Adds the rules to {@code planner}. */
  public void installInto(RelOptPlanner planner) {
    rules.forEach(planner::addRule);
  }
}
