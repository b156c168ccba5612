package org.planlab.planner.phased;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalSort;
import org.planlab.rules.ProjectionCollations;

/**
 * Makes plans whose logical operators claim orders their Enumerable forms do
 * not derive implementable by Volcano with Enumerable rules.
 *
 * <p>Logical operators derive collations from their inputs when they are
 * made; their Enumerable counterparts derive theirs from the Enumerable
 * inputs' subsets. Where a logical operator claims an order its Enumerable
 * form does not, an operator above it asks for a sorted Enumerable input no
 * rule makes, and planning fails ("not enough rules"). {@code planlab fuzz}
 * found two kinds of such claims:
 * <ul>
 * <li>Calcite gives a Values node every ascending collation its tuples are
 *     in, and an empty Values every one there is, and the operators above
 *     derive theirs from it; the Enumerable inputs' subsets have none. An
 *     empty Values also stands in for a whole query (a predicate that folds
 *     to false, {@code LIMIT 0}) whose ORDER BY Calcite dropped, while the
 *     root still asks for that order, descending keys included.</li>
 * <li>A logical Project claims what Calcite's {@code RelMdCollation.project}
 *     derives, which takes {@code CAST(b)} over rows sorted by {@code (a, b)}
 *     as sorted; its Enumerable form claims only what
 *     {@link ProjectionCollations} derives. Decorrelating {@code NOT IN} over
 *     {@code ORDER BY c0, c2 LIMIT 1} made such a Project, and the joins
 *     above it asked for its order.</li>
 * </ul>
 *
 * <p>So in a plan with a Values, or with a logical Project that claims an
 * order {@link ProjectionCollations} does not give, every logical operator
 * but a Sort loses the collation it derived (a Sort's is what it is for), and
 * where the root does not deliver the order asked of it, a Sort goes on top.
 * Other plans are returned as they are.
 */
final class LogicalCollations {
  private LogicalCollations() {
  }

  static RelNode reconcile(RelNode rel, RelTraitSet desired) {
    if (!claimsTooMuch(rel)) {
      return rel;
    }
    RelNode out = strip(rel);
    RelCollation wanted = desired.getCollation();
    if (wanted != null && !wanted.getFieldCollations().isEmpty()
        && !out.getTraitSet().satisfies(out.getTraitSet().replace(wanted))) {
      out = LogicalSort.create(out, wanted, null, null);
    }
    return out;
  }

  /** Whether {@code rel} holds a Values, or a Project claiming an order it does not have. */
  static boolean claimsTooMuch(RelNode rel) {
    if (rel instanceof Values || rel instanceof Project p && !truthful(p)) {
      return true;
    }
    for (RelNode input : rel.getInputs()) {
      if (claimsTooMuch(input)) {
        return true;
      }
    }
    return false;
  }

  /** Whether each order {@code p} claims is given by one {@link ProjectionCollations} derives. */
  private static boolean truthful(Project p) {
    List<RelCollation> claims = p.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
    if (claims == null || claims.stream().allMatch(c -> c.getFieldCollations().isEmpty())) {
      return true;
    }
    List<RelCollation> derived = ProjectionCollations.of(p.getCluster().getMetadataQuery(),
        p.getInput(), p.getProjects());
    return claims.stream().allMatch(c -> derived.stream().anyMatch(d -> d.satisfies(c)));
  }

  private static RelNode strip(RelNode rel) {
    List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
    for (RelNode input : rel.getInputs()) {
      inputs.add(strip(input));
    }
    RelTraitSet traits = rel.getTraitSet();
    if (!(rel instanceof Sort) && traits.isEnabled(RelCollationTraitDef.INSTANCE)) {
      traits = traits.replace(RelCollations.EMPTY);
    }
    return traits.equals(rel.getTraitSet()) && inputs.equals(rel.getInputs()) ? rel
        : rel.copy(traits, inputs);
  }
}
