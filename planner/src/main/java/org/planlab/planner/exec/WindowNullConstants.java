package org.planlab.planner.exec;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * Lets a window aggregate read a NULL constant. Where Calcite reduces a
 * window aggregate's argument to NULL (say {@code MAX(x) OVER (...)} with
 * {@code x} from the NULL side of an outer join that is known empty), the
 * NULL becomes one of the Window's constants, typed as {@code Object} in
 * the generated code. Calcite then finds no {@code SqlFunctions.greater}
 * for {@code (BigDecimal, Object)} and cannot compile the plan
 * ({@code planlab fuzz} found this; {@code MAX(CAST(NULL AS DECIMAL(7, 2)))
 * OVER (PARTITION BY ...)} is the smallest case).
 *
 * <p>Before code generation, a Window whose constants are all NULL gets
 * them as typed columns of its input instead (a Calc), at the positions the
 * aggregates already read them from, and a Calc above drops them again.
 * This rewrites what runs, not the plan. Windows with other constants (such
 * as frame offsets) are left as they are.
 */
final class WindowNullConstants {
  private WindowNullConstants() {
  }

  static EnumerableRel asColumns(EnumerableRel rel) {
    return (EnumerableRel) PlanRewrites.bottomUp(rel, PlanRewrites.Order.KEPT,
        WindowNullConstants::rewrite);
  }

  private static RelNode rewrite(RelNode rel) {
    if (!(rel instanceof EnumerableWindow w) || w.constants.isEmpty()
        || !w.constants.stream().allMatch(RexLiteral::isNullLiteral)) {
      return rel;
    }
    try {
      RelNode input = w.getInput();
      RelDataTypeFactory types = w.getCluster().getTypeFactory();
      int n = input.getRowType().getFieldCount();
      // The input with the constants as columns n, n + 1, ...
      List<RexNode> widened = new ArrayList<>();
      RelDataTypeFactory.Builder widenedType = types.builder();
      for (int i = 0; i < n; i++) {
        RelDataTypeField f = input.getRowType().getFieldList().get(i);
        widened.add(RexInputRef.of(i, input.getRowType()));
        widenedType.add(f);
      }
      for (int k = 0; k < w.constants.size(); k++) {
        RexLiteral c = w.constants.get(k);
        widened.add(c);
        widenedType.add("$planlab_constant" + k, c.getType());
      }
      RelNode wideInput = calc(input, widened, widenedType.build());
      // The window over it: the same groups, no constants, the columns kept.
      RelDataTypeFactory.Builder windowType = types.builder();
      windowType.addAll(wideInput.getRowType().getFieldList());
      List<RelDataTypeField> out = w.getRowType().getFieldList();
      for (int i = n; i < out.size(); i++) {
        windowType.add(out.get(i));
      }
      RelDataType wideWindowType = windowType.uniquify().build();
      LogicalWindow logical = LogicalWindow.create(w.getTraitSet().replace(Convention.NONE),
          wideInput, List.of(), wideWindowType, w.groups);
      ConverterRule toEnumerable = EnumerableRules.ENUMERABLE_WINDOW_RULE;
      RelNode window = toEnumerable.convert(logical);
      if (window == null) {
        return rel;
      }
      // Drop the constant columns again.
      List<RexNode> keep = new ArrayList<>();
      int k = w.constants.size();
      for (int i = 0; i < out.size(); i++) {
        keep.add(RexInputRef.of(i < n ? i : i + k, window.getRowType()));
      }
      return calc(window, keep, w.getRowType());
    } catch (RuntimeException e) {
      return rel; // a shape this rewrite does not know runs as Calcite made it
    }
  }

  private static RelNode calc(RelNode input, List<RexNode> exprs, RelDataType rowType) {
    return EnumerableCalc.create(input, RexProgram.create(input.getRowType(), exprs, null,
        rowType, input.getCluster().getRexBuilder()));
  }
}
