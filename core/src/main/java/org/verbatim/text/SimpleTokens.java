package org.verbatim.text;

/**
 * The token boundaries of OpenNLP's {@code SimpleTokenizer} (with its default, keep-new-lines off), computed
 * without objects and with a table look-up per character (filled once) instead of {@link Character#getType}: runs of
 * letters ({@link Character#isAlphabetic}), runs of digits, runs of one repeated other character; white space
 * ({@link Character#isWhitespace} or a space separator) separates tokens. A property test checks that the spans
 * are OpenNLP's for any text.
 *
 * <pre>{@code
 * int[] starts = new int[text.length()];
 * int[] ends = new int[text.length()];
 * int n = SimpleTokens.split("It's 10am!!", starts, ends);   // It ' s 10 am !! : n = 6
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class SimpleTokens {

  private static final byte SPACE = 0;
  private static final byte LETTER = 1;
  private static final byte DIGIT = 2;
  private static final byte OTHER = 3;

  /** The class of every UTF-16 code unit (64 KiB, filled once). */
  private static final byte[] CLASS = new byte[65536];

  static {
    for (int c = 0; c < 65536; c++) {
      CLASS[c] = classify((char) c);
    }
  }

  private SimpleTokens() {}

  /**
   * Writes the start and end offsets of the tokens of {@code text} to {@code starts} and {@code ends} (each at
   * least {@code text.length()} long: a text has at most that many tokens) and returns how many there are.
   */
  static int split(String text, int[] starts, int[] ends) {
    return split(text.toCharArray(), text.length(), starts, ends);
  }

  /** As {@link #split(String, int[], int[])} for the text {@code text[0, len)}. */
  static int split(char[] text, int len, int[] starts, int[] ends) {
    int n = 0;
    byte state = SPACE;
    byte type = SPACE;
    int start = -1;
    char previous = 0;
    for (int i = 0; i < len; i++) {
      char c = text[i];
      type = CLASS[c];
      if (state == SPACE) {
        if (type != SPACE) {
          start = i;
        }
      } else if (type != state || (type == OTHER && c != previous)) {
        starts[n] = start;
        ends[n] = i;
        n++;
        start = i;
      }
      state = type;
      previous = c;
    }
    if (type != SPACE) {
      starts[n] = start;
      ends[n] = len;
      n++;
    }
    return n;
  }

  private static byte classify(char c) {
    if (Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR) {
      return SPACE;
    }
    if (Character.isAlphabetic(c)) {
      return LETTER;
    }
    return Character.isDigit(c) ? DIGIT : OTHER;
  }
}
