package org.verbatim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Classification;
import org.verbatim.ThemeTag;
import org.verbatim.io.AtomicOutput;
import org.verbatim.io.ClassifiedColumns;
import org.verbatim.io.ClassifiedReader;
import org.verbatim.io.ColumnException;
import org.verbatim.io.ColumnSelector;
import org.verbatim.io.FeedbackFileException;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.io.OutputColumns;
import org.verbatim.io.RecordBatch;
import org.verbatim.io.ThemeResult;

/**
 * Builds a self-contained HTML report from classified rows in one streaming pass with bounded memory: feed rows
 * with {@link #accept(Map)} (the columns of a CSV row written by {@code verbatim classify}) or
 * {@link #accept(Map, List, String)} (input fields plus typed results), then {@link #write(Path)}.
 *
 * <pre>{@code
 * ReportOptions options = ReportOptions.builder().dateColumn("date").groupColumn("team").build();
 * ReportBuilder report = ReportBuilder.create(options);
 * ReportBuilder.readFile(Path.of("classified.csv"), report);   // or: for each row, report.accept(row)
 * report.write(Path.of("report.html"));
 * }</pre>
 *
 * <p>Memory stays bounded whatever the number of rows: counts per theme, day and group, plus at most
 * {@code quotes} sampled comments per theme and polarity (see {@link ReportOptions}).
 *
 * <p>Not thread-safe: feed it from one thread (or synchronise). Do not share one builder between two files.
 */
public final class ReportBuilder {

  private ReportOptions options;
  private final ClassifiedColumns classified;
  private final ReportStats stats;
  private String textColumn;
  private String idColumn;
  private boolean columnsChecked;

  private ReportBuilder(ReportOptions options) {
    this.options = options;
    this.classified = new ClassifiedColumns(options.columnPrefix());
    this.stats = new ReportStats(options.quotes(), options.seed());
    this.textColumn = options.textColumn();
    this.idColumn = options.idColumn();
  }

  /**
   * A builder with no rows yet.
   *
   * @throws NullPointerException if {@code options} is null
   */
  public static ReportBuilder create(ReportOptions options) {
    return new ReportBuilder(Objects.requireNonNull(options, "options"));
  }

  /** Records looked at to find the text column by its values when its name does not tell. */
  static final int SAMPLE_SIZE = 500;

