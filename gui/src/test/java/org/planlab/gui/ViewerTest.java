package org.planlab.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planlab.planner.cost.CostModels;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.plan.PlanDiff.Mark;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.result.SuiteResult;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.suite.SuiteRunner;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The viewer, headless (TestFX on Monocle): result files of TPC-H planned
 * serially and in parallel, side by side.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerTest {
  @TempDir
  static Path dir;

  static Path serial;
  static Path parallel;
  static Path executed;

  private Viewer viewer;

  /** Fixture result files, planned now: two-phase at DOP 1 and at DOP 2. */
  @BeforeAll
  static void results() throws IOException {
    Workload tpch = Workloads.byName("tpch");
    serial = write("serial.json", tpch, 1);
    parallel = write("parallel.json", tpch, 2);
    executed = writeExecuted("executed.json", tpch);
  }

  /** Q3 and Q18 planned at SF 0.01 and executed on generated data (issue 8). */
  private static Path writeExecuted(String name, Workload tpch) throws IOException {
    var model = CostModels.byName("calcite");
    PlanningSession s = new PlanningSession(tpch.schema(0.01), Optimizers.byName("two-phase"),
        Duration.ofSeconds(60), model, 1);
    var data = org.planlab.planner.exec.Datasets.of(tpch, 0.01,
        org.planlab.planner.exec.Dataset.Progress.NONE);
    SuiteResult r = new SuiteRunner("tpch", 0.01, s)
        .executing(new org.planlab.planner.exec.QueryExecutor(data, tpch.data().orElseThrow(),
            new org.planlab.planner.exec.QueryExecutor.Options(0, 1, Duration.ofSeconds(60))))
        .run(List.of(tpch.query("q3"), tpch.query("q18")), new SuiteRunner.Listener() { });
    Path file = dir.resolve(name);
    ResultFiles.write(file, r);
    return file;
  }

  private static Path write(String name, Workload tpch, int dop) throws IOException {
    PlanningSession s = new PlanningSession(tpch.schema(1), Optimizers.byName("two-phase"),
        Duration.ofSeconds(60), CostModels.byName("calcite"), dop);
    SuiteResult r = new SuiteRunner("tpch", 1, s).run(
        List.of(tpch.query("q1"), tpch.query("q3"), tpch.query("q5"), tpch.query("q6")),
        new SuiteRunner.Listener() { });
    Path file = dir.resolve(name);
    ResultFiles.write(file, r);
    return file;
  }

  @Start
  void start(Stage stage) {
    viewer = new Viewer(RecentFiles.inMemory());
    stage.setScene(new Scene(viewer, 1200, 700));
    stage.show();
  }

  private void open(FxRobot robot, Path... files) {
    robot.interact(() -> viewer.open(List.of(files)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static TreeCell<?> cell(FxRobot robot, String tree, String text) {
    return robot.lookup("#" + tree + " .tree-cell").queryAllAs(TreeCell.class).stream()
        .filter(c -> c.getText() != null && c.getText().contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no cell with " + text + " in " + tree));
  }

  @Test
  void twoFilesShowTheirPlansSideBySideWithTheDiff(FxRobot robot) {
    open(robot, serial, parallel);
    assertThat(viewer.rows()).extracting(QueryRow::id).containsExactly("q1", "q3", "q5", "q6");
    assertThat(viewer.rows()).allMatch(QueryRow::planDiffers);
    robot.interact(() -> viewer.selectQuery("q1"));
    WaitForAsyncUtils.waitForFxEvents();
    PlanNode leftRoot = viewer.leftPane().tree().getRoot().getValue();
    assertThat(leftRoot.operator()).isEqualTo("EnumerableSort");
    assertThat(cell(robot, "left-plan-tree", "EnumerableTableScan").getStyleClass())
        .contains("diff-changed");
    TreeCell<?> gather = cell(robot, "right-plan-tree", "Gather");
    assertThat(gather.getText()).startsWith("+ Gather");
    assertThat(gather.getStyleClass()).contains("diff-added");
    assertThat(cell(robot, "right-plan-tree", "ParallelTableScan").getText())
        .startsWith("~ ").contains("dop=2");
    assertThat(robot.lookup("#legend .legend-item").queryAll()).hasSize(4);
  }

  @Test
  void selectingAnOperatorSelectsItsCounterpart(FxRobot robot) {
    open(robot, serial, parallel);
    robot.interact(() -> viewer.selectQuery("q6"));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(cell(robot, "left-plan-tree", "EnumerableTableScan"));
    WaitForAsyncUtils.waitForFxEvents();
    int right = viewer.rightPane().selectedId();
    assertThat(right).isNotNegative();
    PlanNode counterpart = viewer.rightPane().tree().getSelectionModel().getSelectedItem()
        .getValue();
    assertThat(counterpart.operator()).isEqualTo("ParallelTableScan");
    assertThat(viewer.rightPane().mark(right)).isEqualTo(Mark.CHANGED);
    assertThat(robot.lookup("#details").queryTextInputControl().getText())
        .contains("EnumerableTableScan").contains("table = [tpch, lineitem]")
        .contains("made by: the query's SQL; implemented by EnumerableTableScanRule")
        .containsPattern("from: phase (cheap|expensive|inner-joins)");
    // And back: the aggregate's final half selects the serial aggregate.
    robot.clickOn(cell(robot, "right-plan-tree", "FinalizeAggregate"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#details").queryTextInputControl().getText())
        .containsPattern("made by: .*; implemented in parallel pass")
        .contains("from: the parallel pass at dop 2");
    assertThat(viewer.leftPane().tree().getSelectionModel().getSelectedItem().getValue()
        .operator()).isEqualTo("EnumerableAggregate");
  }

  @Test
  void aBadFileShowsAnErrorAndTheViewerKeepsWhatItHas(FxRobot robot) throws IOException {
    open(robot, serial);
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"planlab-result/1\",");
    Path foreign = Files.writeString(dir.resolve("foreign.json"), "{\"format\": \"other/9\"}");
    java.util.concurrent.atomic.AtomicReference<List<String>> problems =
        new java.util.concurrent.atomic.AtomicReference<>();
    robot.interact(() -> problems.set(viewer.open(List.of(bad, foreign,
        dir.resolve("missing.json")))));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(problems.get()).hasSize(3).allMatch(p -> !p.contains("\n"), "one line each");
    DialogPane error = robot.lookup("#open-error").queryAs(DialogPane.class);
    assertThat(error.getContentText()).contains("bad.json").contains("foreign.json")
        .contains("not a planlab-result/1 or planlab-result/2 file")
        .contains("missing.json: no such file");
    robot.interact(() -> error.getScene().getWindow().hide());
    assertThat(viewer.loaded()).hasSize(1);
    assertThat(viewer.rows()).hasSize(4);
  }

  @Test
  void theTableFiltersSortsAsNumbersAndFollowsTheKeyboard(FxRobot robot) {
    open(robot, serial, parallel);
    robot.clickOn("#filter").write("q3");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.shownQueries()).containsExactly("q3");
    robot.interact(() -> viewer.filterField().clear());
    robot.clickOn("#only-differs");
    assertThat(viewer.shownQueries()).containsExactly("q1", "q3", "q5", "q6");
    robot.clickOn("#only-timed-out");
    assertThat(viewer.shownQueries()).isEmpty();
    robot.clickOn("#only-timed-out").clickOn("#only-differs");
    // Costs sort as numbers: Q6 6.08e6 < Q1 1.18e7 < Q3 1.99e7 < Q5 2.24e7.
    robot.clickOn(robot.lookup(".column-header").lookup((javafx.scene.Node n) ->
        n.lookup(".label") instanceof javafx.scene.control.Label l
            && "left cost".equals(l.getText())).queryAs(javafx.scene.Node.class));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.shownQueries()).containsExactly("q6", "q1", "q3", "q5");
    robot.interact(() -> viewer.selectQuery("q6"));
    robot.clickOn("#queries").type(javafx.scene.input.KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.shownQuery()).isEqualTo("q1");
  }

  @Test
  void theSqlTraceChartAndRecentFilesFollowTheQuery(FxRobot robot) {
    open(robot, serial, parallel);
    robot.interact(() -> viewer.selectQuery("q3"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#sql").queryTextInputControl().getText())
        .containsIgnoringCase("c_mktsegment");
    assertThat(robot.lookup("#trace").queryTextInputControl().getText())
        .contains("phase cheap").contains("gate cost > 1e5")
        .contains("parallel pass at dop 2");
    robot.clickOn("Cost vs time");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#point-q6");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.shownQuery()).isEqualTo("q6");
    assertThat(viewer.recentFiles()).containsExactly(parallel.toAbsolutePath().normalize(),
        serial.toAbsolutePath().normalize());
  }

  /** A run from the window: progress, the result written and opened against the first file. */
  @Test
  void runsQueriesFromTheWindowAndOpensTheResult(FxRobot robot) throws Exception {
    open(robot, serial);
    robot.interact(() -> viewer.setOutputDir(dir.resolve("from-viewer")));
    robot.clickOn("#run-queries").write("q6,q1");
    robot.interact(() -> ((javafx.scene.control.ChoiceBox<String>) robot.lookup("#run-config")
        .query()).setValue("cheap-only"));
    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
        () -> viewer.loaded().size() == 2);
    WaitForAsyncUtils.waitForFxEvents();
    LoadedResult run = viewer.loaded().get(1);
    assertThat(run.result().config()).isEqualTo("cheap-only");
    assertThat(run.result().queries()).extracting(q -> q.id()).containsExactly("q6", "q1");
    assertThat(run.result().dop()).isEqualTo(2);
    assertThat(ResultFiles.read(run.file()).queries()).hasSize(2);
    assertThat(robot.lookup("#run-progress").queryAs(javafx.scene.control.ProgressBar.class)
        .getProgress()).isEqualTo(1.0);
    assertThat(robot.lookup("#run-message").queryLabeled().getText())
        .startsWith("2 of 2 planned; wrote ");
    // The new run is compared with the first file: q1 and q6 have both sides.
    assertThat(viewer.rows()).filteredOn(r -> r.right() != null).extracting(QueryRow::id)
        .containsExactly("q1", "q6");
  }

  /**
   * Cancel stops after the query being planned and keeps those done:
   * calcite-default spends seconds on Q7, so Q1 is done and Q7 is cut short.
   */
  @Test
  void aCancelledRunKeepsTheQueriesAlreadyPlanned(FxRobot robot) throws Exception {
    robot.interact(() -> viewer.setOutputDir(dir.resolve("cancelled")));
    robot.clickOn("#run-queries").write("q1,q7,q6");
    robot.interact(() -> ((javafx.scene.control.ChoiceBox<String>) robot.lookup("#run-config")
        .query()).setValue("calcite-default"));
    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
        () -> robot.lookup("#run-message").queryLabeled().getText().contains("q7"));
    robot.clickOn("#cancel");
    WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
        () -> viewer.loaded().size() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.loaded().get(0).result().queries()).extracting(q -> q.id())
        .containsExactly("q1");
    assertThat(robot.lookup("#run-message").queryLabeled().getText())
        .startsWith("cancelled: 1 of 3 planned; wrote ");
    assertThat(Files.list(dir.resolve("cancelled")).count()).isEqualTo(1);
  }

  @Test
  void badRunInputIsAnErrorDialog(FxRobot robot) {
    robot.clickOn("#run-queries").write("q99");
    robot.clickOn("#run");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#run-error").queryAs(DialogPane.class).getContentText())
        .isEqualTo("suite tpch has no query 'q99' (it has q1, q2, q3, q4, q5, q6, q7, q8, q9, "
            + "q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q20, q21, q22)");
    assertThat(viewer.loaded()).isEmpty();
  }

  @Test
  void tabMovesBetweenTheTrees(FxRobot robot) {
    open(robot, serial, parallel);
    robot.clickOn(cell(robot, "left-plan-tree", "EnumerableTableScan"));
    assertThat(viewer.leftPane().tree().isFocused()).isTrue();
    robot.type(javafx.scene.input.KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.rightPane().tree().isFocused()).isTrue();
    robot.type(javafx.scene.input.KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.leftPane().tree().isFocused()).isTrue();
  }

  @Test
  void zoomChangesTheTreesText(FxRobot robot) {
    open(robot, serial, parallel);
    double before = viewer.treeFontSize();
    robot.clickOn("#zoom-in").clickOn("#zoom-in");
    assertThat(viewer.treeFontSize()).isEqualTo(before + 4);
    assertThat(viewer.leftPane().tree().getStyle()).contains("-fx-font-size: 16px");
    robot.clickOn("#zoom-out");
    assertThat(viewer.rightPane().tree().getStyle()).contains("-fx-font-size: 14px");
  }

  @Test
  void fitShowsEveryOperatorOfBothPlans(FxRobot robot) {
    open(robot, serial, parallel);
    robot.interact(() -> viewer.selectQuery("q5"));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#fit");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.treeFontSize()).isBetween(6.0, 16.0);
    for (PlanTreePane pane : List.of(viewer.leftPane(), viewer.rightPane())) {
      var tree = pane.tree();
      int rows = tree.getExpandedItemCount();
      assertThat(rows).isGreaterThan(15);
      javafx.geometry.Bounds box = tree.localToScene(tree.getLayoutBounds());
      for (int row = 0; row < rows; row++) {
        int r = row;
        TreeCell<?> c = robot.lookup("#" + tree.getId() + " .tree-cell")
            .queryAllAs(TreeCell.class).stream()
            .filter(x -> x.getIndex() == r && x.isVisible() && x.getText() != null)
            .findFirst().orElseThrow(() -> new AssertionError("row " + r + " of "
                + tree.getId() + " is not shown at " + viewer.treeFontSize() + " px"));
        javafx.geometry.Bounds cb = c.localToScene(c.getLayoutBounds());
        assertThat(cb.getMaxY()).as("row %d bottom", r).isLessThanOrEqualTo(box.getMaxY() + 1);
        javafx.scene.text.Text text = (javafx.scene.text.Text) c.lookup(".text");
        if (text != null) {
          assertThat(text.localToScene(text.getLayoutBounds()).getMaxX())
              .as("row %d right end", r).isLessThanOrEqualTo(box.getMaxX() + 1);
        }
      }
    }
  }

  /** Files dropped on the window open; the handlers are installed on the viewer. */
  @Test
  void droppedFilesOpen(FxRobot robot) {
    assertThat(viewer.getOnDragOver()).isNotNull();
    assertThat(viewer.getOnDragDropped()).isNotNull();
    robot.interact(() -> viewer.dropped(List.of(parallel.toFile(), serial.toFile())));
    WaitForAsyncUtils.waitForFxEvents();
    // In name order: parallel.json, then serial.json.
    assertThat(viewer.loaded()).extracting(LoadedResult::file)
        .containsExactly(parallel, serial);
  }

  /** A subtree collapses and expands from the keyboard, as TreeViews do. */
  @Test
  void subtreesCollapseAndExpand(FxRobot robot) {
    open(robot, serial);
    robot.interact(() -> viewer.selectQuery("q5"));
    WaitForAsyncUtils.waitForFxEvents();
    var tree = viewer.leftPane().tree();
    int all = tree.getExpandedItemCount();
    robot.clickOn(cell(robot, "left-plan-tree", "Join"));
    robot.type(javafx.scene.input.KeyCode.LEFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tree.getExpandedItemCount()).isLessThan(all);
    robot.type(javafx.scene.input.KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tree.getExpandedItemCount()).isEqualTo(all);
  }

  /** Issue 7 with issue 8: actual rows and q-error badges on an executed plan. */
  @Test
  void anExecutedPlanShowsActualRowsAndQErrorBadges(FxRobot robot) {
    open(robot, executed);
    robot.interact(() -> viewer.selectQuery("q18"));
    WaitForAsyncUtils.waitForFxEvents();
    QueryRow row = viewer.rows().stream().filter(r -> r.id().equals("q18")).findFirst()
        .orElseThrow();
    assertThat(row.runtimeMs()).isNotNull().isPositive();
    assertThat(row.qErrorMax()).isGreaterThanOrEqualTo(1000);
    TreeCell<?> worst = robot.lookup("#left-plan-tree .tree-cell").queryAllAs(TreeCell.class)
        .stream().filter(c -> c.getText() != null && c.getText().contains("[q\u22651000\u00d7]"))
        .findFirst().orElseThrow(() -> new AssertionError("no q>=1000x badge in Q18's plan"));
    assertThat(worst.getStyleClass()).contains("qerror-1000");
    assertThat(worst.getText()).contains("actual=");
    robot.clickOn(worst);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#details").queryTextInputControl().getText())
        .containsPattern("actual rows \\S+ in 1 run\\(s\\): \\S+ per run; [0-9.]+ ms in its "
            + "calls; q-error \\S+ "
            + "\\(q\u22651000\u00d7\\)");
    // The root returned the answer's rows.
    TreeCell<?> root = robot.lookup("#left-plan-tree .tree-cell").queryAllAs(TreeCell.class)
        .stream().filter(c -> c.getIndex() == 0).findFirst().orElseThrow();
    assertThat(root.getText()).contains("actual=" + row.left().execution().rows());
    assertThat(PlanTreePane.badge(9.99)).isNull();
    assertThat(PlanTreePane.badge(10)).isEqualTo("q\u226510\u00d7");
    assertThat(PlanTreePane.badge(999)).isEqualTo("q\u2265100\u00d7");
  }

  /** Two plans of one run: phase 1's against the final one, the serial against the parallel. */
  @Test
  void comparesThePlansOfOneRun(FxRobot robot) {
    open(robot, parallel);
    robot.interact(() -> {
      viewer.compare(Viewer.Mode.PHASES);
      viewer.selectQuery("q5");
    });
    WaitForAsyncUtils.waitForFxEvents();
    QueryRow q5 = viewer.rows().stream().filter(r -> r.id().equals("q5")).findFirst()
        .orElseThrow();
    // Phase 2 found Q5 a cheaper join order: phase 1's plan is kept in the result.
    assertThat(q5.left().phase1Plan()).isNotNull();
    assertThat(q5.leftCost()).isGreaterThan(q5.left().serialCost().value());
    assertThat(q5.planDiffers()).isTrue();
    assertThat(robot.lookup("#left-plan .plan-title").queryLabeled().getText())
        .isEqualTo("phase 1");
    robot.interact(() -> {
      viewer.compare(Viewer.Mode.PARALLEL);
      viewer.selectQuery("q6");
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(cell(robot, "left-plan-tree", "EnumerableTableScan").getText()).startsWith("~");
    assertThat(cell(robot, "right-plan-tree", "Gather").getStyleClass()).contains("diff-added");
    assertThat(robot.lookup("#right-plan .plan-title").queryLabeled().getText())
        .isEqualTo("parallel");
  }

  /** The screenshot the README shows: written to target/ by the test suite. */
  @Test
  void writesAScreenshot(FxRobot robot) throws IOException {
    open(robot, serial, parallel);
    robot.interact(() -> viewer.selectQuery("q3"));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(cell(robot, "left-plan-tree", "EnumerableTableScan  rows=6.001e6"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.rightPane().selectedId()).isNotNegative();
    Path png = Path.of("target", "viewer.png");
    Instant before = Instant.now().minusSeconds(1);
    robot.interact(() -> {
      try {
        viewer.exportPng(png);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(png).exists();
    assertThat(Files.getLastModifiedTime(png).toInstant()).isAfter(before);
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }
}
