package org.planlab.planner.exec;

import java.math.BigDecimal;
import java.util.Collections;

import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;

import com.google.common.collect.ImmutableList;

/**
 * Enumerable plans over Values of nullable BIGINT columns, for the
 * executor's tests: a cluster whose planner knows conventions and
 * collations, so that Values claims the orders it finds.
 */
final class ValuesFixture {
  final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
  final RexBuilder rex = new RexBuilder(types);
  final RelOptCluster cluster;
  final RelDataType nullableBigint = types.createTypeWithNullability(
      types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.BIGINT), true);

  ValuesFixture() {
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    cluster = RelOptCluster.create(planner, rex);
  }

  /** Rows of {@code columns} columns {@code k0, k1, ...}, in this order, each row's columns equal. */
  RelNode values(int columns, Long... keys) {
    RelDataTypeFactory.Builder type = types.builder();
    for (int c = 0; c < columns; c++) {
      type.add("k" + c, nullableBigint);
    }
    ImmutableList.Builder<ImmutableList<RexLiteral>> tuples = ImmutableList.builder();
    for (Long k : keys) {
      RexLiteral v = k == null ? rex.makeNullLiteral(nullableBigint)
          : rex.makeExactLiteral(BigDecimal.valueOf(k), nullableBigint);
      tuples.add(ImmutableList.copyOf(Collections.nCopies(columns, v)));
    }
    return EnumerableValues.create(cluster, type.build(), tuples.build());
  }
}
