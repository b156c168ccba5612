package org.planlab.gui;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;

import org.planlab.planner.plan.PlanDiff.Mark;
import org.planlab.planner.plan.PlanNode;
import org.planlab.planner.plan.PlanSnapshot;
import org.planlab.planner.plan.PlanText;
import org.planlab.planner.result.Execution.NodeActual;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One plan as a tree, each operator shaded by its mark in the diff against
 * the plan beside it. Marks are told apart by colour (the Okabe–Ito palette,
 * safe for colour-blind readers) and by a sign before the operator: none
 * for the same, {@code ~} changed, {@code +} added, {@code −} removed.
 */
public final class PlanTreePane extends BorderPane {
  private final Label title = new Label();
  private final TreeView<PlanNode> tree = new TreeView<>();
  private final Map<Integer, TreeItem<PlanNode>> items = new HashMap<>();
  private Map<Integer, Mark> marks = Map.of();
  private Map<Integer, NodeActual> actuals = Map.of();
  private boolean quiet;

  public PlanTreePane(String id) {
    setId(id);
    tree.setId(id + "-tree");
    title.getStyleClass().add("plan-title");
    setTop(title);
    setCenter(tree);
    tree.setCellFactory(t -> new NodeCell());
  }

  public TreeView<PlanNode> tree() {
    return tree;
  }

  /** Shows {@code plan} (or nothing) under {@code heading}, with each operator's mark. */
  public void show(String heading, PlanSnapshot plan, Map<Integer, Mark> nodeMarks) {
    show(heading, plan, nodeMarks, Map.of());
  }

  /**
   * Shows {@code plan} with each operator's mark and, where the plan was
   * executed, its actual rows and a q-error badge.
   */
  public void show(String heading, PlanSnapshot plan, Map<Integer, Mark> nodeMarks,
      Map<Integer, NodeActual> nodeActuals) {
    title.setText(heading);
    items.clear();
    marks = nodeMarks;
    actuals = nodeActuals;
    tree.setRoot(plan == null ? null : item(plan.root()));
  }

  private TreeItem<PlanNode> item(PlanNode n) {
    TreeItem<PlanNode> it = new TreeItem<>(n);
    it.setExpanded(true);
    items.put(n.id(), it);
    n.inputs().forEach(i -> it.getChildren().add(item(i)));
    return it;
  }

  /**
   * The largest font size, at most {@code max}, at which every expanded
   * operator of the tree fits the tree's current size: the rows its height,
   * the widest line (text plus indentation) its width. Row height and
   * indentation are measured by laying out a cell's text at 12 px and scaled,
   * as a cell grows with its font.
   */
  public double fitFontSize(double min, double max) {
    TreeItem<PlanNode> root = tree.getRoot();
    double w = tree.getWidth();
    double h = tree.getHeight();
    if (root == null || w <= 0 || h <= 0) {
      return max;
    }
    double[] widest = {0};
    int rows = visibleRows(root, 0, widest);
    // At 12 px: a line of text, a row's padding, and the indentation per level.
    javafx.scene.text.Text probe = new javafx.scene.text.Text("Xg");
    probe.setFont(javafx.scene.text.Font.font(12));
    double lineAt12 = probe.getLayoutBounds().getHeight();
    double rowAt12 = lineAt12 + 8;
    double byHeight = 12 * (h - 4) / (rows * rowAt12);
    double byWidth = 12 * (w - 24) / widest[0];
    return Math.max(min, Math.min(max, Math.floor(Math.min(byHeight, byWidth))));
  }

  /** Counts the rows shown under {@code it}; {@code widest} gets the widest line at 12 px. */
  private int visibleRows(TreeItem<PlanNode> it, int depth, double[] widest) {
    javafx.scene.text.Text t = new javafx.scene.text.Text(text(it.getValue(),
        mark(it.getValue().id())));
    t.setFont(javafx.scene.text.Font.font(12));
    // The disclosure arrow and indentation take about 1.5 em per level.
    widest[0] = Math.max(widest[0], t.getLayoutBounds().getWidth() + 18 * (depth + 1));
    int rows = 1;
    if (it.isExpanded()) {
      for (TreeItem<PlanNode> c : it.getChildren()) {
        rows += visibleRows(c, depth + 1, widest);
      }
    }
    return rows;
  }

