package org.verbatim.text;

import java.util.Set;

/**
 * The {@link Profile#FAST} segmenter: the boundaries of OpenNLP's rule-based {@code SimpleTokenizer} (runs of
 * letters, of digits, of one repeated other character; computed by {@link SimpleTokens}), a repair pass, and a rule-based sentence splitter. No statistical model.
 *
 * <p>The repair pass merges what {@code SimpleTokenizer} splits but should be one token: surrogate pairs and
 * combining marks, letters next to digits ({@code 10am}), word-internal apostrophes ({@code didn't},
 * {@code O'Brien}; contractions are split again later, consistently with the maxent path), numbers
 * ({@code 2.5}, {@code 10,000}, {@code 10:30}, {@code 21/09/2021}), {@code A&E}, title abbreviations ({@code Mr.}),
 * initialisms ({@code e.g.}, {@code a.m.}), runs of sentence-final punctuation ({@code ?!}), URLs and e-mail
 * addresses. Hyphens stay separate tokens, as in OpenNLP's English UD tokenizer model. Tokens made only of
 * controls, format characters or unpaired surrogates are dropped.
 *
 * <p>Sentences end after a run of {@code . ! ?} (with closing quotes or brackets that follow it), at a line
 * break, and after a non-title abbreviation ({@code etc.}) followed by a capitalised word. They do not end at
 * {@code .} inside a word ({@code nhs.uk}), after an initial ({@code J. Smith}), after a list number at the start
 * of a sentence ({@code 1. Nothing}), nor at an ellipsis followed by a lower-case word.
 *
 * <p>Stateless and thread-safe.
 */
final class RuleSegmenter {

  /** Longest initialism without its final period ({@code a.b.c.d.e.f}); keeps "a.a.a.a..." linear. */
  private static final int MAX_INITIALISM = 11;

  private RuleSegmenter() {}

