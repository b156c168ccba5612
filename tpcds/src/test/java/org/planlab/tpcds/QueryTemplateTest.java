package org.planlab.tpcds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.WorkloadQuery;

/** The dsqgen templates load, and render with given values into SQL planlab plans. */
class QueryTemplateTest {

  private static List<QueryTemplate> all() {
    return IntStream.rangeClosed(1, 99).mapToObj(QueryTemplate::load).toList();
  }

  @Test
  void everyTemplateDefinesTheParametersItUses() {
    for (QueryTemplate t : all()) {
      assertThat(t.body()).as("template %d", t.number()).isNotBlank().doesNotContain("define ");
      for (String p : t.parameters()) {
        String name = p.contains(".") ? p.substring(0, p.indexOf('.')) : p;
        assertThat(t.defines()).as("template %d uses [%s]", t.number(), p).containsKey(name);
      }
    }
  }

  @Test
  void fourTemplatesHoldTwoStatements() {
    List<Integer> twoPart = new ArrayList<>();
    for (QueryTemplate t : all()) {
      Map<String, String> values = new HashMap<>();
      t.parameters().forEach(p -> values.put(p, "1"));
      if (t.render(values).size() == 2) {
        twoPart.add(t.number());
      } else {
        assertThat(t.render(values)).as("template %d", t.number()).hasSize(1);
      }
    }
    assertThat(twoPart).containsExactly(14, 23, 24, 39)
        .containsExactlyInAnyOrderElementsOf(TpcdsQueries.TWO_PART);
  }

  @Test
  void aMissingValueIsNamed() {
    assertThatThrownBy(() -> QueryTemplate.load(1).render(Map.of("YEAR", "2000")))
        .hasMessage("TPC-DS template 1: no value for [AGG_FIELD]");
    assertThatThrownBy(() -> QueryTemplate.load(100)).hasMessageContaining("1 to 99");
  }

  @Test
  void queryOneWithItsQualificationValuesPlans() {
    // TPC-DS Appendix B, query 1: YEAR.01 = 2000, STATE.01 = TN, AGG_FIELD.01 = SR_RETURN_AMT.
    List<String> sql = QueryTemplate.load(1).render(
        Map.of("YEAR", "2000", "STATE", "TN", "AGG_FIELD", "SR_RETURN_AMT"));
    assertThat(sql).singleElement().satisfies(s -> assertThat(s)
        .contains("and d_year =2000").contains("s_state = 'TN'")
        .contains("sum(SR_RETURN_AMT)").endsWith("LIMIT 100"));
    QueryResult r = new PlanningSession(new StatisticsSchema("tpcds", TpcdsSchema.tables(1)),
        Optimizers.byName("two-phase"), Duration.ofSeconds(60))
        .plan(new WorkloadQuery("q1", "tpcds/q01.sql", sql.get(0))).result();
    assertThat(r.error()).as("error").isNull();
    assertThat(r.status()).isEqualTo(QueryStatus.PLANNED);
  }
}
