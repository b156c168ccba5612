package org.planlab.planner.stats;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column of a workload table: its name, SQL type with precision and scale,
 * nullability, and statistics.
 *
 * @param precision length for CHAR/VARCHAR, precision for DECIMAL, or -1
 * @param scale scale for DECIMAL, or -1
 */
public record Column(String name, SqlTypeName type, int precision, int scale, boolean nullable,
    ColumnStatistics statistics) {

  /** The column's Calcite type. */
  public RelDataType toType(RelDataTypeFactory typeFactory) {
    RelDataType t;
    if (precision >= 0 && scale >= 0) {
      t = typeFactory.createSqlType(type, precision, scale);
    } else if (precision >= 0) {
      t = typeFactory.createSqlType(type, precision);
    } else {
      t = typeFactory.createSqlType(type);
    }
    return typeFactory.createTypeWithNullability(t, nullable);
  }
}
