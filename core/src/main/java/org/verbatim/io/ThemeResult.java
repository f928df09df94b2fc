package org.verbatim.io;

import java.util.List;
import java.util.Objects;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;

/**
 * One theme assigned to one row of a classified file: the theme id, its score, its polarity and its evidence
 * spans (UTF-16 offsets into the row's text; they are not checked against the text here, the report clamps them).
 *
 * <pre>{@code
 * new ThemeResult("listening", 0.83, Polarity.NEGATIVE, List.of(new Evidence(4, 23)));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param theme the theme id, not blank
 * @param score the score in [0, 1], or {@code NaN} when the file did not give one
 * @param polarity the polarity; {@link Polarity#NEUTRAL} when the file did not give one
 * @param evidence the evidence spans, possibly empty
 */
public record ThemeResult(String theme, double score, Polarity polarity, List<Evidence> evidence) {

  /**
   * @throws NullPointerException if {@code theme}, {@code polarity} or {@code evidence} is null
   * @throws IllegalArgumentException if {@code theme} is blank or {@code score} is outside [0, 1] and not NaN
   */
  public ThemeResult {
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(polarity, "polarity");
    evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
    if (theme.isBlank()) {
      throw new IllegalArgumentException("theme must not be blank");
    }
    if (!Double.isNaN(score) && (score < 0.0 || score > 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1] for theme '" + theme + "': " + score);
    }
  }

  /**
   * The result for a tag from a {@link org.verbatim.ThemeClassifier}.
   *
   * @throws NullPointerException if {@code tag} is null
   */
  public static ThemeResult of(ThemeTag tag) {
    Objects.requireNonNull(tag, "tag");
    return new ThemeResult(tag.themeId(), tag.score(), tag.polarity(), tag.evidence());
  }
}
