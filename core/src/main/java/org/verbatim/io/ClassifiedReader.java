package org.verbatim.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Evidence;
import org.verbatim.Polarity;

/**
 * Streams a file written by {@code verbatim classify} (or a {@link ClassifiedWriter}) back, one row at a time:
 * the input fields and the themes, scores, polarities, evidence and error of the added columns. It reads with a
 * {@link FeedbackReader}, so the file gets the same strict UTF-8 and RFC 4180 checks as an input to classify.
 * The format comes from the extension ({@code .jsonl}, {@code .ndjson}, {@code .json} are JSON Lines;
 * {@code .csv}, {@code .tsv}, {@code .txt} are CSV; otherwise JSON Lines when the first non-blank character is
 * <code>{</code>).
 *
 * <pre>{@code
 * try (ClassifiedReader in = ClassifiedReader.open(Path.of("feedback.classified.csv"), OutputColumns.withPrefix(""))) {
 *   for (ClassifiedRecord r = in.next(); r != null; r = in.next()) { r.themes(); r.fields().get("comment"); }
 * }
 * }</pre>
 *
 * <p>Only the themes column is required; the others may be missing or empty. Problems (a missing themes column, a
 * malformed record or value) are {@link FeedbackFileException}s naming the file, the line and the column, never
 * the comment text. Not thread-safe.
 */
public final class ClassifiedReader implements Closeable {

  /**
   * One row of a classified file.
   *
   * @param line the 1-based line where the row starts
   * @param number the 1-based record number
   * @param fields the input columns (the added ones left out) and their values, in file order
   * @param themes the themes of the row in the order of its themes column, possibly empty
   * @param error the row's error, or null when it has none
   */
  public record ClassifiedRecord(long line, long number, Map<String, String> fields, List<ThemeResult> themes,
      String error) {
    public ClassifiedRecord {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      themes = List.copyOf(themes);
    }
  }

  private final Path file;
  private final FeedbackReader reader;
  private final ClassifiedColumns names;
  private final OutputColumns prefixed;
  private final List<String> added;
  /** CSV: the input columns (the header without the added columns). */
  private final List<String> columns;

  private ClassifiedReader(Path file, FeedbackReader reader, OutputColumns columns) throws FeedbackFileException {
    this.file = file;
    this.reader = reader;
    this.names = new ClassifiedColumns(columns.prefix());
    this.prefixed = columns;
    this.added = columns.names();
    if (reader.format() != FeedbackFormat.JSONL) {
      List<String> header = reader.header();
      if (!header.contains(names.themesColumn())) {
        throw new FeedbackFileException(file, 1, "missing column '" + names.themesColumn() + "' (is this a file "
            + "written by verbatim classify? use --column-prefix if its columns have one); columns: "
            + String.join(", ", header));
      }
      this.columns = header.stream().filter(c -> !added.contains(c)).toList();
    } else {
      this.columns = null;
    }
  }

