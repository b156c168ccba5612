package org.planlab.planner.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain, serializable copy of a physical plan: everything the CLI, the
 * viewer and the plan-shape tests need, and no reference to Calcite objects.
 */
public record PlanSnapshot(PlanNode root) {

  /** The nodes in pre-order (the order of their ids). */
  public List<PlanNode> nodes() {
    List<PlanNode> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(PlanNode n, List<PlanNode> out) {
    out.add(n);
    n.inputs().forEach(i -> collect(i, out));
  }

  /** The plan in planlab's text format; see {@link PlanText}. */
  public String render() {
    return PlanText.render(this);
  }
}
