package org.verbatim.classify;

import java.util.Locale;

/**
 * How a comment's passing labels are ordered when at most K are kept, and which single label the
 * "at least one" rule forces when none passes.
 *
 * <ul>
 *   <li>{@link #MARGIN}: largest score minus threshold first (what the scikit-learn and fastText baselines do);
 *   <li>{@link #SCORE}: largest raw score (logit) first, so a theme with a low tuned threshold does not win
 *       merely because its threshold is low.
 * </ul>
 */
public enum Ranking {
  MARGIN,
  SCORE;

  /** The lower-case id, e.g. {@code margin}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an id as returned by {@link #id()}.
   *
   * @throws IllegalArgumentException listing the known ids
   */
  public static Ranking parse(String id) {
    java.util.Objects.requireNonNull(id, "id");
    String v = id.strip().toLowerCase(Locale.ROOT);
    for (Ranking r : values()) {
      if (r.id().equals(v)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown ranking '" + id + "': expected margin or score");
  }
}
