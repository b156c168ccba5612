package org.planlab.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The walk the executor's rewrites share ({@link NestedLoopJoins},
 * {@link NotNullCasts}, {@link EmptyGroupingSets}, {@link WindowNullConstants}):
 * a rewrite is applied to every operator, inputs first, and an operator
 * whose inputs changed is copied over the new ones.
 *
 * <p>A rewritten operator must still deliver the order its original claimed,
 * because operators above may rely on it: a merge join's constructor checks
 * that its inputs are sorted on its keys. A new operator built by a rewrite
 * derives its own collation, and may claim less than the original did (a
 * Calc whose {@code CAST} became a {@code CASE} is no longer known to be
 * monotonic). Where the rewrite keeps the order of the rows, as all but one
 * do, the original's collation is carried over; where it does not, a Sort
 * restores it, and where no one Sort can, the operator is left unrewritten. {@code planlab fuzz} found this: a merge join over a rewritten
 * Calc could not be copied ("wrong collation in left or right input").
 */
final class PlanRewrites {
  private PlanRewrites() {
  }

  /** Whether a rewrite returns an operator's rows in the order the operator did. */
  enum Order { KEPT, CHANGED }

  /**
   * {@code rel} with {@code rewrite} applied to every operator, inputs
   * first; operators whose inputs did not change are kept as they are, and
   * every operator keeps the collation its original claimed.
   */
  static RelNode bottomUp(RelNode rel, Order order, UnaryOperator<RelNode> rewrite) {
    List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
    boolean changed = false;
    for (RelNode input : rel.getInputs()) {
      RelNode r = bottomUp(input, order, rewrite);
      changed |= r != input;
      inputs.add(r);
    }
    RelNode copy = changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    RelNode out = rewrite.apply(copy);
    if (out == rel) {
      return out;
    }
    RelNode ordered = withOrderOf(rel, out, order);
    return ordered != null ? ordered : copy;
  }

  /**
   * {@code out}, which replaces {@code original}, claiming {@code original}'s
   * collations; or null where {@code out}'s rows come in another order and
   * no one Sort delivers every order {@code original} claimed (it claims
   * independent ones, such as {@code [a]} and {@code [b]} over two equal
   * columns), so that the caller keeps the operator unrewritten rather than
   * give the operators above an order they may not get.
   */
  static @Nullable RelNode withOrderOf(RelNode original, RelNode out, Order order) {
    List<RelCollation> claimed = original.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
    List<RelCollation> wanted = new ArrayList<>();
    for (RelCollation c : claimed == null ? List.<RelCollation>of() : claimed) {
      if (!c.getFieldCollations().isEmpty()) {
        wanted.add(c);
      }
    }
    List<RelCollation> have = out.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
    if (wanted.isEmpty() || have != null && have.containsAll(wanted)) {
      return out;
    }
    if (order == Order.KEPT) {
      return out.copy(out.getTraitSet().replace(claimed), out.getInputs());
    }
    // The rows come in another order: sort them by a collation that gives all the others.
    for (RelCollation c : wanted) {
      if (wanted.stream().allMatch(c::satisfies)) {
        return EnumerableSort.create(out, c, null, null);
      }
    }
    return null;
  }
}
