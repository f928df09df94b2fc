package org.verbatim.codebook;

import java.util.Objects;
import org.verbatim.Polarity;

/**
 * An example comment for a theme, with the polarity a coder would give it for that theme.
 *
 * @param text the example comment
 * @param polarity its polarity for the theme
 */
public record Example(String text, Polarity polarity) {
  public Example {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(polarity, "polarity");
  }
}
