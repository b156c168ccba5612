package org.planlab.planner.cost;

import java.util.List;
import java.util.Map;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.planlab.planner.parallel.ParallelCosts;
import org.planlab.planner.parallel.ParallelMetadata;
import org.planlab.planner.stats.StatisticsMetadata;

/**
 * Calcite's own cost model, kept for comparison and as the default: each
 * operator's {@code computeSelfCost}, combined into a {@code VolcanoCost}
 * that the planners compare by its rows component alone (rows processed).
 *
 * <p>Calcite has no parallel costs. Inside parallel fragments one of its
 * formulas is corrected ({@link CalciteParallelCost}); serial plans are
 * priced exactly as Calcite prices them.
 *
 * <p>planlab prices its parallel operators in this model's unit by
 * converting PostgreSQL's constants at PostgreSQL's exchange rate between a
 * row and a cost unit, {@code cpu_tuple_cost} = 0.01: starting workers costs
 * as much as processing 100,000 rows, passing a row between processes as
 * much as processing 10.
 */
public final class CalciteCostModel implements CostModel {

  public static final String NAME = "calcite";

  public static final List<CostConstant> CONSTANTS = List.of(
      new CostConstant("parallel_setup_cost", 1e5,
          "PostgreSQL's 1000 in rows: 1000 / cpu_tuple_cost 0.01"),
      new CostConstant("parallel_tuple_cost", 10,
          "PostgreSQL's 0.1 in rows: 0.1 / cpu_tuple_cost 0.01"),
      new CostConstant("cpu_operator_cost", 0.25,
          "PostgreSQL's 0.0025 in rows, for Gather Merge's heap and Exchange's hashing"),
      new CostConstant("min_parallel_table_scan_size", 1024,
          "PostgreSQL default, in 8 kB pages (8 MB): smaller tables are scanned serially"));

  /** Calcite's {@code VolcanoCost.FACTORY}, which is not public: a Volcano planner's default. */
  private static final RelOptCostFactory FACTORY = new VolcanoPlanner().getCostFactory();

  /** Statistics first, then the degrees and row counts of parallel operators. */
  private static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(
      java.util.List.of(ReflectiveRelMetadataProvider.reflectiveSource(new CalciteParallelCost(),
          BuiltInMetadata.NonCumulativeCost.Handler.class),
          ParallelMetadata.around(StatisticsMetadata.PROVIDER)));

  public static final CalciteCostModel DEFAULT =
      new CalciteCostModel(CostConstants.defaults(NAME, CONSTANTS));

  private final CostConstants constants;
  private final ParallelCosts parallel;

  private CalciteCostModel(CostConstants constants) {
    this.constants = constants;
    this.parallel = new ParallelCosts(constants.get("parallel_setup_cost"),
        constants.get("parallel_tuple_cost"), constants.get("cpu_operator_cost"),
        constants.get("min_parallel_table_scan_size"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Calcite's own: each operator's computeSelfCost, compared by rows processed";
  }

  @Override
  public String unit() {
    return "rows processed";
  }

  @Override
  public CostConstants constants() {
    return constants;
  }

  @Override
  public CalciteCostModel withConstants(Map<String, Double> overrides) {
    return overrides.isEmpty() ? this : new CalciteCostModel(constants.with(overrides));
  }

  @Override
  public RelOptCostFactory costFactory() {
    return FACTORY;
  }

  @Override
  public RelMetadataProvider metadataProvider() {
    return PROVIDER;
  }

  /** 100,000 rows, from {@code planlab sweep} at SF 0.1, 1 and 100 (see the README). */
  @Override
  public double defaultGateThreshold() {
    return 1e5;
  }

  @Override
  public org.planlab.rules.joinorder.JoinCostModel joinCostModel() {
    return org.planlab.rules.joinorder.JoinCostModel.CALCITE_HASH_JOIN;
  }

  @Override
  public ParallelCosts parallelCosts() {
    return parallel;
  }

  @Override
  public RelOptCost cost(double rows, double value) {
    return FACTORY.makeCost(value, 0, 0);
  }

  @Override
  public String toString() {
    return NAME + constants.overrides();
  }
}
