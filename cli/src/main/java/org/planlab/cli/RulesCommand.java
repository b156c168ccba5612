package org.planlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.planlab.rules.NamedRules;
import org.planlab.rules.RuleCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code planlab rules}: the catalog of named rule sets. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "List the named rule sets optimizer configurations are built from, each with "
        + "what it does and why.")
final class RulesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"--verbose", "-v"}, description = "Also list the rules of each set.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (NamedRules r : RuleCatalog.all()) {
      out.printf("%-22s %3d rules  %s%n", r.name(), r.rules().size(), r.description());
      if (verbose) {
        r.rules().forEach(rule -> out.printf("%-22s            %s%n", "", rule));
      }
    }
    out.flush();
    return Planlab.OK;
  }
}
