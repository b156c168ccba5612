package org.planlab.gui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javafx.application.Application;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Starts the viewer. A plain class, not the {@code Application} subclass, so
 * that it also starts from a fat jar, where JavaFX is on the class path
 * rather than the module path ("JavaFX runtime components are missing"
 * otherwise).
 */
public final class ViewerLauncher {
  private ViewerLauncher() {
  }

  /** Opens the viewer with {@code files}, result files of {@code planlab run}; blocks until it closes. */
  public static void main(String[] files) {
    String failure = run(Arrays.stream(files).map(Path::of).toList(), null, null);
    if (failure != null) {
      System.err.println("planlab viewer: " + failure);
      System.exit(1);
    }
  }

  /**
   * Opens the viewer on {@code files}, selects {@code query} if given, and,
   * if {@code screenshot} is given, writes the window to that PNG file and
   * closes. Blocks until the viewer closes; returns why it failed, or null.
   * Call once per process (a JavaFX rule).
   */
  public static @Nullable String run(List<Path> files, @Nullable String query,
      @Nullable Path screenshot) {
    ViewerApp.options = new ViewerApp.Options(List.copyOf(files), query, screenshot);
    ViewerApp.failure = null;
    Application.launch(ViewerApp.class);
    return ViewerApp.failure;
  }
}
