package org.planlab.planner.cost;

import java.util.Objects;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptUtil;

/**
 * A cost of an {@link OperatorCostModel}: rows produced, CPU cost and I/O
 * cost, compared by their sum {@code cpu + io}, the model's one comparable
 * total. Calcite's {@code VolcanoCost} keeps the same three parts but
 * compares rows alone, which is what a model that weighs CPU and I/O has to
 * replace (Calcite's attempts to change that upstream, CALCITE-3708 and
 * CALCITE-4264, did not land).
 */
public final class ModelCost implements RelOptCost {
  static final ModelCost INFINITY = new ModelCost(Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  static final ModelCost HUGE = new ModelCost(Double.MAX_VALUE, Double.MAX_VALUE / 4,
      Double.MAX_VALUE / 4);
  static final ModelCost ZERO = new ModelCost(0, 0, 0);
  static final ModelCost TINY = new ModelCost(1, 1e-6, 0);

  private final double rows;
  private final double cpu;
  private final double io;

  public ModelCost(double rows, double cpu, double io) {
    this.rows = rows;
    this.cpu = cpu;
    this.io = io;
  }

  /** The compared total: CPU plus I/O, in the model's units. */
  public double total() {
    return cpu + io;
  }

  @Override
  public double getRows() {
    return rows;
  }

  @Override
  public double getCpu() {
    return cpu;
  }

  @Override
  public double getIo() {
    return io;
  }

  @Override
  public boolean isInfinite() {
    return Double.isInfinite(total()) || Double.isInfinite(rows);
  }

  @Override
  public boolean equals(RelOptCost cost) {
    return cost instanceof ModelCost that && this.total() == that.total();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelCost that && rows == that.rows && cpu == that.cpu && io == that.io;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, cpu, io);
  }

  @Override
  public boolean isEqWithEpsilon(RelOptCost cost) {
    return cost instanceof ModelCost that
        && (this == that || Math.abs(total() - that.total()) < RelOptUtil.EPSILON);
  }

  @Override
  public boolean isLe(RelOptCost cost) {
    return this == cost || total() <= ((ModelCost) cost).total();
  }

  @Override
  public boolean isLt(RelOptCost cost) {
    return total() < ((ModelCost) cost).total();
  }

  @Override
  public RelOptCost plus(RelOptCost cost) {
    ModelCost that = (ModelCost) cost;
    if (isInfinite() || that.isInfinite()) {
      return INFINITY;
    }
    return new ModelCost(rows + that.rows, cpu + that.cpu, io + that.io);
  }

  @Override
  public RelOptCost minus(RelOptCost cost) {
    if (isInfinite()) {
      return this;
    }
    ModelCost that = (ModelCost) cost;
    return new ModelCost(rows - that.rows, cpu - that.cpu, io - that.io);
  }

  @Override
  public RelOptCost multiplyBy(double factor) {
    return isInfinite() ? INFINITY : new ModelCost(rows * factor, cpu * factor, io * factor);
  }

  @Override
  public double divideBy(RelOptCost cost) {
    double that = ((ModelCost) cost).total();
    return that == 0 || Double.isInfinite(that) ? 1 : total() / that;
  }

  @Override
  public String toString() {
    return "{" + total() + " total, " + rows + " rows, " + cpu + " cpu, " + io + " io}";
  }

  /**
   * Makes the model's costs. {@code makeCost(rows, cpu, io)} is what Calcite's
   * own operators call with Calcite's units; it is converted by
   * {@code fromCalcite}, which only matters for operators the model has no
   * formula for.
   */
  record Factory(OperatorCostModel model) implements RelOptCostFactory {
    @Override
    public RelOptCost makeCost(double rowCount, double cpu, double io) {
      return model.fromCalcite(rowCount, cpu, io);
    }

    @Override
    public RelOptCost makeHugeCost() {
      return HUGE;
    }

    @Override
    public RelOptCost makeInfiniteCost() {
      return INFINITY;
    }

    @Override
    public RelOptCost makeTinyCost() {
      return TINY;
    }

    @Override
    public RelOptCost makeZeroCost() {
      return ZERO;
    }
  }
}
