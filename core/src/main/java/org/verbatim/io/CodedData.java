package org.verbatim.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.Polarity;
import org.verbatim.eval.LabelSets;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.PolarityExample;

/**
 * Coded comments read from a CSV or JSONL file: an id, the text, the theme labels ({@code ;}-joined, as in the
 * datasets) and the coder's polarity per theme, either from a {@code polarity} column
 * ({@code listening:negative;respect:positive}) or from a separate long-form file ({@code id,theme,polarity}, as
 * the datasets' {@code *_polarity.csv}) joined to the comments by id.
 *
 * <pre>{@code
 * CodedData data = CodedData.read(Path.of("train.csv"),
 *     CodedData.options().polarityFile(Path.of("train_polarity.csv")).build());
 * ThemeTrainer.create(themeOptions).train(data.comments());
 * PolarityTrainer.create(polarityOptions).train(data.polarityExamples());
 * }</pre>
 *
 * <p>Every record must be usable: a malformed record, an empty label name or a bad polarity stops the read with
 * the file and line (a training set with silently dropped rows would mislead). Rows of a polarity file whose id
 * is not in the input, or whose value is empty, are skipped and counted in {@link #polarityRowsSkipped()} (one
 * polarity file may cover several splits). Immutable and thread-safe; messages never contain comment text.
 */
public final class CodedData {

  private final List<LabelledComment> comments;
  private final List<Map<String, Polarity>> polarities;
  private final String textColumn;
  private final int polarityRowsSkipped;

  private CodedData(List<LabelledComment> comments, List<Map<String, Polarity>> polarities, String textColumn,
      int polarityRowsSkipped) {
    this.comments = List.copyOf(comments);
    List<Map<String, Polarity>> p = new ArrayList<>(polarities.size());
    polarities.forEach(m -> p.add(Map.copyOf(m)));
    this.polarities = List.copyOf(p);
    if (this.polarities.size() != this.comments.size()) {
      throw new IllegalArgumentException("one polarity map per comment: " + polarities.size() + " != " + comments.size());
    }
    this.textColumn = textColumn;
    this.polarityRowsSkipped = polarityRowsSkipped;
  }

  /**
   * Coded data made in memory.
   *
   * @param comments the comments with their themes
   * @param polarities per comment, the coded polarity of some of its themes (empty maps for none)
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static CodedData of(List<LabelledComment> comments, List<Map<String, Polarity>> polarities) {
    return new CodedData(comments, polarities, "text", 0);
  }

  /** The comments with their themes, in file order. */
  public List<LabelledComment> comments() {
    return comments;
  }

  /** Per comment, in file order: the coded polarity of its themes (an empty map when none is coded). */
  public List<Map<String, Polarity>> polarities() {
    return polarities;
  }

  /** The column the texts came from. */
  public String textColumn() {
    return textColumn;
  }

  /** Rows of the polarity file that were skipped: id not in the input, or no value. */
  public int polarityRowsSkipped() {
    return polarityRowsSkipped;
  }

  /** True when some comment has polarity codes. */
  public boolean hasPolarity() {
    return polarities.stream().anyMatch(m -> !m.isEmpty());
  }

  /** The same comments without polarity codes. */
  public CodedData withoutPolarity() {
    List<Map<String, Polarity>> none = new ArrayList<>(comments.size());
    comments.forEach(c -> none.add(Map.of()));
    return new CodedData(comments, none, textColumn, 0);
  }

  /** The coded (comment, theme, polarity) triples, for training a polarity model (see {@link PolarityExample#of}). */
  public List<PolarityExample> polarityExamples() {
    return PolarityExample.of(comments, polarities);
  }

  /** How to read a file of coded comments; see {@link CodedData#options()}. */
  public static final class Options {
    private final FeedbackFormat format;
    private final String textColumn;
    private final String idColumn;
    private final String labelsColumn;
    private final Path polarityFile;

    private Options(Builder b) {
      this.format = b.format;
      this.textColumn = b.textColumn;
      this.idColumn = b.idColumn;
      this.labelsColumn = b.labelsColumn;
      this.polarityFile = b.polarityFile;
    }
  }

  /**
   * A builder of read options. Defaults: format from the file name (CSV otherwise), the text and id columns
   * found by {@link ColumnSelector}, labels in {@code labels}, polarity from a {@code polarity} column if the file
   * has one.
   */
  public static Builder options() {
    return new Builder();
  }

  /** Builds {@link Options}; every setter accepts null for "the default". Not thread-safe. */
  public static final class Builder {
    private FeedbackFormat format;
    private String textColumn;
    private String idColumn;
    private String labelsColumn = "labels";
    private Path polarityFile;

    private Builder() {}

    /** The file format (default: from the extension, else CSV). */
    public Builder format(FeedbackFormat v) {
      format = v;
      return this;
    }

    /** The column holding the comment (default: found by {@link ColumnSelector#textColumn}). */
    public Builder textColumn(String v) {
      textColumn = v;
      return this;
    }

