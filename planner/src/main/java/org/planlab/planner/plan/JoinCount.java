package org.planlab.planner.plan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * How many joins a query asks for as written, before any optimization: its
 * join and correlate operators, and each sub-query (IN, EXISTS, scalar),
 * which becomes a join once removed, together with the joins inside it.
 * Independent of the optimizer configuration, unlike the joins of a plan.
 */
public final class JoinCount {
  private JoinCount() {
  }

  /** The joins of {@code logical}, a plan as converted from SQL. */
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
