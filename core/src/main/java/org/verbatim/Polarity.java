package org.verbatim;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a comment praises or complains about a theme.
 *
 * <p>{@code MIXED} means the comment does both ("kind most days, rude on Tuesday"); {@code NEUTRAL} means
 * the theme is mentioned without a judgement, where a dataset or codebook distinguishes that case.
 *
 * <pre>{@code
 * Polarity p = Polarity.parse("negative");   // NEGATIVE
 * p.id();                                    // "negative"
 * }</pre>
 */
public enum Polarity {
  POSITIVE,
  NEGATIVE,
  MIXED,
  NEUTRAL;

  /** The lower-case name used in files: {@code positive}, {@code negative}, {@code mixed}, {@code neutral}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The opposite judgement: positive and negative swap, mixed and neutral stay. */
  public Polarity flip() {
    return switch (this) {
      case POSITIVE -> NEGATIVE;
      case NEGATIVE -> POSITIVE;
      default -> this;
    };
  }

  /**
   * Parses a polarity name, ignoring case and surrounding white space.
   *
   * @throws IllegalArgumentException if the value is not one of the four names
   */
  public static Polarity parse(String value) {
    Objects.requireNonNull(value, "value");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (Polarity p : values()) {
      if (p.id().equals(v)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "polarity must be one of positive, negative, mixed, neutral: '" + value + "'");
  }
}
