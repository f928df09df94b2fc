package org.verbatim.io;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A writer for JSON text that writes an unpaired surrogate as the JSON escape {@code \}{@code uD800} instead of
 * handing it to the UTF-8 encoder, which would write {@code ?}: a JSON Lines value read with a lone surrogate escape
 * is written back as it was read. Correct because a JSON generator emits surrogates only inside strings, where the
 * escape means the same character. A high surrogate that ends one write waits for the next one.
 *
 * <p>Not thread-safe.
 */
final class SurrogateEscapingWriter extends Writer {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Writer out;
  private final char[] escape = {'\\', 'u', '0', '0', '0', '0'};
  private char[] chars = new char[256];
  private char pending;
  private boolean hasPending;

  SurrogateEscapingWriter(Writer out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void write(char[] c, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, c.length);
    if (len == 0) {
      return;
    }
    if (hasPending) {
      hasPending = false;
      if (Character.isLowSurrogate(c[off])) {
        out.write(pending);
        out.write(c[off]);
        off++;
        len--;
      } else {
        escape(pending);
      }
    }
    int end = off + len;
    int run = off;
    for (int i = off; i < end; i++) {
      char ch = c[i];
      if (!Character.isSurrogate(ch)) {
        continue;
      }
      if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(c[i + 1])) {
        i++;
        continue;
      }
      out.write(c, run, i - run);
      run = i + 1;
      if (Character.isHighSurrogate(ch) && i + 1 == end) {
        pending = ch;
        hasPending = true;
      } else {
        escape(ch);
      }
    }
    out.write(c, run, end - run);
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    if (chars.length < len) {
      chars = new char[Math.max(len, chars.length * 2)];
    }
    s.getChars(off, off + len, chars, 0);
    write(chars, 0, len);
  }

  @Override
  public void write(int c) throws IOException {
    write(new char[] {(char) c}, 0, 1);
  }

  private void escape(char c) throws IOException {
    escape[2] = HEX[(c >> 12) & 0xF];
    escape[3] = HEX[(c >> 8) & 0xF];
    escape[4] = HEX[(c >> 4) & 0xF];
    escape[5] = HEX[c & 0xF];
    out.write(escape, 0, 6);
  }

  /** Flushes; a high surrogate waiting for its pair stays waiting (a row never ends inside a string). */
  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (hasPending) {
      hasPending = false;
      escape(pending);
    }
    out.close();
  }
}
