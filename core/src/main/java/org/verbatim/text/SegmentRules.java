package org.verbatim.text;

/**
 * The character rules of the FAST segmenter, for the segmenters of other backends (such as
 * {@code org.verbatim.opennlp}) so that every backend treats white space, junk, URLs and abbreviations alike.
 *
 * <pre>{@code
 * if (!SegmentRules.isJunk(text, a, b)) segments.add(a, b, sentence);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SegmentRules {

  private SegmentRules() {}

  /** White space as OpenNLP's tokenizers see it: Java white space plus the space separators (no-break space). */
  public static boolean isSpace(int cp) {
    return Chars.isSpace(cp);
  }

  /** A line break: LF, CR, NEL, line and paragraph separators. */
  public static boolean isLineBreak(char c) {
    return Chars.isLineBreak(c);
  }

  /** True when {@code text[from, to)} holds only white space, controls, format characters or unpaired surrogates. */
  public static boolean isJunk(String text, int from, int to) {
    return Chars.isJunk(text, from, to);
  }

  /** True when {@code text[from, to)} is non-empty and made only of punctuation (Unicode categories P*). */
  public static boolean isPunctuation(String text, int from, int to) {
    return Chars.isPunctuation(text.toCharArray(), from, to);
  }

  /**
   * The end of a URL ({@code http://}, {@code https://}, {@code www.}) or e-mail address starting at {@code from},
   * without trailing punctuation, looking no further than {@code limit}; -1 when there is none.
   */
  public static int urlOrEmailEnd(String text, int from, int limit) {
    return RuleSegmenter.urlOrEmailEnd(text.toCharArray(), from, limit);
  }

  /**
   * True when {@code text[from, to)} is an initialism ({@code e.g}, {@code U.K}) or a known abbreviation
   * ({@code Mr}, {@code etc}) that keeps the period that follows it.
   */
  public static boolean takesPeriod(String text, int from, int to) {
    return RuleSegmenter.takesPeriod(text.toCharArray(), from, to);
  }

  /** Folds typographic apostrophes and double quotes to ASCII, keeping case. */
  public static String foldQuotes(String s) {
    return Norms.fold(s);
  }
}
