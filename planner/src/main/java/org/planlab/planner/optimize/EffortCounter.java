package org.planlab.planner.optimize;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.plan.RelOptListener;
import org.apache.calcite.plan.volcano.RelSubset;
import org.planlab.planner.result.RuleCount;

/**
 * Counts a planner's search effort through Calcite's listener events:
 * relational expressions and equivalence sets registered, and rule calls
 * made and successful, in total and by rule. Add it to every planner a query
 * uses (Volcano and Hep alike) to count them all; take a {@link #snapshot()}
 * before and after a phase to count that phase.
 *
 * <p>It can also stop a planner after a number of rule calls: give it the
 * planner's cancel flag with {@link #limitRuleCalls}.
 */
public final class EffortCounter implements RelOptListener {
  private final Set<Integer> rels = new HashSet<>();
  private final Set<Object> sets = new HashSet<>();
  private long ruleCalls;
  private long ruleProductions;
  private final Map<String, long[]> byRule = new TreeMap<>();
  private long ruleCallLimit = Long.MAX_VALUE;
  private AtomicBoolean limitFlag;

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
      byRule.computeIfAbsent(event.getRuleCall().getRule().toString(), k -> new long[2])[0]++;
      if (ruleCalls >= ruleCallLimit && limitFlag != null) {
        limitFlag.set(true);
      }
    }
  }

  @Override
  public void ruleProductionSucceeded(RuleProductionEvent event) {
    if (event.isBefore()) {
      ruleProductions++;
      byRule.computeIfAbsent(event.getRuleCall().getRule().toString(), k -> new long[2])[1]++;
    }
  }

  @Override
  public void relDiscarded(RelDiscardedEvent event) {
  }

  @Override
  public void relChosen(RelChosenEvent event) {
  }

  /**
   * Raises {@code flag} once {@code limit} more rule calls have been made;
   * {@code limit <= 0} removes the limit.
   */
  public void limitRuleCalls(long limit, AtomicBoolean flag) {
    this.ruleCallLimit = limit <= 0 ? Long.MAX_VALUE : ruleCalls + limit;
    this.limitFlag = flag;
  }

  /** Rule calls so far: what a step costs, without copying the per-rule counts. */
  public long ruleCalls() {
    return ruleCalls;
  }

  public Effort effort() {
    return new Effort(sets.size(), rels.size(), ruleCalls, ruleProductions);
  }

  /** The counts so far, to subtract from later ones. */
  public Snapshot snapshot() {
    Map<String, long[]> copy = new TreeMap<>();
    byRule.forEach((k, v) -> copy.put(k, v.clone()));
    return new Snapshot(effort(), copy);
  }

  /** Counts at one moment. */
  public static final class Snapshot {
    private final Effort effort;
    private final Map<String, long[]> byRule;

    private Snapshot(Effort effort, Map<String, long[]> byRule) {
      this.effort = effort;
      this.byRule = byRule;
    }

    /** What happened between {@code earlier} and this snapshot. */
    public Effort effortSince(Snapshot earlier) {
      return new Effort(effort.relSets() - earlier.effort.relSets(),
          effort.relNodes() - earlier.effort.relNodes(),
          effort.ruleCalls() - earlier.effort.ruleCalls(),
          effort.ruleProductions() - earlier.effort.ruleProductions());
    }

    /** Rule calls by rule between {@code earlier} and this snapshot, rules that ran only. */
    public Map<String, RuleCount> rulesSince(Snapshot earlier) {
      Map<String, RuleCount> out = new TreeMap<>();
      byRule.forEach((rule, now) -> {
        long[] before = earlier.byRule.getOrDefault(rule, new long[2]);
        long attempted = now[0] - before[0];
        long succeeded = now[1] - before[1];
        if (attempted > 0 || succeeded > 0) {
          out.put(rule, new RuleCount(attempted, succeeded));
        }
      });
      return out;
    }
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
