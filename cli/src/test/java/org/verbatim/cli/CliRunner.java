package org.verbatim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command in-process and captures its output. */
final class CliRunner {

  /** What a run printed and returned. */
  record Result(int exit, String out, String err) {}

  private CliRunner() {}

  static Result run(String... args) {
    return run(new CommandLine(new Main()), args);
  }

  static Result run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
