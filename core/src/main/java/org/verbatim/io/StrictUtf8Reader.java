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
import java.util.Objects;

/**
 * Decodes UTF-8 strictly (malformed input is an error naming the file, line and byte offset), drops a leading
 * byte order mark and counts bytes read.
 *
 * <p>Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}, as in RFC 4180 and
 * {@link java.io.BufferedReader#readLine()}.
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

  /** Line number of the next character to decode, for error messages. */
  private long line = 1;
  private boolean previousCr;

  StrictUtf8Reader(Path file, InputStream in) {
    this.file = Objects.requireNonNull(file, "file");
    this.in = Objects.requireNonNull(in, "in");
  }

  /** Bytes read from the underlying stream so far (the decoder may not have used all of them yet). */
  long bytesRead() {
    return bytesRead;
  }

  /** True when the input started with a UTF-8 byte order mark (known once the first character was read). */
  boolean hadBom() {
    return hadBom;
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

  /** Drops a leading byte order mark and counts the line breaks of the newly decoded characters. */
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
      if (c == '\r' || (c == '\n' && !previousCr)) {
        line++;
      }
      previousCr = c == '\r';
    }
  }
}
