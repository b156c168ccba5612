package org.planlab.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.cost.CostModel;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.optimize.Optimizer;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.result.SuiteResult;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.suite.SuiteRunner;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;
import org.planlab.planner.workload.Workloads;

/**
 * Plans a suite, or some of its queries, from the viewer: the planner's own
 * suite runner on a background thread, with progress, and a Cancel that
 * stops after the query being planned and keeps the queries already done.
 * The result is written like {@code planlab run}'s (to the output folder,
 * atomically) and opened.
 */
final class RunPanel extends HBox {
  private final ChoiceBox<String> suite = new ChoiceBox<>();
  private final TextField queries = new TextField();
  private final ChoiceBox<String> config = new ChoiceBox<>();
  private final ChoiceBox<String> model = new ChoiceBox<>();
  private final Spinner<Integer> dop = new Spinner<>(1, 64, 2);
  private final TextField sf = new TextField("1");
  private final Button run = new Button("Run");
  private final Button cancel = new Button("Cancel");
  private final ProgressBar progress = new ProgressBar(0);
  private final Label message = new Label();
  private final Consumer<LoadedResult> opened;
  private Path outputDir = Path.of("results");
  private @Nullable Task<SuiteResult> task;
  private @Nullable Thread thread;

  RunPanel(Consumer<LoadedResult> opened) {
    super(6);
    this.opened = opened;
    setId("run-panel");
    getStyleClass().add("toolbar");
    Workloads.all().forEach(w -> suite.getItems().add(w.name()));
    if (!suite.getItems().isEmpty()) {
      suite.setValue(suite.getItems().contains("tpch") ? "tpch" : suite.getItems().get(0));
    }
    Optimizers.all().forEach(o -> config.getItems().add(o.name()));
    config.setValue(Optimizers.DEFAULT);
    CostModels.all().forEach(m -> model.getItems().add(m.name()));
    model.setValue(CostModels.DEFAULT);
    queries.setPromptText("all queries, or q1,q5");
    queries.setPrefColumnCount(10);
    sf.setPrefColumnCount(4);
    dop.setPrefWidth(70);
    suite.setId("run-suite");
    queries.setId("run-queries");
    config.setId("run-config");
    model.setId("run-cost-model");
    dop.setId("run-dop");
    sf.setId("run-sf");
    run.setId("run");
    cancel.setId("cancel");
    progress.setId("run-progress");
    message.setId("run-message");
    cancel.setDisable(true);
    run.setOnAction(e -> start());
    cancel.setOnAction(e -> cancel());
    getChildren().addAll(new Label("Plan"), suite, queries, config, model, new Label("dop"),
        dop, new Label("sf"), sf, run, cancel, progress, message);
    for (javafx.scene.Node n : getChildren()) {
      if (n instanceof javafx.scene.control.Control c && n != message && n != queries) {
        c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
      }
    }
  }

  void setOutputDir(Path dir) {
    outputDir = dir;
  }

  /** True while a run is going. */
  boolean running() {
    return task != null && task.isRunning();
  }

  private void start() {
    Workload w;
    List<WorkloadQuery> chosen;
    Optimizer optimizer;
    CostModel cm;
    double scale;
    try {
      w = Workloads.byName(suite.getValue());
      chosen = new ArrayList<>();
      String ids = queries.getText() == null ? "" : queries.getText().trim();
      if (ids.isEmpty()) {
        chosen.addAll(w.queries());
      } else {
        for (String id : ids.split("[,\\s]+")) {
          chosen.add(w.query(id));
        }
      }
      cm = CostModels.byName(model.getValue());
      optimizer = Optimizers.byName(config.getValue(), cm);
      scale = Double.parseDouble(sf.getText().trim());
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("the scale factor must be a number > 0, got "
            + sf.getText());
      }
    } catch (RuntimeException e) {
      error("Cannot plan", e instanceof NumberFormatException
          ? "the scale factor must be a number > 0, got '" + sf.getText() + "'" : e.getMessage());
      return;
    }
    PlanningSession session = new PlanningSession(w.schema(scale), optimizer,
        Duration.ofSeconds(60), cm, dop.getValue());
    Path file = outputDir.resolve(w.name() + "-" + optimizer.name() + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
    Task<SuiteResult> t = new Task<>() {
      @Override
      protected SuiteResult call() throws IOException {
        SuiteResult r = new SuiteRunner(w.name(), scale, session).run(chosen,
            new SuiteRunner.Listener() {
              @Override
              public void started(int index, int total, WorkloadQuery q) {
                updateMessage(String.format(Locale.ROOT, "%d/%d %s…", index + 1, total, q.id()));
              }

              @Override
              public void finished(int index, int total, QueryResult result,
                  SuiteResult soFar) {
                updateProgress(index + 1, total);
              }
            });
        // Cancel interrupts the runner, which returns the queries done; clear the
        // interrupt so that writing them is not interrupted too.
        Thread.interrupted();
        ResultFiles.write(file, r);
        return r;
      }
    };
    progress.progressProperty().bind(t.progressProperty());
    message.textProperty().bind(t.messageProperty());
    t.setOnSucceeded(e -> done(t, file, chosen.size()));
    t.setOnFailed(e -> {
      finish();
      error("Planning failed", String.valueOf(t.getException().getMessage()));
    });
    task = t;
    run.setDisable(true);
    cancel.setDisable(false);
    Thread th = new Thread(t, "planlab-viewer-run");
    th.setDaemon(true);
    thread = th;
    th.start();
  }

  /** Stops after the query being planned; the queries done are kept, written and opened. */
  void cancel() {
    Thread th = thread;
    if (th != null && running()) {
      message.textProperty().unbind();
      message.setText("cancelling…");
      th.interrupt();
    }
  }

  /** A run that ended, with all its queries or those done before Cancel: opened. */
  private void done(Task<SuiteResult> t, Path file, int total) {
    finish();
    SuiteResult r = t.getValue();
    message.setText(String.format(Locale.ROOT, "%s%d of %d planned; wrote %s",
        r.queries().size() < total ? "cancelled: " : "", r.queries().size(), total, file));
    opened.accept(new LoadedResult(file, r));
  }

  private void finish() {
    progress.progressProperty().unbind();
    message.textProperty().unbind();
    run.setDisable(false);
    cancel.setDisable(true);
  }

  private static void error(String header, String text) {
    Alert alert = new Alert(Alert.AlertType.ERROR, text);
    alert.setHeaderText(header);
    alert.getDialogPane().setId("run-error");
    alert.show();
  }
}
