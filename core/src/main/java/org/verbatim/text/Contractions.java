package org.verbatim.text;

import java.util.List;
import java.util.Map;

/**
 * Splits contractions into a stem and a clitic, the way the Penn Treebank does, and gives their normalised forms.
 *
 * <ul>
 *   <li>{@code didn't} gives {@code did} + {@code n't}; {@code can't} gives {@code ca} + {@code n't} (norms
 *       {@code can}, {@code not}); {@code won't} gives {@code wo} + {@code n't} ({@code will}, {@code not}).
 *   <li>{@code I'm}, {@code they're}, {@code we've}, {@code you'll}, {@code he'd}, {@code it's} split before the
 *       apostrophe; the clitic norms are {@code am}, {@code are}, {@code have}, {@code will}, {@code would} and
 *       {@code 's} (which stays ambiguous: is, has or possessive).
 *   <li>Apostrophe-less negations, common in typed feedback ({@code didnt}, {@code dont}, {@code cant},
 *       {@code wont}, {@code isnt}, ...), are split the same way into a stem and {@code nt} (norm {@code not}).
 *       The cost: the rare nouns "cant" and "wont" are read as negations too.
 *   <li>{@code cannot} is split into {@code can} + {@code not}.
 * </ul>
 *
 * <p>Every apostrophe variant that {@link Norms#isApostrophe(char)} accepts is recognised. Stateless and thread-safe.
 */
final class Contractions {

  private Contractions() {}

  /** Apostrophe-less negated auxiliaries (lower case) and the length of their stem. */
  private static final Map<String, Integer> JOINED_NEGATIONS = Map.ofEntries(
      Map.entry("didnt", 3), Map.entry("dont", 2), Map.entry("doesnt", 4), Map.entry("isnt", 2),
      Map.entry("wasnt", 3), Map.entry("arent", 3), Map.entry("werent", 4), Map.entry("cant", 2),
      Map.entry("wont", 2), Map.entry("couldnt", 5), Map.entry("wouldnt", 5), Map.entry("shouldnt", 6),
      Map.entry("havent", 4), Map.entry("hasnt", 3), Map.entry("hadnt", 3), Map.entry("aint", 2),
      Map.entry("mustnt", 4), Map.entry("neednt", 4), Map.entry("shant", 3), Map.entry("mightnt", 5));

  /** Norms of stems that are spelled differently before {@code n't}. */
  private static final Map<String, String> NEGATED_STEMS = Map.of("ca", "can", "wo", "will", "sha", "shall", "ai", "is");

  /**
   * Where to split a token, or -1 when it is not a contraction.
   *
   * @return an index {@code k} with {@code 0 < k < token.length()}: the stem is {@code [0, k)}, the clitic {@code [k, length)}
   */
  static int splitPoint(String token) {
    return splitPoint(token.toCharArray(), 0, token.length());
  }

  /** As {@link #splitPoint(String)} for the token {@code text[from, to)}; the split is relative to {@code from}. */
  static int splitPoint(char[] text, int from, int to) {
    int n = to - from;
    if (n < 3) {
      return -1;
    }
    char last = text[to - 1];
    // stem + n't
    if (n >= 4 && (last == 't' || last == 'T') && Norms.isApostrophe(text[to - 2])
        && (text[to - 3] == 'n' || text[to - 3] == 'N') && lettersOnly(text, from, to - 3)) {
      return n - 3;
    }
    // stem + 'm / 'd / 's
    if (Norms.isApostrophe(text[to - 2]) && isOneOf(last, "mdsMDS") && lettersOnly(text, from, to - 2)) {
      return n - 2;
    }
    // stem + 're / 've / 'll
    if (n >= 4 && Norms.isApostrophe(text[to - 3]) && lettersOnly(text, from, to - 3)) {
      char a = Character.toLowerCase(text[to - 2]);
      char b = Character.toLowerCase(last);
      if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) {
        return n - 3;
      }
    }
    // apostrophe-less negations: only words ending in "nt" are looked up
    if (n >= 4 && n <= 8 && (last == 't' || last == 'T')
        && (text[to - 2] == 'n' || text[to - 2] == 'N')) {
      return joinedNegation(text, from, to);
    }
    if (n == 6 && (text[from] == 'c' || text[from] == 'C') && equalsIgnoreCase(text, from, "cannot")) {
      return 3;
    }
    return -1;
  }

  /** The stem length of an apostrophe-less negation ({@code didnt} gives 3), or -1. */
  private static int joinedNegation(char[] text, int from, int to) {
    for (Map.Entry<String, Integer> e : JOINED_NEGATION_LIST) {
      String w = e.getKey();
      if (w.length() == to - from && regionEqualsAsciiLower(text, from, w)) {
        return e.getValue();
      }
    }
    return -1;
  }

  private static final List<Map.Entry<String, Integer>> JOINED_NEGATION_LIST = List.copyOf(JOINED_NEGATIONS.entrySet());

  /** True when {@code text[from, from + w.length())} lower-cased in ASCII equals {@code w}. */
  private static boolean regionEqualsAsciiLower(char[] text, int from, String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = text[from + i];
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != w.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** True when a clitic (the part after {@link #splitPoint(String)}) is a negation: {@code n't}, {@code nt} or {@code not}. */
  static boolean isNegativeClitic(String cliticNorm) {
    return cliticNorm.equals("not");
  }

  /** The norm of a clitic given its text: {@code n't}, {@code nt}, {@code not} give {@code not}; {@code 'm} gives {@code am}, .... */
  static String cliticNorm(String clitic) {
    String folded = Norms.lowerAndFold(clitic);
    if (folded.equals("nt") || folded.equals("n't")) {
      return "not";
    }
    return Norms.expandClitic(folded);
  }

  /** The norm of a stem; {@code negated} is true when the clitic is a negation ({@code ca} gives {@code can}). */
  static String stemNorm(String stem, boolean negated) {
    String folded = Norms.lowerAndFold(stem);
    if (negated) {
      String spelled = NEGATED_STEMS.get(folded);
      if (spelled != null) {
        return spelled;
      }
    }
    return folded;
  }

  private static boolean lettersOnly(char[] s, int from, int to) {
    if (to <= from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (c < 0x80 ? !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) : !Character.isLetter(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code text[from, from + w.length())} equals {@code w} ignoring case, as {@link String#equalsIgnoreCase}. */
  private static boolean equalsIgnoreCase(char[] text, int from, String w) {
    for (int k = 0; k < w.length(); k++) {
      char c1 = text[from + k];
      char c2 = w.charAt(k);
      if (c1 != c2) {
        char u1 = Character.toUpperCase(c1);
        char u2 = Character.toUpperCase(c2);
        if (u1 != u2 && Character.toLowerCase(u1) != Character.toLowerCase(u2)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isOneOf(char c, String chars) {
    return chars.indexOf(c) >= 0;
  }
}
