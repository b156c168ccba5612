package org.planlab.planner.exec;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;

/**
 * Makes a cast to a NOT NULL type of a value that may be NULL return NULL
 * when the value is NULL, before code generation: the plan is unchanged,
 * only what runs.
 *
 * <p>Calcite writes such casts in the branches of the CASE that COALESCE
 * becomes ({@code CASE WHEN x IS NOT NULL THEN CAST(x AS T NOT NULL) ELSE
 * 1 END}), guarded by the branch. Its simplifier treats a cast as NULL on
 * NULL, and so may drop the guard: {@code NOT (COALESCE(x, 1) = 1)} becomes
 * {@code CAST(x AS INTEGER NOT NULL) <> 1}, which is right if the cast gives
 * NULL for a NULL x. Calcite's generated code does not: it reads the NULL as
 * a number, and rows where x is NULL passed the filter ({@code planlab
 * fuzz} found it through ternary logic partitioning: 26 TPC-DS customers
 * were in both {@code p} and {@code NOT p}).
 *
 * <p>In every Calc, such a cast is made to a nullable type, the calls above
 * it take their types from their operands again, and an expression whose
 * type became nullable is cast back to its NOT NULL type where it is
 * projected (where a guard made it non-NULL, the value is the same).
 */
final class NotNullCasts {
  private NotNullCasts() {
  }

  static RelNode nullOnNull(RelNode rel) {
    return PlanRewrites.bottomUp(rel, PlanRewrites.Order.KEPT,
        NotNullCasts::rewrite);
  }

  private static RelNode rewrite(RelNode out) {
    if (!(out instanceof EnumerableCalc calc) || !hasNotNullCast(calc.getProgram())) {
      return out;
    }
    RexProgram p = calc.getProgram();
    RexBuilder rex = calc.getCluster().getRexBuilder();
    Rewriter rewriter = new Rewriter(rex);
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < p.getProjectList().size(); i++) {
      RexNode original = p.expandLocalRef(p.getProjectList().get(i));
      RexNode e = original.accept(rewriter);
      if (!e.getType().equals(original.getType())) {
        e = rex.makeCast(original.getType(), e, false, false);
      }
      projects.add(e);
    }
    RexNode condition = p.getCondition() == null ? null
        : p.expandLocalRef(p.getCondition()).accept(rewriter);
    RexProgram program = RexProgram.create(p.getInputRowType(), projects, condition,
        p.getOutputRowType(), rex);
    return EnumerableCalc.create(calc.getInput(), program);
  }

  private static boolean hasNotNullCast(RexProgram p) {
    for (RexNode e : p.getExprList()) {
      if (isUnsafeCast(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnsafeCast(RexNode e) {
    return e.getKind() == SqlKind.CAST && !e.getType().isNullable()
        && ((RexCall) e).getOperands().get(0).getType().isNullable();
  }

  /** Casts to nullable types, and calls above them re-typed. */
  private static final class Rewriter extends RexShuttle {
    private final RexBuilder rex;

    Rewriter(RexBuilder rex) {
      this.rex = rex;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      List<RexNode> operands = new ArrayList<>(call.getOperands().size());
      boolean changed = false;
      for (RexNode o : call.getOperands()) {
        RexNode r = o.accept(this);
        changed |= r != o;
        operands.add(r);
      }
      if (isUnsafeCast(call)) {
        RelDataType nullable = rex.getTypeFactory()
            .createTypeWithNullability(call.getType(), true);
        return rex.makeCast(nullable, operands.get(0), false, false);
      }
      if (!changed) {
        return call;
      }
      if (call.getKind() == SqlKind.CAST) {
        RelDataType t = rex.getTypeFactory().createTypeWithNullability(call.getType(),
            call.getType().isNullable() || operands.get(0).getType().isNullable());
        return rex.makeCast(t, operands.get(0), false, false);
      }
      RexNode remade = rex.makeCall(call.getOperator(), operands);
      return remade;
    }
  }
}
