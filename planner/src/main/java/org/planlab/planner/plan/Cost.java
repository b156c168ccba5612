package org.planlab.planner.plan;

import org.apache.calcite.plan.RelOptCost;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A plan cost in the active cost model's units, in the three parts Calcite
 * keeps: rows processed, CPU and I/O. Calcite's {@code VolcanoCost} compares
 * by {@code rows} alone.
 */
public record Cost(double rows, double cpu, double io) {

  public static final Cost ZERO = new Cost(0, 0, 0);

  public static @Nullable Cost of(@Nullable RelOptCost cost) {
    return cost == null ? null : new Cost(cost.getRows(), cost.getCpu(), cost.getIo());
  }

  public boolean isInfinite() {
    return Double.isInfinite(rows) || Double.isInfinite(cpu) || Double.isInfinite(io);
  }
}
