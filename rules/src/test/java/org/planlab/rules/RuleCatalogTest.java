package org.planlab.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.rules.CoreRules;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
  @Test
  void calciteDefaultInstallsWhatCalcitesDriverRegisters() {
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    RuleCatalog.CALCITE_DEFAULT.installInto(planner);
    assertThat(planner.getRules()).hasSizeGreaterThan(100)
        .contains(CoreRules.JOIN_COMMUTE, NullSafeReduceExpressionsRules.FILTER,
            EnumerableRules.ENUMERABLE_JOIN_RULE, EnumerableRules.ENUMERABLE_TABLE_SCAN_RULE);
  }

  @Test
  void ruleSetsAreFoundByName() {
    assertThat(RuleCatalog.byName("calcite-default")).isSameAs(RuleCatalog.CALCITE_DEFAULT);
    assertThat(RuleCatalog.all()).allSatisfy(r -> assertThat(r.description()).isNotBlank());
    assertThatThrownBy(() -> RuleCatalog.byName("nope"))
        .hasMessageStartingWith("unknown rule set 'nope' (known: calcite-default, calcite-fixed-order, normalize, ");
  }
}
