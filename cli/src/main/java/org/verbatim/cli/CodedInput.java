package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.verbatim.io.CodedData;
import org.verbatim.io.CodedDataException;
import org.verbatim.io.ColumnException;
import org.verbatim.io.FeedbackFormat;
import picocli.CommandLine.Option;

/**
 * The options that say how to read a file of coded comments, shared by {@code train} and {@code evaluate}; the
 * reading itself is the library's {@link CodedData}.
 */
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

  /**
   * Reads the coded comments of {@code file}, reporting skipped polarity rows on {@code err}.
   *
   * @throws CommandFailure exit 2 for a missing column or conflicting options, exit 1 for unusable data
   */
  CodedData read(Path file, PrintWriter err) throws IOException, CommandFailure {
    CodedData d;
    try {
      d = CodedData.read(file, CodedData.options().format(format == null ? null : FeedbackFormat.parse(format))
          .textColumn(textColumn).idColumn(idColumn).labelsColumn(labelsColumn)
          .polarityFile(noPolarity ? null : polarityFile).build());
    } catch (ColumnException e) {
      String hint = e.role().equals("labels") ? "; name it with --labels-column" : "";
      throw new CommandFailure(Main.USAGE_ERROR, file + ": " + e.getMessage() + hint);
    } catch (CodedDataException e) {
      throw new CommandFailure(Main.DATA_ERROR, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(Main.USAGE_ERROR, e.getMessage().replace("a polarity file is named", "--polarity names a file")
          .replace("(name it)", "(name it with --id-column)"));
    }
    if (d.polarityRowsSkipped() > 0) {
      err.printf(Locale.ROOT, "verbatim: note: %,d rows of %s were skipped (id not in %s, or no value)%n",
          d.polarityRowsSkipped(), polarityFile, file.getFileName());
      err.flush();
    }
    return noPolarity && d.hasPolarity() ? d.withoutPolarity() : d;
  }
}
