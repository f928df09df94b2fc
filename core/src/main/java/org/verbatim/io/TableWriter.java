package org.verbatim.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeTag;

/**
 * The {@link Layout#LONG} and {@link Layout#ONEHOT} layouts in every format, and every layout as {@code .xlsx}:
 * each classified row becomes one or more rows of cells (input columns first, then the layout's), written to a
 * CSV, JSON Lines or spreadsheet sink. Not thread-safe.
 */
final class TableWriter implements ClassifiedWriter {

  /** Excel's most rows on a sheet. */
  static final int XLSX_MAX_ROWS = 1_048_576;

  private final Sink sink;
  private final List<String> header;
  private final Layout layout;
  private final OutputColumns columns;
  private final List<String> themes;
  private final List<String> added;
  private final Formats formats = new Formats();
  private List<String> checked;

  TableWriter(Sink sink, List<String> header, OutputColumns columns, WriteOptions options) throws IOException {
    this.sink = sink;
    this.header = List.copyOf(header);
    this.layout = options.layout();
    this.columns = columns;
    this.themes = options.themes();
    this.added = addedColumns(layout, columns, themes);
    checkClashes(0, this.header);
    List<String> names = new ArrayList<>(this.header);
    names.addAll(added);
    sink.header(names);
  }

  /** The columns a layout adds. */
  static List<String> addedColumns(Layout layout, OutputColumns columns, List<String> themes) {
    String p = columns.prefix();
    return switch (layout) {
      case WIDE -> columns.names();
      case LONG -> List.of(p + "theme", p + "score", p + "polarity", p + "evidence", p + "evidence_offsets",
          columns.error());
      case ONEHOT -> {
        List<String> names = new ArrayList<>();
        for (String t : themes) {
          names.add(p + t);
        }
        for (String t : themes) {
          names.add(p + t + "_polarity");
        }
        names.add(columns.evidence());
        names.add(columns.error());
        yield List.copyOf(names);
      }
    };
  }

  private void checkClashes(long line, List<String> keys) throws ColumnClashException {
    if (keys.equals(checked)) {
      return;
    }
    Set<String> clash = new LinkedHashSet<>(keys);
    clash.retainAll(added);
    if (!clash.isEmpty()) {
      throw new ColumnClashException(line, List.copyOf(clash));
    }
    checked = keys;
  }

  @Override
  public void write(ClassifiedRow r) throws IOException {
    Objects.requireNonNull(r, "r");
    FeedbackRecord record = r.record();
    List<String> names;
    List<Object> values = new ArrayList<>();
    if (record.json() != null || (header.isEmpty() && !record.columns().isEmpty())) {
      checkClashes(record.line(), record.columns());
      names = new ArrayList<>(record.columns());
      values.addAll(record.values());
    } else if (record.columns().equals(header)) {
      names = new ArrayList<>(header);
      List<String> v = record.values();
      for (int i = 0; i < header.size(); i++) {
        values.add(i < v.size() ? v.get(i) : "");
      }
    } else {
      names = new ArrayList<>(header);
      Map<String, String> byName = record.asMap();
      for (String column : header) {
        values.add(byName.getOrDefault(column, ""));
      }
      if (header.isEmpty()) {
        names.add(columns.line());
        values.add(record.line());
      }
    }
    names.addAll(added);
    int base = values.size();
    Classification c = r.classification();
    String error = r.error() == null ? "" : r.error();
    String text = r.text();
    switch (layout) {
      case WIDE -> {
        values.add(formats.themes(c));
        values.add(formats.scores(c));
        values.add(formats.polarities(c));
        values.add(formats.evidence(c));
        values.add(formats.evidenceText(c, text));
        values.add(error);
        sink.row(names, values);
      }
      case LONG -> {
        if (c.tags().isEmpty()) {
          values.add("");
          values.add("");
          values.add("");
          values.add("");
          values.add("");
          values.add(error);
          sink.row(names, values);
          return;
        }
        for (ThemeTag t : c.tags()) {
          List<Object> row = new ArrayList<>(values.subList(0, base));
          row.add(t.themeId());
          row.add(new BigDecimal(formats.score(t.score())));
          row.add(t.polarity().id());
          row.add(Formats.words(t, text));
          row.add(offsets(t));
          row.add(error);
          sink.row(names, row);
        }
      }
      case ONEHOT -> {
        for (String theme : themes) {
          values.add(tag(c, theme) == null ? 0 : 1);
        }
        for (String theme : themes) {
          ThemeTag t = tag(c, theme);
          values.add(t == null ? "" : t.polarity().id());
        }
        values.add(formats.evidenceText(c, text));
        values.add(error);
        sink.row(names, values);
      }
      default -> throw new IllegalStateException(layout.toString());
    }
  }

  private static ThemeTag tag(Classification c, String theme) {
    for (ThemeTag t : c.tags()) {
      if (t.themeId().equals(theme)) {
        return t;
      }
    }
    return null;
  }

  private static String offsets(ThemeTag t) {
    StringBuilder sb = new StringBuilder();
    for (Evidence e : t.evidence()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(e.start()).append('-').append(e.end());
    }
    return sb.toString();
  }

