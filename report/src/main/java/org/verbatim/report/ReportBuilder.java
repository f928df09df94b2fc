package org.verbatim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Classification;
import org.verbatim.ThemeTag;
import org.verbatim.io.AtomicOutput;

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

  private final ReportOptions options;
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

  /**
   * Streams a classified CSV or JSONL file into {@code builder}.
   *
   * @throws ReportInputException naming the file and record when it is missing or malformed, or a column is
   *     missing (the message lists the columns)
   */
  public static void readFile(Path input, ReportBuilder builder) throws ReportInputException {
    ClassifiedFileReader.read(input, builder);
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
    Objects.requireNonNull(columns, "columns");
    List<String> names = new ArrayList<>(columns);
    String text = TextColumns.resolve(names, options.textColumn());
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
      idColumn = TextColumns.idColumn(names);
    }
    columnsChecked = true;
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
    Path target = output.toAbsolutePath();
    Path dir = target.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IOException(output + ": folder does not exist: " + dir);
    }
    String html = html();
    try (AtomicOutput out = AtomicOutput.create(target)) {
      // the report quotes comments: readable by its owner only, as the temporary files it replaces were
      if (Files.getFileStore(out.tempFile()).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(out.tempFile(), PosixFilePermissions.fromString("rw-------"));
      }
      out.stream().write(html.getBytes(StandardCharsets.UTF_8));
      out.commit();
    } catch (IOException e) {
      throw new IOException(output + ": cannot write report: " + e.getMessage(), e);
    }
  }
}
