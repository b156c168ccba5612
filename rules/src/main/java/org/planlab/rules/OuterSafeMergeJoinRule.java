package org.planlab.rules;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's Enumerable merge-join rule, with the order an outer merge join
 * delivers stated truthfully.
 *
 * <p>Calcite's rule gives every merge join the collation of both inputs'
 * keys. An outer join's NULL-extended side is not in that order: a LEFT
 * join's right key is NULL wherever a left row found no match, between the
 * sorted keys. Volcano then used a LEFT merge join's output as sorted on its
 * right key, as the input of another merge join, which stopped at the first
 * NULL and returned no rows ({@code planlab fuzz} found it: a TPC-H join of
 * supplier, nation, supplier and partsupp returned 0 rows, phase 1's plan
 * 38,800).
 *
 * <p>Here a LEFT merge join keeps only its left key's order, a RIGHT one
 * only its right key's, and a FULL join, whose output is in neither order,
 * is left to the other join algorithms. Inner, semi and anti joins are as
 * Calcite makes them.
 */
public final class OuterSafeMergeJoinRule extends ConverterRule {
  /** The rule, for the places Calcite's own would go. */
  public static final OuterSafeMergeJoinRule INSTANCE = new OuterSafeMergeJoinRule(
      Config.INSTANCE.withConversion(LogicalJoin.class, Convention.NONE,
          EnumerableConvention.INSTANCE, "EnumerableOuterSafeMergeJoinRule")
          .withRuleFactory(OuterSafeMergeJoinRule::new));

  private OuterSafeMergeJoinRule(Config config) {
    super(config);
  }

  @Override
  public @Nullable RelNode convert(RelNode rel) {
    JoinRelType type = ((LogicalJoin) rel).getJoinType();
    if (type == JoinRelType.FULL) {
      return null;
    }
    RelNode out = ((ConverterRule) EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE).convert(rel);
    if (!(out instanceof EnumerableMergeJoin join)
        || !(type == JoinRelType.LEFT || type == JoinRelType.RIGHT)) {
      return out;
    }
    int leftFields = join.getLeft().getRowType().getFieldCount();
    List<RelCollation> kept = new ArrayList<>();
    for (RelCollation c : join.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE)) {
      boolean allLeft = true;
      boolean allRight = true;
      for (RelFieldCollation f : c.getFieldCollations()) {
        allLeft &= f.getFieldIndex() < leftFields;
        allRight &= f.getFieldIndex() >= leftFields;
      }
      if (type == JoinRelType.LEFT ? allLeft : allRight) {
        kept.add(c);
      }
    }
    return join.copy(join.getTraitSet().replace(kept), join.getCondition(), join.getLeft(),
        join.getRight(), join.getJoinType(), join.isSemiJoinDone());
  }
}