  /** The mark of operator {@code id}. */
  public Mark mark(int id) {
    return marks.getOrDefault(id, Mark.SAME);
  }

  /** Selects operator {@code id} without telling the listener. */
  public void selectQuietly(int id) {
    TreeItem<PlanNode> it = items.get(id);
    quiet = true;
    try {
      if (it == null) {
        tree.getSelectionModel().clearSelection();
      } else {
        tree.getSelectionModel().select(it);
        int row = tree.getRow(it);
        if (row >= 0) {
          tree.scrollTo(row);
        }
      }
    } finally {
      quiet = false;
    }
  }

  /** The selected operator's id, or -1. */
  public int selectedId() {
    TreeItem<PlanNode> it = tree.getSelectionModel().getSelectedItem();
    return it == null ? -1 : it.getValue().id();
  }

  /** Calls {@code listener} with the id of each operator the user selects. */
  public void onSelect(IntConsumer listener) {
    tree.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
      if (!quiet && now != null) {
        listener.accept(now.getValue().id());
      }
    });
  }

  /** The sign before an operator with this mark, a space for the same. */
  static String sign(Mark mark) {
    return switch (mark) {
      case SAME -> " ";
      case CHANGED -> "~";
      case ADDED -> "+";
      case REMOVED -> "\u2212";
    };
  }

  /** One line of the tree: sign, operator, estimates, degree. */
  static String text(PlanNode n, Mark mark) {
    return text(n, mark, null);
  }

  /** One line of the tree, with the actual rows and a q-error badge where executed. */
  static String text(PlanNode n, Mark mark, @Nullable NodeActual actual) {
    String s = String.format(Locale.ROOT, "%s %s  rows=%s cost=%s%s", sign(mark), n.operator(),
        PlanText.number(n.rows()), PlanText.number(n.cumulativeCost().value()),
        n.degree() > 1 ? " dop=" + n.degree() : "");
    if (actual != null) {
      s += " actual=" + PlanText.number(actual.rows())
          + (actual.loops() > 1 ? " loops=" + actual.loops() : "")
          + String.format(Locale.ROOT, " %.1fms", actual.millis());
      String badge = badge(actual.qError());
      if (badge != null) {
        s += "  [" + badge + "]";
      }
    }
    return s;
  }

  /**
   * The q-error badge: "q≥10×", "q≥100×" or "q≥1000×" (the estimate that
   * far off), null below 10 or where the operator did not run.
   */
  static @Nullable String badge(double qError) {
    if (Double.isNaN(qError) || qError < 10) {
      return null;
    }
    int level = qError >= 1000 ? 1000 : qError >= 100 ? 100 : 10;
    return "q\u2265" + level + "\u00d7";
  }

  /** The style class of a q-error badge, or null. */
  static @Nullable String badgeClass(double qError) {
    if (Double.isNaN(qError) || qError < 10) {
      return null;
    }
    return qError >= 1000 ? "qerror-1000" : qError >= 100 ? "qerror-100" : "qerror-10";
  }

  /** The actual rows of operator {@code id}, or null where the plan was not executed. */
  public @Nullable NodeActual actual(int id) {
    return actuals.get(id);
  }

  /** The style class of a mark, as the style sheet colours it. */
  static String styleClass(Mark mark) {
    return "diff-" + mark.name().toLowerCase(Locale.ROOT);
  }

  private final class NodeCell extends TreeCell<PlanNode> {
    @Override
    protected void updateItem(PlanNode n, boolean empty) {
      super.updateItem(n, empty);
      getStyleClass().removeIf(c -> c.startsWith("diff-") || c.startsWith("qerror-"));
      if (empty || n == null) {
        setText(null);
        return;
      }
      Mark m = mark(n.id());
      NodeActual a = actuals.get(n.id());
      setText(text(n, m, a));
      getStyleClass().add(styleClass(m));
      if (a != null && badgeClass(a.qError()) != null) {
        getStyleClass().add(badgeClass(a.qError()));
      }
    }
  }
}
