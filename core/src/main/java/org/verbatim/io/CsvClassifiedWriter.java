package org.verbatim.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CSV form of {@link ClassifiedWriter}: RFC 4180 with {@code \n} record ends, quoted where needed (see
 * {@link CsvRow}). Not thread-safe.
 */
final class CsvClassifiedWriter implements ClassifiedWriter {

  private final Writer out;
  private final List<String> header;
  private final Formats formats = new Formats();
  private final CsvRow row = new CsvRow();

  CsvClassifiedWriter(Writer out, List<String> header, OutputColumns columns, boolean byteOrderMark)
      throws IOException {
    this.out = Objects.requireNonNull(out, "out");
    Objects.requireNonNull(columns, "columns");
    this.header = List.copyOf(header);
    List<String> clashes = columns.clashes(this.header);
    if (!clashes.isEmpty()) {
      throw new ColumnClashException(0, clashes);
    }
    if (byteOrderMark) {
      out.write('\uFEFF');
    }
    List<String> all = new ArrayList<>(this.header);
    all.addAll(columns.names());
    for (String name : all) {
      row.add(name);
    }
    row.end(out);
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
    row.add(formats.themes(r.classification()));
    row.add(formats.scores(r.classification()));
    row.add(formats.polarities(r.classification()));
    row.add(formats.evidence(r.classification()));
    row.add(r.error() == null ? "" : r.error());
    row.end(out);
  }

  @Override
  public void close() throws IOException {
    try (out) {
      out.flush();
    }
  }
}
