package org.planlab.planner.cost;

/**
 * One named constant of a cost model, with its default and where that
 * default comes from.
 *
 * @param name the name config files and {@code --cost} use, e.g. {@code seq_page_cost}
 * @param defaultValue the model's default
 * @param source where the default comes from, one line
 */
public record CostConstant(String name, double defaultValue, String source) {
}
