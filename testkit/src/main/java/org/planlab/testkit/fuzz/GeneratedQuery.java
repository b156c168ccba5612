package org.planlab.testkit.fuzz;

import java.util.EnumSet;
import java.util.Set;

/**
 * A generated query.
 *
 * @param suite the workload whose tables it reads
 * @param sql the query
 * @param tlpPredicate a predicate over its output columns, named {@code x.c0},
 *     {@code x.c1}, ..., for ternary-logic partitioning (see {@link #partitioned()})
 * @param relations the tables it reads, subqueries included
 * @param features the constructs it uses (its partitioning predicate's included)
 * @param choices the choice sequence that makes it again ({@link Choices#replay})
 */
public record GeneratedQuery(String suite, String sql, String tlpPredicate, int relations,
    Set<Feature> features, int[] choices) {

  public GeneratedQuery {
    features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    choices = choices.clone();
  }

  /**
   * The query partitioned by its predicate p, which must return the same
   * multiset of rows: the rows where p is true, where it is false and where
   * it is unknown. (Ternary logic partitioning, after SQLancer.)
   */
  public String partitioned() {
    return partitioned(sql, tlpPredicate);
  }

  /** {@code sql} partitioned by {@code p}, a predicate over its columns as {@code x.c<i>}. */
  public static String partitioned(String sql, String p) {
    String base = "SELECT * FROM (" + sql + ") AS x WHERE ";
    return base + "(" + p + ") UNION ALL " + base + "NOT (" + p + ") UNION ALL " + base
        + "(" + p + ") IS NULL";
  }

  @Override
  public String toString() {
    return sql;
  }
}
