package org.verbatim.codebook;

import java.util.Objects;
import org.verbatim.Polarity;

/**
 * A cue: a pattern whose presence in a comment suggests a theme, optionally with the polarity it carries.
 *
 * <pre>{@code
 * Cue c = Cue.of("never listen*", Polarity.NEGATIVE);
 * Cue neutral = Cue.of("listen*");        // polarity decided from context
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param pattern the parsed pattern
 * @param polarity the polarity the cue carries when not negated, or {@code null} when the context decides
 * @param weight how strongly the cue signals the theme, {@code > 0}; 1 is a clear cue
 */
public record Cue(CuePattern pattern, Polarity polarity, double weight) {

  public Cue {
    Objects.requireNonNull(pattern, "pattern");
    if (!(weight > 0 && weight <= 10)) {
      throw new IllegalArgumentException("cue weight must be in (0, 10]: " + weight + " for '" + pattern.source() + "'");
    }
  }

  /** A cue with weight 1 and a fixed polarity ({@code null}: from context). */
  public static Cue of(String pattern, Polarity polarity) {
    return new Cue(CuePattern.parse(pattern), polarity, 1.0);
  }

  /** A cue with weight 1 whose polarity is decided from context. */
  public static Cue of(String pattern) {
    return of(pattern, null);
  }
}
