package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.report.AccuracyInputs;
import org.verbatim.report.ReportBuilder;
import org.verbatim.report.ReportMeta;
import org.verbatim.report.ReportOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim report}: turns a file written by {@code verbatim classify} into one self-contained HTML report.
 *
 * <pre>{@code
 * verbatim report --input classified.csv --output report.html --date-column date --group-column team
 * }</pre>
 *
 * <p>Exit codes: 0 written; 1 bad input (missing file, missing column, malformed row: the message, printed as
 * {@code verbatim: error: ...}, names the file, record and field); 2 bad options. A {@code NAME.meta.json} sidecar
 * beside the input is shown in the summary when present. The report itself is built by the {@code report}
 * library ({@link ReportBuilder}); this class only maps options and errors.
 *
 * <p>A picocli command object: not thread-safe, one instance per invocation.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a self-contained HTML report (charts, trends, quotes) from a classified CSV, JSONL or .xlsx file.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the input cannot be used or the report cannot be written (message: verbatim: error: ...)",
      "2:the command line is wrong or incomplete"
    })
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
      description = "Classified file written by 'verbatim classify' (.csv, .tsv, .jsonl or .xlsx; wide layout).")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "HTML file to write.")
  Path output;

  @Option(names = "--text-column", paramLabel = "NAME",
      description = "Column holding the comment. Default: found as classify finds it (the one column named like text,"
          + " comment(s), feedback, response, answer, verbatim, review, free_text, ... or else the one column of free text).")
  String textColumn;

  @Option(names = "--date-column", paramLabel = "NAME", description = "Column with dates, for trends over time.")
  String dateColumn;

  @Option(names = "--group-column", paramLabel = "NAME",
      description = "Column with a team, service or area, for the comparison by group.")
  String groupColumn;

  @Option(names = "--id-column", paramLabel = "NAME",
      description = "Column with a row id shown under quotes (default: a column named id, if any).")
  String idColumn;

  @Option(names = "--title", paramLabel = "TEXT", description = "Report title (default: ${DEFAULT-VALUE}).",
      defaultValue = ReportOptions.DEFAULT_TITLE)
  String title;

  @Option(names = "--column-prefix", paramLabel = "P", defaultValue = "",
      description = "Prefix of the columns added by classify, e.g. vb_ for vb_themes.")
  String columnPrefix;

  @Option(names = "--quotes", paramLabel = "N", defaultValue = "3",
      description = "Quotes sampled per theme and polarity, 1-50 (default: ${DEFAULT-VALUE}).")
  int quotes;

  @Option(names = "--top-groups", paramLabel = "N", defaultValue = "8",
      description = "Largest groups compared, 1-50 (default: ${DEFAULT-VALUE}).")
  int topGroups;

  @Option(names = "--evaluation", paramLabel = "FILE",
      description = "A 'verbatim evaluate --json' file: adds the accuracy section (scores with intervals, confusion tables) "
          + "and the classifier's agreement with the coders.")
  Path evaluation;

  @Option(names = "--agreement", paramLabel = "FILE",
      description = "A 'verbatim agree --json' file: adds agreement between coders to the agreement section.")
  Path agreement;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the quote sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-q", "--quiet"}, description = "No summary line; errors are still printed.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ReportOptions options;
    try {
      options = ReportOptions.builder().title(title).textColumn(textColumn).dateColumn(dateColumn)
          .groupColumn(groupColumn).idColumn(idColumn).columnPrefix(columnPrefix).quotes(quotes)
          .topGroups(topGroups).seed(seed).source(input.getFileName().toString()).build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try {
      ReportMeta meta = ReportMeta.besides(input).orElse(null);
      AccuracyInputs accuracy = evaluation == null && agreement == null ? null : AccuracyInputs.read(evaluation, agreement);
      ReportBuilder builder = ReportBuilder.create(options.toBuilder().meta(meta).accuracy(accuracy).build());
      ReportBuilder.readFile(input, builder);
      builder.write(output);
      if (!quiet) {
        spec.commandLine().getOut().println("report: " + String.format(Locale.UK, "%,d", builder.rows()) + " rows -> " + output);
      }
      return 0;
    } catch (IOException e) {
      return CommandFailure.report(err, new CommandFailure(Main.DATA_ERROR, e.getMessage()));
    }
  }
}
