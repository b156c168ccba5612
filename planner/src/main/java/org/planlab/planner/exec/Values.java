package org.planlab.planner.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.stats.Column;

/**
 * Converts a generator's natural values to what Calcite's Enumerable code
 * expects for a column's type: {@code Long} for BIGINT, {@code Integer} for
 * INTEGER and for DATE (days since 1970-01-01), {@code BigDecimal} at the
 * column's scale for DECIMAL, {@code Double} for DOUBLE, and for CHAR(n) the
 * text padded with spaces to n characters, as SQL compares fixed-length text.
 * Generators that print their values (TPC-DS's) give text, which is parsed
 * by the column's type (DATE as {@code yyyy-MM-dd}).
 */
public final class Values {
  private Values() {
  }

  public static @Nullable Object of(Column column, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s && column.type() != SqlTypeName.CHAR
        && column.type() != SqlTypeName.VARCHAR) {
      return parse(column, s);
    }
    return switch (column.type()) {
      case BIGINT -> ((Number) value).longValue();
      case INTEGER, DATE -> ((Number) value).intValue();
      case SMALLINT -> ((Number) value).shortValue();
      case TINYINT -> ((Number) value).byteValue();
      case DOUBLE, FLOAT, REAL -> ((Number) value).doubleValue();
      case DECIMAL -> decimal(value, column.scale());
      case CHAR -> pad(value.toString(), column.precision());
      case VARCHAR -> value.toString();
      case BOOLEAN -> (Boolean) value;
      case TIME -> ((Number) value).intValue();
      case TIMESTAMP -> ((Number) value).longValue();
      default -> throw new IllegalArgumentException("column " + column.name() + ": type "
          + column.type() + " has no generated values");
    };
  }

  private static Object parse(Column column, String s) {
    try {
      return switch (column.type()) {
        case BIGINT, TIMESTAMP -> Long.parseLong(s.strip());
        case INTEGER, TIME -> Integer.parseInt(s.strip());
        case SMALLINT -> Short.parseShort(s.strip());
        case TINYINT -> Byte.parseByte(s.strip());
        case DOUBLE, FLOAT, REAL -> Double.parseDouble(s.strip());
        case DECIMAL -> decimal(new BigDecimal(s.strip()), column.scale());
        case DATE -> (int) java.time.LocalDate.parse(s.strip()).toEpochDay();
        case BOOLEAN -> Boolean.parseBoolean(s.strip());
        default -> throw new IllegalArgumentException("type " + column.type());
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("column " + column.name() + " (" + column.type()
          + "): cannot read generated value '" + s + "': " + e.getMessage(), e);
    }
  }

  private static BigDecimal decimal(Object value, int scale) {
    BigDecimal d = value instanceof BigDecimal b ? b
        : value instanceof Double || value instanceof Float
            ? BigDecimal.valueOf(((Number) value).doubleValue())
            : BigDecimal.valueOf(((Number) value).longValue());
    return scale < 0 ? d : d.setScale(scale, RoundingMode.HALF_UP);
  }

  private static String pad(String s, int length) {
    if (length <= s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(length).append(s);
    while (sb.length() < length) {
      sb.append(' ');
    }
    return sb.toString();
  }
}
