package org.planlab.planner.cost;

import java.util.List;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexVisitorImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Counts the operator and function calls an expression evaluates, what
 * PostgreSQL's {@code cost_qual_eval} charges {@code cpu_operator_cost} for.
 * Field references and literals are free.
 */
final class Operators {
  private Operators() {
  }

  static int in(@Nullable RexNode e) {
    if (e == null) {
      return 0;
    }
    int[] n = {0};
    e.accept(new RexVisitorImpl<Void>(true) {
      @Override
      public Void visitCall(RexCall call) {
        n[0]++;
        return super.visitCall(call);
      }
    });
    return n[0];
  }

  static int in(List<? extends RexNode> es) {
    int n = 0;
    for (RexNode e : es) {
      n += in(e);
    }
    return n;
  }

  /** Calls in a Calc program's condition. */
  static int inCondition(RexProgram program) {
    RexLocalRef c = program.getCondition();
    return c == null ? 0 : in(program.expandLocalRef(c));
  }

  /** Calls in a Calc program's projections. */
  static int inProjections(RexProgram program) {
    int n = 0;
    for (RexLocalRef ref : program.getProjectList()) {
      n += in(program.expandLocalRef(ref));
    }
    return n;
  }
}
