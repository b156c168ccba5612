package org.planlab.rules;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.calcite.plan.RelOptUtil;

/** The rule sets optimizer configurations are built from, by name. */
public final class RuleCatalog {
  private RuleCatalog() {
  }

  /**
   * What Calcite's JDBC path registers in its Volcano planner
   * ({@code RelOptUtil.registerDefaultRules} without materializations or
   * Bindable): logical rewrites, join commute and push-through, and the
   * Enumerable implementation rules. Kept as Calcite ships it so that
   * planlab's own configurations have an unmodified baseline to beat.
   */
  public static final NamedRules CALCITE_DEFAULT = new NamedRules("calcite-default",
      "Calcite's default Volcano rules, as its JDBC driver registers them",
      planner -> RelOptUtil.registerDefaultRules(planner, false, false));

  private static final List<NamedRules> ALL = List.of(CALCITE_DEFAULT);

  public static List<NamedRules> all() {
    return ALL;
  }

  /** The rule set with this name. */
  public static NamedRules byName(String name) {
    return ALL.stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown rule set '" + name
            + "' (known: " + ALL.stream().map(NamedRules::name)
                .collect(Collectors.joining(", ")) + ")"));
  }
}
