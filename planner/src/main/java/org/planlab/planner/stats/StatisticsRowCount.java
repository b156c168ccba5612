package org.planlab.planner.stats;

import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMdRowCount;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Semi- and anti-join row counts on the same footing as inner joins.
 *
 * <p>Calcite hands a semi join's selectivity to its left input as an opaque
 * function, which statistics-based selectivity cannot read, so a semi join
 * kept all left rows or 15% of them whatever its keys. Here a semi join is
 * estimated as the inner join of the left side with the distinct keys of the
 * right side that its right-only terms keep: a left row finds a match with
 * probability min(1, ndv(right keys) / ndv(left keys)) (containment, as in
 * PostgreSQL's {@code eqjoinsel_semi}), times the selectivity of its
 * left-only terms and of the guessed rest. Where the right side is unique on
 * its keys this is exactly the inner join's estimate, so a join order
 * enumerator may trade one for the other without changing row counts above.
 * An anti join keeps the other left rows.
 */
public class StatisticsRowCount extends RelMdRowCount {

  @Override
  public @Nullable Double getRowCount(Join join, RelMetadataQuery mq) {
    JoinRelType type = join.getJoinType();
    if (type != JoinRelType.SEMI && type != JoinRelType.ANTI) {
      return super.getRowCount(join, mq);
    }
    Double left = mq.getRowCount(join.getLeft());
    Double right = mq.getRowCount(join.getRight());
    if (left == null || right == null) {
      return super.getRowCount(join, mq);
    }
    JoinTerms terms = new JoinTerms(join, join.getCondition());
    double match;
    if (!terms.hasKeys()) {
      // No keys: each right row matches with the guessed probability.
      double rightRows = right * JoinTerms.sideSelectivity(mq, join.getRight(), terms.rightOnly);
      match = Math.min(1.0, terms.guessed * rightRows);
    } else {
      Double keys = terms.keySelectivity(join, mq);
      Double ndvRight = mq.getDistinctRowCount(join.getRight(), terms.rightKeys(),
          terms.rightPredicate(join));
      if (keys == null || ndvRight == null) {
        return super.getRowCount(join, mq);
      }
      match = Math.min(1.0, ndvRight * keys) * terms.guessed;
    }
    match *= JoinTerms.sideSelectivity(mq, join.getLeft(), terms.leftOnly);
    double rows = left * (type == JoinRelType.SEMI ? match : 1.0 - match);
    return Math.max(1.0, rows);
  }
}
