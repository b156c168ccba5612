package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.Table;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planlab.planner.stats.Column;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.stats.StatisticsTable;
import org.planlab.planner.stats.TableDefinition;

/** TPC-H statistics against the specification, clause 4.2.5 and clause 1.4. */
class TpchStatisticsTest {

  private static Map<String, Double> rowCounts(double sf) {
    return TpchSchema.tables(sf).stream()
        .collect(Collectors.toMap(TableDefinition::name, TableDefinition::rowCount));
  }

  @Test
  void rowCountsAtScaleFactorOne() {
    assertThat(rowCounts(1)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "region", 5.0, "nation", 25.0, "supplier", 10_000.0, "part", 200_000.0,
        "partsupp", 800_000.0, "customer", 150_000.0, "orders", 1_500_000.0,
        "lineitem", 6_001_215.0));
  }

  @Test
  void rowCountsAtScaleFactorOneHundred() {
    assertThat(rowCounts(100)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "region", 5.0, "nation", 25.0, "supplier", 1_000_000.0, "part", 20_000_000.0,
        "partsupp", 80_000_000.0, "customer", 15_000_000.0, "orders", 150_000_000.0,
        "lineitem", 600_037_902.0));
  }

  @Test
  void otherScaleFactorsScaleLinearly() {
    Map<String, Double> rows = rowCounts(3);
    assertThat(rows.get("lineitem")).isEqualTo(18_000_000.0);
    assertThat(rows.get("orders")).isEqualTo(4_500_000.0);
    assertThat(rows.get("nation")).isEqualTo(25.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.001, 0.01, 1, 100, 30_000})
  void distinctCountsNeverExceedRowCounts(double sf) {
    for (TableDefinition t : TpchSchema.tables(sf)) {
      for (Column c : t.columns()) {
        assertThat(c.statistics().distinctCount()).as(t.name() + "." + c.name())
            .isLessThanOrEqualTo(Math.max(1, t.rowCount())).isGreaterThanOrEqualTo(1);
        assertThat(c.statistics().nullFraction()).isZero();
      }
    }
  }

  @Test
  void columnStatisticsFollowTheGenerationRules() {
    TableDefinition lineitem = table(1, "lineitem");
    assertThat(lineitem.column("l_returnflag").orElseThrow().statistics().distinctCount())
        .isEqualTo(3);
    assertThat(lineitem.column("l_discount").orElseThrow().statistics().max()).isEqualTo(0.10);
    assertThat(lineitem.column("l_quantity").orElseThrow().statistics().distinctCount())
        .isEqualTo(50);
    TableDefinition orders = table(1, "orders");
    // 1992-01-01 .. 1998-08-02
    assertThat(orders.column("o_orderdate").orElseThrow().statistics().distinctCount())
        .isEqualTo(2406);
    assertThat(orders.column("o_custkey").orElseThrow().statistics().distinctCount())
        .isEqualTo(100_000);
  }

  @Test
  void typesAreTheSpecificationsExactTypes() {
    StatisticsSchema schema = new TpchWorkload().schema(1);
    JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
    RelDataType lineitem = schema.getTable("lineitem").getRowType(types);
    assertThat(lineitem.getField("l_extendedprice", false, false).getType().getFullTypeString())
        .isEqualTo("DECIMAL(15, 2) NOT NULL");
    assertThat(lineitem.getField("l_shipdate", false, false).getType().getFullTypeString())
        .isEqualTo("DATE NOT NULL");
    assertThat(lineitem.getField("l_shipmode", false, false).getType().getFullTypeString())
        .isEqualTo("CHAR(10) NOT NULL");
    assertThat(lineitem.getField("l_comment", false, false).getType().getFullTypeString())
        .isEqualTo("VARCHAR(44) NOT NULL");
    RelDataType customer = schema.getTable("customer").getRowType(types);
    assertThat(customer.getField("c_phone", false, false).getType().getFullTypeString())
        .isEqualTo("CHAR(15) NOT NULL");
    assertThat(customer.getFieldCount()).isEqualTo(8);
    assertThat(schema.getTableNames()).hasSize(8);
  }

  @Test
  void keysReachCalcite() {
    StatisticsSchema schema = new TpchWorkload().schema(1);
    Table lineitem = schema.getTable("lineitem");
    assertThat(lineitem.getStatistic().getRowCount()).isEqualTo(6_001_215.0);
    assertThat(lineitem.getStatistic().getKeys()).containsExactly(ImmutableBitSet.of(0, 3));
    assertThat(lineitem.getStatistic().getReferentialConstraints()).hasSize(4)
        .anySatisfy(rc -> {
          assertThat(rc.getTargetQualifiedName()).isEqualTo(List.of("tpch", "partsupp"));
          assertThat(rc.getNumColumns()).isEqualTo(2);
        });
    assertThat(schema.getTable("nation").getStatistic().getKeys())
        .containsExactly(ImmutableBitSet.of(0));
  }

  @Test
  void foreignKeysBoundTheDistinctCountOfTheirColumns() {
    StatisticsTable lineitem = (StatisticsTable) new TpchWorkload().schema(1).getTable("lineitem");
    // (l_partkey, l_suppkey) takes only PARTSUPP's 800,000 pairs.
    assertThat(lineitem.distinctCount(ImmutableBitSet.of(1, 2))).isEqualTo(800_000.0);
    // (l_orderkey, l_linenumber) is the key: every row differs.
    assertThat(lineitem.distinctCount(ImmutableBitSet.of(0, 3))).isEqualTo(6_001_215.0);
    assertThat(lineitem.distinctCount(ImmutableBitSet.of(8, 9))).isCloseTo(6, within(1e-9));
  }

  @Test
  void scaleFactorMustBePositive() {
    assertThatThrownBy(() -> TpchSchema.tables(0)).hasMessageContaining("> 0");
    assertThatThrownBy(() -> TpchSchema.tables(-1)).hasMessageContaining("> 0");
    assertThatThrownBy(() -> TpchSchema.tables(Double.NaN)).hasMessageContaining("> 0");
  }

  private static TableDefinition table(double sf, String name) {
    return TpchSchema.tables(sf).stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow();
  }
}
