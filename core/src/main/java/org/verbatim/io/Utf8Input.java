package org.verbatim.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file's bytes through one reused buffer, checked strictly as UTF-8 as they arrive: readers parse
 * {@code buffer[position, limit)} in place, and only checked bytes are ever below {@code limit}. A leading byte
 * order mark is skipped. Malformed input (a stray continuation byte, an overlong form, an encoded surrogate, a
 * code point above U+10FFFF, a sequence cut short, also at the end of the file) is reported by {@link #fill}
 * when the reader reaches it, as a {@link FeedbackFileException} naming the line the reader is on and the
 * byte offset, never the bytes.
 *
 * <pre>{@code
 * Utf8Input in = new Utf8Input(file, Files.newInputStream(file));
 * while (in.position < in.limit || in.fill(line)) { byte b = in.buffer[in.position++]; ... }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
final class Utf8Input implements Closeable {

  static final int BUFFER = 128 * 1024;

  private final Path file;
  private final InputStream in;
  /** The bytes; {@code [position, limit)} are checked and not yet consumed. */
  final byte[] buffer;
  int position;
  int limit;
  /** End of the bytes read into the buffer; {@code [limit, end)} wait for the rest of a sequence. */
  private int end;
  /** File offset of {@code buffer[0]}. */
  private long base;
  /** Read by other threads for progress (written once per buffer fill). */
  private volatile long bytesRead;
  private boolean eof;
  /** Whether the byte at {@code limit} starts a malformed sequence. */
  private boolean malformed;
  private final boolean hadBom;
  /** The file's encoding when {@code in} transcodes it to UTF-8 ({@link Utf8Transcoder}), else null. */
  private String encoding;

  Utf8Input(Path file, InputStream in) throws IOException {
    this(file, in, BUFFER);
  }

  /**
   * UTF-8 bytes transcoded from a file in another encoding: a malformed byte names that encoding, without an
   * offset (the bytes here are not the file's).
   */
  Utf8Input(Path file, Utf8Transcoder in) throws IOException {
    this(file, in, BUFFER);
    this.encoding = in.encoding();
  }

  /** With a given buffer size (at least 4 bytes, the longest sequence), for tests of the buffer edges. */
  Utf8Input(Path file, InputStream in, int bufferSize) throws IOException {
    this.file = Objects.requireNonNull(file, "file");
    this.in = Objects.requireNonNull(in, "in");
    if (bufferSize < 4) {
      throw new IllegalArgumentException("bufferSize must be >= 4: " + bufferSize);
    }
    this.buffer = new byte[bufferSize];
    while (!eof && end < 3) {
      read();
    }
    boolean bom = end >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF;
    hadBom = bom;
    position = bom ? 3 : 0;
    limit = position;
    check();
  }

  /** True when the file starts with a UTF-8 byte order mark (skipped). */
  boolean hadBom() {
    return hadBom;
  }

  /** Bytes read from the file so far (the reader may not have consumed all of them). */
  long bytesRead() {
    return bytesRead;
  }

  /**
   * Makes more checked bytes available once all are consumed ({@code position == limit}).
   *
   * @param line the 1-based line of the byte at {@code limit}, named if it is malformed
   * @return false at the end of the file
   * @throws FeedbackFileException if the next byte starts a malformed sequence
   * @throws IOException if reading fails
   */
  boolean fill(long line) throws IOException {
    if (position < limit) {
      return true;
    }
    while (true) {
      if (malformed) {
        if (encoding != null) {
          throw new FeedbackFileException(file, line, "not valid " + encoding
              + " (a byte sequence that is no character in it); expected a file saved as " + encoding);
        }
        throw new FeedbackFileException(file, line, "not valid UTF-8 (byte offset " + (base + limit)
            + "); expected a file saved as UTF-8 (a file in another encoding, e.g. windows-1252 from Excel,"
            + " must be read with that encoding: --encoding windows-1252)");
      }
      if (limit < end) {
        // an incomplete sequence waits at the end of the buffer: move it to the front
        System.arraycopy(buffer, limit, buffer, 0, end - limit);
      }
      base += limit;
      end -= limit;
      position = 0;
      limit = 0;
      if (eof && end == 0) {
        return false;
      }
      read();
      check();
      if (limit > position) {
        return true;
      }
    }
  }

  private void read() throws IOException {
    if (eof) {
      return;
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
      bytesRead += n;
    }
  }

  /** Moves {@code limit} over the complete, well-formed sequences after it; flags a malformed one. */
  private void check() {
    byte[] b = buffer;
    int i = limit;
    int n = end;
    while (i < n) {
      int lead = b[i];
      if (lead >= 0) {
        i++;
        continue;
      }
      lead &= 0xFF;
      int more;
      int low = 0x80;
      int high = 0xBF;
      if (lead < 0xC2) {
        malformed = true;
        break;
      } else if (lead < 0xE0) {
        more = 1;
      } else if (lead < 0xF0) {
        more = 2;
        if (lead == 0xE0) {
          low = 0xA0;
        } else if (lead == 0xED) {
          high = 0x9F; // no surrogates
        }
      } else if (lead < 0xF5) {
        more = 3;
        if (lead == 0xF0) {
          low = 0x90;
        } else if (lead == 0xF4) {
          high = 0x8F; // nothing above U+10FFFF
        }
      } else {
        malformed = true;
        break;
      }
      boolean bad = false;
      int available = Math.min(more, n - i - 1);
      for (int k = 1; k <= available; k++) {
        int c = b[i + k] & 0xFF;
        if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) {
          bad = true;
          break;
        }
      }
      if (bad || (available < more && eof)) {
        malformed = true;
        break;
      }
      if (available < more) {
        break; // the rest comes with the next read
      }
      i += more + 1;
    }
    limit = i;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
