package org.verbatim.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.verbatim.Polarity;
import org.verbatim.eval.LabelSets;

/**
 * One coder's coding of a set of comments, read from a file: per comment id its themes and, when coded, the
 * polarity of each theme; the comment text too when the file has a text column. The input of inter-coder
 * agreement ({@link org.verbatim.eval.CoderAgreement}).
 *
 * <p>The file is CSV or JSONL with an id column (found by {@link ColumnSelector#idColumn}, e.g. {@code id}) and
 * a labels column ({@code labels}: themes joined by {@code ;}); the polarity comes from a {@code polarity}
 * column ({@code listening:negative;respect:positive}) or from a long-form {@code id,theme,polarity} file as
 * read by {@link CodedData#readPolarityCodes}. A text column is optional (coders' files often hold ids only).
 *
 * <pre>{@code
 * Coding a = Coding.read(Path.of("coderA.csv"), null);
 * a.themes().get("sc-0001");       // [empathy, reliability]
 * a.polarities().get("sc-0001");   // {empathy=POSITIVE, reliability=NEGATIVE}
 * }</pre>
 *
 * <p>Immutable and thread-safe; maps keep file order. Messages name the file and line, never a comment's text.
 *
 * @param file the file read
 * @param themes per comment id, its themes in code-point order (an empty set for a comment with no theme)
 * @param polarities per comment id, the polarity of some of its themes (empty maps when none is coded)
 * @param texts per comment id, its text (empty when the file has no text column)
 */
public record Coding(Path file, Map<String, Set<String>> themes, Map<String, Map<String, Polarity>> polarities,
    Map<String, String> texts) {

  /** @throws NullPointerException if an argument is null */
  public Coding {
    Objects.requireNonNull(file, "file");
    themes = Collections.unmodifiableMap(new LinkedHashMap<>(themes));
    Map<String, Map<String, Polarity>> p = new LinkedHashMap<>();
    polarities.forEach((k, v) -> p.put(k, Map.copyOf(v)));
    polarities = Collections.unmodifiableMap(p);
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }

  /** Whether any comment has a polarity code. */
  public boolean hasPolarity() {
    return polarities.values().stream().anyMatch(m -> !m.isEmpty());
  }

  /**
   * Reads a coder's file.
   *
   * @param file CSV or JSONL (by extension; CSV otherwise) with id and {@code labels} columns
   * @param polarityFile a long-form {@code id,theme,polarity} file, or null (then a {@code polarity} column is
   *     used when present)
   * @throws CodedDataException naming the file and line if the file is empty, a record is malformed, an id is
   *     empty or repeats, a polarity is invalid or names a theme the comment does not have, or a polarity file is
   *     given although the file has a polarity column
   * @throws IOException if a file cannot be read
   */
  public static Coding read(Path file, Path polarityFile) throws IOException, CodedDataException {
    Objects.requireNonNull(file, "file");
    FeedbackFormat fmt = FeedbackFormat.fromFileName(file).orElse(FeedbackFormat.CSV);
    Map<String, Set<String>> themes = new LinkedHashMap<>();
    Map<String, Map<String, Polarity>> pols = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Long> lines = new HashMap<>();
    String id = null;
    String text = null;
    boolean polarityColumn = false;
    try (FeedbackReader reader = FeedbackReader.open(file, fmt)) {
      FeedbackRecord r;
      while ((r = reader.next()) != null) {
        if (r.isError()) {
          throw new CodedDataException(file, r.line(), r.error().orElse("unreadable record"));
        }
        if (id == null) {
          List<String> columns = r.columns();
          try {
            id = ColumnSelector.idColumn(columns, null).orElse(null);
          } catch (ColumnException e) {
            throw new CodedDataException(file, 1, e.getMessage());
          }
          if (id == null || !columns.contains("labels")) {
            throw new CodedDataException(file, 1, "columns id and labels (got " + columns + ")");
          }
          polarityColumn = columns.contains("polarity");
          if (polarityColumn && polarityFile != null) {
            throw new CodedDataException(file, 1, "a 'polarity' column and a polarity file are both given: give one "
                + "source of polarity codes");
          }
          text = columns.contains("text") ? "text" : columns.contains("comment") ? "comment" : null;
        }
        String rid = r.get(id).orElse("").strip();
        if (rid.isEmpty()) {
          throw new CodedDataException(file, r.line(), "a non-empty id");
        }
        Long first = lines.putIfAbsent(rid, r.line());
        if (first != null) {
          throw new CodedDataException(file, r.line(), "duplicate id '" + rid + "' (first on line " + first
              + "); ids must be unique");
        }
        Set<String> labels = new TreeSet<>(LabelSets.CODE_POINT_ORDER);
        labels.addAll(LabelSets.parse(r.get("labels").orElse("")));
        themes.put(rid, Collections.unmodifiableSet(labels));
        Map<String, Polarity> p = polarityColumn
            ? CodedData.polarityColumn(file, r, r.get("polarity").orElse("")) : new HashMap<>();
        checkThemes(file, r.line(), rid, p, labels);
        pols.put(rid, p);
        if (text != null) {
          texts.put(rid, r.get(text).orElse(""));
        }
      }
    }
    if (themes.isEmpty()) {
      throw new CodedDataException(file, 0, "at least one coded comment (the file has no records)");
    }
    if (polarityFile != null) {
      for (CodedData.PolarityCode c : CodedData.readPolarityCodes(polarityFile).codes()) {
        Map<String, Polarity> p = pols.get(c.id());
        if (p == null) {
          continue;   // one polarity file may cover several coders' files or splits
        }
        if (!themes.get(c.id()).contains(c.theme())) {
          throw new CodedDataException(polarityFile, c.line(), "a theme that " + file.getFileName() + " codes for id '"
              + c.id() + "' (got '" + c.theme() + "')");
        }
        if (p.put(c.theme(), c.polarity()) != null) {
          throw new CodedDataException(polarityFile, c.line(), "one polarity per id and theme ('" + c.id() + "', '"
              + c.theme() + "' repeats)");
        }
      }
    }
    return new Coding(file, themes, pols, texts);
  }

  private static void checkThemes(Path file, long line, String id, Map<String, Polarity> p, Set<String> labels)
      throws CodedDataException {
    for (String theme : p.keySet()) {
      if (!labels.contains(theme)) {
        throw new CodedDataException(file, line, "a polarity only for a coded theme: id '" + id + "' has polarity for '"
            + theme + "' but its labels are " + labels);
      }
    }
  }
}
