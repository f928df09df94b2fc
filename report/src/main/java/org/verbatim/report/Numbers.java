package org.verbatim.report;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rounding rule for the numbers the report shows to people, in its text, tables and charts (values,
 * legends, axes): half up on the value's exact decimal expansion, as {@code verbatim classify} rounds its scores
 * ({@code org.verbatim.io.Formats}), to a fixed number of decimals per kind of number: {@value #PERCENT} for
 * percentages, {@value #FIGURE} for accuracy figures and other fractions, none for counts.
 *
 * <pre>{@code
 * Numbers.fixed(44.44444444444444, Numbers.PERCENT);   // "44.4"
 * Numbers.round(44.44444444444444, Numbers.PERCENT);   // 44.4, what a chart is given
 * Numbers.percent(4, 9);                               // "44.4%"
 * Numbers.forPeople("0.695412");                       // "0.695"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class Numbers {

  /** Decimals of a percentage. */
  static final int PERCENT = 1;
  /** Decimals of an accuracy figure (F1, kappa, ...) or another fraction. */
  static final int FIGURE = 3;

  /** A plain decimal with more decimals than {@link #FIGURE}. */
  private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{" + (FIGURE + 1) + ",}");

  private Numbers() {}

  /**
   * {@code value} rounded half up to {@code decimals} decimals, written with exactly that many (no grouping,
   * {@code .} as the decimal point), e.g. {@code 44.4}, {@code 0.695}, {@code 12}; {@code n/a} for NaN or an
   * infinity.
   *
   * @throws IllegalArgumentException if {@code decimals} is negative
   */
  static String fixed(double value, int decimals) {
    if (decimals < 0) {
      throw new IllegalArgumentException("decimals must be >= 0: " + decimals);
    }
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    String s = f.format(value);
    return s.equals("-0") || s.matches("-0\\.0+") ? s.substring(1) : s;
  }

  /**
   * {@code value} rounded by the same rule, as a double (the nearest one to the decimal {@link #fixed} writes): what
   * a chart is given, so its value labels and its legend show the figures of the tables. NaN stays NaN.
   */
  static double round(double value, int decimals) {
    return Double.isFinite(value) ? Double.parseDouble(fixed(value, decimals)) : value;
  }

  /**
   * {@code part} as a percentage of {@code whole} with {@value #PERCENT} decimal, e.g. {@code 44.4%}; {@code under
   * 0.1%} for a share that is not zero but would round to it; a dash when {@code whole} is not positive.
   */
  static String percent(long part, long whole) {
    if (whole <= 0) {
      return "–";
    }
    double p = 100.0 * part / whole;
    return p > 0 && p < 0.1 ? "under 0.1%" : fixed(p, PERCENT) + "%";
  }

  /**
   * A value read from a file (a sidecar's figures and details) for people: a plain decimal with more than
   * {@value #FIGURE} decimals rounded to {@value #FIGURE}; an ISO-8601 instant ({@code 2026-12-05T23:21:14.498Z},
   * as the sidecar's {@code finished}) to the minute as the report's own date ({@code 5 December 2026, 23:21 UTC});
   * anything else (text, an integer, a version, a short decimal) as it is.
   */
  static String forPeople(String value) {
    String v = value.strip();
    if (LONG_DECIMAL.matcher(v).matches()) {
      return fixed(Double.parseDouble(v), FIGURE);
    }
    if (v.length() >= 20 && Character.isDigit(v.charAt(0)) && v.charAt(10) == 'T') {
      try {
        return MINUTE.format(java.time.Instant.parse(v));
      } catch (java.time.format.DateTimeParseException e) {
        return value;
      }
    }
    return value;
  }

  /** How the report writes a moment: to the minute, in UTC. */
  static final java.time.format.DateTimeFormatter MINUTE =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(java.time.ZoneOffset.UTC);
}
