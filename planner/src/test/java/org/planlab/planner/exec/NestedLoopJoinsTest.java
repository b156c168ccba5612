package org.planlab.planner.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.DataContext;
import org.apache.calcite.DataContexts;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RIGHT and FULL nested-loop joins, which the executor runs with
 * {@link OuterJoinEnumerables}: every row a nested loop gives, in its
 * order, and a run that stops at its time limit however many pairs are left
 * to compare.
 */
class NestedLoopJoinsTest {
  private static final Dataset NO_TABLES = new Dataset("none", 0, Map.of());

  private final ValuesFixture f = new ValuesFixture();
  private final RexBuilder rex = f.rex;
  private final RelDataType nullableBigint = f.nullableBigint;

  private RelNode values(int columns, Long... keys) {
    return f.values(columns, keys);
  }

  /** {@code left.$0 op right.$0} over the join's row type. */
  private RexNode compare(RelNode left, RelNode right, org.apache.calcite.sql.SqlOperator op,
      long add) {
    RexNode l = RexInputRef.of(0, left.getRowType());
    RexNode r = new RexInputRef(left.getRowType().getFieldCount(), nullableBigint);
    RexNode shifted = add == 0 ? r : rex.makeCall(SqlStdOperatorTable.PLUS, r,
        rex.makeExactLiteral(java.math.BigDecimal.valueOf(add), nullableBigint));
    return rex.makeCall(op, l, shifted);
  }

