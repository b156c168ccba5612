package org.planlab.planner.plan;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What made an operator, as far as the planners' events tell: the rule and
 * the step that made its logical form, and the rule and step that
 * implemented it (chose its algorithm and convention). Steps are named
 * {@code phase/step}; an operator the query's SQL already had was made in
 * {@link #SQL}. A null rule means the step made the operator without a rule
 * call that the planner reported (a walk over the plan, or a Calcite program
 * whose search could not be traced operator by operator).
 *
 * @param madeBy the rule that made the logical form, or null
 * @param madeIn the step that made it: {@code phase/step}, {@value #SQL} or
 *     {@value #PARALLEL}
 * @param implementedBy the rule that implemented it, or null
 * @param implementedIn the step that implemented it, or null where the
 *     operator is still the form it was made in
 */
@com.fasterxml.jackson.annotation.JsonInclude(
    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Origin(@Nullable String madeBy, String madeIn, @Nullable String implementedBy,
    @Nullable String implementedIn) {

  /** The step name of operators converted from the query's SQL. */
  public static final String SQL = "sql";

  /** The step name of operators the parallel pass made. */
  public static final String PARALLEL = "parallel pass";

  /** An operator the query's SQL had. */
  public static final Origin FROM_SQL = new Origin(null, SQL, null, null);

  /** This operator's logical form, implemented by {@code rule} in {@code step}. */
  public Origin implemented(@Nullable String rule, String step) {
    return new Origin(madeBy, madeIn, rule, step);
  }

  /** One line for people, e.g. "JoinCommuteRule in expensive/implement; implemented by ...". */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (SQL.equals(madeIn)) {
      sb.append("the query's SQL");
    } else if (madeBy == null) {
      sb.append("step ").append(madeIn);
    } else {
      sb.append(madeBy).append(" in ").append(madeIn);
    }
    if (implementedIn != null) {
      sb.append("; implemented ");
      if (implementedBy != null) {
        sb.append("by ").append(implementedBy).append(' ');
      }
      sb.append("in ").append(implementedIn);
    }
    return sb.toString();
  }
}
