package org.verbatim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * The bytes of a stream in another encoding (windows-1252, ISO-8859-1, UTF-16, ...) as UTF-8, decoded strictly:
 * where the input holds a byte sequence that is no character of its encoding, the output holds the byte
 * {@code 0xFF} (never valid UTF-8) and ends, so a {@link Utf8Input} reading it stops there with the line.
 * Readers of UTF-8 files never go through it: they read the file's bytes as they are.
 *
 * <p>Not thread-safe.
 */
final class Utf8Transcoder extends InputStream {

  private final InputStream in;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final ByteBuffer raw = ByteBuffer.allocate(64 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
  /** A high surrogate waiting for its low half (from the previous decoded run), or 0. */
  private char high;
  private boolean eof;
  private boolean flushed;
  private boolean broken;
  private boolean done;
  /** Bytes of one character not yet returned. */
  private final byte[] pending = new byte[4];
  private int pendingPosition;
  private int pendingLength;

  Utf8Transcoder(InputStream in, Charset charset) {
    this.in = Objects.requireNonNull(in, "in");
    this.charset = Objects.requireNonNull(charset, "charset");
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    raw.flip();
    chars.flip();
  }

  /** The encoding's name, for messages. */
  String encoding() {
    return charset.name();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    int p = off;
    int end = off + len;
    while (p < end) {
      if (pendingPosition < pendingLength) {
        // the rest of a character that did not fit the last read
        int n = Math.min(pendingLength - pendingPosition, end - p);
        System.arraycopy(pending, pendingPosition, b, p, n);
        pendingPosition += n;
        p += n;
        continue;
      }
      if (!chars.hasRemaining()) {
        if (done) {
          break;
        }
        decodeMore();
        if (!chars.hasRemaining()) {
          if (broken) {
            done = true;
            b[p++] = (byte) 0xFF;
            break;
          }
          if (eof && flushed) {
            done = true;
            break;
          }
        }
        continue;
      }
      if (p + 4 <= end) {
        p += encode(b, p);
      } else {
        pendingLength = encode(pending, 0);
        pendingPosition = 0;
      }
    }
    return p == off ? -1 : p - off;
  }

  /** Encodes the next character (or surrogate pair) of {@code chars} at {@code b[p]}; returns the bytes written. */
  private int encode(byte[] b, int p) {
    char c = chars.get();
    if (c < 0x80) {
      b[p] = (byte) c;
      return 1;
    }
    if (c < 0x800) {
      b[p] = (byte) (0xC0 | c >> 6);
      b[p + 1] = (byte) (0x80 | c & 0x3F);
      return 2;
    }
    if (Character.isHighSurrogate(c)) {
      if (!chars.hasRemaining()) {
        high = c; // its low half comes with the next run
        return 0;
      }
      return pair(c, chars.get(), b, p);
    }
    if (Character.isLowSurrogate(c) && high != 0) {
      char h = high;
      high = 0;
      return pair(h, c, b, p);
    }
    b[p] = (byte) (0xE0 | c >> 12);
    b[p + 1] = (byte) (0x80 | c >> 6 & 0x3F);
    b[p + 2] = (byte) (0x80 | c & 0x3F);
    return 3;
  }

  private static int pair(char h, char l, byte[] b, int p) {
    int cp = Character.toCodePoint(h, l);
    b[p] = (byte) (0xF0 | cp >> 18);
    b[p + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
    b[p + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
    b[p + 3] = (byte) (0x80 | cp & 0x3F);
    return 4;
  }

  /** Decodes the next run of characters into {@code chars}. */
  private void decodeMore() throws IOException {
    if (broken) {
      return;
    }
    chars.clear();
    while (chars.position() == 0) {
      if (!eof && raw.remaining() < 16) {
        raw.compact();
        int n = in.read(raw.array(), raw.position(), raw.remaining());
        if (n < 0) {
          eof = true;
        } else {
          raw.position(raw.position() + n);
        }
        raw.flip();
      }
      CoderResult r = decoder.decode(raw, chars, eof);
      if (r.isError()) {
        broken = true;
        break;
      }
      if (eof) {
        if (r.isUnderflow() && !flushed) {
          CoderResult f = decoder.flush(chars);
          if (f.isError()) {
            broken = true;
          }
          flushed = f.isUnderflow();
        }
        break;
      }
    }
    chars.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
