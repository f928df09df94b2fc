package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.io.AtomicOutput;
import org.verbatim.io.ColumnException;
import org.verbatim.io.ColumnSelector;
import org.verbatim.io.Csv;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.train.CodingSuggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim suggest}: the uncoded comments to code next, chosen by the current model's uncertainty (with
 * diversity) or at random.
 */
@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:an input or output file cannot be used (message: verbatim: error: ...)",
      "2:the command line is wrong or incomplete"
    },
    sortOptions = false,
    description = {
      "Chooses the next comments to code from an uncoded file, in the order to code them, and writes them (every input",
      "column, plus suggest_rank, suggest_theme and suggest_margin) to --output.",
      "  --strategy uncertainty (default): comments nearest a theme's threshold in the model, themes taking turns",
      "                                    rarest first, near-duplicates (80% of words shared) and empty comments skipped",
      "  --strategy random                 a seeded random sample, the baseline"
    })
final class SuggestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, paramLabel = "FILE", description = "The current model ('verbatim train'); needed for uncertainty.")
  Path model;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "Uncoded comments, CSV or JSONL.")
  Path input;

  @Option(names = {"-n", "--count"}, required = true, paramLabel = "N", description = "How many comments to choose.")
  int count;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The chosen rows, as CSV.")
  Path output;

  @Option(names = "--strategy", defaultValue = "uncertainty", paramLabel = "S", description = "uncertainty or random (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the random strategy (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-t", "--text-column"}, paramLabel = "NAME", description = "Column holding the comment.")
  String textColumn;

  @Option(names = {"-f", "--format"}, paramLabel = "csv|jsonl", description = "Input format (default: from the extension).")
  String format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      CodingSuggestions.Strategy s = CodingSuggestions.Strategy.parse(strategy);
      if (count < 1) {
        throw new CommandFailure(Main.USAGE_ERROR, "--count must be at least 1: " + count);
      }
      if (s == CodingSuggestions.Strategy.UNCERTAINTY && model == null) {
        throw new CommandFailure(Main.USAGE_ERROR, "--strategy uncertainty needs --model (or use --strategy random)");
      }
      if (!Files.isRegularFile(input)) {
        throw new CommandFailure(Main.DATA_ERROR, input + ": no such file");
      }
      LinearThemeClassifier linear = null;
      if (model != null) {
        ThemeClassifier c = TrainedModels.load(model, null, false);
        linear = c instanceof HybridThemeClassifier h ? h.model() : (LinearThemeClassifier) c;
      }
      FeedbackFormat fmt = format != null ? FeedbackFormat.parse(format)
          : FeedbackFormat.fromFileName(input).orElse(FeedbackFormat.CSV);
      List<FeedbackRecord> records = new ArrayList<>();
      int unreadable = 0;
      LinkedHashSet<String> columns = new LinkedHashSet<>();
      try (FeedbackReader reader = FeedbackReader.open(input, fmt)) {
        columns.addAll(reader.header());
        for (FeedbackRecord r = reader.next(); r != null; r = reader.next()) {
          if (r.isError()) {
            unreadable++;
            continue;
          }
          columns.addAll(r.columns());
          records.add(r);
        }
      }
      if (records.isEmpty()) {
        throw new CommandFailure(Main.DATA_ERROR, input + ": no readable comment");
      }
      String text;
      try {
        text = ColumnSelector.textColumn(List.copyOf(columns), records.subList(0, Math.min(200, records.size())), textColumn);
      } catch (ColumnException e) {
        throw new CommandFailure(Main.USAGE_ERROR, input + ": " + e.getMessage() + " (name it with --text-column)");
      }
      List<String> texts = new ArrayList<>(records.size());
      for (FeedbackRecord r : records) {
        texts.add(r.get(text).orElse(""));
      }
      List<CodingSuggestions.Suggestion> chosen = CodingSuggestions.choose(linear, texts, count, s, seed);
      List<String> added = List.of("suggest_rank", "suggest_theme", "suggest_margin");
      for (String a : added) {
        if (columns.contains(a)) {
          throw new CommandFailure(Main.USAGE_ERROR, input + " already has a column '" + a + "'");
        }
      }
      List<String> header = new ArrayList<>(columns);
      header.addAll(added);
      try (AtomicOutput out = AtomicOutput.create(output)) {
        Writer w = out.writer();
        w.write(Csv.record(header));
        int rank = 0;
        for (CodingSuggestions.Suggestion c : chosen) {
          FeedbackRecord r = records.get(c.index());
          List<String> row = new ArrayList<>(header.size());
          for (String col : columns) {
            row.add(r.get(col).orElse(""));
          }
          row.add(Integer.toString(++rank));
          row.add(c.theme());
          row.add(Double.isNaN(c.margin()) ? "" : String.format(Locale.ROOT, "%.4f", c.margin()));
          w.write(Csv.record(row));
        }
        out.commit();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%d of %,d comments chosen (%s) -> %s%n", chosen.size(), records.size(),
          s.name().toLowerCase(Locale.ROOT), output);
      if (unreadable > 0) {
        err.printf(Locale.ROOT, "verbatim: note: %d unreadable rows of %s were not considered%n", unreadable, input);
      }
      out.flush();
      err.flush();
      return 0;
    } catch (CommandFailure | IllegalArgumentException | IOException e) {
      return CommandFailure.report(err, e);
    }
  }
}
