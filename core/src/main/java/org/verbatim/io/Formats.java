package org.verbatim.io;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;

/**
 * Text forms of the added columns shared by the writers, as strings or straight into a {@link CsvRow}'s bytes.
 * Not thread-safe (holds a {@link DecimalFormat} and a cache of theme ids as bytes).
 */
final class Formats {

  private final DecimalFormat score = new DecimalFormat("0.00#", DecimalFormatSymbols.getInstance(Locale.ROOT));
  private final Map<String, byte[]> utf8 = new HashMap<>();
  /** {@link Polarity#id()} as bytes, by ordinal ({@code id()} builds a new string on each call). */
  private static final byte[][] POLARITY_IDS = new byte[Polarity.values().length][];

  static {
    for (Polarity p : Polarity.values()) {
      POLARITY_IDS[p.ordinal()] = p.id().getBytes(StandardCharsets.UTF_8);
    }
  }

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
    long r = thousandths(value);
    if (r < 0) {
      sb.append(score.format(value));
      return;
    }
    long decimals = r % 1000;
    sb.append(r / 1000).append('.').append((char) ('0' + decimals / 100)).append((char) ('0' + decimals / 10 % 10));
    if (decimals % 10 != 0) {
      sb.append((char) ('0' + decimals % 10));
    }
  }

  /**
   * {@code value} in thousandths rounded half up, or -1 where the format must decide: a negative value, one of a
   * million or more, or one within a hair of a rounding tie (where the exact decimal expansion decides).
   */
  private static long thousandths(double value) {
    double thousandths = value * 1000;
    double fraction = thousandths - Math.floor(thousandths);
    if (Double.doubleToRawLongBits(value) < 0 || !(value < 1e6) || Math.abs(fraction - 0.5) < 1e-6) {
      return -1;
    }
    return (long) Math.floor(thousandths + 0.5);
  }

  /**
   * Appends what {@link #appendScore(StringBuilder, double)} appends, as bytes.
   */
  void appendScore(CsvRow row, double value) {
    long r = thousandths(value);
    if (r < 0) {
      row.appendText(score.format(value));
      return;
    }
    long decimals = r % 1000;
    row.append(r / 1000).append('.').append((char) ('0' + decimals / 100)).append((char) ('0' + decimals / 10 % 10));
    if (decimals % 10 != 0) {
      row.append((char) ('0' + decimals % 10));
    }
  }

  /** Appends the five added CSV columns of a row: themes, scores, polarity, evidence and error. */
  void appendColumns(CsvRow row, Classification c, String error) {
    List<ThemeTag> tags = c.tags();
    int n = tags.size();
    row.open();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        row.append(';');
      }
      row.append(bytes(tags.get(i).themeId()));
    }
    row.close().open();
    for (int i = 0; i < n; i++) {
      ThemeTag t = tags.get(i);
      if (i > 0) {
        row.append(';');
      }
      appendScore(row.append(bytes(t.themeId())).append(':'), t.score());
    }
    row.close().open();
    for (int i = 0; i < n; i++) {
      ThemeTag t = tags.get(i);
      if (i > 0) {
        row.append(';');
      }
      row.append(bytes(t.themeId())).append(':').append(POLARITY_IDS[t.polarity().ordinal()]);
    }
    row.close().open();
    boolean any = false;
    for (int i = 0; i < n; i++) {
      ThemeTag t = tags.get(i);
      List<Evidence> evidence = t.evidence();
      if (evidence.isEmpty()) {
        continue;
      }
      if (any) {
        row.append(';');
      }
      any = true;
      row.append(bytes(t.themeId())).append(':');
      for (int k = 0; k < evidence.size(); k++) {
        Evidence e = evidence.get(k);
        if (k > 0) {
          row.append(',');
        }
        row.append(e.start()).append('-').append(e.end());
      }
    }
    row.close();
    row.add(error == null ? "" : error);
  }

  private byte[] bytes(String s) {
    byte[] b = utf8.get(s);
    if (b == null) {
      b = s.getBytes(StandardCharsets.UTF_8);
      if (utf8.size() < 10_000) {
        utf8.put(s, b);
      }
    }
    return b;
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
