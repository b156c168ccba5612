package org.planlab.planner.optimize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.plan.RelOptListener;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.plan.Origin;
import org.planlab.planner.plan.PlanSnapshots;

/**
 * Which rule and step made each operator of a query's plans. Add it to every
 * planner a query uses, as the {@link EffortCounter}; call {@link #start}
 * with the converted plan and {@link #afterStep} after every step.
 *
 * <p>How an operator is traced. While a planner registers the expressions a
 * rule call produced, every expression registered is recorded as made by
 * that rule from the call's first matched expression. After a step, each
 * operator of its output is paired with what the planner registered: the
 * same object for Hep (which rewires its final plan in place), and the
 * subsets' best expressions, walked from the root, for Volcano (which copies
 * them into the plan it returns). Following "made from" back gives the
 * nearest rule that changed the operator's convention (its implementation)
 * and the nearest that did not (its logical form). Where the chain ends at
 * an expression the step started from, or where a step leaves no events (a
 * walk over the plan, a Calcite program), the operator is matched to the
 * step's input by its kind without convention and its attributes, and
 * inherits that operator's origin; the step is recorded as implementing it
 * where the convention changed. An operator matched to nothing was made by
 * the step, by no rule the planner reported.
 *
 * <p>Matching by attributes can confuse two operators of the same kind with
 * the same attributes in one plan (two scans of one table); the pairs are
 * taken in plan order, so a plan that keeps its shape keeps its origins.
 */
public final class Provenance implements RelOptListener {
  /** The most "made from" links followed for one operator. */
  private static final int MAX_CHAIN = 64;

  /** Made by {@code rule} from {@code from}; a null rule: registered outside any rule call. */
  private record Made(@Nullable String rule, @Nullable RelNode from) {
  }

  private static final Made REGISTERED = new Made(null, null);

  private final Map<Integer, Made> made = new HashMap<>();
  private final Deque<RelOptRuleCall> producing = new ArrayDeque<>();
  private final Map<RelNode, Origin> origins = new IdentityHashMap<>();
  private @Nullable VolcanoPlanner volcano;

  /** Marks every operator of the converted plan as the SQL's. */
  public void start(RelNode logical) {
    walk(logical, n -> origins.putIfAbsent(n, Origin.FROM_SQL));
  }

  /** The origin of an operator of a plan a step returned, or null if none was traced. */
  public @Nullable Origin originOf(RelNode rel) {
    return origins.get(rel);
  }

  /**
   * Traces the operators of {@code out}, what step {@code step} (named
   * {@code phase/step}) made of {@code in}, then forgets the step's events.
   */
  public void afterStep(String step, RelNode in, RelNode out) {
    try {
      Map<RelNode, RelNode> twins = new IdentityHashMap<>();
      if (volcano != null && volcano.getRoot() instanceof RelSubset root) {
        pairBest(out, root, twins);
      }
      Inputs inputs = new Inputs(in);
      walk(out, n -> {
        if (origins.containsKey(n)) {
          inputs.use(n);
          return;
        }
        origins.put(n, trace(n, twins.getOrDefault(n, n), step, inputs));
      });
    } finally {
      made.clear();
      producing.clear();
      volcano = null;
    }
  }

  /**
   * Records that {@code rule} made {@code rel} from {@code from} outside a
   * planner (a step that calls rules itself, operator by operator).
   */
  public void record(RelNode rel, String rule, RelNode from) {
    made.put(rel.getId(), new Made(rule, from));
  }

  /** Traces operators the parallel pass made or copied from the serial plan. */
  public void afterParallelPass(RelNode serial, RelNode parallel) {
    afterStep(Origin.PARALLEL, serial, parallel);
  }

