package org.planlab.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.ResultFiles;
import org.planlab.planner.result.SuiteResult;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.suite.SuiteRunner;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.Workloads;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * How long the viewer takes on the largest result there is, all of TPC-DS,
 * and its biggest plan: a logged figure (target/viewer-timing.txt), not a
 * timed assertion, so that a slow machine fails nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerTimingTest {
  @TempDir
  static Path dir;

  static Path tpcds;

  private Viewer viewer;

  @BeforeAll
  static void plan() throws IOException {
    Workload w = Workloads.byName("tpcds");
    SuiteResult r = new SuiteRunner("tpcds", 1, new PlanningSession(w.schema(1),
        Optimizers.byName("two-phase"), Duration.ofSeconds(60)))
        .run(w.queries(), new SuiteRunner.Listener() { });
    tpcds = dir.resolve("tpcds.json");
    ResultFiles.write(tpcds, r);
  }

  @Start
  void start(Stage stage) {
    viewer = new Viewer(RecentFiles.inMemory());
    stage.setScene(new Scene(viewer, 1200, 700));
    stage.show();
  }

  @Test
  void opensTheLargestResultAndRendersItsBiggestPlan(FxRobot robot) throws IOException {
    AtomicLong openNs = new AtomicLong();
    AtomicLong renderNs = new AtomicLong();
    AtomicReference<QueryResult> biggest = new AtomicReference<>();
    robot.interact(() -> {
      long t0 = System.nanoTime();
      viewer.open(java.util.List.of(tpcds));
      viewer.applyCss();
      viewer.layout();
      long t1 = System.nanoTime();
      QueryResult big = viewer.loaded().get(0).result().queries().stream()
          .filter(q -> q.plan() != null)
          .max(Comparator.comparingInt(q -> q.plan().nodes().size())).orElseThrow();
      biggest.set(big);
      viewer.selectQuery(big.id());
      viewer.applyCss();
      viewer.layout();
      long t2 = System.nanoTime();
      openNs.set(t1 - t0);
      renderNs.set(t2 - t1);
    });
    QueryResult big = biggest.get();
    assertThat(viewer.rows()).hasSize(103);
    assertThat(viewer.shownQuery()).isEqualTo(big.id());
    assertThat(count(viewer.leftPane().tree().getRoot())).isEqualTo(big.plan().nodes().size());
    String line = String.format(Locale.ROOT,
        "viewer: opened %s (103 statements, %.1f MB) in %.0f ms; rendered %s (%d operators) "
            + "in %.0f ms%n", tpcds.getFileName(), Files.size(tpcds) / 1e6, openNs.get() / 1e6,
        big.id(), big.plan().nodes().size(), renderNs.get() / 1e6);
    System.out.print(line);
    Files.writeString(Path.of("target", "viewer-timing.txt"), line);
  }

  private static int count(javafx.scene.control.TreeItem<?> item) {
    int n = 1;
    for (javafx.scene.control.TreeItem<?> c : item.getChildren()) {
      n += count(c);
    }
    return n;
  }
}
