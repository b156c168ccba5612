package org.planlab.planner.optimize;

import java.util.List;

import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.planlab.planner.stats.StatisticsMetadata;
import org.planlab.rules.RuleCatalog;

/**
 * {@code calcite-default}: what Calcite's JDBC driver does, unchanged. A
 * Volcano planner with Calcite's default rules, run by
 * {@link Programs#standard} (sub-query removal, decorrelation, field trimming,
 * Volcano, then a Hep pass that introduces Calc).
 *
 * <p>The one difference is the metadata provider: {@code Programs.standard}
 * installs the provider it is given on the cluster, and planlab gives it
 * {@link StatisticsMetadata#PROVIDER} so that every configuration estimates
 * from the same statistics.
 */
public final class CalciteDefaultOptimizer implements Optimizer {
  public static final String NAME = "calcite-default";

  private final Program program = Programs.standard(StatisticsMetadata.PROVIDER);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Calcite's Programs.standard() with its default Volcano rules (the JDBC driver's "
        + "path), no heuristic join order";
  }

  @Override
  public RelOptPlanner newPlanner(Context context) {
    VolcanoPlanner planner = new VolcanoPlanner(null, context);
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    if (CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
      planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    }
    RuleCatalog.CALCITE_DEFAULT.installInto(planner);
    return planner;
  }

  @Override
  public RelNode optimize(RelOptPlanner planner, RelNode logical, RelTraitSet desiredTraits) {
    return program.run(planner, logical, desiredTraits, List.of(), List.of());
  }
}