  private Origin trace(RelNode n, RelNode twin, String step, Inputs inputs) {
    String madeBy = null;
    String implementedBy = null;
    boolean implementedHere = false;
    RelNode x = twin;
    for (int i = 0; i < MAX_CHAIN; i++) {
      Made m = made.get(x.getId());
      if (m == null || m.rule() == null) {
        break;
      }
      boolean implementation = m.from() != null
          && x.getConvention() != m.from().getConvention();
      if (implementation) {
        implementedHere = true;
        if (implementedBy == null) {
          implementedBy = m.rule();
        }
      } else if (madeBy == null) {
        madeBy = m.rule();
        break;
      }
      if (m.from() == null) {
        break;
      }
      x = m.from();
    }
    if (madeBy != null) {
      Origin o = new Origin(madeBy, step, null, null);
      return implementedHere ? o.implemented(implementedBy, step) : o;
    }
    // The logical form came into the step: find it among the step's input.
    RelNode source = inputs.match(x);
    if (source == null && isChainLink(n)) {
      // A chain of projections and filters merged into one (a Calc): the
      // chain's top stands for it.
      source = inputs.chainTopAbove(n.getInput(0));
    }
    Origin base = source == null ? null : origins.get(source);
    if (base == null) {
      Made m = made.get(x.getId());
      if (m == REGISTERED && n instanceof org.apache.calcite.rel.core.Sort) {
        // Volcano adds sorts to give a subset the collation asked of it.
        return new Origin("collation enforcer", step, implementedBy, null);
      }
      return new Origin(null, step, implementedBy, null);
    }
    boolean converted = source.getClass() != n.getClass();
    if (implementedHere || converted) {
      return base.implemented(implementedBy, step);
    }
    return base;
  }

  /**
   * Pairs each operator of Volcano's returned plan with the subset's best it
   * copies. Where a later pass of the same step (a Calcite program's Calc
   * pass) merged a chain of projections and filters, both sides skip their
   * chains and pairing goes on below.
   */
  private static void pairBest(RelNode out, RelNode registered, Map<RelNode, RelNode> twins) {
    RelNode best = registered instanceof RelSubset s ? s.getBest() : registered;
    if (best == null) {
      return;
    }
    if (best.getClass() != out.getClass()) {
      RelNode o = belowChain(out);
      RelNode b = belowChain(best);
      if (o != out || b != best) {
        pairBest(o, b, twins);
      }
      return;
    }
    if (best.getInputs().size() != out.getInputs().size()) {
      return;
    }
    twins.put(out, best);
    for (int i = 0; i < out.getInputs().size(); i++) {
      pairBest(out.getInput(i), best.getInput(i), twins);
    }
  }

  private static boolean isChainLink(RelNode r) {
    return r instanceof org.apache.calcite.rel.core.Project
        || r instanceof org.apache.calcite.rel.core.Filter
        || r instanceof org.apache.calcite.rel.core.Calc;
  }

  /** The first operator below a chain of projections, filters and calcs. */
  private static RelNode belowChain(RelNode rel) {
    RelNode r = rel;
    while (isChainLink(r)) {
      r = r.getInput(0);
      if (r instanceof RelSubset s) {
        RelNode best = s.getBest();
        if (best == null) {
          return rel;
        }
        r = best;
      }
    }
    return r;
  }

  /** The operators of a step's input, by kind and attributes, each used once in plan order. */
  private static final class Inputs {
    // Signatures explain each operator: built on the first match only, as a
    // step that keeps every operator (most Hep steps) never needs them.
    private @Nullable Map<String, Deque<RelNode>> bySignature;
    private @Nullable Map<String, Deque<RelNode>> byKey;
    /** The input's operators, in plan order; true once the step kept or matched one. */
    private final Map<RelNode, Boolean> members = new java.util.LinkedHashMap<>();
    private final Map<RelNode, RelNode> parents = new IdentityHashMap<>();

    Inputs(RelNode in) {
      walk(in, n -> {
        members.put(n, Boolean.FALSE);
        n.getInputs().forEach(i -> parents.putIfAbsent(i, n));
      });
    }

    private void index() {
      if (bySignature != null) {
        return;
      }
      bySignature = new HashMap<>();
      byKey = new HashMap<>();
      members.forEach((n, used) -> {
        if (!used) {
          bySignature.computeIfAbsent(signature(n), k -> new ArrayDeque<>()).add(n);
        }
        byKey.computeIfAbsent(key(n), k -> new ArrayDeque<>()).add(n);
      });
    }

    /** Takes {@code n} itself off the list where the step kept it. */
    void use(RelNode n) {
      if (members.replace(n, Boolean.TRUE) != null && bySignature != null) {
        Deque<RelNode> d = bySignature.get(signature(n));
        if (d != null) {
          d.remove(n);
        }
      }
    }

