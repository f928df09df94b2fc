package org.verbatim.io;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link ClassifiedWriter} writes beyond the format: the CSV delimiter, whether a CSV file starts with a
 * UTF-8 byte order mark (which makes Excel read it as UTF-8), the {@link Layout}, and the classifier's theme ids
 * (the columns of {@link Layout#ONEHOT}).
 *
 * <pre>{@code
 * new WriteOptions(';', true, Layout.LONG, classifier.info().themes());
 * }</pre>
 *
 * @param delimiter the CSV field delimiter (ignored for other formats)
 * @param byteOrderMark whether a CSV file starts with a UTF-8 byte order mark
 * @param layout the shape of the output
 * @param themes theme ids, in the order of the one-hot columns
 */
public record WriteOptions(char delimiter, boolean byteOrderMark, Layout layout, List<String> themes) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the delimiter is not ASCII, or is a quote or a line break
   */
  public WriteOptions {
    if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter must be an ASCII character other than a quote or a line break");
    }
    Objects.requireNonNull(layout, "layout");
    themes = List.copyOf(themes);
  }

  /** Comma, no byte order mark, {@link Layout#WIDE}: what {@code ClassifiedWriter.open} without options writes. */
  public static WriteOptions defaults() {
    return new WriteOptions(',', false, Layout.WIDE, List.of());
  }
}
