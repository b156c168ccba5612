package org.planlab.gui;

import javafx.application.Application;

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
    Application.launch(ViewerApp.class, files);
  }
}
