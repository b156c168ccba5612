package org.planlab.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The viewer as a JavaFX application. {@link ViewerLauncher} sets what it
 * opens: result files, the query to select, and a PNG file to write the
 * window to before closing (for scripts and checks that the viewer starts).
 */
public final class ViewerApp extends Application {
  /** What to open; set before launch. */
  record Options(List<Path> files, @Nullable String query, @Nullable Path screenshot) {
  }

  static volatile Options options = new Options(List.of(), null, null);

  /** Why the last launch failed, or null. */
  static volatile @Nullable String failure;

  @Override
  public void start(Stage stage) {
    Options o = options;
    Viewer viewer = new Viewer();
    stage.setTitle("planlab viewer");
    stage.setScene(new Scene(viewer, 1280, 800));
    stage.show();
    if (!o.files().isEmpty()) {
      List<String> problems = viewer.open(o.files());
      if (!problems.isEmpty() && o.screenshot() != null) {
        fail(String.join("; ", problems));
        return;
      }
    }
    if (o.query() != null) {
      if (viewer.rows().stream().noneMatch(r -> r.id().equals(o.query()))) {
        String known = viewer.rows().stream().map(QueryRow::id)
            .collect(Collectors.joining(", "));
        if (o.screenshot() != null) {
          fail("no query '" + o.query() + "' in the files (they hold " + known + ")");
          return;
        }
      }
      viewer.selectQuery(o.query());
    }
    if (o.screenshot() != null) {
      // Let the window lay out and paint once before it is captured.
      PauseTransition wait = new PauseTransition(Duration.millis(400));
      wait.setOnFinished(e -> {
        try {
          viewer.exportPng(o.screenshot());
        } catch (IOException | RuntimeException ex) {
          failure = o.screenshot() + ": " + ex.getMessage();
        }
        Platform.exit();
      });
      wait.play();
    }
  }

  private static void fail(String why) {
    failure = why;
    Platform.exit();
  }
}
