package org.planlab.planner.phased;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.junit.jupiter.api.Test;
import org.planlab.planner.TestSchemas;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.WorkloadQuery;

/**
 * A logical Project of a cast of a sort's second key claims, as Calcite
 * derives it, an order its Enumerable form does not: the plan's logical
 * collations are dropped before Volcano, a Sort's excepted.
 */
class LogicalCollationsTest {

  private static RelNode logical(String sql) {
    PlanningSession session = new PlanningSession(TestSchemas.star(),
        Optimizers.byName("cheap-only"), Duration.ofSeconds(30));
    return session.prepare(new WorkloadQuery("t", "test.sql", sql)).logical();
  }

  private static final String SORTED = "(SELECT st_id, st_city FROM store "
      + "ORDER BY st_id, st_city LIMIT 5) AS t";

  @Test
  void aCastOfASecondSortKeyClaimsTooMuchAndIsStripped() {
    RelNode rel = logical("SELECT st_id, CAST(st_city AS VARCHAR(30)) AS c FROM " + SORTED);
    assertThat(rel.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE))
        .as("Calcite's claim on the Project").anySatisfy(c -> assertThat(c.getFieldCollations()
            .stream().anyMatch(f -> f.getFieldIndex() == 1)).isTrue());
    assertThat(LogicalCollations.claimsTooMuch(rel)).isTrue();

    RelNode stripped = LogicalCollations.reconcile(rel, rel.getTraitSet()
        .replace(RelCollations.EMPTY));
    assertThat(stripped.getTraitSet().getCollation().getFieldCollations()).isEmpty();
    assertThat(stripped.getInput(0)).isInstanceOf(Sort.class);
    assertThat(stripped.getInput(0).getTraitSet().getCollation().getFieldCollations())
        .as("the Sort keeps its order").isNotEmpty()
        .isEqualTo(rel.getInput(0).getTraitSet().getCollation().getFieldCollations());
  }

  @Test
  void fieldsOfASortClaimNothingFalseAndStayAsTheyAre() {
    RelNode rel = logical("SELECT st_city, st_id FROM " + SORTED);
    assertThat(LogicalCollations.claimsTooMuch(rel)).isFalse();
    assertThat(LogicalCollations.reconcile(rel, rel.getTraitSet())).isSameAs(rel);
  }
}
