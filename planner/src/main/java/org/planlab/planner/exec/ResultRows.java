package org.planlab.planner.exec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Query answers as text that compares across plans: DATE as ISO dates,
 * fixed-length text without its padding, exact numbers without trailing
 * zeros, approximate numbers (DOUBLE) to {@value #DOUBLE_DIGITS} significant
 * digits, so sums added in another order still agree, and NULL as
 * {@code null}.
 */
public final class ResultRows {
  /** Significant digits of DOUBLE values compared. */
  public static final int DOUBLE_DIGITS = 10;

  private ResultRows() {
  }

  /** One value as text, by its column's type. */
  public static String text(@Nullable Object v, SqlTypeName type) {
    if (v == null) {
      return "null";
    }
    if (type == SqlTypeName.DATE && v instanceof Number n) {
      return LocalDate.ofEpochDay(n.longValue()).toString();
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return Double.toString(d);
      }
      BigDecimal b = new BigDecimal(d).round(new MathContext(DOUBLE_DIGITS));
      return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
    if (type == SqlTypeName.CHAR) {
      return v.toString().stripTrailing();
    }
    return v.toString();
  }

  /** The rows as text, each a list of its values. */
  public static List<List<String>> text(List<Object[]> rows, RelDataType rowType) {
    List<RelDataTypeField> fields = rowType.getFieldList();
    List<List<String>> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      List<String> row = new ArrayList<>(r.length);
      for (int i = 0; i < r.length; i++) {
        row.add(text(r[i], fields.get(i).getType().getSqlTypeName()));
      }
      out.add(row);
    }
    return out;
  }

  /**
   * Null if {@code a} and {@code b} hold the same rows as many times each
   * (any order); else a readable diff: the counts, and up to {@code show}
   * rows only one side has, with how many more times.
   */
  public static @Nullable String multisetDiff(List<List<String>> a, List<List<String>> b,
      String nameA, String nameB, int show) {
    TreeMap<String, int[]> counts = new TreeMap<>();
    for (List<String> r : a) {
      counts.computeIfAbsent(String.join(" | ", r), k -> new int[2])[0]++;
    }
    for (List<String> r : b) {
      counts.computeIfAbsent(String.join(" | ", r), k -> new int[2])[1]++;
    }
    List<String> onlyA = new ArrayList<>();
    List<String> onlyB = new ArrayList<>();
    counts.forEach((row, c) -> {
      if (c[0] > c[1]) {
        onlyA.add(row + (c[0] - c[1] > 1 ? "  (" + (c[0] - c[1]) + "x)" : ""));
      } else if (c[1] > c[0]) {
        onlyB.add(row + (c[1] - c[0] > 1 ? "  (" + (c[1] - c[0]) + "x)" : ""));
      }
    });
    if (onlyA.isEmpty() && onlyB.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%s returned %d rows, %s %d; %d rows only in %s, %d only in %s", nameA, a.size(),
        nameB, b.size(), onlyA.size(), nameA, onlyB.size(), nameB));
    onlyA.stream().limit(show).forEach(r -> sb.append("\n  - ").append(r));
    onlyB.stream().limit(show).forEach(r -> sb.append("\n  + ").append(r));
    return sb.toString();
  }
}
