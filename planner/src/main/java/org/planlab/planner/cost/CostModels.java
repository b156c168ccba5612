package org.planlab.planner.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.planlab.planner.workload.UnknownQueryException;

/**
 * The cost models by name: {@code calcite} (the default) and {@code pg}
 * built in, and any listed in
 * {@code META-INF/services/org.planlab.planner.cost.CostModel} on the class
 * path, so that a new model is one class (and one line) away.
 */
public final class CostModels {
  private CostModels() {
  }

  /** The model used when none is named. */
  public static final String DEFAULT = CalciteCostModel.NAME;

  private static volatile List<CostModel> all;

  /** Every known model with its default constants, built-in ones first. */
  public static List<CostModel> all() {
    List<CostModel> a = all;
    if (a == null) {
      List<CostModel> l = new ArrayList<>(List.of(CalciteCostModel.DEFAULT, PgCostModel.DEFAULT));
      for (CostModel m : ServiceLoader.load(CostModel.class)) {
        if (l.stream().noneMatch(k -> k.name().equalsIgnoreCase(m.name()))) {
          l.add(m);
        }
      }
      a = List.copyOf(l);
      all = a;
    }
    return a;
  }

  /**
   * The model with this name, with its default constants.
   *
   * @throws UnknownQueryException naming the known models if there is none
   */
  public static CostModel byName(String name) {
    for (CostModel m : all()) {
      if (m.name().equalsIgnoreCase(name.trim())) {
        return m;
      }
    }
    throw new UnknownQueryException("unknown cost model '" + name + "' (known: "
        + all().stream().map(CostModel::name).collect(Collectors.joining(", ")) + ")");
  }
}
