package org.planlab.planner.costexample;

import java.util.List;
import java.util.Map;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.planlab.planner.cost.CostConstant;
import org.planlab.planner.cost.CostConstants;
import org.planlab.planner.cost.ModelCost;
import org.planlab.planner.cost.OperatorCostModel;
import org.planlab.planner.parallel.ParallelCosts;

/**
 * A third cost model, one class away, as the README shows: C_out, the sum
 * of every operator's output rows (Cluet and Moerkotte; Leis et al.,
 * "How good are query optimizers, really?", VLDB 2015). Registered for the
 * tests in {@code META-INF/services/org.planlab.planner.cost.CostModel}.
 */
public final class CoutCostModel extends OperatorCostModel {
  private static final List<CostConstant> CONSTANTS = List.of(
      new CostConstant("parallel_setup_cost", 1e5, "as Calcite's model: PostgreSQL's in rows"),
      new CostConstant("parallel_tuple_cost", 10, "as Calcite's model: PostgreSQL's in rows"));

  public CoutCostModel() {
    this(CostConstants.defaults("cout", CONSTANTS));
  }

  private CoutCostModel(CostConstants constants) {
    super(constants);
  }

  @Override
  public String name() {
    return "cout";
  }

  @Override
  public String description() {
    return "C_out: the sum of every operator's output rows";
  }

  @Override
  public String unit() {
    return "rows produced";
  }

  @Override
  public CoutCostModel withConstants(Map<String, Double> overrides) {
    return new CoutCostModel(constants().with(overrides));
  }

  @Override
  public double defaultGateThreshold() {
    return 1e5;
  }

  @Override
  public ParallelCosts parallelCosts() {
    return new ParallelCosts(constants().get("parallel_setup_cost"),
        constants().get("parallel_tuple_cost"), 0.25, 1024);
  }

  @Override
  protected ModelCost selfCost(RelNode rel, RelMetadataQuery mq) {
    double rows = mq.getRowCount(rel);
    return new ModelCost(rows, rows, 0);
  }

  @Override
  protected ModelCost fromCalcite(double rows, double cpu, double io) {
    return new ModelCost(rows, rows, 0);
  }
}
