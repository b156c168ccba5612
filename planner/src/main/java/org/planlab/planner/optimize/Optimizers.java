package org.planlab.planner.optimize;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.planlab.planner.cost.CalciteCostModel;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.phased.Configurations;
import org.planlab.planner.workload.UnknownQueryException;

/** The built-in optimizer configurations, by name. */
public final class Optimizers {
  private Optimizers() {
  }

  private static final List<Supplier<Optimizer>> BUILT_IN = List.of(
      Configurations::calciteDefault,
      Configurations::cheapOnly,
      () -> Configurations.twoPhase(Configurations.DEFAULT_THRESHOLD),
      Configurations::exhaustive);

  /** The name of the configuration used when none is given. */
  public static final String DEFAULT = "two-phase";

  public static List<Optimizer> all() {
    return BUILT_IN.stream().map(Supplier::get).collect(Collectors.toList());
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
   * units ({@code two-phase} gates at the model's default threshold).
   */
  public static Optimizer byName(String name, CostModel model) {
    if (name.trim().equalsIgnoreCase("two-phase")) {
      return Configurations.twoPhase(model.defaultGateThreshold());
    }
    for (Optimizer o : all()) {
      if (o.name().equalsIgnoreCase(name.trim())) {
        return o;
      }
    }
    throw new UnknownQueryException("unknown optimizer configuration '" + name + "' (known: "
        + all().stream().map(Optimizer::name).collect(Collectors.joining(", ")) + ")");
  }
}
