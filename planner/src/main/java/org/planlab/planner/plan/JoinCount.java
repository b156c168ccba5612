package org.planlab.planner.plan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * Counting joins, two ways: the join operators of a plan ({@link #inPlan}),
 * which depend on what the optimizer made, and the joins a query asks for as
 * written ({@link #asWritten}), which do not.
 */
public final class JoinCount {
  private JoinCount() {
  }

  /** Join operators in a plan, counting shared subtrees once per use. */
  public static int inPlan(RelNode rel) {
    int n = rel instanceof Join ? 1 : 0;
    for (RelNode input : rel.getInputs()) {
      n += inPlan(input);
    }
    return n;
  }

  /**
   * The joins of {@code logical}, a plan as converted from SQL: its join and
   * correlate operators, and each sub-query (IN, EXISTS, scalar), which
   * becomes a join once removed, together with the joins inside it.
   */
  public static int asWritten(RelNode logical) {
    int[] n = {logical instanceof Join || logical instanceof Correlate ? 1 : 0};
    logical.accept(new RexShuttle() {
      @Override
      public org.apache.calcite.rex.RexNode visitSubQuery(RexSubQuery subQuery) {
        n[0] += 1 + asWritten(subQuery.rel);
        return super.visitSubQuery(subQuery);
      }
    });
    for (RelNode input : logical.getInputs()) {
      n[0] += asWritten(input);
    }
    return n[0];
  }
}
