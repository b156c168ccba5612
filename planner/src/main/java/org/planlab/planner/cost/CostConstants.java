package org.planlab.planner.cost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of a cost model's named constants: the defaults, with any
 * overrides from a configuration file or the command line. Every override
 * must name a known constant and be a finite number ≥ 0.
 */
public final class CostConstants {
  private final String model;
  private final List<CostConstant> known;
  private final Map<String, Double> values;

  private CostConstants(String model, List<CostConstant> known, Map<String, Double> values) {
    this.model = model;
    this.known = List.copyOf(known);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The defaults of {@code known}. */
  public static CostConstants defaults(String model, List<CostConstant> known) {
    Map<String, Double> v = new LinkedHashMap<>();
    known.forEach(c -> v.put(c.name(), c.defaultValue()));
    return new CostConstants(model, known, v);
  }

  /**
   * These values with {@code overrides} applied.
   *
   * @throws IllegalArgumentException naming the constant, for an unknown
   *     name or a negative, infinite or NaN value
   */
  public CostConstants with(Map<String, Double> overrides) {
    Map<String, Double> v = new LinkedHashMap<>(values);
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      if (!v.containsKey(e.getKey())) {
        throw new IllegalArgumentException("unknown constant '" + e.getKey() + "' of cost model "
            + model + " (known: " + String.join(", ", v.keySet()) + ")");
      }
      double d = e.getValue();
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("constant " + e.getKey() + " of cost model " + model
            + " must be a finite number >= 0, got " + e.getValue());
      }
      v.put(e.getKey(), d);
    }
    return new CostConstants(model, known, v);
  }

  public double get(String name) {
    Double d = values.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no constant " + name + " in cost model " + model);
    }
    return d;
  }

  /** The values by name, in declaration order. */
  public Map<String, Double> values() {
    return values;
  }

  /** The constants, with defaults and sources. */
  public List<CostConstant> known() {
    return known;
  }

  /** Only the values that differ from their defaults. */
  public Map<String, Double> overrides() {
    Map<String, Double> o = new LinkedHashMap<>();
    for (CostConstant c : known) {
      if (values.get(c.name()) != c.defaultValue()) {
        o.put(c.name(), values.get(c.name()));
      }
    }
    return o;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + "=" + v));
    return parts.stream().collect(Collectors.joining(", "));
  }
}
