package org.planlab.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The viewer as a JavaFX application; its parameters are result files to open. */
public final class ViewerApp extends Application {
  @Override
  public void start(Stage stage) {
    Viewer viewer = new Viewer();
    stage.setTitle("planlab viewer");
    stage.setScene(new Scene(viewer, 1280, 800));
    stage.show();
    List<Path> files = getParameters().getRaw().stream().map(Path::of)
        .collect(Collectors.toList());
    if (!files.isEmpty()) {
      viewer.open(files);
    }
  }
}
