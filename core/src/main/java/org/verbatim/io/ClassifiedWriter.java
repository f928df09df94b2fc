package org.verbatim.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes classified rows: every input column or field, unchanged and in order, followed by the added columns
 * of {@link OutputColumns}.
 *
 * <pre>{@code
 * try (ClassifiedWriter out = ClassifiedWriter.csv(writer, reader.header(), OutputColumns.withPrefix(""), false)) {
 *   out.write(ClassifiedRow.of(record, text, classifier.classify(text)));
 * }
 * }</pre>
 *
 * <p>CSV (RFC 4180, {@code \n} line ends, quoted where needed) adds text columns:
 * <ul>
 *   <li>{@code themes}: theme ids joined by {@code ;}, highest score first, e.g. {@code listening;respect};
 *   <li>{@code scores}: {@code listening:0.83;respect:0.61} (two or three decimals);
 *   <li>{@code polarity}: {@code listening:negative;respect:positive};
 *   <li>{@code evidence}: {@code listening:4-23,30-41;respect:50-57}, character offsets {@code [start, end)}
 *       into the text value (themes without evidence are left out);
 *   <li>{@code evidence_text}: the words of those spans, {@code listening: never listened | ignored me; respect:
 *       always polite} (spans joined by {@code " | "}, themes by {@code "; "}; a backslash, {@code |} and
 *       {@code ;} in the words, and {@code :} in a theme id, are escaped by a backslash);
 *   <li>{@code error}: empty, or why the row has no themes.
 * </ul>
 * JSON Lines adds {@code themes} (array of ids), {@code scores} (object id to number), {@code polarity} (object
 * id to string), {@code evidence} (object id to an array of {@code {start, end, text}}) and {@code error}
 * (null or a string); an input line that was not a JSON object is written as an object with only the added
 * fields and {@code line}.
 *
 * <p>Not thread-safe: write from one thread, in the order rows should appear. Closing flushes and closes the
 * underlying writer.
 */
public interface ClassifiedWriter extends Closeable, java.io.Flushable {

  /**
   * Writes every row written so far to the underlying stream and flushes it, so the rows written end there: what
   * a checkpoint of a resumable run needs.
   *
   * @throws IOException if writing fails
   */
  @Override
  void flush() throws IOException;

  /**
   * Writes one row.
   *
   * @throws ColumnClashException if the record has a column named like an added column
   * @throws IOException if writing fails
   */
  void write(ClassifiedRow row) throws IOException;

  /**
   * Writes every row of a batch in order; each must have a result ({@link RecordBatch#classified} or
   * {@link RecordBatch#failed}). A CSV writer copies the fields of a batch read from a CSV file with its header
   * as bytes, without building a record per row.
   *
   * @throws IllegalStateException if a row has no result
   * @throws ColumnClashException if a record has a column named like an added column
   * @throws IOException if writing fails
   */
  default void write(RecordBatch batch) throws IOException {
    for (int i = 0; i < batch.size(); i++) {
      write(batch.row(i));
    }
  }

  /**
   * A writer for the given format.
   *
   * @param header the CSV header to keep (ignored for JSON Lines)
   * @param byteOrderMark whether a CSV file starts with a UTF-8 byte order mark (ignored for JSON Lines)
   * @throws ColumnClashException if the CSV header has a column named like an added column
   * @throws IOException if writing the header fails
   */
  static ClassifiedWriter open(
      FeedbackFormat format, Writer out, List<String> header, OutputColumns columns, boolean byteOrderMark)
      throws IOException {
    Objects.requireNonNull(format, "format");
    if (format == FeedbackFormat.XLSX) {
      throw new IllegalArgumentException("a spreadsheet is bytes: use open(format, OutputStream, ...)");
    }
    return format == FeedbackFormat.CSV ? csv(out, header, columns, byteOrderMark) : jsonl(out, columns);
  }

  /**
   * A writer for the given format into a byte stream (UTF-8), the fast way for large files.
   *
   * @param header the CSV header to keep (ignored for JSON Lines)
   * @param byteOrderMark whether a CSV file starts with a UTF-8 byte order mark (ignored for JSON Lines)
   * @throws ColumnClashException if the CSV header has a column named like an added column
   * @throws IOException if writing the header fails
   */
  static ClassifiedWriter open(
      FeedbackFormat format, OutputStream out, List<String> header, OutputColumns columns, boolean byteOrderMark)
      throws IOException {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(out, "out");
    return open(format, out, header, columns, new WriteOptions(',', byteOrderMark, Layout.WIDE, List.of()));
  }

  /**
   * A writer for the given format, layout and CSV delimiter into a byte stream (UTF-8). The {@link Layout#WIDE}
   * CSV and JSON Lines writers are those of {@link #open(FeedbackFormat, OutputStream, List, OutputColumns,
   * boolean)}; the other layouts and {@code .xlsx} write the cells described on {@link Layout} (a spreadsheet:
   * one sheet named {@code classified}, streamed; at most 1,048,576 rows).
   *
   * @param header the columns to keep (CSV and spreadsheet input; empty for JSON Lines input)
   * @throws ColumnClashException if the header has a column named like an added column
   * @throws IOException if writing the header fails
   */
  static ClassifiedWriter open(
      FeedbackFormat format, OutputStream out, List<String> header, OutputColumns columns, WriteOptions options)
      throws IOException {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    if (options.layout() == Layout.WIDE && format == FeedbackFormat.CSV) {
      return CsvClassifiedWriter.bytes(out, header, columns, options.byteOrderMark(), options.delimiter());
    }
    if (options.layout() == Layout.WIDE && format == FeedbackFormat.JSONL) {
      return new JsonlClassifiedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), columns);
    }
    TableWriter.Sink sink = switch (format) {
      case CSV -> new TableWriter.CsvSink(out, options.delimiter(), options.byteOrderMark());
      case JSONL -> new TableWriter.JsonSink(out);
      case XLSX -> new TableWriter.XlsxSink(out);
    };
    return new TableWriter(sink, format == FeedbackFormat.JSONL ? List.of() : header, columns, options);
  }

  /**
   * A CSV writer; writes the header at once. Rows from a JSON Lines file are written by column name.
   *
   * @throws ColumnClashException if {@code header} has a column named like an added column
   * @throws IOException if writing the header fails
   */
  static ClassifiedWriter csv(Writer out, List<String> header, OutputColumns columns, boolean byteOrderMark)
      throws IOException {
    return CsvClassifiedWriter.chars(out, header, columns, byteOrderMark);
  }

  /** A JSON Lines writer. */
  static ClassifiedWriter jsonl(Writer out, OutputColumns columns) throws IOException {
    return new JsonlClassifiedWriter(out, columns);
  }
}
