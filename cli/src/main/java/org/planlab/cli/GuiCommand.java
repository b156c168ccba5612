package org.planlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.planlab.gui.ViewerLauncher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
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
        "  xvfb-run -a planlab gui results/a.json results/b.json -q q5 --screenshot q5.png",
        "  planlab gui results/compare-20261125-160000/calcite-default.json "
            + "results/compare-20261125-160000/two-phase.json"})
final class GuiCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Result files to open.")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-q", "--query"}, paramLabel = "ID",
      description = "Select this query once the files are open, e.g. q5.")
  String query;

  @Option(names = "--screenshot", paramLabel = "PNG",
      description = "Write the window to this PNG file once it is shown, then close: for "
          + "scripts, and to check that the viewer starts (exit code 1 if it cannot).")
  Path screenshot;

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
    if (screenshot != null && files.isEmpty()) {
      throw new UserError("--screenshot needs a result file to show");
    }
    String failure;
    try {
      failure = ViewerLauncher.run(files, query == null ? null
          : org.planlab.planner.workload.Workload.canonicalId(query), screenshot);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new UserError("the viewer could not start: " + e.getMessage());
    }
    if (failure != null) {
      throw new UserError(failure);
    }
    if (screenshot != null) {
      spec.commandLine().getOut().println("wrote " + screenshot);
    }
    return Planlab.OK;
  }
}
