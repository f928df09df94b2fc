package org.verbatim.eval;

/**
 * A closed interval {@code [lower, upper]}, e.g. a bootstrap confidence interval.
 *
 * <pre>{@code
 * Interval ci = new Interval(0.61, 0.78);
 * ci.contains(0.7);   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param lower the lower bound
 * @param upper the upper bound, {@code >= lower}
 */
public record Interval(double lower, double upper) {

  /** @throws IllegalArgumentException if a bound is NaN or {@code upper < lower} */
  public Interval {
    if (Double.isNaN(lower) || Double.isNaN(upper) || upper < lower) {
      throw new IllegalArgumentException("interval needs lower <= upper: [" + lower + ", " + upper + "]");
    }
  }

  /** Whether {@code lower <= x <= upper}. */
  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }

  /** {@code upper - lower}. */
  public double width() {
    return upper - lower;
  }
}
