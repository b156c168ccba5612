package org.planlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.planlab.gui.ViewerLauncher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code planlab gui}: the desktop viewer. */
@Command(name = "gui", mixinStandardHelpOptions = true,
    description = {"Open the desktop plan viewer (JavaFX) on result files written by "
        + "'planlab run'. With two files, the queries of both are listed and each query's two "
        + "plans are shown side by side, shaded by their differences; more files can be "
        + "opened from the window.",
        "",
        "Needs a display. Without one, run it under xvfb-run (apt packages xvfb, xauth, "
            + "libgtk-3-0)."},
    footer = {"", "Examples:",
        "  planlab gui results/tpch-two-phase-20261125-151500.json",
        "  planlab gui results/compare-20261125-160000/calcite-default.json "
            + "results/compare-20261125-160000/two-phase.json"})
final class GuiCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Result files to open.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new UserError(f + ": no such file");
      }
    }
    String display = System.getenv("DISPLAY");
    if ((display == null || display.isBlank()) && System.getenv("WAYLAND_DISPLAY") == null
        && !"Monocle".equals(System.getProperty("glass.platform"))) {
      throw new UserError("the viewer needs a display; none is set (DISPLAY). Run it under "
          + "xvfb-run, or where a desktop is");
    }
    try {
      ViewerLauncher.main(files.stream().map(Path::toString).toArray(String[]::new));
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new UserError("the viewer could not start: " + e.getMessage());
    }
    return Planlab.OK;
  }
}
