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
import org.verbatim.io.PolarityData;
import org.verbatim.io.PolarityFileException;
import org.verbatim.train.LabelledComment;

/**
 * Coded comments read from a CSV or JSONL file: an id, the text, the theme labels ({@code ;}-joined, as in the
 * datasets) and, when the file has a {@code polarity} column, the coder's polarity per theme
 * ({@code listening:negative;respect:positive}).
 *
 * Polarity codes may also come from a separate file in long form ({@code id,theme,polarity}, as the datasets'
 * {@code *_polarity.csv}), joined to the comments by id: see {@link #read}.
 *
 * <p>Every record must be usable: a malformed record, an empty label name or a bad polarity stops the
 * command with the file and line (a training set with silently dropped rows would mislead). Rows of a
 * polarity file whose id is not in the input, or whose value is empty, are skipped and counted in
 * {@code polarityRowsSkipped} (one polarity file may cover several splits).
 */
record LabelledData(List<LabelledComment> comments, List<Map<String, Polarity>> polarities, String textColumn,
    int polarityRowsSkipped) {

  /** Reads the whole file (training sets fit in memory), without a separate polarity file. */
  static LabelledData read(Path file, String format, String textColumn, String idColumn, String labelsColumn)
      throws IOException, CommandFailure {
    return read(file, format, textColumn, idColumn, labelsColumn, null);
  }

  /**
   * Reads the whole file and, when {@code polarityFile} is given, its polarity codes, read by
   * {@link PolarityData#codes} (columns {@code id}, {@code theme}, {@code polarity}; a polarity name or a signed
   * score whose sign counts, as the criticality scores of nhs-fft-phase1).
   */
  static LabelledData read(Path file, String format, String textColumn, String idColumn, String labelsColumn,
      Path polarityFile) throws IOException, CommandFailure {
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
    if (polarityFile != null && hasPolarity) {
      throw new CommandFailure(Main.USAGE_ERROR, file + " has a 'polarity' column and --polarity names another file: give one source of polarity codes");
    }
    if (polarityFile != null && id == null) {
      throw new CommandFailure(Main.USAGE_ERROR, file + ": --polarity joins codes by comment id, but the input has no id column"
          + " (name it with --id-column)");
    }
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
    int skipped = 0;
    if (polarityFile != null) {
      List<Map<String, Polarity>> mutable = new ArrayList<>(out.size());
      Map<String, Integer> byId = new HashMap<>();
      for (int i = 0; i < out.size(); i++) {
        mutable.add(new HashMap<>());
        if (byId.put(out.get(i).id(), i) != null) {
          throw new CommandFailure(Main.DATA_ERROR, file + ": id '" + out.get(i).id() + "' occurs twice; --polarity needs unique ids");
        }
      }
      skipped = readPolarityFile(polarityFile, byId, mutable);
      pols = mutable;
    }
    return new LabelledData(List.copyOf(out), List.copyOf(pols), text, skipped);
  }

  /** Fills {@code pols} from a long-form polarity file; returns the rows skipped (unknown id or empty value). */
  private static int readPolarityFile(Path file, Map<String, Integer> byId, List<Map<String, Polarity>> pols)
      throws IOException, CommandFailure {
    PolarityData.Codes codes;
    try {
      codes = PolarityData.codes(file);
    } catch (PolarityFileException e) {
      throw new CommandFailure(Main.DATA_ERROR, e.getMessage());
    }
    int skipped = codes.withoutValue();
    for (PolarityData.Code c : codes.codes()) {
      Integer doc = byId.get(c.id());
      if (doc == null) {
        skipped++;
      } else if (pols.get(doc).put(c.theme(), c.polarity()) != null) {
        throw new CommandFailure(Main.DATA_ERROR, file + ":" + c.line() + ": a second polarity for id '" + c.id()
            + "' and theme '" + c.theme() + "'");
      }
    }
    return skipped;
  }

  /** The coded (comment, theme, polarity) triples, for training a polarity model. */
  List<org.verbatim.train.PolarityExample> polarityExamples() {
    List<org.verbatim.train.PolarityExample> out = new ArrayList<>();
    for (int i = 0; i < comments.size(); i++) {
      for (Map.Entry<String, Polarity> e : new java.util.TreeMap<>(polarities.get(i)).entrySet()) {
        out.add(new org.verbatim.train.PolarityExample(comments.get(i).text(), e.getKey(), e.getValue()));
      }
    }
    return out;
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
