package org.planlab.planner.session;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system, except for AVG over DECIMAL. Calcite gives AVG the
 * argument's type, so AVG over DECIMAL(15,2) is truncated to 2 decimals:
 * TPC-H Q1's avg_disc came out 0.04 where the exact value is 0.0499..., and
 * avg_qty 25.57 for 25.5773... (an answer only a loose tolerance accepts).
 * planlab gives it the widest precision and at least 6 decimals, as SQL
 * Server does (PostgreSQL keeps at least 16 significant digits).
 */
public final class PlanlabTypeSystem extends RelDataTypeSystemImpl {
  public static final PlanlabTypeSystem INSTANCE = new PlanlabTypeSystem();

  /** The fewest decimals an AVG over DECIMAL keeps. */
  public static final int AVG_MIN_SCALE = 6;

  private PlanlabTypeSystem() {
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return super.deriveAvgAggType(typeFactory, argumentType);
    }
    int precision = getMaxNumericPrecision();
    int scale = Math.min(Math.max(argumentType.getScale(), AVG_MIN_SCALE),
        getMaxNumericScale());
    return typeFactory.createTypeWithNullability(
        typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale),
        argumentType.isNullable());
  }
}
