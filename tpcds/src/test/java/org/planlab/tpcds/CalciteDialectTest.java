package org.planlab.tpcds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.WorkloadQuery;

/** The dialect edits, one by one, and on every template against the TPC-DS schema. */
class CalciteDialectTest {

  @Test
  void eachEdit() {
    assertThat(CalciteDialect.fix("cast('2000-01-01' as date) + 30 days"))
        .isEqualTo("cast('2000-01-01' as date) + INTERVAL '30' DAY");
    assertThat(CalciteDialect.fix("d3.d_date > d1.d_date + 5"))
        .isEqualTo("d3.d_date > d1.d_date + INTERVAL '5' DAY");
    assertThat(CalciteDialect.fix("substr(ca_zip,1,5) <> substr(s_zip, 1, 5)"))
        .isEqualTo("SUBSTRING(ca_zip FROM 1 FOR 5) <> SUBSTRING(s_zip FROM 1 FOR 5)");
    assertThat(CalciteDialect.fix("select d_year as year, sum(returns) as returns, 'at' at"))
        .isEqualTo("select d_year as \"year\", sum(\"returns\") as \"returns\", 'at' \"at\"");
    assertThat(CalciteDialect.fix("t_s_firstyear.year > 0"))
        .isEqualTo("t_s_firstyear.\"year\" > 0");
  }

  /**
   * A value of the right kind for each parameter, read from its define:
   * random draws take their lower bound, text choices their first option,
   * dates a date; distribution members are used quoted or as numbers, so 1
   * serves both. Only for checking that every template converts; the
   * queries planlab runs use the specification's qualification values.
   */
  static Map<String, String> smokeValues(QueryTemplate t) {
    Pattern random = Pattern.compile("(?i)^random\\(\\s*(-?\\d+)");
    Pattern text = Pattern.compile("(?i)^text\\(\\{\"([^\"]*)\"");
    Map<String, String> values = new HashMap<>();
    for (String p : t.parameters()) {
      String name = p.contains(".") ? p.substring(0, p.indexOf('.')) : p;
      String define = t.defines().getOrDefault(name, "");
      Matcher r = random.matcher(define);
      Matcher x = text.matcher(define);
      if (r.find()) {
        values.put(p, r.group(1));
      } else if (x.find()) {
        values.put(p, x.group(1));
      } else if (define.toLowerCase(java.util.Locale.ROOT).startsWith("date(")) {
        values.put(p, "2000-01-01");
      } else {
        values.put(p, "1");
      }
    }
    return values;
  }

  /** Every template statement with placeholder values, edited, as a query. */
  static List<WorkloadQuery> editedStatements() {
    List<WorkloadQuery> out = new ArrayList<>();
    for (int n = 1; n <= 99; n++) {
      QueryTemplate t = QueryTemplate.load(n);
      t = new QueryTemplate(n, t.defines(), TemplateDefects.fix(n, t.body()));
      List<String> statements = t.render(smokeValues(t));
      for (int i = 0; i < statements.size(); i++) {
        String id = "q" + n + (statements.size() > 1 ? (char) ('a' + i) : "");
        out.add(new WorkloadQuery(id, id + ".sql",
            CalciteDialect.fix(statements.get(i))));
      }
    }
    return out;
  }

  /**
   * With placeholder values (not yet the qualification values), every
   * template statement plans under phase 1 alone and under two-phase.
   */
  @Test
  void everyTemplateStatementPlansUnderThePhasedConfigurations() {
    StatisticsSchema schema = new StatisticsSchema("tpcds", TpcdsSchema.tables(1));
    List<WorkloadQuery> queries = editedStatements();
    assertThat(queries).hasSize(103);
    List<String> failures = new ArrayList<>();
    for (String config : List.of("cheap-only", "two-phase")) {
      PlanningSession session = new PlanningSession(schema, Optimizers.byName(config),
          Duration.ofSeconds(60));
      for (WorkloadQuery q : queries) {
        var r = session.plan(q).result();
        if (r.status() != org.planlab.planner.result.QueryStatus.PLANNED) {
          failures.add(config + " " + q.id() + ": " + r.status() + " " + r.error());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyTemplateParsesValidatesAndConvertsOnceEdited() {
    PlanningSession session = new PlanningSession(new StatisticsSchema("tpcds",
        TpcdsSchema.tables(1)), Optimizers.byName("cheap-only"), Duration.ofSeconds(60));
    List<String> failures = new ArrayList<>();
    for (WorkloadQuery q : editedStatements()) {
      var prepared = session.prepare(q);
      if (prepared.failed() != null) {
        failures.add(q.id() + ": " + prepared.failed().result().error());
      }
    }
    assertThat(failures).isEmpty();
  }
}
