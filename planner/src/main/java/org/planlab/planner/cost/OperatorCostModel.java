package org.planlab.planner.cost;

import java.util.List;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.parallel.ParallelMetadata;
import org.planlab.planner.stats.StatisticsMetadata;

/**
 * A cost model that prices each operator with a formula of its own: extend
 * this, give {@link #selfCost} and {@link #fromCalcite}, and the planners
 * compare {@link ModelCost}s by their CPU + I/O total. Everything else (the
 * cost factory, the metadata handler, the statistics behind row counts) is
 * done here.
 *
 * <p>Row counts inside a parallel fragment are per process, so a formula
 * over an operator's input rows divides its CPU cost by the parallel
 * divisor without knowing about parallelism. I/O must not divide: a formula
 * that charges pages multiplies the rows back by
 * {@link Degree#divisor(RelNode, RelMetadataQuery)}.
 */
public abstract class OperatorCostModel implements CostModel {
  private final CostConstants constants;
  private final RelOptCostFactory factory = new ModelCost.Factory(this);
  private final RelMetadataProvider provider;

  protected OperatorCostModel(CostConstants constants) {
    this.constants = constants;
    this.provider = ChainedRelMetadataProvider.of(List.of(
        ReflectiveRelMetadataProvider.reflectiveSource(new SelfCostHandler(this),
            BuiltInMetadata.NonCumulativeCost.Handler.class),
        ParallelMetadata.around(StatisticsMetadata.PROVIDER)));
  }

  /**
   * The operator's own cost, or null where the model has no formula for it;
   * then its own {@code computeSelfCost}, converted by {@link #fromCalcite},
   * is used.
   */
  protected abstract @Nullable ModelCost selfCost(RelNode rel, RelMetadataQuery mq);

  /** A cost in Calcite's units (rows, cpu, io), as Calcite's operators make it, in this model's. */
  protected abstract ModelCost fromCalcite(double rows, double cpu, double io);

  @Override
  public CostConstants constants() {
    return constants;
  }

  @Override
  public RelOptCostFactory costFactory() {
    return factory;
  }

  @Override
  public RelMetadataProvider metadataProvider() {
    return provider;
  }

  @Override
  public RelOptCost cost(double rows, double value) {
    return new ModelCost(rows, value, 0);
  }

  @Override
  public String toString() {
    return name() + constants.overrides();
  }

  /** Calcite's {@code NonCumulativeCost} metadata, answered by the model. */
  public static final class SelfCostHandler
      implements BuiltInMetadata.NonCumulativeCost.Handler {
    private final OperatorCostModel model;

    SelfCostHandler(OperatorCostModel model) {
      this.model = model;
    }

    @Override
    public MetadataDef<BuiltInMetadata.NonCumulativeCost> getDef() {
      return BuiltInMetadata.NonCumulativeCost.DEF;
    }

    @Override
    public @Nullable RelOptCost getNonCumulativeCost(RelNode rel, RelMetadataQuery mq) {
      ModelCost c = model.selfCost(rel, mq);
      return c != null ? c : rel.computeSelfCost(rel.getCluster().getPlanner(), mq);
    }
  }
}
