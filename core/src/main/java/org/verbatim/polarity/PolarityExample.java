package org.verbatim.polarity;

import java.util.Objects;
import org.verbatim.Polarity;

/**
 * One labelled (comment, theme) pair for training or scoring a {@link PolarityModel}.
 *
 * <pre>{@code
 * PolarityExample e = new PolarityExample("Food great but staff rude.", "staff", Polarity.NEGATIVE);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the whole comment
 * @param themeId the theme the polarity is about
 * @param polarity the gold polarity of the comment towards that theme
 * @throws NullPointerException if a component is null
 * @throws IllegalArgumentException if {@code themeId} is blank
 */
public record PolarityExample(String text, String themeId, Polarity polarity) {

  public PolarityExample {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(themeId, "themeId");
    Objects.requireNonNull(polarity, "polarity");
    if (themeId.isBlank()) {
      throw new IllegalArgumentException("themeId must not be blank");
    }
  }
}
