package org.verbatim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code verbatim} command: tags open-ended feedback with themes from the command line.
 *
 * <pre>{@code
 * bin/verbatim classify --input feedback.csv          # the launcher (see bin/verbatim)
 * java -jar verbatim.jar classify --input feedback.csv
 * int exit = new CommandLine(new Main()).execute("classify", "--input", "feedback.csv");
 * }</pre>
 *
 * <p>Subcommands are registered in one place, the {@code subcommands} list of the {@link Command} annotation
 * below. Exit codes: 0 success, 1 the input, codebook or output cannot be used, 2 the command line is wrong.
 *
 * <p>Not thread-safe: one instance per run.
 */
@Command(
    name = "verbatim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Tags open-ended feedback comments with themes, polarity and evidence.",
    subcommands = {
      ClassifyCommand.class,
      ReportCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the input, codebook or output cannot be used",
      "2:the command line is wrong or incomplete"
    },
    footerHeading = "%nRun it as:%n",
    footer = {
      "  bin/verbatim COMMAND ...            the launcher: JVM flags measured for",
      "                                      start-up and the build's class-data",
      "                                      archive; honours JAVA_HOME, JAVA_OPTS",
      "  java -jar verbatim.jar COMMAND ...  the same, about twice the start-up CPU",
      "  verbatim help COMMAND               the options of a command"
    })
public final class Main implements Callable<Integer> {

  /** Exit code when the files cannot be used. */
  static final int DATA_ERROR = 1;
  /** Exit code when the command line is wrong. */
  static final int USAGE_ERROR = 2;

  @Spec CommandSpec spec;

  /** Without a subcommand: prints the usage and fails. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("verbatim: error: a command is required, e.g. 'verbatim classify --input FILE'");
    spec.commandLine().usage(err);
    return USAGE_ERROR;
  }

  /**
   * The command line used by {@link #main}: picocli's defaults, except that command-line mistakes are reported
   * as {@code verbatim: error: ...} followed by a hint, with exit code 2.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          PrintWriter err = c.getErr();
          err.println("verbatim: error: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
          err.flush();
          return USAGE_ERROR;
        });
    return cl;
  }

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      ServeCommand.configureLogging();
    } else {
      silenceLogging();
    }
    System.exit(commandLine().execute(args));
  }

  /**
   * OpenNLP logs through SLF4J and the jar bundles no SLF4J binding, which makes SLF4J print a three-line
   * warning; select its no-op provider instead, unless the user chose a provider.
   */
  static void silenceLogging() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }
}
