package org.planlab.testkit.fuzz;

/** A construct a generated query can use; the generator records which ones it used. */
public enum Feature {
  INNER_JOIN, LEFT_JOIN, RIGHT_JOIN, FULL_JOIN, CROSS_JOIN,
  FOREIGN_KEY_JOIN, EQUI_JOIN, THETA_JOIN,
  /** IN or EXISTS: a semi-join. */
  SEMI_JOIN,
  /** NOT IN or NOT EXISTS: an anti-join. */
  ANTI_JOIN,
  AND, OR, NOT, IN_LIST, BETWEEN, LIKE, IS_NULL, CASE,
  GROUP_BY, HAVING, DISTINCT, ORDER_BY, LIMIT,
  IN_SUBQUERY, EXISTS, SCALAR_SUBQUERY, CORRELATED, DERIVED_TABLE,
  UNION, UNION_ALL, INTERSECT, EXCEPT,
  WINDOW
}
