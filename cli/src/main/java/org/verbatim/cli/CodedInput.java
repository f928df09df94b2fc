package org.verbatim.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say how to read a file of coded comments; shared by {@code train} and {@code evaluate}. */
final class CodedInput {

  @Option(names = {"-t", "--text-column"}, paramLabel = "NAME", description = "Column holding the comment text.")
  String textColumn;

  @Option(names = "--id-column", paramLabel = "NAME", description = "Column holding the comment id.")
  String idColumn;

  @Option(names = "--labels-column", defaultValue = "labels", paramLabel = "NAME",
      description = "Column holding the coded themes, joined by ';' (default: ${DEFAULT-VALUE}).")
  String labelsColumn;

  @Option(names = {"-f", "--format"}, paramLabel = "csv|jsonl", description = "Input format (default: from the extension).")
  String format;

  /** Reads the coded comments of {@code file}. */
  LabelledData read(Path file) throws IOException, CommandFailure {
    return LabelledData.read(file, format, textColumn, idColumn, labelsColumn);
  }
}