    /** The top of the chain of projections and filters above {@code child}, if it has one. */
    @Nullable RelNode chainTopAbove(RelNode child) {
      RelNode top = null;
      RelNode p = parents.get(child);
      while (p != null && isChainLink(p)) {
        top = p;
        p = parents.get(p);
      }
      return top;
    }

    @Nullable RelNode match(RelNode n) {
      if (members.containsKey(n)) {
        use(n);
        return n;
      }
      index();
      Deque<RelNode> d = bySignature.get(signature(n));
      RelNode found = d == null || d.isEmpty() ? null : d.poll();
      if (found != null) {
        use(found);
        return found;
      }
      // The same operator done another way (a parallel join, either half of
      // an aggregate): not used up, as two halves stand for one aggregate.
      Deque<RelNode> k = byKey.get(key(n));
      return k == null ? null : k.peek();
    }
  }

  /** The operator's kind without convention, and its attributes. */
  static String signature(RelNode n) {
    return kind(n) + PlanSnapshots.details(n);
  }

  /**
   * The operator's kind and the attributes that say what it computes, for
   * scans, joins and aggregates: the table, the join's condition and type,
   * the grouping; other kinds have no key.
   */
  static String key(RelNode n) {
    Map<String, String> d = PlanSnapshots.details(n);
    String kind = kind(n);
    return switch (kind) {
      case "TableScan" -> kind + d.get("table");
      case "Join" -> kind + d.get("condition") + d.get("joinType");
      case "Aggregate" -> kind + d.get("group");
      default -> kind + "#" + n.getId();
    };
  }

  private static String kind(RelNode n) {
    String kind = n.getRelTypeName();
    for (String prefix : List.of("Enumerable", "Logical", "Parallel", "Bindable")) {
      if (kind.startsWith(prefix) && kind.length() > prefix.length()) {
        kind = kind.substring(prefix.length());
        break;
      }
    }
    if (kind.endsWith("Join")) {
      kind = "Join";
    } else if (kind.equals("LimitSort")) {
      kind = "Sort";
    } else if (kind.equals("PartialAggregate") || kind.equals("FinalizeAggregate")
        || kind.equals("SortedAggregate")) {
      kind = "Aggregate";
    }
    return kind;
  }

  private static void walk(RelNode rel, java.util.function.Consumer<RelNode> visit) {
    List<RelNode> stack = new ArrayList<>();
    stack.add(rel);
    Map<RelNode, Boolean> seen = new IdentityHashMap<>();
    while (!stack.isEmpty()) {
      RelNode n = stack.remove(stack.size() - 1);
      if (seen.put(n, Boolean.TRUE) != null) {
        continue;
      }
      visit.accept(n);
      List<RelNode> inputs = n.getInputs();
      for (int i = inputs.size() - 1; i >= 0; i--) {
        stack.add(inputs.get(i));
      }
    }
  }

  @Override
  public void relEquivalenceFound(RelEquivalenceEvent event) {
    RelNode rel = event.getRel();
    RelOptRuleCall call = producing.peek();
    if (rel == null || rel instanceof RelSubset) {
      return;
    }
    if (call == null) {
      // Registered from the step's input (or merged): what made it came before.
      made.putIfAbsent(rel.getId(), REGISTERED);
      return;
    }
    made.putIfAbsent(rel.getId(),
        new Made(call.getRule().toString(), call.rels.length == 0 ? null : call.rels[0]));
  }

  @Override
  public void ruleAttempted(RuleAttemptedEvent event) {
  }

  @Override
  public void ruleProductionSucceeded(RuleProductionEvent event) {
    if (event.isBefore()) {
      producing.push(event.getRuleCall());
      RelNode rel = event.getRel();
      if (rel != null) {
        made.putIfAbsent(rel.getId(), new Made(event.getRuleCall().getRule().toString(),
            event.getRuleCall().rels.length == 0 ? null : event.getRuleCall().rels[0]));
      }
    } else if (!producing.isEmpty()) {
      producing.pop();
    }
  }

  @Override
  public void relDiscarded(RelDiscardedEvent event) {
  }

  @Override
  public void relChosen(RelChosenEvent event) {
    if (event.getSource() instanceof VolcanoPlanner v) {
      volcano = v;
    }
  }
}