  /** Abbreviations that never end a sentence (a name follows). */
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "mx", "dr", "prof", "rev", "st", "sgt", "capt");

  /** Other abbreviations that take a period; they end a sentence when a capitalised word follows. */
  private static final Set<String> ABBREVIATIONS = Set.of("etc", "approx", "vs", "dept", "jr", "sr", "appt", "appts");

  /** Segments {@code text} into {@code scratch}'s span list (and returns it), using its scratch arrays. */
  static Segments segment(String string, char[] text, Analysis scratch) {
    int len = text.length;
    scratch.ensureScratch(len);
    int[] s = scratch.scratchStart;
    int[] e = scratch.scratchEnd;
    // SimpleTokens' spans are non-empty, in order, within the text and hold no Chars.isSpace character (its white
    // space, Character.isWhitespace or a space separator, includes every such character), so they need no trimming
    int m = SimpleTokens.split(text, len, s, e);
    Segments out = scratch.spans;
    out.clear();
    merge(text, string.indexOf('@') >= 0, s, e, m, out);
    dropJunk(text, out);
    splitSentences(text, out);
    return out;
  }

  private static void merge(char[] text, boolean mayHaveEmail, int[] s, int[] e, int m, Segments out) {
    int i = 0;
    while (i < m) {
      int a = s[i];
      int b = e[i];
      if (a >= b) {
        i++;
        continue;
      }
      int url = (mayHaveEmail || mayStartUrl(text, a)) && Chars.spaceBefore(text, a)
          ? urlOrEmailEnd(text, a, text.length) : -1;
      if (url > a) {
        out.add(a, url, 0);
        int j = i;
        while (j < m && s[j] < url) {
          if (e[j] > url) {
            s[j] = url;
            break;
          }
          j++;
        }
        i = j;
        continue;
      }
      if (out.size() > 0 && out.lastEnd() == a) {
        int consumed = mergeInto(text, s, e, m, i, out);
        if (consumed > 0) {
          i += consumed;
          continue;
        }
      }
      out.add(a, b, 0);
      i++;
    }
  }

  /** Tries to extend the last output token with span {@code i} (adjacent to it); returns the number of spans consumed. */
  private static int mergeInto(char[] text, int[] s, int[] e, int m, int i, Segments out) {
    int a = s[i];
    int b = e[i];
    char first = text[a];
    char before = text[a - 1];
    // a surrogate pair split in two
    if (Character.isLowSurrogate(first) && Character.isHighSurrogate(before)) {
      out.setLastEnd(b);
      return 1;
    }
    int cp = Character.codePointAt(text, a);
    int lastCp = Character.codePointBefore(text, a);
    if (Chars.isAttaching(cp) || lastCp == 0x200D) {
      out.setLastEnd(b);
      return 1;
    }
    if (Chars.isWordChar(lastCp) && Chars.isWordChar(cp)) {
      out.setLastEnd(b);
      return 1;
    }
    boolean single = b - a == 1;
    boolean nextAdjacent = i + 1 < m && s[i + 1] == b;
    // word-internal apostrophe: didn't, O'Brien
    if (single && Norms.isApostrophe(first) && Character.isLetter(lastCp) && nextAdjacent
        && Character.isLetter(Character.codePointAt(text, b))) {
      out.setLastEnd(e[i + 1]);
      return 2;
    }
    // number-internal separator: 2.5, 10,000, 10:30, 21/09/2021
    if (single && (first == '.' || first == ',' || first == ':' || first == '/') && Character.isDigit(lastCp)
        && nextAdjacent && Character.isDigit(Character.codePointAt(text, b))) {
      out.setLastEnd(e[i + 1]);
      return 2;
    }
    if (single && first == '.') {
      int lastStart = out.start(out.size() - 1);
      int lastLen = a - lastStart;
      // initialism in progress: e.g, a.m, U.K
      boolean letter = lastLen == 1 && Character.isLetter(lastCp);
      boolean initialism = lastLen >= 3 && lastLen <= MAX_INITIALISM && isInitialism(text, lastStart, a);
      if ((letter || initialism) && nextAdjacent && e[i + 1] - b == 1 && Character.isLetter(text[b])
          && (i + 2 >= m || s[i + 2] != e[i + 1] || text[e[i + 1]] == '.')) {
        out.setLastEnd(e[i + 1]);
        return 2;
      }
      if (initialism) {
        out.setLastEnd(b);
        return 1;
      }
      if (lastLen <= 6 && isAbbreviation(text, lastStart, a)) {
        out.setLastEnd(b);
        return 1;
      }
    }
    // letter-ampersand-letter: A&E, M&S
    if (single && first == '&' && Character.isLetterOrDigit(lastCp) && nextAdjacent
        && Character.isLetterOrDigit(Character.codePointAt(text, b))) {
      out.setLastEnd(e[i + 1]);
      return 2;
    }
    // runs of sentence-final punctuation: ?!, !?!
    if (isTerminalRange(text, a, b) && isTerminalRange(text, out.start(out.size() - 1), a)) {
      out.setLastEnd(b);
      return 1;
    }
    return 0;
  }

  /**
   * True when {@code text[from, to)} is an initialism ({@code e.g}, {@code U.K}) or a known abbreviation
   * ({@code Mr}, {@code etc}) that keeps the period that follows it.
   */
  static boolean takesPeriod(char[] text, int from, int to) {
    int len = to - from;
    return (len >= 3 && len <= MAX_INITIALISM && isInitialism(text, from, to)) || (len <= 6 && isAbbreviation(text, from, to));
  }

  /** Letters separated by single periods: {@code e.g}, {@code a.m}, {@code U.K} (no final period yet). */
  private static boolean isInitialism(char[] text, int from, int to) {
    if ((to - from) % 2 == 0) {
      return false;
    }
    for (int k = from; k < to; k++) {
      char c = text[k];
      if ((k - from) % 2 == 0 ? !Character.isLetter(c) : c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAbbreviation(char[] text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (text[k] >= 0x80) {
        String w = Norms.lowerAndFold(new String(text, from, (to) - (from)));
        return TITLES.contains(w) || ABBREVIATIONS.contains(w);
      }
    }
    return equalsAsciiIgnoreCase(text, from, to, TITLE_LIST) || equalsAsciiIgnoreCase(text, from, to, ABBREVIATION_LIST);
  }

  private static final String[] TITLE_LIST = TITLES.toArray(new String[0]);
  private static final String[] ABBREVIATION_LIST = ABBREVIATIONS.toArray(new String[0]);

  /** True when the ASCII text {@code text[from, to)}, lower-cased, is one of {@code words} (lower-case ASCII). */
  private static boolean equalsAsciiIgnoreCase(char[] text, int from, int to, String[] words) {
    int len = to - from;
    char first = text[from];
    if (first >= 'A' && first <= 'Z') {
      first = (char) (first + ('a' - 'A'));
    }
    for (String w : words) {
      // the words are lower-case ASCII and the text ASCII here: a first character that differs rules a word out
      if (w.length() == len && w.charAt(0) == first && startsWithIgnoreCase(text, from, w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTerminalRange(char[] text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text[k];
      if (c != '.' && c != '!' && c != '?' && c != '\u2026') {
        return false;
      }
    }
    return to > from;
  }

  /**
   * True when a URL may start at {@code a}: {@link #urlOrEmailEnd} finds one only after {@code http://},
   * {@code https://} or {@code www.} (in any case) when the text has no {@code @}; checks the first four characters.
   */
  private static boolean mayStartUrl(char[] text, int a) {
    if (a + 4 > text.length) {
      return false;
    }
    char c = text[a];
    if (c == 'h' || c == 'H') {
      return startsWithIgnoreCase(text, a, "http");
    }
    return (c == 'w' || c == 'W') && startsWithIgnoreCase(text, a, "www.");
  }

  /**
   * The end of a URL ({@code http://}, {@code https://}, {@code www.}) or e-mail address starting at {@code a},
   * without trailing punctuation, looking no further than {@code len}; -1 when there is none.
   */
  static int urlOrEmailEnd(char[] text, int a, int len) {
    if (a >= len) {
      return -1;
    }
    char c = text[a];
    if (!Character.isLetterOrDigit(c)) {
      return -1;
    }
    boolean url = startsWithIgnoreCase(text, a, "http://") || startsWithIgnoreCase(text, a, "https://")
        || startsWithIgnoreCase(text, a, "www.");
    int end = a;
    int at = -1;
    int dotAfterAt = -1;
    while (end < len && !Chars.isSpace(text[end])) {
      char x = text[end];
      if (x == '@' && at < 0) {
        at = end;
      } else if (x == '.' && at >= 0) {
        dotAfterAt = end;
      }
      end++;
    }
    if (!url && (at <= a || dotAfterAt <= at + 1)) {
      return -1;
    }
    while (end > a && ".,;:!?)]}'\"\u2019\u201D>".indexOf(text[end - 1]) >= 0) {
      end--;
    }
    if (!url && (dotAfterAt >= end - 1 || at >= end)) {
      return -1;
    }
    return end > a + 4 ? end : -1;
  }

  private static void dropJunk(char[] text, Segments out) {
    boolean[] keep = null;
    for (int i = 0; i < out.size(); i++) {
      char c = text[out.start(i)];
      if (c > 0x20 && c < 0x7F) {
        continue; // printable ASCII: not junk
      }
      if (Chars.isJunk(text, out.start(i), out.end(i))) {
        if (keep == null) {
          keep = new boolean[out.size()];
          java.util.Arrays.fill(keep, true);
        }
        keep[i] = false;
      }
    }
    if (keep != null) {
      out.retain(keep);
    }
  }

  private static void splitSentences(char[] text, Segments out) {
    int n = out.size();
    int sentence = 0;
    int first = 0;
    for (int i = 0; i < n; i++) {
      out.setSentence(i, sentence);
      if (i + 1 < n && mayEndSentence(text, out, i) && endsSentence(text, out, i) && !isListNumber(text, out, first, i)) {
        // closing quotes and brackets right after the final punctuation stay in the sentence
        while (i + 1 < n && out.start(i + 1) == out.end(i) && isCloser(text, out.start(i + 1), out.end(i + 1))
            && !lineBreakBetween(text, out.end(i), out.start(i + 1))) {
          i++;
          out.setSentence(i, sentence);
        }
        if (i + 1 < n) {
          sentence++;
          first = i + 1;
        }
      }
    }
  }

  /** A list number: "1." or "2)" as the first thing of a sentence ({@code i} is the period after it). */
  private static boolean isListNumber(char[] text, Segments out, int first, int i) {
    if (i != first + 1 || out.end(i) - out.start(i) != 1 || text[out.start(i)] != '.') {
      return false;
    }
    int a = out.start(first);
    int b = out.end(first);
    if (b != out.start(i) || b - a > 2) {
      return false;
    }
    for (int k = a; k < b; k++) {
      if (!Character.isDigit(text[k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * False when {@link #endsSentence} is sure to be: span {@code i} does not end in {@code . ! ?} or an ellipsis and at
   * most one space separates it from the next.
   */
  private static boolean mayEndSentence(char[] text, Segments out, int i) {
    int b = out.end(i);
    char last = text[b - 1];
    if (last == '.' || last == '!' || last == '?' || last == '\u2026') {
      return true;
    }
    int next = out.start(i + 1);
    return !(next == b || (next == b + 1 && text[b] == ' '));
  }

  private static boolean endsSentence(char[] text, Segments out, int i) {
    int a = out.start(i);
    int b = out.end(i);
    int next = out.start(i + 1);
    if (lineBreakBetween(text, b, next)) {
      return true;
    }
    char nextChar = text[next];
    if (isTerminalRange(text, a, b)) {
      if (b - a == 1 && text[a] == '.' && next == b && i > 0 && out.end(i - 1) == a
          && (Character.isLowerCase(nextChar) || Character.isDigit(nextChar))) {
        return false; // nhs.uk
      }
      if (b - a == 1 && text[a] == '.' && i > 0 && out.end(i - 1) == a && out.end(i - 1) - out.start(i - 1) == 1
          && Character.isUpperCase(text[a - 1]) && isInitialInName(text, out, i)) {
        return false; // an initial: "P. T. Service", "Dr J. Smith"
      }
      boolean ellipsis = text[a] == '\u2026' || (b - a >= 2 && text[a] == '.');
      return !(ellipsis && Character.isLowerCase(nextChar));
    }
    if (b - a >= 2 && text[b - 1] == '.' && Character.isLetter(text[a])) {
      // an abbreviation or initialism that kept its period
      String w = Norms.lowerAndFold(new String(text, a, (b - 1) - (a)));
      return !TITLES.contains(w) && Character.isUpperCase(nextChar);
    }
    return false;
  }

  /**
   * The period {@code i} follows a capital letter: is it an initial in a name? Yes when another initial follows
   * ("P. T."), or an initial or a title precedes ("Dr J. Smith"); "A and E. The" ends a sentence.
   */
  private static boolean isInitialInName(char[] text, Segments out, int i) {
    int next = out.start(i + 1);
    if (out.end(i + 1) - next == 1 && Character.isUpperCase(text[next])) {
      return true;
    }
    if (i < 2) {
      return false;
    }
    String before = Norms.lowerAndFold(new String(text, out.start(i - 2), (out.end(i - 2)) - (out.start(i - 2))));
    if (before.endsWith(".")) {
      before = before.substring(0, before.length() - 1);
      if (before.isEmpty()) {
        return true;
      }
    }
    return TITLES.contains(before);
  }

  private static boolean isCloser(char[] text, int a, int b) {
    if (b - a != 1) {
      return false;
    }
    char c = text[a];
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '\u201D' || c == '\u2019' || c == '\u00BB';
  }

  private static boolean lineBreakBetween(char[] text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (Chars.isLineBreak(text[k])) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code text} has {@code w} at {@code from}, ignoring case as {@link String#regionMatches(boolean, int, String, int, int)} does. */
  private static boolean startsWithIgnoreCase(char[] text, int from, String w) {
    if (from + w.length() > text.length) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      char c1 = text[from + k];
      char c2 = w.charAt(k);
      if (c1 == c2) {
        continue;
      }
      char u1 = Character.toUpperCase(c1);
      char u2 = Character.toUpperCase(c2);
      if (u1 != u2 && Character.toLowerCase(u1) != Character.toLowerCase(u2)) {
        return false;
      }
    }
    return true;
  }

}
