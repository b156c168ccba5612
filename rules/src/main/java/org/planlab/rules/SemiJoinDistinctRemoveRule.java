package org.planlab.rules;

import java.util.List;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Drops a duplicate-removing Aggregate from the right side of a semi or anti
 * join.
 *
 * <p><b>Matches</b> a SEMI or ANTI Join whose right input is an Aggregate
 * with one grouping set and no aggregate calls (a DISTINCT).
 * <b>Why it is correct:</b> a semi join asks only whether a match exists,
 * and an anti join whether none does, so removing duplicates from the right
 * side changes neither: {@code L ⋉ δ(R) = L ⋉ R}. The right side becomes the
 * Aggregate's input, and the condition's references to group keys become
 * references to the input fields they group; a semi or anti join outputs only
 * its left side, so its row type does not change.
 * <b>Why it matters:</b> decorrelating an EXISTS (TPC-H Q4) makes an inner
 * join with the distinct correlation keys; once that join is a semi join, the
 * Aggregate only costs a hash table over the right side, and without this rule
 * no Calcite rule removes it.
 *
 * <p><b>Example:</b> {@code SemiJoin(orders, Aggregate(group={0})(lineitem))}
 * on {@code o_orderkey = $0} becomes
 * {@code SemiJoin(orders, lineitem)} on {@code o_orderkey = l_orderkey}.
 *
 * <p><b>Must not fire</b> on inner or outer joins (duplicates on the right
 * multiply their rows), or on Aggregates that compute anything.
 */
public final class SemiJoinDistinctRemoveRule
    extends RelRule<SemiJoinDistinctRemoveRule.Config> {

  private SemiJoinDistinctRemoveRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Join join = call.rel(0);
    Aggregate distinct = call.rel(2);
    // The condition's right fields are group keys; point them at the
    // Aggregate input's fields. A semi or anti join outputs only the left
    // side, so nothing above sees the change.
    int leftCount = join.getLeft().getRowType().getFieldCount();
    List<Integer> keys = distinct.getGroupSet().asList();
    RelNode input = distinct.getInput();
    List<RelDataTypeField> inputFields = input.getRowType().getFieldList();
    RexBuilder rex = join.getCluster().getRexBuilder();
    RexNode condition = join.getCondition().accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        if (ref.getIndex() < leftCount) {
          return ref;
        }
        int field = keys.get(ref.getIndex() - leftCount);
        return rex.makeInputRef(inputFields.get(field).getType(), leftCount + field);
      }
    });
    call.transformTo(join.copy(join.getTraitSet(), condition, join.getLeft(), input,
        join.getJoinType(), join.isSemiJoinDone()));
  }

  /** Configuration: a semi or anti Join over a call-free, single-set Aggregate. */
  public record Config(RelBuilderFactory relBuilderFactory, String description,
      OperandTransform operandSupplier) implements RelRule.Config {

    public static final Config DEFAULT = new Config(RelFactories.LOGICAL_BUILDER,
        "SemiJoinDistinctRemoveRule", b0 -> b0.operand(Join.class)
            .predicate(j -> j.getJoinType() == JoinRelType.SEMI
                || j.getJoinType() == JoinRelType.ANTI)
            .inputs(b1 -> b1.operand(RelNode.class).anyInputs(),
                b2 -> b2.operand(Aggregate.class)
                    .predicate(a -> a.getAggCallList().isEmpty()
                        && a.getGroupType() == Aggregate.Group.SIMPLE)
                    .anyInputs()));

    @Override
    public Config withRelBuilderFactory(RelBuilderFactory factory) {
      return new Config(factory, description, operandSupplier);
    }

    @Override
    public Config withDescription(String d) {
      return new Config(relBuilderFactory, d, operandSupplier);
    }

    @Override
    public Config withOperandSupplier(OperandTransform transform) {
      return new Config(relBuilderFactory, description, transform);
    }

    @Override
    public RelOptRule toRule() {
      return new SemiJoinDistinctRemoveRule(this);
    }
  }
}
