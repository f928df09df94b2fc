package org.verbatim.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Field values as UTF-8 bytes, appended one after another into one reused array: field {@code k} is
 * {@code bytes[start(k), end(k))}. What {@link CsvParser} fills and {@link CsvClassifiedWriter} copies out, so
 * a value that is only passed through is never turned into a {@code String}.
 *
 * <p>Not thread-safe.
 */
final class Fields {

  byte[] bytes;
  int length;
  /** {@code bounds[2k]} and {@code bounds[2k + 1]}: start and end of field {@code k}. */
  int[] bounds;
  int count;
  private int fieldStart;
  /** Most bytes one field keeps; a longer field is kept empty and {@link #overflow} tells how long it was. */
  private int limit = Integer.MAX_VALUE;
  /** Bytes of the field being appended beyond what it keeps, or 0. */
  private long dropped;
  /** The first over-long field since {@link #resetOverflow()}: its index and length in bytes, or -1. */
  int overflowField = -1;
  long overflowBytes;

  Fields(int bytes, int fields) {
    this.bytes = new byte[Math.max(16, bytes)];
    this.bounds = new int[2 * Math.max(4, fields)];
  }

  void clear() {
    length = 0;
    count = 0;
    resetOverflow();
  }

  /** Sets the most bytes a field may have (at least 1). */
  void limit(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("limit must be >= 1: " + bytes);
    }
    limit = bytes;
  }

  /** Forgets the over-long field found, before the next record. */
  void resetOverflow() {
    overflowField = -1;
    overflowBytes = 0;
  }

  int start(int field) {
    return bounds[2 * field];
  }

  int end(int field) {
    return bounds[2 * field + 1];
  }

  String string(int field) {
    int s = bounds[2 * field];
    return new String(bytes, s, bounds[2 * field + 1] - s, StandardCharsets.UTF_8);
  }

  void begin() {
    fieldStart = length;
    dropped = 0;
  }

  void append(byte[] source, int offset, int n) {
    if (length - fieldStart + n > limit || dropped > 0) {
      drop(n);
      return;
    }
    if (length + n > bytes.length) {
      grow(n);
    }
    System.arraycopy(source, offset, bytes, length, n);
    length += n;
  }

  void append(int b) {
    if (length - fieldStart >= limit || dropped > 0) {
      drop(1);
      return;
    }
    if (length == bytes.length) {
      grow(1);
    }
    bytes[length++] = (byte) b;
  }

  /** The field is over the limit: what it kept is dropped too, so it ends empty. */
  private void drop(int n) {
    dropped += length - fieldStart + n;
    length = fieldStart;
  }

  void end() {
    if (dropped > 0) {
      if (overflowField < 0) {
        overflowField = count;
        overflowBytes = dropped;
      }
      dropped = 0;
    }
    if (2 * count + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[2 * count] = fieldStart;
    bounds[2 * count + 1] = length;
    count++;
  }

  /** An empty field. */
  void empty() {
    begin();
    end();
  }

  private void grow(int more) {
    bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
  }
}