  @Override
  public void flush() throws IOException {
    sink.flush();
  }

  @Override
  public void close() throws IOException {
    sink.close();
  }

  /** Where rows go. */
  interface Sink {
    /** The column names of a file with a header row (CSV, spreadsheet); ignored by JSON Lines. */
    void header(List<String> names) throws IOException;

    /** One row: names (used by JSON Lines) and values (String, Integer, Long or BigDecimal). */
    void row(List<String> names, List<Object> values) throws IOException;

    /** Writes the rows so far to the stream (a spreadsheet, which cannot be continued, writes them at the end). */
    default void flush() throws IOException {}

    void close() throws IOException;
  }

  /** CSV through {@link CsvRow}. */
  static final class CsvSink implements Sink {
    private final OutputStream out;
    private final CsvRow row;

    CsvSink(OutputStream out, char delimiter, boolean byteOrderMark) {
      this.out = Objects.requireNonNull(out, "out");
      this.row = new CsvRow(delimiter);
      if (byteOrderMark) {
        row.preamble(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
    }

    @Override
    public void header(List<String> names) throws IOException {
      for (String n : names) {
        row.add(n);
      }
      row.end();
    }

    @Override
    public void row(List<String> names, List<Object> values) throws IOException {
      for (Object v : values) {
        row.add(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
      }
      row.end();
      if (row.length() >= 64 * 1024) {
        row.writeTo(out);
      }
    }

    @Override
    public void flush() throws IOException {
      row.writeTo(out);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      try (out) {
        row.writeTo(out);
        out.flush();
      }
    }
  }

  /** JSON Lines: an object per row, numbers as numbers. */
  static final class JsonSink implements Sink {
    private final OutputStreamWriter out;
    private final JsonGenerator gen;

    JsonSink(OutputStream out) throws IOException {
      this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      this.gen = JsonMapper.builder().build().getFactory().createGenerator(this.out);
      gen.setRootValueSeparator(null);
      gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void header(List<String> names) {}

    @Override
    public void flush() throws IOException {
      gen.flush();
      out.flush();
    }

    @Override
    public void row(List<String> names, List<Object> values) throws IOException {
      gen.writeStartObject();
      for (int i = 0; i < values.size(); i++) {
        gen.writeFieldName(names.get(i));
        Object v = values.get(i);
        if (v instanceof BigDecimal d) {
          gen.writeNumber(d);
        } else if (v instanceof Integer n) {
          gen.writeNumber(n);
        } else if (v instanceof Long n) {
          gen.writeNumber(n);
        } else {
          gen.writeString(String.valueOf(v));
        }
      }
      gen.writeEndObject();
      gen.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
      try {
        gen.close();
      } finally {
        out.close();
      }
    }
  }

  /**
   * An {@code .xlsx} workbook with one sheet, streamed (fastexcel: text as inline strings, so no table of every
   * string is kept; rows flushed every 1,000).
   */
  static final class XlsxSink implements Sink {
    private final OutputStream out;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int r;

    XlsxSink(OutputStream out) {
      this.out = Objects.requireNonNull(out, "out");
      this.workbook = new Workbook(out, "Verbatim", "1.0");
      this.sheet = workbook.newWorksheet("classified");
    }

    @Override
    public void header(List<String> names) throws IOException {
      write(names);
    }

    @Override
    public void row(List<String> names, List<Object> values) throws IOException {
      write(values);
    }

    private void write(List<?> values) throws IOException {
      if (r >= XLSX_MAX_ROWS) {
        throw new IOException("more than " + XLSX_MAX_ROWS + " rows, the most a spreadsheet sheet holds; write CSV"
            + " or JSON Lines instead");
      }
      for (int c = 0; c < values.size(); c++) {
        Object v = values.get(c);
        if (v instanceof String s) {
          if (!s.isEmpty()) {
            sheet.inlineString(r, c, escape(s));
          }
        } else if (v instanceof Number n) {
          sheet.value(r, c, n);
        } else if (v != null) {
          sheet.inlineString(r, c, v.toString());
        }
      }
      r++;
      if (r % 1000 == 0) {
        sheet.flush();
      }
    }

    /**
     * The text with the characters XML 1.0 cannot hold (control characters other than tab and line breaks,
     * U+FFFE, U+FFFF) written as OOXML's {@code _xHHHH_} escapes, which spreadsheets turn back into the character
     * (and {@link XlsxRows} too): without this the writer would drop such characters and shift the evidence
     * offsets after them.
     */
    static String escape(String s) {
      int n = s.length();
      int i = 0;
      while (i < n && !invalid(s.charAt(i))) {
        i++;
      }
      if (i == n) {
        return s;
      }
      StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (invalid(c)) {
          sb.append(String.format(java.util.Locale.ROOT, "_x%04X_", (int) c));
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }

    /** A character XML 1.0 cannot hold. */
    static boolean invalid(char c) {
      return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
    }

    @Override
    public void close() throws IOException {
      try (out) {
        sheet.finish();
        workbook.finish();
        out.flush();
      }
    }
  }
}