  /**
   * Opens a classified file.
   *
   * @param columns the names of the added columns (their prefix)
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws FeedbackFileException if it is not a regular file, is empty (CSV), or its header has no themes column
   * @throws IOException if it cannot be read
   */
  public static ClassifiedReader open(Path file, OutputColumns columns) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(columns, "columns");
    if (!Files.exists(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "file not found");
    }
    if (!Files.isRegularFile(file)) {
      throw new FeedbackFileException(file, 0, "not a regular file");
    }
    FeedbackReader reader = FeedbackReader.open(file, format(file));
    try {
      return new ClassifiedReader(file, reader, columns);
    } catch (FeedbackFileException e) {
      reader.close();
      throw e;
    }
  }

  /** The format of a classified file: by extension, else by its first non-blank character. */
  static FeedbackFormat format(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return FeedbackFormat.JSONL;
    }
    if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
      return FeedbackFormat.CSV;
    }
    if (name.endsWith(".xlsx")) {
      return FeedbackFormat.XLSX;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(4096);
      for (int i = 0; i < b.length; i++) {
        int c = b[i] & 0xFF;
        boolean bom = i == 0 && b.length >= 3 && c == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        if (bom) {
          i += 2;
        } else if (!Character.isWhitespace(c)) {
          return c == '{' ? FeedbackFormat.JSONL : FeedbackFormat.CSV;
        }
      }
    }
    return FeedbackFormat.CSV;
  }

  /** The file's format. */
  public FeedbackFormat format() {
    return reader.format();
  }

  /** CSV: the input columns in order (the header without the added columns); JSON Lines: empty. */
  public List<String> columns() {
    return columns == null ? List.of() : columns;
  }

  /**
   * The next row, or null at the end of the file.
   *
   * @throws FeedbackFileException naming the line (and the record or column) when a row is malformed
   * @throws IOException if the file cannot be read
   */
  public ClassifiedRecord next() throws IOException {
    while (true) {
      FeedbackRecord r = reader.next();
      if (r == null) {
        return null;
      }
      try {
        return reader.format() != FeedbackFormat.JSONL ? csv(r) : jsonl(r);
      } catch (IllegalArgumentException e) {
        throw new FeedbackFileException(file, r.line(), (reader.format() != FeedbackFormat.JSONL
            ? "record " + r.number() + ": " : "") + e.getMessage(), e);
      } catch (Skip s) {
        // a record of one empty field where more are expected: nothing to read
      }
    }
  }

  private ClassifiedRecord csv(FeedbackRecord r) throws FeedbackFileException, Skip {
    List<String> values = r.values();
    if (r.isError()) {
      if (values.size() == 1 && values.get(0).isEmpty()) {
        throw new Skip();
      }
      throw new FeedbackFileException(file, r.line(), "record " + r.number() + ": " + r.error().orElseThrow());
    }
    Map<String, String> all = r.asMap();
    Map<String, String> fields = new LinkedHashMap<>(all);
    fields.keySet().removeAll(added);
    return new ClassifiedRecord(r.line(), r.number(), fields, names.themes(all), names.error(all));
  }

  private ClassifiedRecord jsonl(FeedbackRecord r) throws FeedbackFileException {
    if (r.isError()) {
      throw new FeedbackFileException(file, r.line(), r.error().orElseThrow());
    }
    ObjectNode node = r.json();
    List<String> keys = added;
    String themesKey = prefixed.themes();
    String scoresKey = prefixed.scores();
    String polarityKey = prefixed.polarity();
    String evidenceKey = prefixed.evidence();
    String errorKey = prefixed.error();
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> columns = r.columns();
    List<String> values = r.values();
    for (int i = 0; i < columns.size(); i++) {
      if (!keys.contains(columns.get(i))) {
        fields.put(columns.get(i), values.get(i));
      }
    }
    JsonNode themes = node.get(themesKey);
    if (themes == null) {
      throw new IllegalArgumentException("missing field '" + themesKey + "' (is this a file written by verbatim "
          + "classify? use --column-prefix if its fields have one); fields: " + String.join(", ", columns));
    }
    JsonNode error = node.get(errorKey);
    String errorText = error == null || error.isNull() ? null : error.asText();
    List<String> ids = new ArrayList<>();
    if (themes.isArray()) {
      for (JsonNode t : themes) {
        if (!t.isTextual()) {
          throw new IllegalArgumentException("field '" + themesKey + "' must be an array of theme ids (strings)");
        }
        String id = t.asText().strip();
        if (!id.isEmpty() && !ids.contains(id)) {
          ids.add(id);
        }
      }
    } else if (!themes.isNull()) {
      throw new IllegalArgumentException("field '" + themesKey + "' must be an array of theme ids");
    }
    JsonNode scores = object(node, scoresKey);
    JsonNode polarity = object(node, polarityKey);
    JsonNode evidence = object(node, evidenceKey);
    List<ThemeResult> results = new ArrayList<>(ids.size());
    for (String id : ids) {
      double score = Double.NaN;
      JsonNode s = scores == null ? null : scores.get(id);
      if (s != null && !s.isNull()) {
        if (!s.isNumber() || !(s.asDouble() >= 0.0 && s.asDouble() <= 1.0)) {
          throw new IllegalArgumentException("field '" + scoresKey + "': score of theme '" + id
              + "' must be a number in [0, 1]");
        }
        score = s.asDouble();
      }
      Polarity p = Polarity.NEUTRAL;
      JsonNode pv = polarity == null ? null : polarity.get(id);
      if (pv != null && !pv.isNull()) {
        try {
          p = Polarity.parse(pv.asText());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("field '" + polarityKey + "': polarity of theme '" + id
              + "' must be one of positive, negative, mixed, neutral", e);
        }
      }
      results.add(new ThemeResult(id, score, p, spans(evidence == null ? null : evidence.get(id), evidenceKey, id)));
    }
    return new ClassifiedRecord(r.line(), r.number(), fields, results, errorText);
  }

  private static JsonNode object(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw new IllegalArgumentException("field '" + key + "' must be an object keyed by theme id");
    }
    return v;
  }

  private static List<Evidence> spans(JsonNode array, String key, String id) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("field '" + key + "': evidence of theme '" + id + "' must be an array");
    }
    List<Evidence> out = new ArrayList<>(array.size());
    for (JsonNode span : array) {
      JsonNode start;
      JsonNode end;
      if (span.isObject()) {
        start = span.get("start");
        end = span.get("end");
      } else if (span.isArray() && span.size() == 2) {
        start = span.get(0);
        end = span.get(1);
      } else {
        start = null;
        end = null;
      }
      if (start == null || end == null || !start.canConvertToInt() || !end.canConvertToInt()
          || !start.isIntegralNumber() || !end.isIntegralNumber()) {
        throw new IllegalArgumentException("field '" + key + "': evidence of theme '" + id
            + "' must be objects with integer 'start' and 'end'");
      }
      int s = start.asInt();
      int e = end.asInt();
      if (s >= 0 && e >= s) {
        out.add(new Evidence(s, e));
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** A record with nothing to read. */
  private static final class Skip extends Exception {
    Skip() {
      super(null, null, false, false);
    }
  }
}
