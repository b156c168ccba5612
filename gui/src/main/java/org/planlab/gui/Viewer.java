package org.planlab.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.plan.PlanDiff;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.result.Execution.NodeActual;
import org.planlab.planner.plan.PlanSnapshot;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.ResultFileException;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.result.TraceText;

/**
 * The viewer's window content: open result files, the table of their
 * queries, and for the selected query the two plans side by side (the first
 * file's against the one opened last, or planned in the viewer), shaded by
 * their diff, with the details of
 * the selected operator. Selecting an operator selects its counterpart in
 * the other tree.
 *
 * <p>A file that cannot be read (missing, malformed, foreign, a newer
 * format) shows an error dialog naming the file and the problem; what was
 * open stays open.
 */
public final class Viewer extends BorderPane {
  private final List<LoadedResult> loaded = new ArrayList<>();
  private final ObservableList<QueryRow> rows = FXCollections.observableArrayList();
  private final FilteredList<QueryRow> filtered = new FilteredList<>(rows);
  private final SortedList<QueryRow> sorted = new SortedList<>(filtered);
  private final TableView<QueryRow> table = new TableView<>(sorted);
  private final TextField search = new TextField();
  private final CheckBox phase2 = new CheckBox("phase 2 ran");
  private final CheckBox differs = new CheckBox("plan differs");
  private final CheckBox timedOut = new CheckBox("timed out");
  private final TextArea sql = new TextArea();
  private final TextArea trace = new TextArea();
  private final CostTimeChart chart = new CostTimeChart(this::selectQuery);
  private final MenuButton recentMenu = new MenuButton("Recent");
  private final RecentFiles recent;
  private final RunPanel runPanel = new RunPanel(this::add);
  private final ChoiceBox<Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(
      Mode.values()));

  /** What the two trees compare. */
  public enum Mode {
    FILES("first file against the latest"),
    PHASES("phase 1 against the final plan"),
    PARALLEL("serial against parallel");

    private final String text;

    Mode(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }
  private double treeFont = 12;
  private final PlanTreePane leftPane = new PlanTreePane("left-plan");
  private final PlanTreePane rightPane = new PlanTreePane("right-plan");
  private final TextArea details = new TextArea();
  private final Label status = new Label("Open one or two result files of planlab run.");
  private @Nullable QueryRow current;

  /** A viewer that remembers recent files in the user's preferences. */
  public Viewer() {
    this(RecentFiles.inPreferences());
  }

  public Viewer(RecentFiles recent) {
    this.recent = recent;
    setId("viewer");
    getStylesheets().add(Viewer.class.getResource("viewer.css").toExternalForm());
    Button open = new Button("Open…");
    open.setId("open");
    open.setOnAction(e -> openWithDialog());
    Button export = new Button("Export PNG…");
    export.setId("export");
    export.setOnAction(e -> exportWithDialog());
    // Result files dropped on the window open as if chosen in the dialog.
    setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
      }
      e.consume();
    });
    setOnDragDropped(e -> {
      boolean done = e.getDragboard().hasFiles();
      if (done) {
        dropped(e.getDragboard().getFiles());
      }
      e.setDropCompleted(done);
      e.consume();
    });
    recentMenu.setId("recent");
    recentMenu.setOnShowing(e -> fillRecent());
    status.setId("status");
    Button zoomOut = new Button("A\u2212");
    zoomOut.setId("zoom-out");
    zoomOut.setOnAction(e -> zoom(-1));
    Button zoomIn = new Button("A+");
    zoomIn.setId("zoom-in");
    zoomIn.setOnAction(e -> zoom(+1));
    mode.setId("compare-mode");
    mode.setValue(Mode.FILES);
    mode.valueProperty().addListener((o, old, now) -> refresh());
    Button fit = new Button("Fit");
    fit.setId("fit");
    fit.setTooltip(new javafx.scene.control.Tooltip(
        "Text size at which both plans, as expanded now, fit their panes"));
    fit.setOnAction(e -> fit());
    HBox top = new HBox(8, open, recentMenu, export, zoomOut, zoomIn, fit, mode, legend());
    top.getStyleClass().add("toolbar");
    for (javafx.scene.Node n : top.getChildren()) {
      if (n instanceof javafx.scene.control.Control c) {
        c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
      }
    }
    HBox comparing = new HBox(status);
    comparing.getStyleClass().add("toolbar");
    setTop(new VBox(top, comparing, runPanel));

    table.setId("queries");
    table.getColumns().add(column("query", r -> r.id()));
    table.getColumns().add(column("status", QueryRow::status));
    table.getColumns().add(column("phase 2", r -> r.phase2Ran() ? "ran" : ""));
    table.getColumns().add(numberColumn("left cost", QueryRow::leftCost, PlanText::number));
    table.getColumns().add(numberColumn("right cost", QueryRow::rightCost, PlanText::number));
    table.getColumns().add(numberColumn("cost ×", QueryRow::costRatio,
        v -> String.format(Locale.ROOT, "%.3f", v)));
    table.getColumns().add(column("plan", r -> r.right() == null ? "" : r.planDiffers()
        ? "differs" : "same"));
    table.getColumns().add(numberColumn("opt ms", QueryRow::optimizeMs,
        v -> String.format(Locale.ROOT, "%.1f", v)));
    table.getColumns().add(numberColumn("run ms", QueryRow::runtimeMs,
        v -> String.format(Locale.ROOT, "%.1f", v)));
    table.getColumns().add(numberColumn("q-err max", QueryRow::qErrorMax, PlanText::number));
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> show(now));
    search.setId("filter");
    search.setPromptText("filter queries");
    phase2.setId("only-phase2");
    differs.setId("only-differs");
    timedOut.setId("only-timed-out");
    search.textProperty().addListener((o, old, now) -> refilter());
    for (CheckBox c : List.of(phase2, differs, timedOut)) {
      c.selectedProperty().addListener((o, old, now) -> refilter());
    }
    VBox queries = new VBox(4, search, new HBox(8, phase2, differs, timedOut), table);
    VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    TabPane left = new TabPane(new Tab("Queries", queries), new Tab("Cost vs time", chart));
    left.setId("left-tabs");
    left.getTabs().forEach(t -> t.setClosable(false));

    details.setId("details");
    sql.setId("sql");
    trace.setId("trace");
    for (TextArea t : List.of(details, sql, trace)) {
      t.setEditable(false);
      t.setPrefRowCount(7);
    }
    leftPane.onSelect(id -> linked(leftPane, rightPane, id, true));
    rightPane.onSelect(id -> linked(rightPane, leftPane, id, false));
    tabBetween(leftPane, rightPane);
    tabBetween(rightPane, leftPane);
    SplitPane trees = new SplitPane(leftPane, rightPane);
    TabPane bottom = new TabPane(new Tab("Operator", details), new Tab("SQL", sql),
        new Tab("Trace", trace));
    bottom.setId("bottom-tabs");
    bottom.getTabs().forEach(t -> t.setClosable(false));
    BorderPane center = new BorderPane(trees);
    center.setBottom(bottom);
    SplitPane main = new SplitPane(left, center);
    main.setDividerPositions(0.3);
    setCenter(main);
  }

  private static TableColumn<QueryRow, String> column(String name,
      java.util.function.Function<QueryRow, String> value) {
    TableColumn<QueryRow, String> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
    return c;
  }

  private static HBox legend() {
    HBox box = new HBox(6);
    box.setId("legend");
    for (PlanDiff.Mark m : PlanDiff.Mark.values()) {
      Label l = new Label((PlanTreePane.sign(m) + " " + m.name().toLowerCase(Locale.ROOT))
          .strip());
      l.getStyleClass().addAll("legend-item", PlanTreePane.styleClass(m));
      box.getChildren().add(l);
    }
    return box;
  }

  /** Tab in one tree moves to the other. */
  private static void tabBetween(PlanTreePane from, PlanTreePane to) {
    from.tree().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isShiftDown()
          && !e.isControlDown()) {
        to.tree().requestFocus();
        e.consume();
      }
    });
  }

  /** A column of numbers that sorts as numbers, blank where there is none. */
  private static TableColumn<QueryRow, Double> numberColumn(String name,
      java.util.function.Function<QueryRow, Double> value,
      java.util.function.Function<Double, String> format) {
    TableColumn<QueryRow, Double> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new SimpleObjectProperty<>(value.apply(cell.getValue())));
    c.setCellFactory(col -> new TableCell<>() {
      @Override
      protected void updateItem(Double v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null ? null : format.apply(v));
      }
    });
    c.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
    return c;
  }

  private void refilter() {
    String text = search.getText() == null ? "" : search.getText().trim()
        .toLowerCase(Locale.ROOT);
    filtered.setPredicate(r -> (text.isEmpty() || r.id().toLowerCase(Locale.ROOT).contains(text)
            || r.status().contains(text)
            || (r.left().sql() != null && r.left().sql().toLowerCase(Locale.ROOT).contains(text)))
        && (!phase2.isSelected() || r.phase2Ran())
        && (!differs.isSelected() || r.planDiffers())
        && (!timedOut.isSelected() || r.timedOut()));
  }

  public TableView<QueryRow> table() {
    return table;
  }

  public PlanTreePane leftPane() {
    return leftPane;
  }

  public PlanTreePane rightPane() {
    return rightPane;
  }

  public List<LoadedResult> loaded() {
    return List.copyOf(loaded);
  }

  /** Files dropped on the window: the result files among them are opened, in name order. */
  List<String> dropped(List<java.io.File> files) {
    List<Path> paths = files.stream().map(java.io.File::toPath)
        .sorted(java.util.Comparator.comparing(Path::toString)).toList();
    return open(paths);
  }

  /**
   * Opens {@code files} after those already open; the first open file is
   * compared with the last. A file that cannot be read shows an error dialog and is
   * skipped. Returns the problems, one line each.
   */
  public List<String> open(List<Path> files) {
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      try {
        loaded.add(new LoadedResult(f, ResultFiles.read(f)));
        recent.add(f);
      } catch (ResultFileException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      Alert alert = new Alert(Alert.AlertType.ERROR, String.join("\n", problems));
      alert.setHeaderText("Cannot open " + (problems.size() == 1 ? "a result file"
          : problems.size() + " result files"));
      alert.getDialogPane().setId("open-error");
      alert.show();
    }
    refresh();
    return problems;
  }

  private void openWithDialog() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open planlab result files");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Result files", "*.json"));
    Window w = getScene() == null ? null : getScene().getWindow();
    List<java.io.File> chosen = chooser.showOpenMultipleDialog(w);
    if (chosen != null) {
      open(chosen.stream().map(java.io.File::toPath).collect(Collectors.toList()));
    }
  }

  private void fillRecent() {
    recentMenu.getItems().clear();
    for (Path p : recent.list()) {
      MenuItem item = new MenuItem(p.toString());
      item.setOnAction(e -> open(List.of(p)));
      recentMenu.getItems().add(item);
    }
    if (recentMenu.getItems().isEmpty()) {
      MenuItem none = new MenuItem("(none yet)");
      none.setDisable(true);
      recentMenu.getItems().add(none);
    }
  }

  /** Adds a result planned in the viewer, as if opened from its file. */
  void add(LoadedResult result) {
    loaded.add(result);
    recent.add(result.file());
    refresh();
  }

  /** Where results planned in the viewer are written (default {@code results/}). */
  public void setOutputDir(Path dir) {
    runPanel.setOutputDir(dir);
  }

  RunPanel runPanel() {
    return runPanel;
  }

  /** Larger or smaller text in both trees. */
  void zoom(int step) {
    setTreeFont(treeFont + 2 * step);
  }

  /** The text size at which both trees, as expanded now, fit their panes (6 to 16 px). */
  void fit() {
    setTreeFont(Math.min(leftPane.fitFontSize(6, 16), rightPane.fitFontSize(6, 16)));
  }

  private void setTreeFont(double size) {
    treeFont = Math.max(6, Math.min(32, size));
    String style = String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", treeFont);
    leftPane.tree().setStyle(style);
    rightPane.tree().setStyle(style);
  }

  double treeFontSize() {
    return treeFont;
  }

  /** The files opened last, newest first. */
  public List<Path> recentFiles() {
    return recent.list();
  }

  private void exportWithDialog() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the comparison as PNG");
    chooser.setInitialFileName("planlab-viewer.png");
    Window w = getScene() == null ? null : getScene().getWindow();
    java.io.File f = chooser.showSaveDialog(w);
    if (f != null) {
      try {
        exportPng(f.toPath());
      } catch (IOException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, f + ": " + e.getMessage());
        alert.setHeaderText("Cannot write the image");
        alert.show();
      }
    }
  }

  /** The result compared with the first: the one opened last, if there are two or more. */
  private @Nullable LoadedResult other() {
    return loaded.size() > 1 ? loaded.get(loaded.size() - 1) : null;
  }

  private void refresh() {
    rows.clear();
    if (loaded.isEmpty()) {
      return;
    }
    LoadedResult a = loaded.get(0);
    LoadedResult b = other();
    if (mode.getValue() == Mode.FILES) {
      for (QueryResult q : a.result().queries()) {
        QueryResult r = b == null ? null : b.result().queries().stream()
            .filter(x -> x.id().equals(q.id())).findFirst().orElse(null);
        rows.add(QueryRow.of(q.id(), q, r, q.plan(), r == null ? null : r.plan()));
      }
      status.setText(b == null ? a.label() : a.label() + "  against  " + b.label());
    } else {
      // Two plans of one run, the latest: phase 1's or the serial one against the final.
      LoadedResult run = b != null ? b : a;
      for (QueryResult q : run.result().queries()) {
        PlanSnapshot before = mode.getValue() == Mode.PHASES ? q.phase1Plan() : q.serialPlan();
        rows.add(QueryRow.of(q.id(), q, q, before != null ? before : q.plan(), q.plan()));
      }
      status.setText(mode.getValue() + " in " + run.label());
    }
    chart.show((b != null ? b : a).result());
    if (!rows.isEmpty()) {
      table.getSelectionModel().select(0);
    }
  }

  /** Selects query {@code id} in the table (clearing a filter that hides it). */
  public void selectQuery(String id) {
    QueryRow row = rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    if (row == null) {
      return;
    }
    if (!filtered.contains(row)) {
      search.clear();
      List.of(phase2, differs, timedOut).forEach(c -> c.setSelected(false));
    }
    table.getSelectionModel().select(row);
    table.scrollTo(row);
  }

  /** The queries the table shows, in its order. */
  public List<String> shownQueries() {
    return table.getItems().stream().map(QueryRow::id).toList();
  }

  /** A result's trace as {@code planlab explain --trace} prints it, under its status. */
  private static String trace(QueryResult r) {
    return r.id() + ": " + r.status().label()
        + (r.error() == null ? "" : ", " + r.error().describe(r.source())) + "\n"
        + TraceText.render(r);
  }

  /** Chooses what the two trees compare. */
  public void compare(Mode m) {
    mode.setValue(m);
  }

  /** The id of the query shown, or null. */
  public @Nullable String shownQuery() {
    return current == null ? null : current.id();
  }

  public TextField filterField() {
    return search;
  }

  private void show(@Nullable QueryRow row) {
    current = row;
    details.clear();
    sql.setText(row == null ? "" : row.left().sql());
    trace.setText(row == null ? "" : trace(row.left())
        + (row.right() == null || row.right() == row.left() ? "" : "\n" + trace(row.right())));
    if (row == null) {
      leftPane.show("", null, Map.of());
      rightPane.show("", null, Map.of());
      return;
    }
    PlanDiff d = row.diff();
    LoadedResult b = other();
    String leftTitle = switch (mode.getValue()) {
      case FILES -> loaded.get(0).label();
      case PHASES -> "phase 1";
      case PARALLEL -> "serial";
    };
    String rightTitle = switch (mode.getValue()) {
      case FILES -> b == null ? "" : b.label();
      case PHASES -> "final";
      case PARALLEL -> "parallel";
    };
    leftPane.show(leftTitle, row.leftPlan(), d == null ? Map.of() : d.left(),
        actuals(row.left(), row.leftPlan()));
    rightPane.show(rightTitle, row.rightPlan(), d == null ? Map.of() : d.right(),
        actuals(row.right(), row.rightPlan()));
  }

  /**
   * The actual rows of {@code plan}'s operators by id, where {@code plan} is
   * the result's executed final plan; empty otherwise.
   */
  static Map<Integer, NodeActual> actuals(@Nullable QueryResult r, @Nullable PlanSnapshot plan) {
    if (r == null || plan == null || plan != r.plan() || r.execution() == null) {
      return Map.of();
    }
    Map<Integer, NodeActual> m = new java.util.HashMap<>();
    r.execution().nodes().forEach(a -> m.put(a.id(), a));
    return m;
  }

  /** A selection in {@code from}: its counterpart in {@code to}, and the operator's details. */
  private void linked(PlanTreePane from, PlanTreePane to, int id, boolean fromLeft) {
    QueryRow row = current;
    if (row == null) {
      return;
    }
    PlanDiff d = row.diff();
    int other = d == null ? -1 : (fromLeft ? d.rightOf(id) : d.leftOf(id)).orElse(-1);
    to.selectQuietly(other);
    PlanSnapshot plan = fromLeft ? row.leftPlan() : row.rightPlan();
    QueryResult result = fromLeft ? row.left() : row.right();
    if (plan != null) {
      PlanNode node = plan.nodes().get(id);
      NodeActual actual = from.actual(id);
      details.setText(describe(node, from.mark(id))
          + (actual == null ? "" : String.format(Locale.ROOT,
              "actual rows %s in %d run(s): %s per run; %.2f ms in its calls; "
                  + "q-error %s%s%n",
              PlanText.number(actual.rows()), actual.loops(),
              actual.loops() == 0 ? "-" : PlanText.number(actual.rows() / (double) actual.loops()),
              actual.millis(),
              Double.isNaN(actual.qError()) ? "-" : PlanText.number(actual.qError()),
              PlanTreePane.badge(actual.qError()) == null ? ""
                  : " (" + PlanTreePane.badge(actual.qError()) + ")"))
          + (node.origin() == null ? "" : "made by: " + node.origin().describe() + "\n")
          + (result == null ? "" : "from: " + origin(result, plan, id) + "\n"));
    }
  }

  /** What the details pane says of an operator. */
  static String describe(PlanNode n, PlanDiff.Mark mark) {
    StringBuilder sb = new StringBuilder(n.operator()).append("  (")
        .append(mark.name().toLowerCase(Locale.ROOT)).append(")\n");
    n.details().forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
    sb.append(String.format(Locale.ROOT,
        "rows %s; self cost %s (cpu %s, io %s); cumulative cost %s (cpu %s, io %s); degree %d%n",
        PlanText.number(n.rows()), PlanText.number(n.selfCost().value()),
        PlanText.number(n.selfCost().cpu()), PlanText.number(n.selfCost().io()),
        PlanText.number(n.cumulativeCost().value()), PlanText.number(n.cumulativeCost().cpu()),
        PlanText.number(n.cumulativeCost().io()), n.degree()));
    return sb.toString();
  }

  /**
   * What made operator {@code id} of {@code plan}, as far as the result's
   * trace knows: the phase whose plan it is (phase 1 for phase 1's plan, the
   * kept phase for the final serial plan), or the parallel pass for an
   * operator the parallel plan has and the serial plan has not, or has
   * otherwise.
   */
  static String origin(QueryResult r, PlanSnapshot plan, int id) {
    String kept = r.phases().stream().filter(p -> p.kept()).map(p -> "phase " + p.name())
        .findFirst().orElse("the optimizer");
    if (plan == r.phase1Plan() && !r.phases().isEmpty()) {
      return "phase " + r.phases().get(0).name();
    }
    if (plan == r.plan() && r.serialPlan() != null && r.parallel() != null) {
      PlanDiff d = PlanDiff.of(r.serialPlan(), plan);
      if (d.right().get(id) != PlanDiff.Mark.SAME) {
        return "the parallel pass at dop " + r.parallel().degree();
      }
    }
    return kept;
  }

  /** Writes what the viewer shows as a PNG image. */
  public void exportPng(Path file) throws IOException {
    WritableImage image = snapshot(null, null);
    BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ImageIO.write(buffered, "png", file.toFile());
  }

  /** The table's rows. */
  ObservableList<QueryRow> rows() {
    return rows;
  }
}
