package org.planlab.planner.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.planlab.planner.workload.DataGenerator.ReferenceAnswer;

/** Issue 8: strict reference answers and the differential comparison of answers. */
class AnswerChecksTest {
  private static final JavaTypeFactoryImpl TYPES = new JavaTypeFactoryImpl();

  /** A row type of CHAR(1), DECIMAL(19,6), DATE, DOUBLE. */
  private static RelDataType rowType() {
    return TYPES.builder()
        .add("flag", TYPES.createSqlType(SqlTypeName.CHAR, 1))
        .add("avg_disc", TYPES.createSqlType(SqlTypeName.DECIMAL, 19, 6))
        .add("day", TYPES.createSqlType(SqlTypeName.DATE))
        .add("x", TYPES.createSqlType(SqlTypeName.DOUBLE))
        .build();
  }

  private static ReferenceAnswer ref(boolean ordered, String... rows) {
    List<List<String>> r = new ArrayList<>();
    for (String row : rows) {
      r.add(List.of(row.split("\\|", -1)));
    }
    return new ReferenceAnswer("q.result", ordered, r);
  }

  private static Object[] row(String flag, String avg, int day, double x) {
    return new Object[] {flag, new BigDecimal(avg), day, x};
  }

  @Test
  void aValueIsRoundedToTheDecimalsTheReferencePrints() {
    ReferenceAnswer ref = ref(true, "A|0.05|1995-03-11|1.5");
    // 1995-03-11 is day 9200 since 1970-01-01.
    assertThat(ReferenceCheck.compare(List.<Object[]>of(row("A", "0.049990", 9200, 1.5)),
        rowType(), ref)).isNull();
    // Calcite's AVG truncated to scale 2 gave 0.04: a wrong answer.
    assertThat(ReferenceCheck.compare(List.<Object[]>of(row("A", "0.04", 9200, 1.5)),
        rowType(), ref)).isEqualTo("row 1, column 2: expected '0.05', got '0.04' (q.result)");
    assertThat(ReferenceCheck.compare(List.<Object[]>of(row("A", "0.0501", 9201, 1.5)),
        rowType(), ref)).contains("column 3: expected '1995-03-11', got '1995-03-12'");
  }

  @Test
  void orderCountsWhereTheReferenceIsOrdered() {
    List<Object[]> rows = List.of(row("B", "1", 0, 0), row("A", "2", 0, 0));
    assertThat(ReferenceCheck.compare(rows, rowType(),
        ref(true, "A|2|1970-01-01|0", "B|1|1970-01-01|0"))).startsWith("row 1, column 1");
    assertThat(ReferenceCheck.compare(rows, rowType(),
        ref(false, "A|2|1970-01-01|0", "B|1|1970-01-01|0"))).isNull();
    assertThat(ReferenceCheck.compare(rows.subList(0, 1), rowType(),
        ref(false, "A|2|1970-01-01|0", "B|1|1970-01-01|0")))
        .isEqualTo("1 rows where q.result has 2");
  }

  @Test
  void nullsAreNullsAndTextLosesOnlyItsPadding() {
    RelDataType t = TYPES.builder().add("c", TYPES.createSqlType(SqlTypeName.CHAR, 10))
        .add("v", TYPES.createSqlType(SqlTypeName.VARCHAR, 20)).build();
    assertThat(ReferenceCheck.compare(List.<Object[]>of(new Object[] {"ASIA      ", " x"}), t,
        ref(true, "ASIA| x"))).isNull();
    assertThat(ReferenceCheck.compare(List.<Object[]>of(new Object[] {"ASIA      ", "x"}), t,
        ref(true, "ASIA| x"))).contains("expected ' x', got 'x'");
    assertThat(ReferenceCheck.compare(List.<Object[]>of(new Object[] {null, "x"}), t,
        ref(true, "null|x"))).isNull();
    assertThat(ReferenceCheck.compare(List.<Object[]>of(new Object[] {"0", "x"}), t,
        ref(true, "null|x"))).isNotNull();
  }

  @Test
  void answersCompareAsMultisetsWithReadableDiffs() {
    RelDataType t = rowType();
    List<List<String>> a = ResultRows.text(List.of(row("A", "1.50", 0, 0.1 + 0.2),
        row("A", "1.50", 0, 0.3), row("B", "2", 1, 1)), t);
    List<List<String>> sameInOtherOrder = ResultRows.text(List.of(row("B", "2.000", 1, 1),
        row("A", "1.5", 0, 0.3), row("A", "1.5", 0, 0.30000000000000004)), t);
    assertThat(ResultRows.multisetDiff(a, sameInOtherOrder, "phase 1", "final", 5)).isNull();
    List<List<String>> oneLess = ResultRows.text(List.of(row("A", "1.5", 0, 0.3),
        row("B", "2", 1, 1)), t);
    assertThat(ResultRows.multisetDiff(a, oneLess, "phase 1", "final", 5)).isEqualTo(
        "phase 1 returned 3 rows, final 2; 1 rows only in phase 1, 0 only in final\n"
            + "  - A | 1.5 | 1970-01-01 | 0.3");
  }
}
