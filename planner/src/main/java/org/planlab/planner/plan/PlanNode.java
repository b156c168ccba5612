package org.planlab.planner.plan;

import java.util.List;
import java.util.Map;

/**
 * One operator of a {@link PlanSnapshot}.
 *
 * @param id position in a pre-order walk of the plan, from 0 at the root
 * @param operator Calcite's operator name, e.g. {@code EnumerableHashJoin}
 * @param details the operator's attributes as Calcite explains them
 *     (condition, keys, fields, table), in Calcite's order
 * @param rows estimated output rows
 * @param selfCost the operator's own cost
 * @param cumulativeCost the cost of the subtree rooted here
 * @param inputs the operator's inputs, left to right
 * @param degree the processes that share the operator's rows: 1 where it
 *     runs serially, workers + 1 in a parallel fragment
 * @param origin the rule and step that made the operator, where the
 *     planners' events tell (null in files written before planlab traced it)
 */
public record PlanNode(int id, String operator, Map<String, String> details, double rows,
    Cost selfCost, Cost cumulativeCost, List<PlanNode> inputs, int degree,
    @org.checkerframework.checker.nullness.qual.Nullable Origin origin) {

  /** An operator without a traced origin. */
  public PlanNode(int id, String operator, Map<String, String> details, double rows,
      Cost selfCost, Cost cumulativeCost, List<PlanNode> inputs, int degree) {
    this(id, operator, details, rows, selfCost, cumulativeCost, inputs, degree, null);
  }

  /** A serial operator. */
  public PlanNode(int id, String operator, Map<String, String> details, double rows,
      Cost selfCost, Cost cumulativeCost, List<PlanNode> inputs) {
    this(id, operator, details, rows, selfCost, cumulativeCost, inputs, 1);
  }

  public PlanNode {
    degree = Math.max(1, degree);
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(details));
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }
}
