package org.planlab.gui;

import java.nio.file.Path;

import org.planlab.planner.result.SuiteResult;

/**
 * A result file the viewer has open.
 *
 * @param file where it came from
 * @param result what it holds
 */
public record LoadedResult(Path file, SuiteResult result) {

  /** A short name for titles: the configuration, cost model and degree, and the file name. */
  public String label() {
    SuiteResult r = result;
    String model = r.costModel().name().equals("calcite") ? "" : "@" + r.costModel().name();
    String dop = r.dop() > 1 ? "/dop" + r.dop() : "";
    return r.config() + model + dop + " (" + file.getFileName() + ")";
  }
}
