package org.verbatim.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes UTF-8 strictly (malformed input is an error naming the file, line and byte offset), drops a leading
 * byte order mark, counts bytes read and remembers where lines start so that a character position can be
 * turned into a line number.
 *
 * <p>Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}, as in RFC 4180 and
 * {@link java.io.BufferedReader#readLine()}. Character positions count the characters delivered by this
 * reader (the byte order mark is not delivered).
 *
 * <p>Not thread-safe.
 */
final class StrictUtf8Reader extends Reader {

  private static final int BUFFER = 16 * 1024;

  private final Path file;
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();

  private long bytesRead;
  private boolean inputEnded;
  private boolean done;
  private boolean bomChecked;
  private boolean hadBom;

  /** Characters decoded so far (excluding the byte order mark). */
  private long decoded;
  /** Line number of the character at position {@code decoded}. */
  private long line = 1;
  private boolean previousCr;

  /** Start positions of lines not yet passed by {@link #lineAt}; {@code starts[head]} starts line {@code headLine}. */
  private long[] starts = new long[64];
  /** Whether the line starting at {@code starts[i]} is empty (only its line break); commons-csv skips those. */
  private boolean[] blank = new boolean[64];
  /** Whether the current line has a character other than its line break so far. */
  private boolean lineHasContent;
  private int head;
  private int size;
  private long headLine = 1;

  private final boolean trackLines;

  /**
   * @param trackLines whether to remember line starts for {@link #lineAt}; without it memory stays constant
   *     even when {@code lineAt} is never called
   */
  StrictUtf8Reader(Path file, InputStream in, boolean trackLines) {
    this.file = Objects.requireNonNull(file, "file");
    this.in = Objects.requireNonNull(in, "in");
    this.trackLines = trackLines;
    starts[size++] = 0;
  }

  /** Bytes read from the underlying stream so far (the decoder may not have used all of them yet). */
  long bytesRead() {
    return bytesRead;
  }

  /** True when the input started with a UTF-8 byte order mark (known once the first character was read). */
  boolean hadBom() {
    return hadBom;
  }

  /**
   * The 1-based line of the character at {@code position}. Positions must be asked in non-decreasing order
   * and must not be beyond the characters decoded so far; earlier line starts are forgotten.
   */
  long lineAt(long position) {
    while (head + 1 < size && starts[head + 1] <= position) {
      head++;
      headLine++;
    }
    return headLine;
  }

  /**
   * The 1-based line of the first non-empty line at or after the line of {@code position}: where a CSV record
   * starts when the parser reports the position before the empty lines it skipped. Same order rules as
   * {@link #lineAt}.
   */
  long contentLineAt(long position) {
    lineAt(position);
    while (head + 1 < size && blank[head]) {
      head++;
      headLine++;
    }
    compact();
    return headLine;
  }

  private void compact() {
    if (head > 4096 && head > size / 2) {
      System.arraycopy(starts, head, starts, 0, size - head);
      System.arraycopy(blank, head, blank, 0, size - head);
      size -= head;
      head = 0;
    }
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Decodes more characters into {@code chars}; false at the end of the input. */
  private boolean fill() throws IOException {
    if (done) {
      return false;
    }
    chars.clear();
    while (true) {
      CoderResult result = decoder.decode(bytes, chars, inputEnded);
      if (result.isError()) {
        chars.flip();
        accept();
        long offset = bytesRead - bytes.remaining();
        throw new FeedbackFileException(
            file, line, "not valid UTF-8 (byte offset " + offset + "); expected a file saved as UTF-8");
      }
      if (result.isOverflow()) {
        break;
      }
      if (inputEnded) {
        decoder.flush(chars);
        done = true;
        break;
      }
      if (chars.position() > 0) {
        break;
      }
      readBytes();
    }
    chars.flip();
    accept();
    return true;
  }

  private void readBytes() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    if (n < 0) {
      inputEnded = true;
    } else {
      bytes.position(bytes.position() + n);
      bytesRead += n;
    }
    bytes.flip();
  }

  /** Drops a leading byte order mark and records the line starts of the newly decoded characters. */
  private void accept() {
    if (!bomChecked && chars.hasRemaining()) {
      bomChecked = true;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.get();
        hadBom = true;
      }
    }
    char[] a = chars.array();
    int base = chars.arrayOffset();
    for (int i = chars.position(), end = chars.limit(); i < end; i++) {
      char c = a[base + i];
      if (c == '\n') {
        if (previousCr) {
          if (trackLines) {
            starts[size - 1] = decoded + 1;
          }
        } else {
          line++;
          endLine();
          addStart(decoded + 1);
        }
      } else if (c == '\r') {
        line++;
        endLine();
        addStart(decoded + 1);
      } else {
        lineHasContent = true;
      }
      previousCr = c == '\r';
      decoded++;
    }
  }

  private void endLine() {
    if (trackLines) {
      blank[size - 1] = !lineHasContent;
    }
    lineHasContent = false;
  }

  private void addStart(long position) {
    if (!trackLines) {
      return;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      blank = Arrays.copyOf(blank, size * 2);
    }
    starts[size++] = position;
  }
}
