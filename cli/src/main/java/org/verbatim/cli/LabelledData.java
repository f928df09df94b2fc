package org.verbatim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.verbatim.Polarity;
import org.verbatim.eval.LabelSets;
import org.verbatim.io.ColumnException;
import org.verbatim.io.ColumnSelector;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.train.LabelledComment;

/**
 * Coded comments read from a CSV or JSONL file: an id, the text, the theme labels ({@code ;}-joined, as in the
 * datasets) and, when the file has a {@code polarity} column, the coder's polarity per theme
 * ({@code listening:negative;respect:positive}).
 *
 * <p>Every record must be usable: a malformed record, an empty label name or a bad polarity stops the
 * command with the file and line (a training set with silently dropped rows would mislead).
 */
record LabelledData(List<LabelledComment> comments, List<Map<String, Polarity>> polarities, String textColumn) {

  /** Reads the whole file (training sets fit in memory). */
  static LabelledData read(Path file, String format, String textColumn, String idColumn, String labelsColumn)
      throws IOException, CommandFailure {
    FeedbackFormat fmt = format == null
        ? FeedbackFormat.fromFileName(file).orElse(FeedbackFormat.CSV)
        : FeedbackFormat.parse(format);
    List<FeedbackRecord> records = new ArrayList<>();
    try (FeedbackReader reader = FeedbackReader.open(file, fmt)) {
      FeedbackRecord r;
      while ((r = reader.next()) != null) {
        if (r.isError()) {
          throw new CommandFailure(Main.DATA_ERROR, file + ":" + r.line() + ": " + r.error().orElse("unreadable record"));
        }
        records.add(r);
      }
    }
    if (records.isEmpty()) {
      throw new CommandFailure(Main.DATA_ERROR, file + ": no records");
    }
    List<String> columns = records.get(0).columns();
    String text;
    String id;
    try {
      text = ColumnSelector.textColumn(columns, records.subList(0, Math.min(200, records.size())), textColumn);
      id = ColumnSelector.idColumn(columns, idColumn).orElse(null);
    } catch (ColumnException e) {
      throw new CommandFailure(Main.USAGE_ERROR, file + ": " + e.getMessage());
    }
    if (!columns.contains(labelsColumn)) {
      throw new CommandFailure(Main.USAGE_ERROR, file + ": no '" + labelsColumn + "' column with the coded themes (columns: "
          + String.join(", ", columns) + "); name it with --labels-column");
    }
    boolean hasPolarity = columns.contains("polarity") && !labelsColumn.equals("polarity");
    List<LabelledComment> out = new ArrayList<>(records.size());
    List<Map<String, Polarity>> pols = new ArrayList<>(records.size());
    for (FeedbackRecord r : records) {
      String rid = id == null ? Long.toString(r.number()) : r.get(id).orElse("");
      List<String> labels = new ArrayList<>(LabelSets.parse(r.get(labelsColumn).orElse("")));
      try {
        out.add(new LabelledComment(rid, r.get(text).orElse(""), labels));
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(Main.DATA_ERROR, file + ":" + r.line() + ": " + e.getMessage());
      }
      pols.add(hasPolarity ? polarity(file, r, r.get("polarity").orElse("")) : Map.of());
    }
    return new LabelledData(List.copyOf(out), List.copyOf(pols), text);
  }

  private static Map<String, Polarity> polarity(Path file, FeedbackRecord r, String field) throws CommandFailure {
    Map<String, Polarity> m = new HashMap<>();
    for (String part : field.split(";")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.lastIndexOf(':');
      if (colon <= 0) {
        throw new CommandFailure(Main.DATA_ERROR, file + ":" + r.line() + ": polarity must be theme:polarity pairs joined by ';', got '"
            + p + "'");
      }
      try {
        m.put(p.substring(0, colon).strip(), Polarity.parse(p.substring(colon + 1).toLowerCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(Main.DATA_ERROR, file + ":" + r.line() + ": " + e.getMessage());
      }
    }
    return m;
  }

  /** True when some record carries polarity codes. */
  boolean hasPolarity() {
    return polarities.stream().anyMatch(m -> !m.isEmpty());
  }

  Optional<String> firstEmptyText() {
    return comments.stream().filter(c -> c.text().isBlank()).map(LabelledComment::id).findFirst();
  }
}
