package org.planlab.rules.joinorder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelBuilderFactory;
import org.apache.calcite.rel.core.RelFactories;

/**
 * Orders the inputs of an inner-join {@link MultiJoin} with a
 * {@link JoinEnumerator} and replaces it by a tree of {@link LogicalJoin}s.
 *
 * <p><b>Matches</b> a MultiJoin (as {@code CoreRules.JOIN_TO_MULTI_JOIN}
 * builds it) whose joins are all inner. <b>Why it is correct:</b> inner joins
 * commute and associate, so any order of the inputs joined on the same
 * conjuncts, followed by a projection back to the MultiJoin's field order,
 * returns the same rows. Each conjunct is placed at the lowest join that has
 * all the inputs it references; conjuncts over one input filter that input.
 * Where the enumerator chose a semi join (see {@link MultiJoinGraph}), the
 * right side's fields are needed by nothing above, so the projection fills
 * them with a constant of their type, which the Project above drops.
 *
 * <p><b>Example:</b> {@code MultiJoin(lineitem, orders, customer)} with
 * {@code l_orderkey = o_orderkey AND o_custkey = c_custkey} becomes
 * {@code Project(Join(Join(customer, orders), lineitem))} or whichever order
 * the enumerator finds cheapest.
 *
 * <p><b>Must not fire</b> on MultiJoins with outer joins (their inputs do not
 * commute freely). planlab's {@code multi-join} rule set never builds them;
 * Calcite's {@code JOIN_TO_MULTI_JOIN} does, for {@code LoptOptimizeJoinRule}.
 */
public final class MultiJoinOrderRule extends RelRule<MultiJoinOrderRule.Config> {

  private MultiJoinOrderRule(Config config) {
    super(config);
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    MultiJoin mj = call.rel(0);
    return !mj.isFullOuterJoin()
        && mj.getJoinTypes().stream().allMatch(t -> t == JoinRelType.INNER)
        && mj.getOuterJoinConditions().stream().allMatch(c -> c == null);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    MultiJoin mj = call.rel(0);
    MultiJoinGraph g = new MultiJoinGraph(mj, call.getMetadataQuery());
    JoinTree tree = config.enumerator().order(config.semiJoins() ? g.graph : g.innerGraph,
        costModel(call.getPlanner()));
    call.transformTo(build(g, tree, call.builder()));
  }

  /**
   * The configuration's join cost model, or, where it names none, the
   * planner's: a {@link JoinCostModel} in the planner's context (planlab's
   * cost models put theirs there), else {@link JoinCostModel#CALCITE_HASH_JOIN}.
   */
  JoinCostModel costModel(org.apache.calcite.plan.RelOptPlanner planner) {
    if (config.costModel() != null) {
      return config.costModel();
    }
    JoinCostModel m = planner.getContext().unwrap(JoinCostModel.class);
    return m != null ? m : JoinCostModel.CALCITE_HASH_JOIN;
  }

  /** Builds {@code tree} and projects its fields back to the MultiJoin's order. */
  static RelNode build(MultiJoinGraph g, JoinTree tree, RelBuilder builder) {
    MultiJoin mj = g.multiJoin;
    boolean[] placed = new boolean[g.conjuncts.size()];
    int total = g.offsets[g.offsets.length - 1];
    int[] map = new int[total];
    RelNode rel = build(g, tree, placed, map);
    RexBuilder rex = mj.getCluster().getRexBuilder();
    List<RexNode> rest = new ArrayList<>();
    for (int c = 0; c < placed.length; c++) {
      if (!placed[c]) {
        rest.add(remap(g.conjuncts.get(c), map, rel.getRowType().getFieldList(), rex));
      }
    }
    builder.push(rel);
    if (!rest.isEmpty()) {
      builder.filter(rest);
    }
    List<RexNode> fields = new ArrayList<>(total);
    List<RelDataTypeField> mjFields = mj.getRowType().getFieldList();
    for (int f = 0; f < total; f++) {
      // A field a semi join dropped is needed by nothing above (the graph
      // checked), so any value of its type stands in for it.
      fields.add(map[f] >= 0 ? builder.field(map[f]) : zero(rex, mjFields.get(f).getType()));
    }
    builder.project(fields, mj.getRowType().getFieldNames(), true);
    if (mj.getPostJoinFilter() != null) {
      builder.filter(mj.getPostJoinFilter());
    }
    return builder.build();
  }

