package org.planlab.planner.phased;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalSort;

/**
 * Makes plans with Values implementable by Volcano with Enumerable rules.
 *
 * <p>Calcite gives a Values node every ascending collation its tuples are
 * in, and an empty Values every one there is; logical operators above it
 * derive collations from it when they are made. Their Enumerable
 * counterparts derive theirs from the Enumerable inputs' subsets instead,
 * which have none, so a join over {@code Project(Values[])} asks for a
 * sorted Enumerable input no rule makes, and planning fails ("not enough
 * rules"). An empty Values also stands in for a whole query (a predicate
 * that folds to false, {@code LIMIT 0}) whose ORDER BY Calcite dropped,
 * while the root still asks for that order, descending keys included.
 * {@code planlab fuzz} found both.
 *
 * <p>So in a plan with a Values, every logical operator but a Sort loses
 * the collation it derived (a Sort's is what it is for), and where the root
 * does not deliver the order asked of it, a Sort goes on top. Plans without
 * a Values are returned as they are.
 */
final class ValuesCollations {
  private ValuesCollations() {
  }

  static RelNode reconcile(RelNode rel, RelTraitSet desired) {
    if (!hasValues(rel)) {
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

  private static boolean hasValues(RelNode rel) {
    if (rel instanceof Values) {
      return true;
    }
    for (RelNode input : rel.getInputs()) {
      if (hasValues(input)) {
        return true;
      }
    }
    return false;
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
