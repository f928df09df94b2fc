package org.verbatim.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits the checked bytes of a {@link Utf8Input} into lines, as {@link java.io.BufferedReader#readLine()} does
 * ({@code \n}, {@code \r\n} or a lone {@code \r}; no empty last line after a final line break), decoding each
 * line once.
 *
 * <p>Not thread-safe.
 */
final class JsonLines {

  private final Utf8Input in;
  private byte[] line = new byte[1024];
  private long number;
  /** Whether the last line ended with {@code \r}: a {@code \n} right after it is part of that line break. */
  private boolean skipLf;

  /** Most bytes a line may have. */
  private final int limit;
  /** The length of the last line returned when it was over the limit (it is returned empty), else 0. */
  private long tooLong;

  JsonLines(Utf8Input in) {
    this(in, Integer.MAX_VALUE);
  }

  JsonLines(Utf8Input in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /** The length in bytes of the last line returned, when it was over the limit (and returned empty); else 0. */
  long tooLong() {
    return tooLong;
  }

  /** The 1-based number of the line last returned. */
  long line() {
    return number;
  }

  /**
   * The next line without its line break, or null at the end of the input.
   *
   * @throws FeedbackFileException if the line is not UTF-8
   * @throws IOException if reading fails
   */
  String next() throws IOException {
    int n = 0;
    long over = 0;
    tooLong = 0;
    while (true) {
      if (in.position == in.limit && !in.fill(number + 1)) {
        if (n == 0 && over == 0) {
          return null;
        }
        break;
      }
      byte[] b = in.buffer;
      int p = in.position;
      int l = in.limit;
      if (skipLf) {
        skipLf = false;
        if (b[p] == '\n') {
          in.position = ++p;
          continue;
        }
      }
      int s = p;
      while (p < l && b[p] != '\n' && b[p] != '\r') {
        p++;
      }
      if (over > 0 || (long) n + (p - s) > limit) {
        over += n + (p - s);
        n = 0;
      } else {
        if (n + (p - s) > line.length) {
          line = Arrays.copyOf(line, Math.max(line.length * 2, n + (p - s)));
        }
        System.arraycopy(b, s, line, n, p - s);
        n += p - s;
      }
      if (p < l) {
        skipLf = b[p] == '\r';
        in.position = p + 1;
        break;
      }
      in.position = p;
    }
    number++;
    if (over > 0) {
      tooLong = over;
      return "";
    }
    return new String(line, 0, n, StandardCharsets.UTF_8);
  }
}
