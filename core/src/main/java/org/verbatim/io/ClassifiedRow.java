package org.verbatim.io;

import java.util.Objects;
import org.verbatim.Classification;

/**
 * One input record with its classification, or with the reason it has none; what a {@link ClassifiedWriter}
 * writes.
 *
 * <pre>{@code
 * ClassifiedRow ok = ClassifiedRow.of(record, text, classifier.classify(text));
 * ClassifiedRow failed = ClassifiedRow.failed(record, "line 7: not a valid JSON object");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param record the input record
 * @param text the classified text (evidence offsets point into it); empty for a failed row
 * @param classification the themes found; empty for a failed row
 * @param error null, or why the row has no classification (never containing comment text)
 */
public record ClassifiedRow(FeedbackRecord record, String text, Classification classification, String error) {

  /**
   * @throws NullPointerException if {@code record}, {@code text} or {@code classification} is null
   * @throws IllegalArgumentException if a failed row has tags, or an evidence span lies outside the text
   */
  public ClassifiedRow {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(classification, "classification");
    if (error != null && !classification.isEmpty()) {
      throw new IllegalArgumentException("a failed row cannot have themes");
    }
    checkEvidence(text, classification);
  }

  /** @throws IllegalArgumentException if an evidence span lies outside the text */
  static void checkEvidence(String text, Classification classification) {
    for (var tag : classification.tags()) {
      for (var e : tag.evidence()) {
        if (e.end() > text.length()) {
          throw new IllegalArgumentException(
              "evidence [" + e.start() + ", " + e.end() + ") of theme '" + tag.themeId()
                  + "' lies outside the text of length " + text.length());
        }
      }
    }
  }

  /** A classified row. */
  public static ClassifiedRow of(FeedbackRecord record, String text, Classification classification) {
    return new ClassifiedRow(record, text, classification, null);
  }

  /**
   * A row without classification.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ClassifiedRow failed(FeedbackRecord record, String error) {
    Objects.requireNonNull(error, "error");
    return new ClassifiedRow(record, "", Classification.EMPTY, error);
  }

  /** True when the row has an error. */
  public boolean isError() {
    return error != null;
  }
}
