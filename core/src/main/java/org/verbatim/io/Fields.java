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

  Fields(int bytes, int fields) {
    this.bytes = new byte[Math.max(16, bytes)];
    this.bounds = new int[2 * Math.max(4, fields)];
  }

  void clear() {
    length = 0;
    count = 0;
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
  }

  void append(byte[] source, int offset, int n) {
    if (length + n > bytes.length) {
      grow(n);
    }
    System.arraycopy(source, offset, bytes, length, n);
    length += n;
  }

  void append(int b) {
    if (length == bytes.length) {
      grow(1);
    }
    bytes[length++] = (byte) b;
  }

  void end() {
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
