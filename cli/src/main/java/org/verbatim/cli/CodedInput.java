package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verbatim.Polarity;
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

  @Option(names = "--polarity", paramLabel = "FILE",
      description = "Polarity codes per (comment, theme) in a CSV with id,theme,polarity columns (positive, negative, neutral, "
          + "mixed, or a signed score whose sign counts), joined to the input by id; rows of other ids are skipped. "
          + "An input column 'polarity' (theme:polarity;...) works too.")
  Path polarityFile;

  @Option(names = "--no-polarity", description = "Ignore the polarity codes: train no polarity model, score no polarity.")
  boolean noPolarity;

  /** Reads the coded comments of {@code file}, reporting skipped polarity rows on {@code err}. */
  LabelledData read(Path file, PrintWriter err) throws IOException, CommandFailure {
    LabelledData d = LabelledData.read(file, format, textColumn, idColumn, labelsColumn, noPolarity ? null : polarityFile);
    if (d.polarityRowsSkipped() > 0) {
      err.printf(Locale.ROOT, "verbatim: note: %,d rows of %s were skipped (id not in %s, or no value)%n",
          d.polarityRowsSkipped(), polarityFile, file.getFileName());
      err.flush();
    }
    if (noPolarity && d.hasPolarity()) {
      List<Map<String, Polarity>> none = new ArrayList<>();
      d.comments().forEach(c -> none.add(Map.of()));
      return new LabelledData(d.comments(), List.copyOf(none), d.textColumn(), 0);
    }
    return d;
  }
}
