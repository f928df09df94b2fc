package org.verbatim.io;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeTag;

/** Text forms of the added columns shared by the writers. Not thread-safe (holds a {@link DecimalFormat}). */
final class Formats {

  private final DecimalFormat score = new DecimalFormat("0.00#", DecimalFormatSymbols.getInstance(Locale.ROOT));

  Formats() {
    score.setRoundingMode(RoundingMode.HALF_UP);
  }

  /** A score with two or three decimals, e.g. {@code 0.83}, {@code 0.835}, {@code 1.00}. */
  String score(double value) {
    StringBuilder sb = new StringBuilder(6);
    appendScore(sb, value);
    return sb.toString();
  }

  /**
   * Appends {@link #score(double)}: what {@code DecimalFormat("0.00#")} with half-up rounding writes, computed
   * directly for non-negative values below a million unless the value lies within a hair of a rounding tie
   * (there the exact decimal expansion decides, so the format does).
   */
  void appendScore(StringBuilder sb, double value) {
    double thousandths = value * 1000;
    double fraction = thousandths - Math.floor(thousandths);
    if (Double.doubleToRawLongBits(value) < 0 || !(value < 1e6) || Math.abs(fraction - 0.5) < 1e-6) {
      sb.append(score.format(value));
      return;
    }
    long r = (long) Math.floor(thousandths + 0.5);
    sb.append(r / 1000).append('.');
    long decimals = r % 1000;
    sb.append((char) ('0' + decimals / 100)).append((char) ('0' + decimals / 10 % 10));
    if (decimals % 10 != 0) {
      sb.append((char) ('0' + decimals % 10));
    }
  }

  String themes(Classification c) {
    StringBuilder sb = new StringBuilder();
    for (ThemeTag t : c.tags()) {
      separate(sb, ';').append(t.themeId());
    }
    return sb.toString();
  }

  String scores(Classification c) {
    StringBuilder sb = new StringBuilder();
    for (ThemeTag t : c.tags()) {
      appendScore(separate(sb, ';').append(t.themeId()).append(':'), t.score());
    }
    return sb.toString();
  }

  String polarities(Classification c) {
    StringBuilder sb = new StringBuilder();
    for (ThemeTag t : c.tags()) {
      separate(sb, ';').append(t.themeId()).append(':').append(t.polarity().id());
    }
    return sb.toString();
  }

  String evidence(Classification c) {
    StringBuilder sb = new StringBuilder();
    for (ThemeTag t : c.tags()) {
      if (t.evidence().isEmpty()) {
        continue;
      }
      separate(sb, ';').append(t.themeId()).append(':');
      boolean first = true;
      for (Evidence e : t.evidence()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(e.start()).append('-').append(e.end());
      }
    }
    return sb.toString();
  }

  private static StringBuilder separate(StringBuilder sb, char separator) {
    if (sb.length() > 0) {
      sb.append(separator);
    }
    return sb;
  }
}
