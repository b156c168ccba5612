package org.planlab.planner.exec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.cost.CostConstants;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.parallel.ParallelCosts;
import org.planlab.planner.result.Execution.NodeActual;
import org.planlab.rules.joinorder.CardinalityKeys;
import org.planlab.rules.joinorder.CardinalityOracle;
import org.planlab.rules.joinorder.JoinCostModel;

/**
 * Measured cardinalities to plan with, as the Join Order Benchmark injected
 * true cardinalities: a cost model that is {@code base} in every respect
 * but row counts, which are the measured ones for every expression whose
 * {@link CardinalityKeys key} was measured (scans, filters, projections and
 * inner joins of the executed plan), for operators and for the join
 * enumerators' subsets alike. Being the cost model, it stays with the
 * planner through programs that reinstall the model's metadata.
 */
public final class InjectedCardinalities implements CostModel, CardinalityOracle {
  private final CostModel base;
  private final Map<String, Double> rows;
  private final RelMetadataProvider provider;

  private InjectedCardinalities(CostModel base, Map<String, Double> rows) {
    this.base = base;
    this.rows = Map.copyOf(rows);
    this.provider = ChainedRelMetadataProvider.of(List.of(
        ReflectiveRelMetadataProvider.reflectiveSource(new InjectedRowCount(this),
            BuiltInMetadata.RowCount.Handler.class),
        base.metadataProvider()));
  }

  /**
   * The measured cardinalities of an executed serial plan: per operator
   * with a key, its actual rows per run. The plan's operators are walked in
   * pre-order, as the snapshot numbered them.
   */
  public static InjectedCardinalities of(CostModel base, RelNode plan, List<NodeActual> actuals) {
    Map<Integer, NodeActual> byId = new HashMap<>();
    actuals.forEach(a -> byId.put(a.id(), a));
    Map<String, Double> rows = new HashMap<>();
    int[] next = {0};
    collect(plan, byId, rows, next, plan.getCluster().getMetadataQuery());
    return new InjectedCardinalities(base, rows);
  }

  private static void collect(RelNode rel, Map<Integer, NodeActual> byId,
      Map<String, Double> rows, int[] next, org.apache.calcite.rel.metadata.RelMetadataQuery mq) {
    int id = next[0]++;
    NodeActual a = byId.get(id);
    if (a != null && a.loops() > 0) {
      String key = CardinalityKeys.of(rel, j -> sameAsInner(j, mq));
      if (key != null) {
        rows.putIfAbsent(key, a.rows() / (double) a.loops());
      }
    }
    for (RelNode input : rel.getInputs()) {
      collect(input, byId, rows, next, mq);
    }
  }

  /**
   * True if semi join {@code j} returns the inner join's rows: its right
   * side is unique on the right keys of its equi-condition (as the DP
   * enumerator requires before it makes a join a semi join).
   */
  static boolean sameAsInner(org.apache.calcite.rel.core.Join j,
      org.apache.calcite.rel.metadata.RelMetadataQuery mq) {
    var info = j.analyzeCondition();
    if (!info.isEqui() || info.rightKeys.isEmpty()) {
      return false;
    }
    Boolean unique = mq.areColumnsUnique(j.getRight(), info.rightSet());
    return unique != null && unique;
  }

  /** How many distinct expressions have a measured cardinality. */
  public int size() {
    return rows.size();
  }

  @Override
  public @Nullable Double rows(String key) {
    return rows.get(key);
  }

  @Override
  public String name() {
    return base.name();
  }

  @Override
  public String description() {
    return base.description() + ", with measured cardinalities";
  }

  @Override
  public String unit() {
    return base.unit();
  }

  @Override
  public CostConstants constants() {
    return base.constants();
  }

  @Override
  public CostModel withConstants(Map<String, Double> overrides) {
    return new InjectedCardinalities(base.withConstants(overrides), rows);
  }

  @Override
  public RelOptCostFactory costFactory() {
    return base.costFactory();
  }

  @Override
  public RelMetadataProvider metadataProvider() {
    return provider;
  }

  @Override
  public double defaultGateThreshold() {
    return base.defaultGateThreshold();
  }

  @Override
  public ParallelCosts parallelCosts() {
    return base.parallelCosts();
  }

  @Override
  public @Nullable JoinCostModel joinCostModel() {
    return base.joinCostModel();
  }

  @Override
  public RelOptCost cost(double rowCount, double value) {
    return base.cost(rowCount, value);
  }
}