    /** The column holding the comment id (default: found by {@link ColumnSelector#idColumn}, else the record number). */
    public Builder idColumn(String v) {
      idColumn = v;
      return this;
    }

    /** The column holding the {@code ;}-joined themes (default {@code labels}). */
    public Builder labelsColumn(String v) {
      labelsColumn = v == null ? "labels" : v;
      return this;
    }

    /** A long-form {@code id,theme,polarity} file with the polarity codes (default: none). */
    public Builder polarityFile(Path v) {
      polarityFile = v;
      return this;
    }

    /** The options. */
    public Options build() {
      return new Options(this);
    }
  }

  /**
   * Reads the whole file (training sets fit in memory) and, when the options name one, its polarity file (read by
   * {@link #readPolarityCodes}).
   *
   * @throws CodedDataException naming the file and line if a record is malformed, the file has no record, a label
   *     or polarity is invalid, or an id repeats while a polarity file must be joined by id
   * @throws ColumnException if the text, id or labels column is missing or ambiguous (role {@code text},
   *     {@code id} or {@code labels})
   * @throws IllegalArgumentException if the file has a {@code polarity} column and a polarity file is named too, or
   *     a polarity file is named but the input has no id column
   * @throws IOException if a file cannot be read (a missing file, or one that is not UTF-8)
   */
  public static CodedData read(Path file, Options options) throws IOException, CodedDataException, ColumnException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    FeedbackFormat fmt = options.format != null ? options.format
        : FeedbackFormat.fromFileName(file).orElse(FeedbackFormat.CSV);
    List<FeedbackRecord> records = new ArrayList<>();
    try (FeedbackReader reader = FeedbackReader.open(file, fmt)) {
      FeedbackRecord r;
      while ((r = reader.next()) != null) {
        if (r.isError()) {
          throw new CodedDataException(file, r.line(), r.error().orElse("unreadable record"));
        }
        records.add(r);
      }
    }
    if (records.isEmpty()) {
      throw new CodedDataException(file, 0, "no records");
    }
    List<String> columns = records.get(0).columns();
    String text = ColumnSelector.textColumn(columns, records.subList(0, Math.min(200, records.size())), options.textColumn);
    String id = ColumnSelector.idColumn(columns, options.idColumn).orElse(null);
    String labelsColumn = options.labelsColumn;
    if (!columns.contains(labelsColumn)) {
      throw new ColumnException("labels", "no '" + labelsColumn + "' column with the coded themes", columns);
    }
    boolean hasPolarity = columns.contains("polarity") && !labelsColumn.equals("polarity");
    Path polarityFile = options.polarityFile;
    if (polarityFile != null && hasPolarity) {
      throw new IllegalArgumentException(file + " has a 'polarity' column and a polarity file is named too: give one "
          + "source of polarity codes");
    }
    if (polarityFile != null && id == null) {
      throw new IllegalArgumentException(file + ": polarity codes are joined by comment id, but the input has no id "
          + "column (name it)");
    }
    List<LabelledComment> out = new ArrayList<>(records.size());
    List<Map<String, Polarity>> pols = new ArrayList<>(records.size());
    for (FeedbackRecord r : records) {
      String rid = id == null ? Long.toString(r.number()) : r.get(id).orElse("");
      List<String> labels = new ArrayList<>(LabelSets.parse(r.get(labelsColumn).orElse("")));
      try {
        out.add(new LabelledComment(rid, r.get(text).orElse(""), labels));
      } catch (IllegalArgumentException e) {
        throw new CodedDataException(file, r.line(), e.getMessage());
      }
      pols.add(hasPolarity ? polarityColumn(file, r, r.get("polarity").orElse("")) : Map.of());
    }
    int skipped = 0;
    if (polarityFile != null) {
      List<Map<String, Polarity>> joined = new ArrayList<>(out.size());
      Map<String, Integer> byId = new HashMap<>();
      for (int i = 0; i < out.size(); i++) {
        joined.add(new HashMap<>());
        if (byId.put(out.get(i).id(), i) != null) {
          throw new CodedDataException(file, 0, "id '" + out.get(i).id() + "' occurs twice; joining polarity codes "
              + "by id needs unique ids");
        }
      }
      PolarityCodes codes = readPolarityCodes(polarityFile);
      skipped = codes.withoutValue();
      for (PolarityCode c : codes.codes()) {
        Integer doc = byId.get(c.id());
        if (doc == null) {
          skipped++;
        } else if (joined.get(doc).put(c.theme(), c.polarity()) != null) {
          throw new CodedDataException(polarityFile, c.line(), "a second polarity for id '" + c.id() + "' and theme '"
              + c.theme() + "'");
        }
      }
      pols = joined;
    }
    return new CodedData(out, pols, text, skipped);
  }

  static Map<String, Polarity> polarityColumn(Path file, FeedbackRecord r, String field) throws CodedDataException {
    Map<String, Polarity> m = new HashMap<>();
    for (String part : field.split(";")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.lastIndexOf(':');
      if (colon <= 0) {
        throw new CodedDataException(file, r.line(), "polarity must be theme:polarity pairs joined by ';', got '" + p + "'");
      }
      try {
        m.put(p.substring(0, colon).strip(), Polarity.parse(p.substring(colon + 1).toLowerCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new CodedDataException(file, r.line(), e.getMessage());
      }
    }
    return m;
  }

  /**
   * One coded row of a long-form polarity file.
   *
   * @param id the comment id
   * @param theme the theme id (not blank)
   * @param polarity the coded polarity
   * @param line the 1-based line of the row in its file, for messages
   */
  public record PolarityCode(String id, String theme, Polarity polarity, long line) {

    /** @throws NullPointerException if an argument is null */
    public PolarityCode {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(theme, "theme");
      Objects.requireNonNull(polarity, "polarity");
    }
  }

  /**
   * What {@link #readPolarityCodes} read.
   *
   * @param codes the rows with a value, in file order
   * @param withoutValue rows skipped because their polarity was empty
   */
  public record PolarityCodes(List<PolarityCode> codes, int withoutValue) {

    /** Copies {@code codes}. */
    public PolarityCodes {
      codes = List.copyOf(codes);
    }
  }

  private static final CSVFormat CODES_FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  /**
   * Reads a long-form polarity file: a header naming {@code id}, {@code theme} and {@code polarity} (other columns
   * are ignored), one (comment, theme) pair per row. A value is a polarity name in any case ({@code positive},
   * {@code negative}, {@code neutral}, {@code mixed}) or a signed number whose sign counts (a criticality score:
   * below 0 negative, 0 neutral, above 0 positive); rows with an empty value are skipped and counted.
   *
   * <pre>{@code
   * PolarityCodes c = CodedData.readPolarityCodes(Path.of("train_polarity.csv"));
   * c.codes().get(0).polarity();
   * }</pre>
   *
   * @throws CodedDataException naming the file and line if the file is missing, not UTF-8, malformed, lacks a
   *     column, or has an empty theme or a value that is neither a polarity nor a number
   * @throws IOException if reading fails
   */
  public static PolarityCodes readPolarityCodes(Path file) throws IOException, CodedDataException {
    Objects.requireNonNull(file, "file");
    List<PolarityCode> out = new ArrayList<>();
    int[] empty = {0};
    readCsv(file, (rec, line) -> {
      String id = field(rec, "id", file, line);
      String value = field(rec, "polarity", file, line).strip();
      String theme = field(rec, "theme", file, line).strip();
      if (theme.isEmpty()) {
        throw new CodedDataException(file, line, "a non-empty theme");
      }
      if (value.isEmpty()) {
        empty[0]++;
        return;
      }
      out.add(new PolarityCode(id, theme, anyPolarity(value, file, line), line));
    });
    return new PolarityCodes(out, empty[0]);
  }

  private static Polarity anyPolarity(String value, Path file, long line) throws CodedDataException {
    try {
      return Polarity.parse(value);
    } catch (IllegalArgumentException notAName) {
      try {
        double score = Double.parseDouble(value);
        if (Double.isFinite(score)) {
          return score < 0 ? Polarity.NEGATIVE : score == 0 ? Polarity.NEUTRAL : Polarity.POSITIVE;
        }
      } catch (NumberFormatException notANumber) {
        // reported below
      }
      throw new CodedDataException(file, line,
          "polarity must be positive, negative, neutral, mixed or a signed number: '" + value + "'");
    }
  }

  private static String field(CSVRecord rec, String name, Path file, long line) throws CodedDataException {
    if (!rec.isMapped(name)) {
      throw new CodedDataException(file, 1, "a header with column '" + name + "'");
    }
    if (!rec.isSet(name)) {
      throw new CodedDataException(file, line, "a value in column '" + name + "'");
    }
    return rec.get(name);
  }

  @FunctionalInterface
  private interface CsvRowHandler {
    void row(CSVRecord rec, long line) throws CodedDataException;
  }

  /** Reads a UTF-8 CSV file with a header row, row by row, with each row's 1-based line. */
  private static void readCsv(Path file, CsvRowHandler handler) throws IOException, CodedDataException {
    Reader reader;
    try {
      reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    } catch (NoSuchFileException e) {
      throw new CodedDataException(file, 0, "an existing file");
    }
    try (CSVParser parser = CSVParser.parse(reader, CODES_FORMAT)) {
      long line = 2;
      for (CSVRecord rec : parser) {
        handler.row(rec, line);
        line = parser.getCurrentLineNumber() + 1;
      }
    } catch (CharacterCodingException e) {
      throw new CodedDataException(file, 0, "UTF-8 text");
    } catch (UncheckedIOException e) {
      throw new CodedDataException(file, 0, "well-formed CSV (" + e.getCause().getClass().getSimpleName() + ")");
    }
  }
}
