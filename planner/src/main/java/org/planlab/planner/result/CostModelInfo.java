package org.planlab.planner.result;

import java.util.Map;

import org.planlab.planner.cost.CostModel;

/**
 * The cost model a run priced its plans with.
 *
 * @param name the model's name, e.g. {@code pg}
 * @param unit the unit of every cost in the file
 * @param constants the values of its constants, overrides included
 */
public record CostModelInfo(String name, String unit, Map<String, Double> constants) {

  /** Calcite's model, which result files of format 1 were all priced with. */
  public static final CostModelInfo CALCITE = of(
      org.planlab.planner.cost.CalciteCostModel.DEFAULT);

  public CostModelInfo {
    constants = constants == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constants));
  }

  public static CostModelInfo of(CostModel model) {
    return new CostModelInfo(model.name(), model.unit(), model.constants().values());
  }
}
