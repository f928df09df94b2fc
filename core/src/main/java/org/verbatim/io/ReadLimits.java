package org.verbatim.io;

/**
 * Bounds on what a {@link FeedbackReader} accepts from one record, so that one unlucky or hostile record cannot
 * exhaust memory or swallow the rest of the file.
 *
 * <pre>{@code
 * FeedbackReader.open(file, FeedbackFormat.CSV, new ReadLimits(1 << 20, 50));   // 1 MiB fields, 50 lines
 * FeedbackReader.open(file, FeedbackFormat.CSV, ReadLimits.DEFAULT);
 * }</pre>
 *
 * <ul>
 *   <li>A CSV field, or a JSON Lines line, longer than {@code maxFieldBytes} bytes (UTF-8) makes its record an
 *       {@linkplain FeedbackRecord#isError() error record}: the field is kept empty (a JSON line is not parsed)
 *       and reading goes on with the next record.
 *   <li>A quoted CSV field spanning more than {@code maxQuotedLines} line breaks stops reading with a
 *       {@link FeedbackFileException} naming the line where the field opened: almost always a stray {@code "}
 *       that would otherwise merge the records up to the next quote into one.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxFieldBytes most bytes in a CSV field or a JSON Lines line, at least 1
 * @param maxQuotedLines most line breaks inside one quoted CSV field, at least 0
 */
public record ReadLimits(int maxFieldBytes, int maxQuotedLines) {

  /** The default most bytes per field: 4 MiB, some 700,000 words. */
  public static final int DEFAULT_MAX_FIELD_BYTES = 4 << 20;

  /** The default most line breaks in one quoted CSV field. */
  public static final int DEFAULT_MAX_QUOTED_LINES = 100;

  /** {@link #DEFAULT_MAX_FIELD_BYTES} and {@link #DEFAULT_MAX_QUOTED_LINES}. */
  public static final ReadLimits DEFAULT = new ReadLimits(DEFAULT_MAX_FIELD_BYTES, DEFAULT_MAX_QUOTED_LINES);

  /** No limits (as readers behaved before limits existed): for files the caller wrote itself. */
  public static final ReadLimits NONE = new ReadLimits(Integer.MAX_VALUE - 16, Integer.MAX_VALUE);

  /**
   * @throws IllegalArgumentException if {@code maxFieldBytes} is below 1 or {@code maxQuotedLines} below 0
   */
  public ReadLimits {
    if (maxFieldBytes < 1) {
      throw new IllegalArgumentException("maxFieldBytes must be >= 1: " + maxFieldBytes);
    }
    if (maxQuotedLines < 0) {
      throw new IllegalArgumentException("maxQuotedLines must be >= 0: " + maxQuotedLines);
    }
  }
}
