package org.planlab.rules;

import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableProjectToCalcRule;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.SortProjectTransposeRule;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's rules that move a sort order through a projection, stating only
 * orders that hold. Calcite treats every monotonic {@code CAST} as keeping
 * order, which holds for a collation's last key only: a cast that rounds
 * ({@code DECIMAL(15,2)} to {@code DECIMAL(19,0)}, as a UNION of an integer
 * and a decimal column makes) turns distinct values into ties, which the
 * next key must then order. {@code planlab fuzz} found it: {@code ORDER BY
 * c0, c1 LIMIT 1} over such a UNION ALL was sorted and cut below the casts,
 * by the uncast decimal, and returned {@code 1 | 763} for {@code 1 | 219}.
 *
 * <ul>
 * <li>{@link #SORT_PROJECT_TRANSPOSE}: Calcite's rule, except where a key
 *     before the last is a cast that may lose information.</li>
 * <li>{@link #PROJECT}, {@link #CALC}, {@link #PROJECT_TO_CALC}: Calcite's
 *     Enumerable rules, with the operators they make claiming the orders
 *     {@link ProjectionCollations} derives.</li>
 * </ul>
 */
public final class OrderSafeProjectionRules {
  private OrderSafeProjectionRules() {
  }

  /** Calcite's sort-through-project rule, except through a lossy cast before the last key. */
  public static final RelOptRule SORT_PROJECT_TRANSPOSE = new SortTranspose(
      CoreRules.SORT_PROJECT_TRANSPOSE.config
          .withDescription("OrderSafeSortProjectTransposeRule")
          .as(SortProjectTransposeRule.Config.class));

  /** Calcite's Enumerable Project rule, claiming only true orders. */
  public static final RelOptRule PROJECT = new Converter(
      (ConverterRule) EnumerableRules.ENUMERABLE_PROJECT_RULE,
      "EnumerableOrderSafeProjectRule(in:NONE,out:ENUMERABLE)");

  /** Calcite's Enumerable Calc rule, claiming only true orders. */
  public static final RelOptRule CALC = new Converter(
      (ConverterRule) EnumerableRules.ENUMERABLE_CALC_RULE,
      "EnumerableOrderSafeCalcRule(in:NONE,out:ENUMERABLE)");

  /** Calcite's Enumerable Project-to-Calc rule, claiming only true orders. */
  public static final RelOptRule PROJECT_TO_CALC = new ProjectToCalc(
      EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE.config
          .withDescription("EnumerableOrderSafeProjectToCalcRule")
          .as(EnumerableProjectToCalcRule.Config.class));

  /**
   * Whether a sort key computed by {@code e} may come before another key
   * when the sort is moved below the projection: a field itself, or a cast
   * from which the value can be recovered (distinct values stay distinct).
   */
  static boolean keepsDistinct(RexNode e, Project project) {
    if (!e.isA(SqlKind.CAST)) {
      return true;
    }
    RexNode operand = ((RexCall) e).getOperands().get(0);
    return RexUtil.isLosslessCast(e) || SqlTypeUtil.equalSansNullability(
        project.getCluster().getTypeFactory(), operand.getType(), e.getType());
  }

  private static final class SortTranspose extends SortProjectTransposeRule {
    SortTranspose(Config config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Sort sort = call.rel(0);
      Project project = call.rel(1);
      List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
      for (int k = 0; k < keys.size() - 1; k++) {
        if (!keepsDistinct(project.getProjects().get(keys.get(k).getFieldIndex()), project)) {
          return;
        }
      }
      super.onMatch(call);
    }
  }

  /** Calcite's converter rule {@code calcite}, with what it makes claiming true orders. */
  private static final class Converter extends ConverterRule {
    private final ConverterRule calcite;

    Converter(ConverterRule calcite, String description) {
      super(calcite.config.withDescription(description).as(ConverterRule.Config.class));
      this.calcite = calcite;
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
      return calcite.matches(call);
    }

    /**
     * As Calcite's rule converts, with the operator made once by
     * {@link ProjectionCollations}: Calcite's would derive its own
     * collations from metadata, only for them to be replaced.
     */
    @Override
    public @Nullable RelNode convert(RelNode rel) {
      if (rel instanceof Project p) {
        return ProjectionCollations.project(enumerable(p.getInput()), p.getProjects(),
            p.getRowType());
      }
      if (rel instanceof Calc c) {
        return ProjectionCollations.calc(enumerable(c.getInput()), c.getProgram());
      }
      return calcite.convert(rel);
    }

    private static RelNode enumerable(RelNode input) {
      return convert(input, input.getTraitSet().replace(EnumerableConvention.INSTANCE));
    }
  }

  private static final class ProjectToCalc extends EnumerableProjectToCalcRule {
    ProjectToCalc(Config config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      EnumerableProject project = call.rel(0);
      RelNode input = project.getInput();
      RexProgram program = RexProgram.create(input.getRowType(), project.getProjects(), null,
          project.getRowType(), project.getCluster().getRexBuilder());
      call.transformTo(ProjectionCollations.calc(input, program));
    }
  }
}
