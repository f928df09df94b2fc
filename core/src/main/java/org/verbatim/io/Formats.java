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
  /** Theme ids as bytes with {@link #escapeId} applied, for the evidence words column. */
  private final Map<String, byte[]> escapedIds = new HashMap<>();
  /** {@link Polarity#id()} as bytes, by ordinal ({@code id()} builds a new string on each call). */
  private static final byte[][] POLARITY_IDS = new byte[Polarity.values().length][];
  /** The separators of the evidence words column. */
  private static final byte[] THEME_SEPARATOR = {';', ' '};
  private static final byte[] ID_END = {':', ' '};
  private static final byte[] SPAN_SEPARATOR = {' ', '|', ' '};

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

  /**
   * Appends the six added CSV columns of a row: themes, scores, polarity, evidence, evidence_text and error.
   *
   * @param text the classified text the evidence offsets point into (unused when no theme has evidence)
   */
  void appendColumns(CsvRow row, Classification c, String text, String error) {
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
    row.close().open();
    if (any) {
      appendEvidenceText(row, tags, text);
    }
    row.close();
    row.add(error == null ? "" : error);
  }

  /** Appends what {@link #evidenceText(Classification, String)} returns, as bytes, without building strings. */
  private void appendEvidenceText(CsvRow row, List<ThemeTag> tags, String text) {
    boolean any = false;
    for (int i = 0, n = tags.size(); i < n; i++) {
      ThemeTag t = tags.get(i);
      List<Evidence> evidence = t.evidence();
      if (evidence.isEmpty()) {
        continue;
      }
      if (any) {
        row.append(THEME_SEPARATOR);
      }
      any = true;
      row.append(escapedId(t.themeId())).append(ID_END);
      for (int k = 0, m = evidence.size(); k < m; k++) {
        Evidence e = evidence.get(k);
        if (k > 0) {
          row.append(SPAN_SEPARATOR);
        }
        row.appendEscaped(text, e.start(), e.end());
      }
    }
  }

  private byte[] escapedId(String id) {
    byte[] b = escapedIds.get(id);
    if (b == null) {
      b = escapeId(id).getBytes(StandardCharsets.UTF_8);
      if (escapedIds.size() < 10_000) {
        escapedIds.put(id, b);
      }
    }
    return b;
  }

  /**
   * The evidence words of a row: for each theme with evidence, in the order of the themes column,
   * {@code theme: words | words}, joined by {@code "; "}, e.g. {@code listening: never listened | ignored me;
   * respect: always polite}; empty when no theme has evidence. In the words a backslash, {@code |} and {@code ;}
   * are written with a backslash before them ({@code \\}, {@code \|}, {@code \;}); in a theme id {@code :} too.
   * So a cell splits back read left to right: a backslash takes the next character as it is, any other {@code ;}
   * ends a theme (with the space after it), any other {@code |} a span (with the spaces around it), and a theme id
   * ends at its first unescaped {@code :} (with the space after it); see {@code EvidenceWordsTest.parse}.
   *
   * @param text the classified text the evidence offsets point into
   */
  String evidenceText(Classification c, String text) {
    StringBuilder sb = new StringBuilder();
    for (ThemeTag t : c.tags()) {
      if (t.evidence().isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(escapeId(t.themeId())).append(": ");
      appendWords(sb, t, text);
    }
    return sb.toString();
  }

  /** The evidence words of one tag: each span's text escaped as in {@link #evidenceText}, joined by {@code " | "}. */
  static String words(ThemeTag t, String text) {
    StringBuilder sb = new StringBuilder();
    appendWords(sb, t, text);
    return sb.toString();
  }

  private static void appendWords(StringBuilder sb, ThemeTag t, String text) {
    boolean first = true;
    for (Evidence e : t.evidence()) {
      if (!first) {
        sb.append(" | ");
      }
      first = false;
      for (int p = e.start(); p < e.end(); p++) {
        char ch = text.charAt(p);
        if (ch == '\\' || ch == '|' || ch == ';') {
          sb.append('\\');
        }
        sb.append(ch);
      }
    }
  }

  /** A theme id with a backslash, {@code |}, {@code ;} and {@code :} escaped by a backslash. */
  static String escapeId(String id) {
    StringBuilder sb = null;
    for (int i = 0; i < id.length(); i++) {
      char ch = id.charAt(i);
      if (ch == '\\' || ch == '|' || ch == ';' || ch == ':') {
        if (sb == null) {
          sb = new StringBuilder(id.length() + 4).append(id, 0, i);
        }
        sb.append('\\');
      }
      if (sb != null) {
        sb.append(ch);
      }
    }
    return sb == null ? id : sb.toString();
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