  private static List<List<Object>> run(RelNode plan, Duration limit) {
    PlanExecutor.Run run = PlanExecutor.run(PlanExecutor.compile(plan, false), NO_TABLES, limit);
    List<List<Object>> rows = new ArrayList<>();
    for (Object[] row : run.rows()) {
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  /**
   * What a nested loop gives for {@code left.k < right.k}: for each left
   * row its matches, in a FULL join the row NULL-padded if none, then the
   * right rows no left row matched.
   */
  private static List<List<Object>> nestedLoop(List<Long> left, List<Long> right, int leftWidth,
      int rightWidth, JoinRelType type) {
    List<List<Object>> out = new ArrayList<>();
    boolean[] matched = new boolean[right.size()];
    for (Long l : left) {
      boolean any = false;
      for (int j = 0; j < right.size(); j++) {
        Long r = right.get(j);
        if (l != null && r != null && l < r) {
          any = matched[j] = true;
          out.add(row(l, leftWidth, r, rightWidth));
        }
      }
      if (!any && type == JoinRelType.FULL) {
        out.add(row(l, leftWidth, null, rightWidth));
      }
    }
    for (int j = 0; j < right.size(); j++) {
      if (!matched[j]) {
        out.add(row(null, leftWidth, right.get(j), rightWidth));
      }
    }
    return out;
  }

  private static List<Object> row(Long l, int leftWidth, Long r, int rightWidth) {
    List<Object> row = new ArrayList<>(java.util.Collections.nCopies(leftWidth, l));
    row.addAll(java.util.Collections.nCopies(rightWidth, r));
    return row;
  }

  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"RIGHT", "FULL"})
  void aThetaJoinReturnsEveryRowOfANestedLoopInItsOrder(JoinRelType type) {
    // NULLs and equal small numbers on the right: one object each in a one-column input.
    List<Long> left = Arrays.asList(1L, 2L, null, 2L, 7L);
    List<Long> right = Arrays.asList(null, null, 3L, 1L, 1L, 2L, 3L);
    for (int rightWidth = 1; rightWidth <= 2; rightWidth++) {
      RelNode l = values(2, left.toArray(Long[]::new));
      RelNode r = values(rightWidth, right.toArray(Long[]::new));
      RelNode join = EnumerableNestedLoopJoin.create(l, r,
          compare(l, r, SqlStdOperatorTable.LESS_THAN, 0), Set.of(), type);

      List<List<Object>> expected = nestedLoop(left, right, 2, rightWidth, type);

      assertThat(run(join, Duration.ofSeconds(30)))
          .as("%s join, right input of %d column(s)", type, rightWidth)
          .containsExactlyElementsOf(expected);
      assertThat(expected).as("4 right rows unmatched (2 NULLs, two 1s); in a FULL join, a left NULL")
          .filteredOn(row -> row.get(0) == null).hasSize(type == JoinRelType.FULL ? 5 : 4);
    }
  }

  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"RIGHT", "FULL"})
  void theLoopChecksTheCancelFlagEvery1024Comparisons(JoinRelType type) {
    // 3 left rows (no check reading them) and 100,000 right rows no pair matches.
    AtomicBoolean cancel = new AtomicBoolean(true);
    DataContext root = DataContexts.of(Map.of(DataContext.Variable.CANCEL_FLAG.camelName, cancel));
    long[] compared = {0};
    Enumerable<Long> join = OuterJoinEnumerables.<Long, Long, Long>join(
        Linq4j.asEnumerable(List.of(1L, 2L, 3L)),
        Linq4j.asEnumerable(java.util.Collections.nCopies(100_000, 0L)),
        (l, r) -> {
          compared[0]++;
          return false;
        }, (l, r) -> l, type == JoinRelType.FULL ? JoinType.FULL : JoinType.RIGHT, root);

    assertThatThrownBy(() -> join.enumerator().moveNext())
        .isInstanceOf(ExecutionCancelledException.class);
    assertThat(compared[0]).as("comparisons before the set flag stopped the loop")
        .isLessThan(1024);
  }

  /**
   * The whole run stops at its limit too. (Calcite's join passes this as
   * well: it checks its outer input every 1,024 rows; the test above is the
   * one that needs the loop's own check.)
   */
  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"RIGHT", "FULL"})
  void aJoinOfTwoLargeInputsStopsAtItsTimeLimit(JoinRelType type) {
    // 160,000 rows on each side (400 x 400) and a condition no pair meets:
    // 2.56e10 comparisons, minutes of work, before a RIGHT join's first row.
    RelNode cross = cross(400, 400);
    RelNode join = EnumerableNestedLoopJoin.create(cross, cross,
        compare(cross, cross, SqlStdOperatorTable.GREATER_THAN, 1_000), Set.of(), type);

    long start = System.nanoTime();
    assertThatThrownBy(() -> run(join, Duration.ofMillis(200)))
        .isInstanceOf(ExecutionCancelledException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("stopped soon after its 200 ms limit, not after its comparisons")
        .isLessThan(Duration.ofSeconds(20));
  }

  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"RIGHT", "FULL"})
  void aJoinReturnsItsFirstRowsWithoutBuildingItsWholeResult(JoinRelType type) {
    // 1,000 left rows, 10,000 right rows, every pair matches: 1e7 rows. The run
    // stops at its 1,000th row; a join that builds its result first (Calcite's,
    // which checks no limit while it does: under 1,024 left rows) allocates GBs.
    RelNode left = cross(1_000, 1);
    RelNode right = cross(100, 100);
    RelNode join = EnumerableNestedLoopJoin.create(left, right,
        compare(left, right, SqlStdOperatorTable.LESS_THAN, 1_000_000), Set.of(), type);
    PlanExecutor.Compiled compiled = PlanExecutor.compile(join, false);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> PlanExecutor.run(compiled, NO_TABLES, Duration.ofMinutes(5), 1_000))
        .isInstanceOf(ExecutionCancelledException.class);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(allocated).as("bytes allocated to return 1,000 rows").isLessThan(64L << 20);
  }

  /** {@code a} rows of 0.. times {@code b} rows of 0..: an INNER join on TRUE, 2 columns. */
  private RelNode cross(int a, int b) {
    RelNode left = values(1, keys(a));
    RelNode right = values(1, keys(b));
    return EnumerableNestedLoopJoin.create(left, right, rex.makeLiteral(true), Set.of(),
        JoinRelType.INNER);
  }

  private static Long[] keys(int n) {
    Long[] keys = new Long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (long) i;
    }
    return keys;
  }
}
