package org.planlab.planner.optimize;

import java.util.HashSet;
import java.util.Set;

import org.apache.calcite.plan.RelOptListener;
import org.apache.calcite.plan.volcano.RelSubset;

/**
 * Counts a planner's search effort through Calcite's listener events:
 * relational expressions and equivalence sets registered, rule calls made and
 * rule calls that produced something. Hep passes run by a program use
 * planners of their own, so the counts are those of the main planner.
 */
public final class EffortCounter implements RelOptListener {
  private final Set<Integer> rels = new HashSet<>();
  private final Set<Object> sets = new HashSet<>();
  private long ruleCalls;
  private long ruleProductions;

  @Override
  public void relEquivalenceFound(RelEquivalenceEvent event) {
    if (event.getRel() instanceof RelSubset) {
      return;
    }
    if (event.getRel() != null) {
      rels.add(event.getRel().getId());
    }
    sets.add(event.getEquivalenceClass());
  }

  @Override
  public void ruleAttempted(RuleAttemptedEvent event) {
    if (event.isBefore()) {
      ruleCalls++;
    }
  }

  @Override
  public void ruleProductionSucceeded(RuleProductionEvent event) {
    if (event.isBefore()) {
      ruleProductions++;
    }
  }

  @Override
  public void relDiscarded(RelDiscardedEvent event) {
  }

  @Override
  public void relChosen(RelChosenEvent event) {
  }

  public Effort effort() {
    return new Effort(sets.size(), rels.size(), ruleCalls, ruleProductions);
  }

  /**
   * How hard the planner searched.
   *
   * @param relSets equivalence sets registered (merged sets count once each)
   * @param relNodes relational expressions registered
   * @param ruleCalls rule matches fired
   * @param ruleProductions rule calls that registered a new expression
   */
  public record Effort(long relSets, long relNodes, long ruleCalls, long ruleProductions) {
  }
}
