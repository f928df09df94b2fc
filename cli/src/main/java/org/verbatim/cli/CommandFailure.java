package org.verbatim.cli;

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
}
