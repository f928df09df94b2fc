package org.verbatim.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Classification;

/**
 * CSV form of {@link ClassifiedWriter}: RFC 4180 with {@code \n} record ends, quoted where needed (see
 * {@link CsvRow}), built as UTF-8 bytes in one reused buffer. Rows of a {@link RecordBatch} from a CSV file with
 * this header are copied field by field from their bytes. Not thread-safe.
 */
final class CsvClassifiedWriter implements ClassifiedWriter {

  /** Buffered bytes written out at once. */
  private static final int FLUSH = 64 * 1024;

  private final OutputStream out;
  private final Writer chars;
  private final List<String> header;
  private final Formats formats = new Formats();
  private final CsvRow row;

  /** Writes bytes to {@code out}, or (when {@code out} is null) text to {@code chars}. */
  private CsvClassifiedWriter(OutputStream out, Writer chars, List<String> header, OutputColumns columns,
      boolean byteOrderMark, char delimiter) throws IOException {
    this.row = new CsvRow(delimiter);
    this.out = out;
    this.chars = chars;
    Objects.requireNonNull(columns, "columns");
    this.header = List.copyOf(header);
    List<String> clashes = columns.clashes(this.header);
    if (!clashes.isEmpty()) {
      throw new ColumnClashException(0, clashes);
    }
    if (byteOrderMark) {
      row.preamble(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    for (String name : this.header) {
      row.add(name);
    }
    for (String name : columns.names()) {
      row.add(name);
    }
    row.end();
    flushRow();
  }

  static CsvClassifiedWriter bytes(OutputStream out, List<String> header, OutputColumns columns, boolean bom)
      throws IOException {
    return bytes(out, header, columns, bom, ',');
  }

  /** As {@link #bytes(OutputStream, List, OutputColumns, boolean)}, with another field delimiter. */
  static CsvClassifiedWriter bytes(OutputStream out, List<String> header, OutputColumns columns, boolean bom,
      char delimiter) throws IOException {
    return new CsvClassifiedWriter(Objects.requireNonNull(out, "out"), null, header, columns, bom, delimiter);
  }

  static CsvClassifiedWriter chars(Writer out, List<String> header, OutputColumns columns, boolean bom)
      throws IOException {
    return new CsvClassifiedWriter(null, Objects.requireNonNull(out, "out"), header, columns, bom, ',');
  }

  @Override
  public void write(ClassifiedRow r) throws IOException {
    Objects.requireNonNull(r, "r");
    FeedbackRecord record = r.record();
    if (record.json() == null && record.columns().equals(header)) {
      List<String> values = record.values();
      for (int i = 0; i < header.size(); i++) {
        row.add(i < values.size() ? values.get(i) : "");
      }
    } else {
      Map<String, String> byName = record.asMap();
      for (String column : header) {
        row.add(byName.getOrDefault(column, ""));
      }
    }
    formats.appendColumns(row, r.classification(), r.text(), r.error());
    row.end();
    if (row.length() >= FLUSH) {
      flushRow();
    }
  }

  @Override
  public void write(RecordBatch batch) throws IOException {
    Objects.requireNonNull(batch, "batch");
    if (batch.format() != FeedbackFormat.CSV || !batch.reader.header().equals(header)) {
      ClassifiedWriter.super.write(batch);
      return;
    }
    Fields f = batch.fields;
    byte[] bytes = f.bytes;
    int columns = header.size();
    for (int i = 0, n = batch.size(); i < n; i++) {
      Classification c = batch.classification(i);
      if (c == null) {
        throw new IllegalStateException("record " + batch.number(i) + " (line " + batch.line(i) + ") has no result yet");
      }
      int first = batch.firstField(i);
      int count = Math.min(columns, batch.fieldCount(i));
      for (int k = 0; k < count; k++) {
        int s = f.start(first + k);
        row.add(bytes, s, f.end(first + k) - s);
      }
      for (int k = count; k < columns; k++) {
        row.add(bytes, 0, 0);
      }
      formats.appendColumns(row, c, batch.text(i), batch.error(i));
      row.end();
      if (row.length() >= FLUSH) {
        flushRow();
      }
    }
  }

  private void flushRow() throws IOException {
    if (out != null) {
      row.writeTo(out);
    } else {
      chars.write(row.take());
    }
  }

  @Override
  public void flush() throws IOException {
    flushRow();
    if (out != null) {
      out.flush();
    } else {
      chars.flush();
    }
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      try (out) {
        flushRow();
        out.flush();
      }
    } else {
      try (chars) {
        flushRow();
        chars.flush();
      }
    }
  }
}
