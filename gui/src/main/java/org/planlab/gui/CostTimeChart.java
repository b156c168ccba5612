package org.planlab.gui;

import java.util.function.Consumer;

import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.SuiteResult;

/**
 * Every query of a run as a point: optimization time against estimated cost
 * (log10, in the run's cost model's units). Clicking a point selects its
 * query.
 */
final class CostTimeChart extends ScatterChart<Number, Number> {
  private final Consumer<String> select;

  CostTimeChart(Consumer<String> select) {
    super(new NumberAxis(), new NumberAxis());
    this.select = select;
    setId("cost-time-chart");
    getXAxis().setLabel("optimize ms");
    getYAxis().setLabel("log10 cost");
    setLegendVisible(false);
    setAnimated(false);
  }

  void show(SuiteResult run) {
    getData().clear();
    ((NumberAxis) getYAxis()).setLabel("log10 cost (" + run.costModel().unit() + ")");
    XYChart.Series<Number, Number> series = new XYChart.Series<>();
    for (QueryResult q : run.queries()) {
      if (q.cost() == null || q.stages().optimize() == null || !(q.cost().value() > 0)) {
        continue;
      }
      XYChart.Data<Number, Number> d = new XYChart.Data<>(q.stages().optimize().wallMs(),
          Math.log10(q.cost().value()), q.id());
      d.nodeProperty().addListener((o, old, node) -> {
        if (node != null) {
          node.getStyleClass().add("query-point");
          node.setId("point-" + q.id());
          Tooltip.install(node, new Tooltip(q.id() + ": cost " + PlanText.number(q.cost()
              .value()) + ", " + PlanText.number(q.stages().optimize().wallMs()) + " ms"));
          node.setOnMouseClicked(e -> select.accept(q.id()));
        }
      });
      series.getData().add(d);
    }
    getData().add(series);
  }
}
