package org.planlab.planner.optimize;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.planlab.planner.cost.CalciteCostModel;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.phased.Configurations;
import org.planlab.planner.workload.UnknownQueryException;

/** The built-in optimizer configurations, by name. */
public final class Optimizers {
  private Optimizers() {
  }

  /** Each built-in configuration for a cost model: the gate's threshold is in its units. */
  private static final List<Function<CostModel, Optimizer>> BUILT_IN = List.of(
      m -> Configurations.calciteDefault(),
      m -> Configurations.cheapOnly(),
      m -> Configurations.twoPhase(m.defaultGateThreshold()),
      m -> Configurations.exhaustive());

  /** The name of the configuration used when none is given. */
  public static final String DEFAULT = "two-phase";

  /** The built-in configurations, gated in Calcite's cost units. */
  public static List<Optimizer> all() {
    return all(CalciteCostModel.DEFAULT);
  }

  private static List<Optimizer> all(CostModel model) {
    return BUILT_IN.stream().map(f -> f.apply(model)).collect(Collectors.toList());
  }

  /**
   * A new instance of the configuration with this name, its gate threshold
   * in Calcite's cost units.
   *
   * @throws UnknownQueryException naming the known configurations if there is none
   */
  public static Optimizer byName(String name) {
    return byName(name, CalciteCostModel.DEFAULT);
  }

  /**
   * The configuration with this name, its gate threshold in {@code model}'s
   * units ({@link CostModel#defaultGateThreshold()}).
   */
  public static Optimizer byName(String name, CostModel model) {
    for (Optimizer o : all(model)) {
      if (o.name().equalsIgnoreCase(name.trim())) {
        return o;
      }
    }
    throw new UnknownQueryException("unknown optimizer configuration '" + name + "' (known: "
        + all().stream().map(Optimizer::name).collect(Collectors.joining(", ")) + ")");
  }
}
