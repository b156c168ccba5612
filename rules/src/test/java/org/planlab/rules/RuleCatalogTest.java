package org.planlab.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.PruneEmptyRules;
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

  /** Each of Calcite's rules that gives wrong answers is replaced, in place, wherever it was. */
  @Test
  void replacedRulesAreGoneFromEverySetAndTheirReplacementsTakeTheirPlace() {
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    RelOptUtil.registerDefaultRules(planner, false, false);
    List<RelOptRule> wrong = List.of(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE,
        EnumerableRules.ENUMERABLE_MERGE_UNION_RULE, PruneEmptyRules.AGGREGATE_INSTANCE,
        CoreRules.PROJECT_TO_SEMI_JOIN, CoreRules.JOIN_TO_SEMI_JOIN,
        CoreRules.AGGREGATE_TO_SEMI_JOIN, CoreRules.SORT_PROJECT_TRANSPOSE,
        EnumerableRules.ENUMERABLE_PROJECT_RULE, EnumerableRules.ENUMERABLE_CALC_RULE,
        EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE, CoreRules.FILTER_REDUCE_EXPRESSIONS,
        CoreRules.JOIN_REDUCE_EXPRESSIONS);
    List<RelOptRule> calcites = planner.getRules();
    List<RelOptRule> replaced = RuleCatalog.CALCITE_DEFAULT.rules();
    assertThat(replaced).hasSameSizeAs(calcites);
    int changed = 0;
    for (int i = 0; i < calcites.size(); i++) {
      changed += replaced.get(i) == calcites.get(i) ? 0 : 1;
    }
    assertThat(changed).as("Calcite's rules replaced in calcite-default")
        .isEqualTo(calcites.stream().filter(wrong::contains).count()).isGreaterThan(5);
    for (NamedRules set : RuleCatalog.all()) {
      assertThat(set.rules()).as(set.name()).doesNotContainAnyElementsOf(wrong);
    }
    assertThat(RuleCatalog.ENUMERABLE.rules()).contains(OuterSafeMergeJoinRule.INSTANCE,
        DistinctSafeMergeUnionRule.INSTANCE, OrderSafeProjectionRules.PROJECT,
        OrderSafeProjectionRules.CALC);
  }

  @Test
  void ruleSetsAreFoundByName() {
    assertThat(RuleCatalog.byName("calcite-default")).isSameAs(RuleCatalog.CALCITE_DEFAULT);
    assertThat(RuleCatalog.all()).allSatisfy(r -> assertThat(r.description()).isNotBlank());
    assertThatThrownBy(() -> RuleCatalog.byName("nope"))
        .hasMessageStartingWith("unknown rule set 'nope' (known: calcite-default, calcite-fixed-order, normalize, ");
  }
}
