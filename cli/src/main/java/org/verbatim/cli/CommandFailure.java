package org.verbatim.cli;

import java.io.PrintWriter;
import org.verbatim.FileFormatException;

/** A command that cannot go on: the message is printed as {@code verbatim: error: ...} with the exit code. */
final class CommandFailure extends Exception {

  private final int exitCode;

  CommandFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  /**
   * Prints a failure as {@code verbatim: error: ...}, the CLI's one error format, and returns its exit code: the
   * failure's own, 2 for an {@link IllegalArgumentException} (a bad option value), 1 for a file Verbatim
   * refuses ({@link FileFormatException}) or cannot read.
   */
  static int report(PrintWriter err, Exception e) {
    int code;
    String message;
    if (e instanceof CommandFailure f) {
      code = f.exitCode();
      message = f.getMessage();
    } else if (e instanceof IllegalArgumentException) {
      code = Main.USAGE_ERROR;
      message = e.getMessage();
    } else if (e instanceof FileFormatException) {
      code = Main.DATA_ERROR;
      message = e.getMessage();
    } else {
      code = Main.DATA_ERROR;
      message = e.toString();
    }
    err.println("verbatim: error: " + message);
    err.flush();
    return code;
  }
}