  /**
   * Streams a classified CSV or JSONL file into {@code builder}, with {@link ClassifiedReader}.
   *
   * @throws ReportInputException naming the file and line (and the record or column) when it is missing or
   *     malformed, or a column is missing (the message lists the columns)
   */
  public static void readFile(Path input, ReportBuilder builder) throws ReportInputException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(builder, "builder");
    OutputColumns added = OutputColumns.withPrefix(builder.options().columnPrefix());
    try {
      if (!builder.columnsChecked) {
        checkColumns(input, added, builder);
      }
      try (ClassifiedReader reader = ClassifiedReader.open(input, added)) {
        for (ClassifiedReader.ClassifiedRecord r = reader.next(); r != null; r = reader.next()) {
          builder.accept(r.fields(), r.themes(), r.error());
        }
      }
    } catch (NoSuchFileException e) {
      throw new ReportInputException(input + ": file not found", e);
    } catch (FeedbackFileException e) {
      throw new ReportInputException(input + (e.line() > 0 ? ": line " + e.line() : "") + ": " + e.problem(), e);
    } catch (IllegalArgumentException e) {
      throw new ReportInputException(input + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ReportInputException(input + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the columns against the start of the file: the CSV header, or for JSON Lines every field of the first
   * {@value #SAMPLE_SIZE} rows (a row that was not a JSON object has none but its line); those rows also let the
   * text column be found by its values.
   */
  private static void checkColumns(Path input, OutputColumns added, ReportBuilder builder) throws IOException {
    List<FeedbackRecord> sample = new ArrayList<>();
    java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
    try (ClassifiedReader reader = ClassifiedReader.open(input, added)) {
      columns.addAll(reader.columns());
      for (ClassifiedReader.ClassifiedRecord r = reader.next(); r != null && sample.size() < SAMPLE_SIZE;
          r = reader.next()) {
        List<String> keys = List.copyOf(r.fields().keySet());
        if (reader.format() == FeedbackFormat.JSONL) {
          columns.addAll(keys);
        }
        sample.add(FeedbackRecord.of(r.line(), r.number(), keys, List.copyOf(r.fields().values())));
      }
    }
    builder.columns(columns, sample);
  }

  /** The options this builder was made with. */
  public ReportOptions options() {
    return options;
  }

  /**
   * Checks the columns of the input before the first row (called for you on the first row if you do not):
   * resolves the text column and checks that the text, date, group and id columns exist.
   *
   * @throws IllegalArgumentException listing the columns when a named column is missing or no text column can be
   *     found
   */
  public void columns(Collection<String> columns) {
    columns(columns, List.of());
  }

  /**
   * Checks the columns as {@link #columns(Collection)} does, finding the text column with
   * {@link ColumnSelector} (the same rules as {@code verbatim classify}): by name, else by looking at the values of
   * {@code sample}.
   *
   * @param columns the input columns (columns added by classify are left out of the search)
   * @param sample some records of the file, or none
   * @throws IllegalArgumentException listing the columns when a named column is missing or no text column can be
   *     found
   */
  public void columns(Collection<String> columns, List<FeedbackRecord> sample) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(sample, "sample");
    List<String> names = new ArrayList<>(columns);
    List<String> input = new ArrayList<>(names);
    input.removeAll(classified.names());
    String text;
    if (options.textColumn() != null) {
      if (!names.contains(options.textColumn())) {
        throw new IllegalArgumentException("text column '" + options.textColumn() + "' not found; columns: "
            + String.join(", ", names));
      }
      text = options.textColumn();
    } else {
      try {
        text = ColumnSelector.textColumn(input, sample, null);
      } catch (ColumnException e) {
        throw new IllegalArgumentException("no text column found: " + e.getMessage() + "; name it with --text-column",
            e);
      }
    }
    for (String[] c : new String[][] {
      {"date", options.dateColumn()}, {"group", options.groupColumn()}, {"id", options.idColumn()}
    }) {
      if (c[1] != null && !names.contains(c[1])) {
        throw new IllegalArgumentException(c[0] + " column '" + c[1] + "' not found; columns: "
            + String.join(", ", names));
      }
    }
    textColumn = text;
    if (idColumn == null) {
      try {
        idColumn = ColumnSelector.idColumn(input, null).orElse(null);
      } catch (ColumnException e) {
        throw new AssertionError("no column was requested", e);
      }
    }
    columnsChecked = true;
  }

  /**
   * Adds every row of a batch that a classify loop has just written (its columns were checked with
   * {@link #columns}, or are checked now against the batch's first record).
   *
   * @throws IllegalArgumentException listing the columns when a named column is missing
   * @throws IllegalStateException if a row has no result yet
   */
  public void accept(RecordBatch batch) {
    Objects.requireNonNull(batch, "batch");
    for (int i = 0, n = batch.size(); i < n; i++) {
      if (!columnsChecked) {
        columns(batch.record(i).columns());
      }
      Classification c = batch.classification(i);
      if (c == null) {
        throw new IllegalStateException("row " + batch.number(i) + " has no result yet");
      }
      List<ThemeResult> themes = new ArrayList<>(c.tags().size());
      for (ThemeTag tag : c.tags()) {
        themes.add(ThemeResult.of(tag));
      }
      String date = options.dateColumn() == null ? null : orEmpty(batch.value(i, options.dateColumn()));
      String group = options.groupColumn() == null ? null : orEmpty(batch.value(i, options.groupColumn()));
      String id = idColumn == null ? null : batch.value(i, idColumn);
      String error = batch.error(i);
      stats.add(batch.value(i, textColumn), date, group, id, themes, error == null || error.isBlank() ? null : error);
    }
  }

  /**
   * Sets the run summary shown in the report (e.g. once a classify run has written it).
   *
   * @param meta the summary, or null for none
   */
  public void meta(ReportMeta meta) {
    options = options.toBuilder().meta(meta).build();
  }

  /**
   * Adds one row as written to CSV by {@code verbatim classify}: the input columns plus {@code themes},
   * {@code scores}, {@code polarity}, {@code evidence} and {@code error} (with the configured prefix).
   *
   * @throws IllegalArgumentException naming the column when the themes column is missing or a classified value is
   *     malformed
   */
  public void accept(Map<String, String> row) {
    Objects.requireNonNull(row, "row");
    if (!columnsChecked) {
      columns(row.keySet());
    }
    List<ThemeResult> themes = classified.themes(row);
    add(row, themes, classified.error(row));
  }

  /**
   * Adds one row from its input fields (text, date, group, id columns, ...) and its typed results, e.g. straight
   * from the classify loop without formatting and re-parsing the classified columns.
   *
   * @param fields the input columns of the row
   * @param themes the themes assigned (empty for none)
   * @param error the classifier's error for this row, or null
   * @throws IllegalArgumentException listing the columns on the first row when a named column is missing
   */
  public void accept(Map<String, String> fields, List<ThemeResult> themes, String error) {
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(themes, "themes");
    if (!columnsChecked) {
      columns(fields.keySet());
    }
    add(fields, themes, error);
  }

  /**
   * Adds one row from its input fields and the classifier's result, straight from a classify loop.
   *
   * @param fields the input columns of the row
   * @param classification what the classifier returned for the row's text
   * @throws IllegalArgumentException listing the columns on the first row when a named column is missing
   */
  public void accept(Map<String, String> fields, Classification classification) {
    Objects.requireNonNull(classification, "classification");
    List<ThemeResult> themes = new ArrayList<>(classification.tags().size());
    for (ThemeTag tag : classification.tags()) {
      themes.add(ThemeResult.of(tag));
    }
    accept(fields, themes, null);
  }

  private void add(Map<String, String> row, List<ThemeResult> themes, String error) {
    String date = options.dateColumn() == null ? null : orEmpty(row.get(options.dateColumn()));
    String group = options.groupColumn() == null ? null : orEmpty(row.get(options.groupColumn()));
    String id = idColumn == null ? null : row.get(idColumn);
    stats.add(row.get(textColumn), date, group, id, themes, error == null || error.isBlank() ? null : error);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Rows added so far. */
  public long rows() {
    return stats.rows();
  }

  /** The text column in use (given or detected), or null before the first row. */
  public String textColumn() {
    return textColumn;
  }

  /** The report as one HTML document. */
  public String html() {
    return new HtmlReport(options, stats, textColumn, Clock.systemUTC()).render();
  }

  /** The counts gathered so far (for tests and the classify command's summary). */
  ReportStats stats() {
    return stats;
  }

  /**
   * Writes the report to {@code output} atomically: to a temporary file in the same folder, then renamed over
   * {@code output}, so a reader never sees a half-written report.
   *
   * @throws IOException naming the file when it cannot be written
   */
  public void write(Path output) throws IOException {
    Objects.requireNonNull(output, "output");
    Path dir = output.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IOException(output + ": folder does not exist: " + dir);
    }
    try {
      // the report quotes comments: owner only, as before
      AtomicOutput.write(output, html().getBytes(StandardCharsets.UTF_8), AtomicOutput.Access.OWNER_ONLY);
    } catch (IOException e) {
      throw new IOException(output + ": cannot write report: " + e.getMessage(), e);
    }
  }
}
