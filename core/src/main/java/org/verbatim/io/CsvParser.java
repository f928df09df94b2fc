package org.verbatim.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Splits RFC 4180 bytes into records, as commons-csv's {@code CSVFormat.RFC4180} with empty lines ignored does
 * (a property test compares the two), straight from the checked UTF-8 bytes of a {@link Utf8Input} into
 * {@link Fields}, knowing the line each record starts on.
 *
 * <ul>
 *   <li>Fields are separated by the delimiter ({@code ,} unless another is given: {@code ;}, tab, {@code |}, ...);
 *       records end at {@code \n}, {@code \r\n} or a lone {@code \r}, or at the
 *       end of the input. Lines holding only a line break are skipped between records.
 *   <li>A field that starts with {@code "} is quoted: it runs to the next {@code "} not doubled ({@code ""} is one
 *       quote) and may span lines; after it only white space may come before the separator or line end.
 *   <li>In an unquoted field every character is literal, {@code "} included.
 *   <li>A trailing delimiter gives a last empty field.
 * </ul>
 *
 * <pre>{@code
 * CsvParser csv = new CsvParser(file, input);
 * for (int n = csv.next(fields); n >= 0; n = csv.next(fields)) { long line = csv.line(); ... }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
final class CsvParser {

  private static final int EOF = -1;

  private final Path file;
  private final Utf8Input in;
  /** The field delimiter, an ASCII byte other than a quote or a line break. */
  private final int sep;
  /** The 1-based line of the next byte. */
  private long line = 1;
  /** Whether the last byte consumed was {@code \r} (so a {@code \n} after it ends no further line). */
  private boolean previousCr;
  private boolean ended;
  private long recordLine;

  /** Most line breaks inside one quoted field. */
  private final long maxQuotedLines;

  CsvParser(Path file, Utf8Input in) {
    this(file, in, ',', Integer.MAX_VALUE);
  }

  /**
   * A parser with another field delimiter and a limit on the lines one quoted field may span.
   *
   * @throws IllegalArgumentException if {@code delimiter} is not ASCII, or is a quote or a line break
   */
  CsvParser(Path file, Utf8Input in, char delimiter, int maxQuotedLines) {
    this.file = Objects.requireNonNull(file, "file");
    this.in = Objects.requireNonNull(in, "in");
    if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter must be an ASCII character other than a quote or a line break");
    }
    this.sep = delimiter;
    this.maxQuotedLines = maxQuotedLines;
  }

  /** The 1-based line where the record last read by {@link #next} starts. */
  long line() {
    return recordLine;
  }

  /**
   * Appends the fields of the next record to {@code out}.
   *
   * @return the number of fields, or -1 at the end of the input
   * @throws FeedbackFileException if a quoted field is never closed, something other than white space follows its
   *     closing quote, or the bytes are not UTF-8
   * @throws IOException if reading fails
   */
  int next(Fields out) throws IOException {
    if (ended) {
      return -1;
    }
    long start = line;
    int c = read();
    while (c == '\n' || c == '\r') {
      endLine(c);
      start = line;
      c = read();
    }
    if (c == EOF) {
      ended = true;
      return -1;
    }
    recordLine = start;
    int count = 0;
    while (true) {
      // c is the first byte of a field; the end of input here follows a delimiter: a last, empty field
      if (c == EOF) {
        out.empty();
        ended = true;
        return count + 1;
      }
      if (c == sep) {
        out.empty();
        count++;
        c = read();
        continue;
      }
      if (c == '\n' || c == '\r') {
        endLine(c);
        out.empty();
        return count + 1;
      }
      int end = c == '"' ? quoted(out) : simple(c, out);
      count++;
      if (end == sep) {
        c = read();
        continue;
      }
      if (end == EOF) {
        ended = true;
      } else {
        endLine(end);
      }
      return count;
    }
  }

  /** Reads an unquoted field starting with byte {@code c}; returns what ended it. */
  private int simple(int c, Fields out) throws IOException {
    out.begin();
    out.append(c);
    previousCr = false;
    byte d = (byte) sep;
    while (true) {
      byte[] b = in.buffer;
      int p = in.position;
      int l = in.limit;
      int s = p;
      while (p < l) {
        byte x = b[p];
        if (x == d || x == '\n' || x == '\r') {
          break;
        }
        p++;
      }
      if (p > s) {
        out.append(b, s, p - s);
        in.position = p;
      }
      if (p < l) {
        out.end();
        return read();
      }
      if (!in.fill(line)) {
        out.end();
        return EOF;
      }
    }
  }

  /** Reads a quoted field (the opening quote was read); returns what ended it. */
  private int quoted(Fields out) throws IOException {
    long startLine = line;
    out.begin();
    while (true) {
      copyQuotedRun(out);
      if (line - startLine > maxQuotedLines) {
        throw new FeedbackFileException(file, startLine,
            "malformed CSV: the quoted field that opens on this line runs over more than " + maxQuotedLines
                + " line breaks (the limit); a stray or unclosed quote \" here would merge the records after it"
                + " into one (a quote inside a quoted field is written twice: \"\")");
      }
      if (in.position == in.limit) {
        if (!in.fill(line)) {
          throw new FeedbackFileException(file, startLine,
              "malformed CSV: a quoted field that starts on this line is never closed; expected a closing quote \"");
        }
        continue;
      }
      read(); // the quote
      if (peek() == '"') {
        read();
        out.append('"');
        continue;
      }
      out.end();
      while (true) {
        int c = read();
        if (c == sep || c == EOF || c == '\n' || c == '\r') {
          return c;
        }
        if (!isWhitespace(c)) {
          throw new FeedbackFileException(file, line,
              "malformed CSV quoting: a closing quote must be followed by " + (sep == ',' ? "a comma" : "the delimiter")
                  + " or the end of the line"
                  + " (a quote inside a quoted field is written twice: \"\")"
                  + (line > startLine ? "; the quoted field opened on line " + startLine : ""));
        }
      }
    }
  }

  /** Whether the character starting with byte {@code c} (its other bytes are read here) is white space. */
  private boolean isWhitespace(int c) throws IOException {
    if (c < 0x80) {
      return Character.isWhitespace(c);
    }
    int more = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    int cp = c & (0x3F >> more);
    for (int k = 0; k < more; k++) {
      cp = (cp << 6) | (read() & 0x3F);
    }
    return Character.isWhitespace(cp);
  }

  /** Copies the bytes before the next {@code "} or the end of the checked bytes into {@code out}, counting lines. */
  private void copyQuotedRun(Fields out) {
    byte[] b = in.buffer;
    int s = in.position;
    int p = s;
    int l = in.limit;
    boolean cr = previousCr;
    long lines = 0;
    while (p < l) {
      byte x = b[p];
      if (x == '"') {
        break;
      }
      if (x == '\r' || (x == '\n' && !cr)) {
        lines++;
      }
      cr = x == '\r';
      p++;
    }
    if (p > s) {
      out.append(b, s, p - s);
      previousCr = cr;
      line += lines;
      in.position = p;
    }
  }

  /** After a line end {@code c} was read: takes the {@code \n} of a {@code \r\n}. */
  private void endLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
  }

  private int read() throws IOException {
    if (in.position == in.limit && !in.fill(line)) {
      return EOF;
    }
    int c = in.buffer[in.position++] & 0xFF;
    if (c == '\n') {
      if (!previousCr) {
        line++;
      }
    } else if (c == '\r') {
      line++;
    }
    previousCr = c == '\r';
    return c;
  }

  private int peek() throws IOException {
    if (in.position == in.limit && !in.fill(line)) {
      return EOF;
    }
    return in.buffer[in.position] & 0xFF;
  }
}
