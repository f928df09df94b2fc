package org.verbatim.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits RFC 4180 text into records, as commons-csv's {@code CSVFormat.RFC4180} with empty lines ignored does
 * (a property test compares the two), but straight from a character buffer and knowing the line each record
 * starts on.
 *
 * <ul>
 *   <li>Fields are separated by {@code ,}; records end at {@code \n}, {@code \r\n} or a lone {@code \r}, or at the
 *       end of the input. Lines holding only a line break are skipped between records.
 *   <li>A field that starts with {@code "} is quoted: it runs to the next {@code "} not doubled ({@code ""} is one
 *       quote) and may span lines; after it only white space may come before the separator or line end.
 *   <li>In an unquoted field every character is literal, {@code "} included.
 *   <li>A trailing {@code ,} gives a last empty field.
 * </ul>
 *
 * <pre>{@code
 * CsvRecords csv = new CsvRecords(file, reader);
 * for (List<String> r = csv.next(); r != null; r = csv.next()) { long line = csv.line(); ... }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
final class CsvRecords {

  private static final int EOF = -1;
  private static final int BUFFER = 32 * 1024;

  private final Path file;
  private final Reader in;
  private final char[] buffer = new char[BUFFER];
  private int position;
  private int limit;
  private final StringBuilder field = new StringBuilder();

  /** The 1-based line of the next character to be read. */
  private long nextLine = 1;
  private boolean previousCr;
  /** Whether the last character read ended a line (or nothing was read yet): empty lines are skipped there. */
  private boolean atLineStart = true;
  /** {@link #atLineStart} before the last {@link #read()}. */
  private boolean atLineStartBefore;
  private boolean ended;
  private long recordLine;

  CsvRecords(Path file, Reader in) {
    this.file = Objects.requireNonNull(file, "file");
    this.in = Objects.requireNonNull(in, "in");
  }

  /** The 1-based line where the record last returned by {@link #next()} starts. */
  long line() {
    return recordLine;
  }

  /**
   * The fields of the next record, or null at the end of the input.
   *
   * @throws FeedbackFileException if a quoted field is never closed, or something other than white space follows
   *     its closing quote
   * @throws IOException if reading fails
   */
  List<String> next() throws IOException {
    if (ended) {
      return null;
    }
    long line = nextLine;
    int c = read();
    while (atLineStartBefore && isLineEnd(c)) {
      endLine(c);
      line = nextLine;
      c = read();
    }
    if (c == EOF) {
      ended = true;
      return null;
    }
    recordLine = line;
    List<String> values = new ArrayList<>();
    while (true) {
      // c is the first character of a field; the end of input here follows a comma: a last, empty field
      if (c == EOF) {
        values.add("");
        ended = true;
        return values;
      }
      if (c == ',') {
        values.add("");
        c = read();
        continue;
      }
      if (isLineEnd(c)) {
        endLine(c);
        values.add("");
        return values;
      }
      int end = c == '"' ? quoted() : simple(c);
      values.add(field.toString());
      field.setLength(0);
      if (end == ',') {
        c = read();
        continue;
      }
      if (end == EOF) {
        ended = true;
      } else {
        endLine(end);
      }
      return values;
    }
  }

  /** Reads an unquoted field starting with {@code c} into {@code field}; returns what ended it. */
  private int simple(int c) throws IOException {
    while (true) {
      if (c == ',' || c == EOF || c == '\n' || c == '\r') {
        return c;
      }
      field.append((char) c);
      int p = position;
      int l = limit;
      char[] b = buffer;
      // copy the plain characters that follow in one go
      int start = p;
      while (p < l) {
        char x = b[p];
        if (x == ',' || x == '\n' || x == '\r') {
          break;
        }
        p++;
      }
      if (p > start) {
        field.append(b, start, p - start);
        position = p;
        previousCr = false;
      }
      c = read();
    }
  }

  /** Reads a quoted field (the opening quote was read) into {@code field}; returns what ended it. */
  private int quoted() throws IOException {
    long startLine = nextLine;
    while (true) {
      copyQuotedRun();
      int c = read();
      if (c == '"') {
        if (peek() == '"') {
          read();
          field.append('"');
          continue;
        }
        while (true) {
          c = read();
          if (c == ',' || c == EOF || c == '\n' || c == '\r') {
            return c;
          }
          if (!Character.isWhitespace((char) c)) {
            throw new FeedbackFileException(file, nextLine,
                "malformed CSV quoting: a closing quote must be followed by a comma or the end of the line"
                    + " (a quote inside a quoted field is written twice: \"\")");
          }
        }
      }
      if (c == EOF) {
        throw new FeedbackFileException(file, startLine,
            "malformed CSV: a quoted field that starts on this line is never closed; expected a closing quote \"");
      }
      field.append((char) c);
    }
  }

  /** Copies the characters before the next {@code "} or the end of the buffer into {@code field}, counting lines. */
  private void copyQuotedRun() {
    int p = position;
    int l = limit;
    char[] b = buffer;
    boolean cr = previousCr;
    long lines = 0;
    while (p < l) {
      char x = b[p];
      if (x == '"') {
        break;
      }
      if (x == '\r' || (x == '\n' && !cr)) {
        lines++;
      }
      cr = x == '\r';
      p++;
    }
    if (p > position) {
      field.append(b, position, p - position);
      char last = b[p - 1];
      atLineStart = last == '\n' || last == '\r';
      previousCr = cr;
      nextLine += lines;
      position = p;
    }
  }

  private static boolean isLineEnd(int c) {
    return c == '\n' || c == '\r';
  }

  /** After a line end {@code c} was read: takes the {@code \n} of a {@code \r\n}. */
  private void endLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      atLineStartBefore = atLineStart;
      atLineStart = false;
      return EOF;
    }
    char c = buffer[position++];
    if (c == '\n') {
      if (!previousCr) {
        nextLine++;
      }
    } else if (c == '\r') {
      nextLine++;
    }
    previousCr = c == '\r';
    atLineStartBefore = atLineStart;
    atLineStart = c == '\n' || c == '\r';
    return c;
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
