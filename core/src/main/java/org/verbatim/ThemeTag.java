package org.verbatim;

import java.util.List;
import java.util.Objects;

/**
 * One theme found in a comment: the theme id, a score in [0, 1], a polarity and the evidence spans.
 *
 * <pre>{@code
 * ThemeTag tag = new ThemeTag("listening", 0.83, Polarity.NEGATIVE, List.of(new Evidence(4, 23)));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@code evidence} is copied and sorted by offset.
 *
 * @param themeId the codebook id of the theme, e.g. {@code listening}
 * @param score confidence in [0, 1]; higher is more certain (not a calibrated probability unless the
 *     classifier says so)
 * @param polarity praise, complaint, both or neither
 * @param evidence spans of the text that justify the tag; may be empty for a purely statistical model
 */
public record ThemeTag(String themeId, double score, Polarity polarity, List<Evidence> evidence) {

  /**
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code themeId} is blank or {@code score} is outside [0, 1]
   */
  public ThemeTag {
    Objects.requireNonNull(themeId, "themeId");
    Objects.requireNonNull(polarity, "polarity");
    Objects.requireNonNull(evidence, "evidence");
    if (themeId.isBlank()) {
      throw new IllegalArgumentException("themeId must not be blank");
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    evidence = sortedCopy(evidence);
  }

  /** An immutable copy in offset order (a plain copy when already sorted, as classifiers give them). */
  private static List<Evidence> sortedCopy(List<Evidence> evidence) {
    Evidence[] a = evidence.toArray(new Evidence[0]);
    for (int i = 1; i < a.length; i++) {
      if (a[i - 1].compareTo(a[i]) > 0) {
        java.util.Arrays.sort(a);
        break;
      }
    }
    return List.of(a);
  }
}
