package org.verbatim.text;

import java.util.Locale;

/**
 * Normalised forms of tokens: lower case ({@link Locale#ROOT}), typographic apostrophes and double quotes
 * folded to ASCII, and the clitic forms of contractions spelled out ({@code n't} gives {@code not}).
 *
 * <p>Stateless and thread-safe.
 */
final class Norms {

  private Norms() {}

  /**
   * True for the characters used as an apostrophe in feedback text: ASCII {@code '}, right and left single
   * quotation marks, modifier letter apostrophe, acute accent and grave accent (typed on some keyboards), prime.
   */
  static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u00B4' || c == '`' || c == '\u2032';
  }

  /** True for ASCII and typographic double quotation marks (and the double prime). */
  static boolean isDoubleQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u2033';
  }

  /**
   * The normalised form of a token: lower case, apostrophes and double quotes folded, clitics spelled out.
   * Returns {@code token} itself when nothing changes.
   */
  static String norm(String token) {
    String folded = lowerAndFold(token);
    return expandClitic(folded);
  }

  /** Lower-cases ({@link Locale#ROOT}) and folds apostrophes and double quotes; never allocates when nothing changes. */
  static String lowerAndFold(String s) {
    int n = s.length();
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z') || c == '`') {
        break;
      }
    }
    if (i == n) {
      return s;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    return fold(lower);
  }

  /** Folds apostrophe and double-quote variants to ASCII, keeping case; returns {@code s} when nothing changes. */
  static String fold(String s) {
    char[] chars = null;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      char f = c;
      if (c != '\'' && isApostrophe(c)) {
        f = '\'';
      } else if (c != '"' && isDoubleQuote(c)) {
        f = '"';
      }
      if (f != c) {
        if (chars == null) {
          chars = s.toCharArray();
        }
        chars[i] = f;
      }
    }
    return chars == null ? s : new String(chars);
  }

  /** Spells out a clitic given in folded lower case ({@code n't}, {@code 'm}, ...); other strings are returned unchanged. */
  static String expandClitic(String folded) {
    if (folded.length() > 3 || folded.length() < 2) {
      return folded;
    }
    switch (folded) {
      case "n't":
        return "not";
      case "'m":
        return "am";
      case "'re":
        return "are";
      case "'ve":
        return "have";
      case "'ll":
        return "will";
      case "'d":
        return "would";
      default:
        return folded;
    }
  }
}