  private static RelNode build(MultiJoinGraph g, JoinTree tree, boolean[] placed, int[] map) {
    RexBuilder rex = g.multiJoin.getCluster().getRexBuilder();
    if (tree instanceof JoinTree.Leaf leaf) {
      int i = leaf.relation();
      RelNode input = g.multiJoin.getInputs().get(i);
      Arrays.fill(map, -1);
      for (int f = g.offsets[i]; f < g.offsets[i + 1]; f++) {
        map[f] = f - g.offsets[i];
      }
      List<RexNode> local = new ArrayList<>();
      for (int c = 0; c < placed.length; c++) {
        if (!placed[c] && g.conjunctInputs.get(c) == leaf.relations()) {
          local.add(RexUtil.shift(g.conjuncts.get(c), -g.offsets[i]));
          placed[c] = true;
        }
      }
      return local.isEmpty() ? input
          : LogicalFilter.create(input, RexUtil.composeConjunction(rex, local));
    }
    JoinTree.Join join = (JoinTree.Join) tree;
    int total = map.length;
    int[] leftMap = new int[total];
    int[] rightMap = new int[total];
    RelNode left = build(g, join.left(), placed, leftMap);
    RelNode right = build(g, join.right(), placed, rightMap);
    int leftCount = left.getRowType().getFieldCount();
    for (int f = 0; f < total; f++) {
      map[f] = leftMap[f] >= 0 ? leftMap[f] : rightMap[f] >= 0 ? leftCount + rightMap[f] : -1;
    }
    // The condition sees both sides, even of a semi join.
    int[] conditionMap = map.clone();
    if (join.semi()) {
      for (int f = 0; f < total; f++) {
        if (leftMap[f] < 0) {
          map[f] = -1;
        }
      }
    }
    long here = join.relations();
    List<RexNode> conditions = new ArrayList<>();
    for (int c = 0; c < placed.length; c++) {
      long refs = g.conjunctInputs.get(c);
      if (!placed[c] && refs != 0 && (refs & ~here) == 0) {
        placed[c] = true;
        conditions.add(g.conjuncts.get(c));
      }
    }
    List<RelDataTypeField> fields = new ArrayList<>(left.getRowType().getFieldList());
    fields.addAll(right.getRowType().getFieldList());
    RexNode condition = remap(RexUtil.composeConjunction(rex, conditions), conditionMap, fields,
        rex);
    return LogicalJoin.create(left, right, List.of(), condition, Set.of(),
        join.semi() ? JoinRelType.SEMI : JoinRelType.INNER);
  }

  private static RexNode zero(RexBuilder rex, org.apache.calcite.rel.type.RelDataType type) {
    RexNode z = rex.makeZeroRexNode(type);
    return z.getType().equals(type) ? z : rex.makeCast(type, z, true);
  }

  /** {@code e}, over the MultiJoin's fields, rewritten over {@code fields}. */
  private static RexNode remap(RexNode e, int[] map, List<RelDataTypeField> fields,
      RexBuilder rex) {
    return e.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int to = map[ref.getIndex()];
        if (to < 0) {
          throw new IllegalStateException("field " + ref.getIndex() + " is not joined yet");
        }
        return rex.makeInputRef(fields.get(to).getType(), to);
      }
    });
  }

  /**
   * Configuration: which enumerator, under which cost model, and whether a
   * join may be a semi join where that returns the inner join's rows.
   */
  public record Config(RelBuilderFactory relBuilderFactory, String description,
      OperandTransform operandSupplier, JoinEnumerator enumerator,
      @org.checkerframework.checker.nullness.qual.Nullable JoinCostModel costModel,
      boolean semiJoins) implements RelRule.Config {

    /**
     * Exact DP up to {@link DpJoinEnumerator#DEFAULT_LIMIT} relations, with
     * semi joins, under the planner's join cost model (Calcite's hash-join
     * cost unless the planner's context holds another).
     */
    public static final Config DP = new Config(RelFactories.LOGICAL_BUILDER, "MultiJoinOrderRule:dp",
        b -> b.operand(MultiJoin.class).anyInputs(), new DpJoinEnumerator(), null, true);

    /** {@link #DP} with inner joins only. */
    public static final Config DP_INNER = DP.withSemiJoins(false)
        .withDescription("MultiJoinOrderRule:dp-inner");

    /** Greedy operator ordering, inner joins only, under the planner's join cost model. */
    public static final Config GREEDY = DP.withEnumerator(GreedyJoinEnumerator.INSTANCE)
        .withSemiJoins(false).withDescription("MultiJoinOrderRule:greedy");

    public Config withEnumerator(JoinEnumerator e) {
      return new Config(relBuilderFactory, description, operandSupplier, e, costModel,
          semiJoins);
    }

    public Config withCostModel(JoinCostModel m) {
      return new Config(relBuilderFactory, description, operandSupplier, enumerator, m,
          semiJoins);
    }

    public Config withSemiJoins(boolean on) {
      return new Config(relBuilderFactory, description, operandSupplier, enumerator, costModel,
          on);
    }

    @Override
    public Config withRelBuilderFactory(RelBuilderFactory factory) {
      return new Config(factory, description, operandSupplier, enumerator, costModel, semiJoins);
    }

    @Override
    public Config withDescription(String d) {
      return new Config(relBuilderFactory, d, operandSupplier, enumerator, costModel, semiJoins);
    }

    @Override
    public Config withOperandSupplier(OperandTransform transform) {
      return new Config(relBuilderFactory, description, transform, enumerator, costModel,
          semiJoins);
    }

    @Override
    public RelOptRule toRule() {
      return new MultiJoinOrderRule(this);
    }
  }
}
