package org.planlab.planner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.junit.jupiter.api.Test;
import org.planlab.planner.TestSchemas;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.StopReason;
import org.planlab.planner.workload.WorkloadQuery;

class PlanningSessionTest {
  private final PlanningSession session = new PlanningSession(TestSchemas.star(),
      Optimizers.byName("calcite-default"), Duration.ofSeconds(60));

  private PlannedQuery plan(String sql) {
    return session.plan(new WorkloadQuery("t", "test.sql", sql));
  }

  @Test
  void plansAQueryAndRecordsEveryStage() {
    QueryResult r = plan("SELECT p_color, count(*) FROM sales JOIN product ON s_product = p_id "
        + "GROUP BY p_color").result();
    assertThat(r.status()).isEqualTo(QueryStatus.PLANNED);
    assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(r.error()).isNull();
    assertThat(r.joins()).isEqualTo(1);
    assertThat(r.stages().parse()).isNotNull();
    assertThat(r.stages().validate()).isNotNull();
    assertThat(r.stages().convert()).isNotNull();
    assertThat(r.stages().optimize().wallMs()).isPositive();
    assertThat(r.effort().ruleCalls()).isPositive();
    assertThat(r.effort().relNodes()).isGreaterThanOrEqualTo(r.effort().relSets()).isPositive();
    assertThat(r.plan()).isNotNull();
    assertThat(r.cost()).isEqualTo(r.plan().root().cumulativeCost());
    assertThat(r.plan().render()).contains("EnumerableTableScan(table=[[shop, sales]])");
  }

  @Test
  void parseErrorsReportLineAndColumn() {
    QueryResult r = plan("SELECT s_id\nFROM sales\nWHER s_id = 1").result();
    assertThat(r.status()).isEqualTo(QueryStatus.FAILED);
    assertThat(r.error().stage()).isEqualTo("parse");
    assertThat(r.error().line()).isEqualTo(3);
    assertThat(r.error().column()).isEqualTo(6);
    assertThat(r.error().describe("test.sql")).startsWith("test.sql:3:6: parse error: ")
        .doesNotContain("\n");
    assertThat(r.stages().parse()).isNotNull();
    assertThat(r.stages().validate()).isNull();
  }

  @Test
  void validationErrorsReportLineAndColumn() {
    QueryResult r = plan("SELECT s_id,\n  s_nope\nFROM sales").result();
    assertThat(r.status()).isEqualTo(QueryStatus.FAILED);
    assertThat(r.error().stage()).isEqualTo("validate");
    assertThat(r.error().message()).contains("s_nope").contains("not found");
    assertThat(r.error().line()).isEqualTo(2);
    assertThat(r.error().column()).isEqualTo(3);
  }

  @Test
  void unknownTablesAndTypeErrorsFailInValidation() {
    assertThat(plan("SELECT * FROM nowhere").result().error().message()).contains("nowhere");
    QueryResult typeError = plan("SELECT * FROM sales WHERE s_date > 'x' + 1").result();
    assertThat(typeError.status()).isEqualTo(QueryStatus.FAILED);
    assertThat(typeError.error().stage()).isEqualTo("validate");
  }

  @Test
  void emptyTextIsAParseError() {
    for (String text : new String[] {"", "   ", "-- only a comment\n", ";"}) {
      QueryResult r = plan(text).result();
      assertThat(r.status()).isEqualTo(QueryStatus.FAILED);
      assertThat(r.error().stage()).isEqualTo("parse");
      assertThat(r.error().message()).as(text).doesNotContain("Index");
    }
  }

  @Test
  void trailingSemicolonsAndAnyIdentifierCaseAreAccepted() {
    assertThat(plan("select count(*) from SALES where S_QUANTITY > 3;\n;").result().status())
        .isEqualTo(QueryStatus.PLANNED);
    assertThat(plan("select count(*) from \"sales\"").result().status())
        .isEqualTo(QueryStatus.PLANNED);
  }

  @Test
  void foreignKeyJoinsKeepTheFactTablesRowCount() {
    PlannedQuery p = plan("SELECT * FROM sales JOIN product ON s_product = p_id "
        + "JOIN store ON s_store = st_id");
    RelNode plan = p.plan();
    RelMetadataQuery mq = plan.getCluster().getMetadataQuery();
    assertThat(mq.getRowCount(plan)).isCloseTo(TestSchemas.SALES, within(1.0));
  }

  @Test
  void filtersOnTheDimensionShrinkTheJoinByTheirSelectivity() {
    // p_color has 10 values: one of them keeps a tenth of the sales.
    PlannedQuery p = plan("SELECT * FROM sales JOIN product ON s_product = p_id "
        + "WHERE p_color = 'red'");
    RelMetadataQuery mq = p.plan().getCluster().getMetadataQuery();
    assertThat(mq.getRowCount(p.plan())).isCloseTo(TestSchemas.SALES / 10, within(1.0));
  }

  @Test
  void aggregatesEstimateTheirGroupsFromDistinctCounts() {
    PlannedQuery p = plan("SELECT s_store, s_quantity, count(*) FROM sales "
        + "GROUP BY s_store, s_quantity");
    RelMetadataQuery mq = p.plan().getCluster().getMetadataQuery();
    assertThat(mq.getRowCount(p.plan())).isCloseTo(100 * 50, within(1.0));
  }

  @Test
  void theSameQueryGivesTheSamePlanTwice() {
    String sql = "SELECT st_city, sum(s_quantity) FROM sales, product, store "
        + "WHERE s_product = p_id AND s_store = st_id AND p_price < 10 GROUP BY st_city";
    String first = plan(sql).result().plan().render();
    String second = plan(sql).result().plan().render();
    assertThat(second).isEqualTo(first);
  }
}
