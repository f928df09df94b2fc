package org.verbatim.text;

/**
 * Character classes used by the segmenters and annotators. Works on code points, so surrogate pairs count as one
 * character and unpaired surrogates are recognised.
 *
 * <p>Stateless and thread-safe.
 */
final class Chars {

  private Chars() {}

  /** White space as OpenNLP's tokenizers see it: Java white space plus the space separators (no-break space). */
  static boolean isSpace(int cp) {
    if (cp < 0x80) {
      return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }
    return Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR;
  }

  /** A line break: LF, CR, NEL, line and paragraph separators. */
  static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Combining marks and the joiners/modifiers that belong to the preceding character. */
  static boolean isAttaching(int cp) {
    if (cp < 0x300) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || cp == 0x200D // zero width joiner
        || (cp >= 0x1F3FB && cp <= 0x1F3FF); // emoji skin-tone modifiers
  }

  /** Letters, digits and combining marks: what words are made of. */
  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }

  /** True for white space, controls, format characters and unpaired surrogates: characters that carry no content. */
  static boolean isJunk(int cp) {
    if (cp > 0x20 && cp < 0x7F) {
      return false;
    }
    if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
      return true; // codePointAt returns an unpaired surrogate as itself
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || isSpace(cp);
  }

  /** True when {@code text[from, to)} holds nothing but {@link #isJunk(int) junk}. */
  static boolean isJunk(String text, int from, int to) {
    return isJunk(text.toCharArray(), from, to);
  }

  /** As {@link #isJunk(String, int, int)} over the characters of a text. */
  static boolean isJunk(char[] text, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = Character.codePointAt(text, i);
      if (!isJunk(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** The ASCII characters of the Unicode categories P*. */
  private static final boolean[] ASCII_PUNCTUATION = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      switch (Character.getType(c)) {
        case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
            Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
            Character.OTHER_PUNCTUATION -> ASCII_PUNCTUATION[c] = true;
        default -> ASCII_PUNCTUATION[c] = false;
      }
    }
  }

  /** True for an ASCII character of the Unicode categories P* ({@code c < 0x80}). */
  static boolean isAsciiPunctuation(char c) {
    return ASCII_PUNCTUATION[c];
  }

  /** True when {@code s} is non-empty and made only of punctuation (Unicode categories P*). */
  static boolean isPunctuation(String s) {
    return isPunctuation(s.toCharArray(), 0, s.length());
  }

  /** True when {@code text[from, to)} is non-empty and made only of punctuation (Unicode categories P*). */
  static boolean isPunctuation(char[] text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; ) {
      char c = text[i];
      if (c < 0x80) {
        if (!ASCII_PUNCTUATION[c]) {
          return false;
        }
        i++;
        continue;
      }
      int cp = Character.codePointAt(text, i, to);
      switch (Character.getType(cp)) {
        case Character.CONNECTOR_PUNCTUATION:
        case Character.DASH_PUNCTUATION:
        case Character.START_PUNCTUATION:
        case Character.END_PUNCTUATION:
        case Character.INITIAL_QUOTE_PUNCTUATION:
        case Character.FINAL_QUOTE_PUNCTUATION:
        case Character.OTHER_PUNCTUATION:
          break;
        default:
          return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Sentence-final punctuation: a non-empty run of {@code . ! ? …} (and their full-width forms). */
  static boolean isTerminal(String s) {
    return isTerminal(s.toCharArray(), 0, s.length());
  }

  /** As {@link #isTerminal(String)} for {@code chars[from, to)}. */
  static boolean isTerminal(char[] chars, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c != '.' && c != '!' && c != '?' && c != '\u2026' && c != '\uFF01' && c != '\uFF1F' && c != '\u3002') {
        return false;
      }
    }
    return true;
  }

  /** True when the text before {@code index} is white space or the start of the text. */
  static boolean spaceBefore(char[] text, int index) {
    return index == 0 || isSpace(Character.codePointBefore(text, index));
  }

  /** True when the text at {@code index} is white space or the end of the text. */
  static boolean spaceAt(char[] text, int index) {
    return index >= text.length || isSpace(Character.codePointAt(text, index));
  }
}
