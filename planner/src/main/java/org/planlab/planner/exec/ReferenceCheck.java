package org.planlab.planner.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.workload.DataGenerator.ReferenceAnswer;

/**
 * Holds an answer against a reference answer, strictly: the same number of
 * rows, in the same order where the reference is ordered, and every value
 * equal, a number exactly once rounded to the decimals the reference prints
 * (half up, or half even where a value lies exactly between), text without
 * fixed-length padding. So AVG truncated to 2 decimals (0.04 for 0.0499...)
 * fails where the reference prints 0.05.
 */
public final class ReferenceCheck {
  private ReferenceCheck() {
  }

  /** Null if {@code rows} match {@code ref}; else the first difference, named by row and column. */
  public static @Nullable String compare(List<Object[]> rows, RelDataType rowType,
      ReferenceAnswer ref) {
    List<List<String>> actual = ResultRows.text(rows, rowType);
    if (actual.size() != ref.rows().size()) {
      return String.format(Locale.ROOT, "%d rows where %s has %d", actual.size(), ref.source(),
          ref.rows().size());
    }
    List<SqlTypeName> types = new ArrayList<>();
    rowType.getFieldList().forEach(f -> types.add(f.getType().getSqlTypeName()));
    if (ref.ordered()) {
      for (int i = 0; i < actual.size(); i++) {
        String d = rowDiff(actual.get(i), ref.rows().get(i), types);
        if (d != null) {
          return String.format(Locale.ROOT, "row %d, %s (%s)", i + 1, d, ref.source());
        }
      }
      return null;
    }
    // Unordered: every reference row matched by a distinct answer row.
    boolean[] used = new boolean[actual.size()];
    for (int i = 0; i < ref.rows().size(); i++) {
      boolean found = false;
      for (int j = 0; j < actual.size() && !found; j++) {
        if (!used[j] && rowDiff(actual.get(j), ref.rows().get(i), types) == null) {
          used[j] = true;
          found = true;
        }
      }
      if (!found) {
        return "no row matches " + String.join("|", ref.rows().get(i)) + " (" + ref.source()
            + ")";
      }
    }
    return null;
  }

  private static @Nullable String rowDiff(List<String> actual, List<String> expected,
      List<SqlTypeName> types) {
    if (actual.size() != expected.size()) {
      return actual.size() + " columns where the reference has " + expected.size();
    }
    for (int c = 0; c < actual.size(); c++) {
      // Text as printed, but for trailing blanks (fixed-length padding).
      String e = expected.get(c).stripTrailing();
      String a = actual.get(c).stripTrailing();
      if (!same(a, e, types.get(c))) {
        return String.format(Locale.ROOT, "column %d: expected '%s', got '%s'", c + 1, e, a);
      }
    }
    return null;
  }

  static boolean same(String actual, String expected, SqlTypeName type) {
    if (actual.equals(expected)) {
      return true;
    }
    if (actual.equals("null") || expected.equals("null")) {
      return false;
    }
    if (!SqlTypeName.NUMERIC_TYPES.contains(type)) {
      return false;
    }
    try {
      BigDecimal e = new BigDecimal(expected.strip());
      BigDecimal a = new BigDecimal(actual.strip());
      int scale = Math.max(0, e.scale());
      return a.setScale(scale, RoundingMode.HALF_UP).compareTo(e) == 0
          || a.setScale(scale, RoundingMode.HALF_EVEN).compareTo(e) == 0;
    } catch (NumberFormatException ex) {
      return false;
    }
  }
}
