package org.verbatim.train;

import java.util.Locale;

/**
 * How decision thresholds are chosen from out-of-fold scores.
 *
 * <ul>
 *   <li>{@link #PER_LABEL}: per theme, the threshold maximising that theme's F1; themes with fewer than
 *       5 positives use the global one.
 *   <li>{@link #GLOBAL}: one threshold maximising pooled (micro) F1.
 *   <li>{@link #NONE}: logit 0 (probability 0.5).
 *   <li>{@link #AUTO}: all three compete; the one with the best cross-validated selection score wins.
 * </ul>
 */
public enum ThresholdRule {
  AUTO,
  PER_LABEL,
  GLOBAL,
  NONE;

  /** The lower-case id, e.g. {@code per-label}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses an id as returned by {@link #id()}.
   *
   * @throws IllegalArgumentException listing the known ids
   */
  public static ThresholdRule parse(String id) {
    java.util.Objects.requireNonNull(id, "id");
    String v = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ThresholdRule r : values()) {
      if (r.id().equals(v)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown threshold rule '" + id + "': expected auto, per-label, global or none");
  }
}
