package org.planlab.planner.plan;

import org.apache.calcite.plan.RelOptCost;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.cost.CostModel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A plan cost in the active cost model's units, in the three parts Calcite
 * keeps (rows, CPU and I/O), and the one value the model compares. For
 * Calcite's model ({@code VolcanoCost}) that is {@code rows}, rows
 * processed; for an operator model such as {@code pg} it is {@code cpu + io}.
 */
public record Cost(double rows, double cpu, double io, double value) {

  public static final Cost ZERO = new Cost(0, 0, 0, 0);

  /** A cost of Calcite's model, compared by its rows. */
  public Cost(double rows, double cpu, double io) {
    this(rows, cpu, io, rows);
  }

  /** Result files of format 1 had no {@code value}: it was the rows. */
  @JsonCreator
  static Cost fromJson(@JsonProperty("rows") double rows, @JsonProperty("cpu") double cpu,
      @JsonProperty("io") double io, @JsonProperty("value") @Nullable Double value) {
    return new Cost(rows, cpu, io, value == null ? rows : value);
  }

  public static @Nullable Cost of(@Nullable RelOptCost cost) {
    return cost == null ? null
        : new Cost(cost.getRows(), cost.getCpu(), cost.getIo(), CostModel.valueOf(cost));
  }

  public boolean isInfinite() {
    return Double.isInfinite(value) || Double.isInfinite(rows) || Double.isInfinite(cpu)
        || Double.isInfinite(io);
  }
}
