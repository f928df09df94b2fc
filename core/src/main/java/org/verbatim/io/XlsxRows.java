package org.verbatim.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The rows of one sheet of an {@code .xlsx} workbook as text, streamed (fastexcel-reader: the sheet's XML is read
 * as it goes; a workbook's shared-string table, where Excel puts the text of cells, is read as far as the rows
 * need it). The first row is the header; empty rows are skipped.
 *
 * <p>Cell text: strings as they are; numbers in plain decimal ({@code 42}, {@code 0.5}); cells formatted as dates
 * as ISO dates ({@code 2026-01-07}, or {@code 2026-01-07T09:30} with a time); booleans {@code TRUE}/{@code FALSE};
 * formulas their cached value. Not thread-safe.
 */
final class XlsxRows implements Closeable {

  private final Path file;
  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;
  private final List<String> header;
  private int row;

  private XlsxRows(Path file, ReadableWorkbook workbook, Sheet sheet) throws IOException {
    this.file = file;
    this.workbook = workbook;
    this.stream = sheet.openStream();
    this.rows = stream.iterator();
    List<String> first = next();
    if (first == null) {
      throw new FeedbackFileException(file, 1, "sheet '" + sheet.getName()
          + "' is empty; expected a header row with column names");
    }
    while (!first.isEmpty() && first.get(first.size() - 1).isEmpty()) {
      first.remove(first.size() - 1);
    }
    this.header = List.copyOf(first);
  }

  /**
   * Opens a workbook's sheet ({@code sheet} by name, or the first when null) and reads its header.
   *
   * @throws FeedbackFileException if the file is not an .xlsx workbook, has no such sheet or the sheet is empty
   * @throws IOException if the file cannot be read
   */
  static XlsxRows open(Path file, String sheet) throws IOException {
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(8);
    }
    if (ReadableWorkbook.isOLE2Header(start)) {
      throw new FeedbackFileException(file, 0, "is an Excel 97-2003 .xls workbook; save it as .xlsx (or CSV) first");
    }
    if (!ReadableWorkbook.isOOXMLZipHeader(start)) {
      throw new FeedbackFileException(file, 0, "is not an .xlsx workbook (no zip header); expected a file saved by a"
          + " spreadsheet as .xlsx");
    }
    ReadableWorkbook workbook;
    try {
      workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
    } catch (ExcelReaderException formats) {
      // Cell formats live in the styles part, which a workbook written by a program rather than a spreadsheet
      // may leave out (fastexcel then fails with "null not found"); with no styles there are no formats to read.
      try {
        workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
      } catch (ExcelReaderException | IOException | UncheckedIOException e) {
        e.addSuppressed(formats);
        throw unreadable(file, e);
      }
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(file, e);
    }
    try {
      Sheet chosen;
      if (sheet == null) {
        chosen = workbook.getFirstSheet();
      } else {
        chosen = workbook.findSheet(sheet).orElse(null);
        if (chosen == null) {
          String names = workbook.getSheets().map(s -> "'" + s.getName() + "'").collect(Collectors.joining(", "));
          throw new FeedbackFileException(file, 0, "has no sheet named '" + sheet + "'; its sheets are " + names);
        }
      }
      return new XlsxRows(file, workbook, chosen);
    } catch (IOException | RuntimeException e) {
      try {
        workbook.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof ExcelReaderException || e instanceof UncheckedIOException) {
        throw new FeedbackFileException(file, 0, "cannot be read as an .xlsx workbook ("
            + e.getClass().getSimpleName() + ")", e);
      }
      throw e;
    }
  }

  private static FeedbackFileException unreadable(Path file, Exception e) {
    String detail = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new FeedbackFileException(file, 0, "cannot be read as an .xlsx workbook (" + detail
        + "); expected a file saved by a spreadsheet as .xlsx", e);
  }

  /** The header row's cells (trailing empty cells left out). */
  List<String> header() {
    return header;
  }

  /** The 1-based sheet row of the row last returned. */
  long row() {
    return row;
  }

  /** Always 0: a zip's bytes do not tell how far through the sheet the reading is. */
  long bytesRead() {
    return 0;
  }

  /** The next non-empty row's cells (a new, modifiable list), or null after the last. */
  List<String> next() throws IOException {
    try {
      while (rows.hasNext()) {
        Row r = rows.next();
        int n = r.getCellCount();
        List<String> values = new ArrayList<>(Math.max(n, header == null ? n : header.size()));
        boolean any = false;
        for (int i = 0; i < n; i++) {
          String v = text(r.getCell(i));
          any |= !v.isEmpty();
          values.add(v);
        }
        if (any) {
          row = r.getRowNum();
          while (header != null && values.size() > header.size() && values.get(values.size() - 1).isEmpty()) {
            values.remove(values.size() - 1);
          }
          return values;
        }
      }
      return null;
    } catch (ExcelReaderException | UncheckedIOException e) {
      throw new FeedbackFileException(file, row + 1L, "cannot be read as an .xlsx sheet ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static String text(Cell c) {
    if (c == null) {
      return "";
    }
    switch (c.getType()) {
      case EMPTY:
        return "";
      case NUMBER:
        if (isDate(c)) {
          LocalDateTime t = c.asDate();
          return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        BigDecimal d = c.asNumber();
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
      case BOOLEAN:
        return Boolean.TRUE.equals(c.asBoolean()) ? "TRUE" : "FALSE";
      default:
        String raw = c.getRawValue();
        return raw == null ? "" : unescape(raw);
    }
  }

  /**
   * Turns the OOXML escapes of characters XML cannot hold ({@code _x000B_}, ...: control characters, U+FFFE,
   * U+FFFF) back into the characters; the reader leaves them in inline strings. Other {@code _xHHHH_} text stays
   * as it is (a literal {@code _x000B_} typed into a cell would come back as the character: a rare trade).
   */
  static String unescape(String s) {
    int i = s.indexOf("_x");
    if (i < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int from = 0;
    while (i >= 0) {
      if (i + 7 <= s.length() && s.charAt(i + 6) == '_') {
        int v = 0;
        boolean hex = true;
        for (int k = i + 2; k < i + 6 && hex; k++) {
          int d = Character.digit(s.charAt(k), 16);
          hex = d >= 0;
          v = v * 16 + d;
        }
        if (hex && TableWriter.XlsxSink.invalid((char) v)) {
          sb.append(s, from, i).append((char) v);
          from = i + 7;
          i = s.indexOf("_x", from);
          continue;
        }
      }
      i = s.indexOf("_x", i + 1);
    }
    return sb.append(s, from, s.length()).toString();
  }

  /** Whether a number cell is formatted as a date or time (built-in formats 14-22, 45-47, or a custom date format). */
  private static boolean isDate(Cell c) {
    Integer id = c.getDataFormatId();
    if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
      return true;
    }
    String f = c.getDataFormatString();
    if (f == null) {
      return false;
    }
    String plain = f.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").toLowerCase(Locale.ROOT);
    if (plain.equals("general")) {
      return false;
    }
    return plain.matches(".*[ymdhs].*") && !plain.matches(".*[0#?].*");
  }

  @Override
  public void close() throws IOException {
    try {
      stream.close();
    } finally {
      workbook.close();
    }
  }
}
