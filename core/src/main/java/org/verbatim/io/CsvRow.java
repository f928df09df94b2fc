package org.verbatim.io;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Builds one RFC 4180 CSV record at a time in a reusable buffer and writes it with one call, quoting exactly as
 * commons-csv's {@code CSVFormat.RFC4180} does with its default minimal quote mode, so files stay byte for byte
 * what {@code CSVPrinter.printRecord} wrote (a property test checks this against commons-csv).
 *
 * <p>A field is quoted when it is empty and first in its record, when its first character is {@code #} or below
 * (a space, a control character, {@code "}, {@code !}), when it holds a comma, a double quote, {@code \r} or
 * {@code \n}, or when its last character is a space or a control character; inside quotes a double quote is
 * written twice. Records end with {@code \n}.
 *
 * <pre>{@code
 * CsvRow row = new CsvRow();
 * row.add("id-1").add("Staff were kind, mostly").end(writer);   // id-1,"Staff were kind, mostly"\n
 * }</pre>
 *
 * <p>Not thread-safe.
 */
final class CsvRow {

  private char[] buffer = new char[1024];
  private int length;

  /**
   * Appends a field.
   *
   * @throws NullPointerException if {@code value} is null
   */
  CsvRow add(String value) {
    Objects.requireNonNull(value, "value");
    boolean first = length == 0;
    int n = value.length();
    ensure(n + 3);
    if (!first) {
      buffer[length++] = ',';
    }
    if (!needsQuotes(value, first)) {
      value.getChars(0, n, buffer, length);
      length += n;
      return this;
    }
    buffer[length++] = '"';
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '"') {
        ensure(n - i + 2);
        buffer[length++] = '"';
      }
      buffer[length++] = c;
    }
    buffer[length++] = '"';
    return this;
  }

  /**
   * Writes the record and its line end to {@code out} and starts a new record.
   *
   * @throws IOException if writing fails
   */
  void end(Writer out) throws IOException {
    ensure(1);
    buffer[length++] = '\n';
    out.write(buffer, 0, length);
    length = 0;
  }

  static boolean needsQuotes(String value, boolean firstInRecord) {
    int n = value.length();
    if (n == 0) {
      return firstInRecord;
    }
    if (value.charAt(0) <= '#') {
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return value.charAt(n - 1) <= ' ';
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
