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
      TrainLayerCommand.class,
      EvaluateCommand.class,
      AgreeCommand.class,
      ExportCommand.class,
      ImportCodebookCommand.class,
      SuggestCommand.class,
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

  /** What a user is told when the JVM runs out of memory: the fix, without a stack trace. */
  static final String OUT_OF_MEMORY = "out of memory (Java heap " + (Runtime.getRuntime().maxMemory() >> 20)
      + " MB); give Java more with JAVA_OPTS=-Xmx2g (bin/verbatim) or java -Xmx2g -jar verbatim.jar, or use fewer"
      + " --threads";

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
          String unknown = unknownOption(c.getCommandSpec(), args);
          if (unknown != null) {
            // a mistyped option is the cause, whatever else picocli noticed first (e.g. a missing --input)
            err.println("verbatim: error: " + unknown);
          } else {
            err.println("verbatim: error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          }
          err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
          err.flush();
          return USAGE_ERROR;
        });
    // whatever a command lets through is one line, never a stack trace (VERBATIM_DEBUG=1 shows where)
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          PrintWriter err = c.getErr();
          err.println("verbatim: error: internal error, please report it: " + ex.getClass().getName()
              + (System.getenv("VERBATIM_DEBUG") == null ? " (set VERBATIM_DEBUG=1 to see where)" : ""));
          if (System.getenv("VERBATIM_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.flush();
          return DATA_ERROR;
        });
    return cl;
  }

  /**
   * {@code unknown option '--inptu'; did you mean --input?} for the first argument after the command's name that
   * looks like an option the command does not have, or null.
   */
  static String unknownOption(CommandSpec spec, String[] args) {
    int start = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(spec.name())) {
        start = i + 1;
        break;
      }
    }
    boolean value = false;
    for (int i = start; i < args.length; i++) {
      String a = args[i];
      if (value) {
        value = false;
        continue;
      }
      if (a.equals("--")) {
        return null;
      }
      if (!a.startsWith("-") || a.length() < 2 || Character.isDigit(a.charAt(1))) {
        continue;
      }
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      CommandLine.Model.OptionSpec option = spec.findOption(name);
      if (option == null && !name.startsWith("--") && name.length() > 2) {
        option = spec.findOption(name.substring(0, 2)); // -iFILE
        if (option != null) {
          continue;
        }
      }
      if (option == null) {
        return "unknown option '" + name + "'" + org.verbatim.io.Suggestions.closest(name, spec.optionsMap().keySet())
            .map(s -> "; did you mean " + s + "?").orElse("");
      }
      value = option.arity().min() > 0 && !a.contains("=");
    }
    return null;
  }

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      ServeCommand.configureLogging();
    } else {
      silenceLogging();
    }
    // a thread that dies of an uncaught error prints one line, never a stack trace
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
      System.err.println("verbatim: error: " + (e instanceof OutOfMemoryError ? OUT_OF_MEMORY
          : "internal error in thread " + t.getName() + ", please report it: " + e.getClass().getName()));
      System.err.flush();
    });
    int exit;
    try {
      exit = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("verbatim: error: " + OUT_OF_MEMORY);
      exit = DATA_ERROR;
    }
    System.exit(exit);
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
