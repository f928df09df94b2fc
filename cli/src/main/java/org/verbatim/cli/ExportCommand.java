package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookException;
import org.verbatim.io.ClassifiedReader;
import org.verbatim.io.ColumnException;
import org.verbatim.io.ColumnSelector;
import org.verbatim.io.FeedbackFileException;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.io.OutputColumns;
import org.verbatim.qda.QdcCodebook;
import org.verbatim.qda.QdpxWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim export}: REFI-QDA files for NVivo, ATLAS.ti, MAXQDA, QDA Miner and QualCoder: a classified file as
 * a {@code .qdpx} project, or the codebook as a {@code .qdc} codebook.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:an input or output file cannot be used (message: verbatim: error: ...)",
      "2:the command line is wrong or incomplete"
    },
    sortOptions = false,
    description = {
      "Writes REFI-QDA exchange files, read by NVivo, ATLAS.ti, MAXQDA, QDA Miner and QualCoder:",
      "  --input classified.csv --output project.qdpx   the comments as text sources, the themes as codes and the",
      "                                                 evidence spans as coded segments (polarity and score in each",
      "                                                 segment's description)",
      "  --output codebook.qdc                          the codebook's themes as codes (name, definition, includes,",
      "                                                 excludes); 'verbatim import-codebook' reads one back",
      "The codes are named from --codebook (default: the bundled social-care codebook)."
    })
final class ExportCommand implements Callable<Integer> {

  private static final int SAMPLE = 200;

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "A file written by 'verbatim classify' (.csv or .jsonl); needed for .qdpx.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The .qdpx project or .qdc codebook to write.")
  Path output;

  @Option(names = {"-c", "--codebook"}, paramLabel = "PATH", description = "The codebook naming the codes (default: the bundled social-care codebook).")
  Path codebookPath;

  @Option(names = {"-t", "--text-column"}, paramLabel = "NAME", description = "Column holding the comment (default: found as classify finds it).")
  String textColumn;

  @Option(names = "--id-column", paramLabel = "NAME", description = "Column holding the comment id, the sources' names (default: a column named id, else the row number).")
  String idColumn;

  @Option(names = "--column-prefix", paramLabel = "P", defaultValue = "", description = "Prefix of the columns added by classify, e.g. vb_.")
  String columnPrefix;

  @Option(names = "--name", paramLabel = "TEXT", description = "The project's name (default: the input file's name).")
  String name;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      String lower = output.getFileName().toString().toLowerCase(Locale.ROOT);
      Codebook codebook = ClassifierFactory.codebook(codebookPath);
      if (lower.endsWith(".qdc")) {
        if (input != null) {
          throw new CommandFailure(Main.USAGE_ERROR, "a .qdc codebook is made from the codebook alone: leave out --input");
        }
        QdcCodebook.write(codebook, output);
        out.printf(Locale.ROOT, "codebook '%s': %d codes -> %s%n", codebook.id(), codebook.themes().size(), output);
      } else if (lower.endsWith(".qdpx")) {
        if (input == null) {
          throw new CommandFailure(Main.USAGE_ERROR, "a .qdpx project needs --input, a file written by 'verbatim classify'");
        }
        long rows = project(codebook);
        out.printf(Locale.ROOT, "project: %,d comments -> %s%n", rows, output);
      } else {
        throw new CommandFailure(Main.USAGE_ERROR, "--output must end in .qdpx (a project) or .qdc (a codebook): " + output);
      }
      out.flush();
      return 0;
    } catch (NoSuchFileException e) {
      return CommandFailure.report(err, new CommandFailure(Main.DATA_ERROR, e.getFile() + ": no such file"));
    } catch (FeedbackFileException e) {
      return CommandFailure.report(err, new CommandFailure(Main.DATA_ERROR,
          input + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.problem()));
    } catch (CommandFailure | IllegalArgumentException | CodebookException | IOException e) {
      return CommandFailure.report(err, e);
    }
  }

  private long project(Codebook codebook) throws IOException, CommandFailure {
    OutputColumns added = OutputColumns.withPrefix(columnPrefix);
    String text;
    String id;
    try (ClassifiedReader reader = ClassifiedReader.open(input, added)) {
      LinkedHashSet<String> columns = new LinkedHashSet<>(reader.columns());
      List<FeedbackRecord> sample = new ArrayList<>();
      for (ClassifiedReader.ClassifiedRecord r = reader.next(); r != null && sample.size() < SAMPLE; r = reader.next()) {
        if (reader.format() == FeedbackFormat.JSONL) {
          columns.addAll(r.fields().keySet());
        }
        sample.add(FeedbackRecord.of(r.line(), r.number(), List.copyOf(r.fields().keySet()),
            List.copyOf(r.fields().values())));
      }
      List<String> names = List.copyOf(columns);
      text = ColumnSelector.textColumn(names, sample, textColumn);
      id = ColumnSelector.idColumn(names, idColumn).orElse(null);
    } catch (ColumnException e) {
      throw new CommandFailure(Main.USAGE_ERROR, input + ": " + e.getMessage() + " (name it with --"
          + ("id".equals(e.role()) ? "id" : "text") + "-column)");
    }
    String project = name != null ? name : input.getFileName().toString();
    try (QdpxWriter w = QdpxWriter.create(output, project, codebook, Instant.now());
        ClassifiedReader reader = ClassifiedReader.open(input, added)) {
      for (ClassifiedReader.ClassifiedRecord r = reader.next(); r != null; r = reader.next()) {
        String rowId = id == null ? "row " + r.number() : r.fields().getOrDefault(id, "");
        if (rowId.isBlank()) {
          rowId = "row " + r.number();
        }
        try {
          w.add(rowId, r.fields().getOrDefault(text, ""), r.themes(), r.error());
        } catch (IllegalArgumentException e) {
          throw new CommandFailure(Main.DATA_ERROR, input + ":" + r.line() + ": " + e.getMessage()
              + " (was the file classified from this text column?)");
        }
      }
      w.commit();
      return w.rows();
    }
  }
}
