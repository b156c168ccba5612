package org.planlab.cli;

import java.io.PrintWriter;

import org.planlab.planner.result.Environment;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code planlab} command. */
@Command(name = "planlab", mixinStandardHelpOptions = true,
    versionProvider = Planlab.Version.class,
    description = {
        "A workbench for research on query-planner cost models and optimization strategies, "
            + "on Apache Calcite.",
        "",
        "Exit codes: 0 all queries planned; 1 some failed or timed out; 2 bad usage or input; "
            + "3 internal error."},
    subcommands = {RunCommand.class, ExplainCommand.class, ListCommand.class, RulesCommand.class,
        CompareCommand.class, SweepCommand.class, GuiCommand.class, FuzzCommand.class,
        CommandLine.HelpCommand.class})
public final class Planlab {

  /** Exit code when every query planned. */
  public static final int OK = 0;
  /** Exit code when some query failed or timed out. */
  public static final int SOME_FAILED = 1;
  /** Exit code for bad usage or bad input. */
  public static final int USAGE = 2;
  /** Exit code for an error inside planlab. */
  public static final int INTERNAL = 3;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Planlab());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(t -> t instanceof UserError ? USAGE : INTERNAL);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UserError || ex instanceof CommandLine.ParameterException) {
        err.println("planlab: " + ex.getMessage());
        return USAGE;
      }
      err.println("planlab: internal error: " + ex);
      if (System.getenv("PLANLAB_DEBUG") != null) {
        ex.printStackTrace(err);
      } else {
        err.println("(set PLANLAB_DEBUG=1 to see the stack trace)");
      }
      return INTERNAL;
    });
    cl.setParameterExceptionHandler((ex, args1) -> {
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("planlab: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return USAGE;
    });
    return cl.execute(args);
  }

  /** Prints planlab's, Calcite's and Java's versions. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Environment env = Environment.current();
      return new String[] {"planlab " + env.planlabVersion(),
          "Calcite " + env.calciteVersion() + ", Java " + env.javaVersion()};
    }
  }
}
