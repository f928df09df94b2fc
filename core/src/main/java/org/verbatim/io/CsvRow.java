package org.verbatim.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds RFC 4180 CSV records as UTF-8 bytes in one reusable buffer, quoting exactly as commons-csv's
 * {@code CSVFormat.RFC4180} does with its default minimal quote mode, so files stay byte for byte what
 * {@code CSVPrinter.printRecord} wrote (a property test checks this against commons-csv). Records accumulate
 * until {@link #writeTo} hands them to a stream in one call.
 *
 * <p>A field is quoted when it is empty and first in its record, when its first character is {@code #} or below
 * (a space, a control character, {@code "}, {@code !}), when it holds a comma, a double quote, {@code \r} or
 * {@code \n}, or when its last character is a space or a control character; inside quotes a double quote is
 * written twice. Records end with {@code \n}. The rules look at ASCII characters only, so they apply to the
 * UTF-8 bytes as they are: no lead or continuation byte of a longer character is {@code #} or below.
 *
 * <pre>{@code
 * CsvRow row = new CsvRow();
 * row.add("id-1").add("Staff were kind, mostly").end();   // id-1,"Staff were kind, mostly"\n
 * row.writeTo(out);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
final class CsvRow {

  /** The bytes that make a field quoted wherever they are: {@code , " \n \r}. */
  private static final boolean[] SPECIAL = new boolean[256];

  static {
    SPECIAL[','] = true;
    SPECIAL['"'] = true;
    SPECIAL['\n'] = true;
    SPECIAL['\r'] = true;
  }

  /** The field delimiter, and the bytes that make a field quoted with it. */
  private final byte delimiter;
  private final boolean[] special;

  private byte[] buffer = new byte[64 * 1024];
  private int length;
  /** Where the current record starts. */
  private int recordStart;
  /** Where the field being built with {@link #open()} starts (after its separator). */
  private int fieldStart;

  /** Comma-separated records. */
  CsvRow() {
    this(',');
  }

  /**
   * Records separated by another delimiter ({@code ;}, tab, {@code |}, ...): a field holding it is quoted, and a
   * comma no longer makes a field quoted.
   *
   * @throws IllegalArgumentException if {@code delimiter} is not ASCII, or is a quote or a line break
   */
  CsvRow(char delimiter) {
    if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter must be an ASCII character other than a quote or a line break");
    }
    this.delimiter = (byte) delimiter;
    if (delimiter == ',') {
      this.special = SPECIAL;
    } else {
      this.special = SPECIAL.clone();
      this.special[','] = false;
      this.special[delimiter] = true;
    }
  }

  /** Bytes of whole records not yet written. */
  int length() {
    return length;
  }

  /**
   * Appends a field.
   *
   * @throws NullPointerException if {@code value} is null
   */
  CsvRow add(String value) {
    Objects.requireNonNull(value, "value");
    open();
    appendText(value);
    return close();
  }

  /** Appends a field from UTF-8 bytes. */
  CsvRow add(byte[] value, int offset, int n) {
    boolean first = length == recordStart;
    ensure(n + 3);
    if (!first) {
      buffer[length++] = delimiter;
    }
    if (!needsQuotes(special, value, offset, n, first)) {
      System.arraycopy(value, offset, buffer, length, n);
      length += n;
      return this;
    }
    quote(value, offset, n);
    return this;
  }

  /** Starts a field whose bytes are then appended with the {@code append} methods and ended by {@link #close()}. */
  CsvRow open() {
    ensure(1);
    if (length != recordStart) {
      buffer[length++] = delimiter;
    }
    fieldStart = length;
    return this;
  }

  /** Ends the field started by {@link #open()}, quoting it if needed. */
  CsvRow close() {
    int n = length - fieldStart;
    boolean first = fieldStart == recordStart;
    if (needsQuotes(special, buffer, fieldStart, n, first)) {
      byte[] value = Arrays.copyOfRange(buffer, fieldStart, length);
      length = fieldStart;
      quote(value, 0, n);
    }
    return this;
  }

  CsvRow append(char ascii) {
    ensure(1);
    buffer[length++] = (byte) ascii;
    return this;
  }

  CsvRow append(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
    return this;
  }

  /** Appends a non-negative or negative integer in decimal. */
  CsvRow append(long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        return appendText(Long.toString(value));
      }
      append('-');
      value = -value;
    }
    ensure(20);
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    int p = length + digits;
    length = p;
    do {
      buffer[--p] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    return this;
  }

  /** Appends text as UTF-8. */
  CsvRow appendText(String value) {
    int n = value.length();
    ensure(n);
    int i = 0;
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        break;
      }
      buffer[length++] = (byte) c;
    }
    if (i < n) {
      append(value.substring(i).getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  /**
   * Appends {@code value.substring(from, to)} as UTF-8 without making the substring: the bytes
   * {@code value.substring(from, to).getBytes(UTF_8)} gives, a surrogate without its pair (as when a range cuts a
   * pair) written as {@code ?}.
   */
  CsvRow appendText(String value, int from, int to) {
    ensure(to - from);
    int i = from;
    for (; i < to; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        break;
      }
      buffer[length++] = (byte) c;
    }
    if (i == to) {
      return this;
    }
    ensure(3 * (to - i));
    byte[] b = buffer;
    int n = length;
    for (; i < to; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        b[n++] = (byte) c;
      } else if (c < 0x800) {
        b[n++] = (byte) (0xC0 | c >> 6);
        b[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, value.charAt(++i));
        b[n++] = (byte) (0xF0 | cp >> 18);
        b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[n++] = (byte) (0x80 | cp & 0x3F);
      } else if (Character.isSurrogate(c)) {
        b[n++] = '?';
      } else {
        b[n++] = (byte) (0xE0 | c >> 12);
        b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[n++] = (byte) (0x80 | c & 0x3F);
      }
    }
    length = n;
    return this;
  }

  /**
   * Appends {@code value.substring(from, to)} as {@link #appendText(String, int, int)} does, with a backslash
   * before each backslash, {@code |} and {@code ;} (the escaping of the evidence words), in one pass.
   */
  CsvRow appendEscaped(String value, int from, int to) {
    ensure(2 * (to - from));
    byte[] b = buffer;
    int n = length;
    int i = from;
    for (; i < to; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        break;
      }
      if (c == '\\' || c == '|' || c == ';') {
        b[n++] = '\\';
      }
      b[n++] = (byte) c;
    }
    length = n;
    // the rest holds a character beyond ASCII: escape the runs between separators, encode them as UTF-8
    int run = i;
    for (; i < to; i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '|' || c == ';') {
        appendText(value, run, i).append('\\');
        run = i;
      }
    }
    return run < to ? appendText(value, run, to) : this;
  }

  /** Appends bytes that come before the first record, such as a byte order mark. */
  CsvRow preamble(byte[] bytes) {
    append(bytes);
    recordStart = length;
    return this;
  }

  /** Ends the record. */
  CsvRow end() {
    ensure(1);
    buffer[length++] = '\n';
    recordStart = length;
    return this;
  }

  /**
   * Writes the whole records built so far and starts afresh.
   *
   * @throws IOException if writing fails
   */
  void writeTo(OutputStream out) throws IOException {
    out.write(buffer, 0, recordStart);
    int rest = length - recordStart;
    System.arraycopy(buffer, recordStart, buffer, 0, rest);
    length = rest;
    recordStart = 0;
  }

  /** The whole records built so far as text, and starts afresh (for writers of characters). */
  String take() {
    String s = new String(buffer, 0, recordStart, StandardCharsets.UTF_8);
    int rest = length - recordStart;
    System.arraycopy(buffer, recordStart, buffer, 0, rest);
    length = rest;
    recordStart = 0;
    return s;
  }

  /**
   * The fields added since the last record ended, as UTF-8 bytes without a line end, and starts that record afresh
   * (for writers that end lines themselves).
   */
  byte[] takeRecord() {
    byte[] record = Arrays.copyOfRange(buffer, recordStart, length);
    length = recordStart;
    return record;
  }

  private void quote(byte[] value, int offset, int n) {
    ensure(n + 2);
    buffer[length++] = '"';
    for (int i = offset, end = offset + n; i < end; i++) {
      byte c = value[i];
      if (c == '"') {
        ensure(end - i + 2);
        buffer[length++] = '"';
      }
      buffer[length++] = c;
    }
    buffer[length++] = '"';
  }

  static boolean needsQuotes(byte[] value, int offset, int n, boolean firstInRecord) {
    return needsQuotes(SPECIAL, value, offset, n, firstInRecord);
  }

  private static boolean needsQuotes(boolean[] special, byte[] value, int offset, int n, boolean firstInRecord) {
    if (n == 0) {
      return firstInRecord;
    }
    if ((value[offset] & 0xFF) <= '#') {
      return true;
    }
    for (int i = offset, end = offset + n; i < end; i++) {
      if (special[value[i] & 0xFF]) {
        return true;
      }
    }
    return (value[offset + n - 1] & 0xFF) <= ' ';
  }

  static boolean needsQuotes(String value, boolean firstInRecord) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    return needsQuotes(b, 0, b.length, firstInRecord);
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
