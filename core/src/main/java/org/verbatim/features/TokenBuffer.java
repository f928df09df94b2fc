package org.verbatim.features;

import java.util.Arrays;

/**
 * Reusable storage for the normalised tokens of one comment: the characters of every token's normalised
 * form in one {@code char[]}, each token's span in the original text and its negation flag.
 *
 * <pre>{@code
 * TokenBuffer buf = new TokenBuffer();
 * SimpleTokenizer.INSTANCE.tokenize("Didn't call back.", buf);
 * buf.size();            // 4: did, not, call, back
 * buf.norm(1);           // "not"
 * }</pre>
 *
 * <p>Not thread-safe: each thread uses its own buffer. {@link #clear()} makes it reusable without
 * allocation.
 */
public final class TokenBuffer {

  // The arrays are public for the scorers in org.verbatim.classify, which read them in their hot loops;
  // they are internal machinery, written only by the tokenizers of this package.
  /** Normalised characters of every token; token i is {@code chars[normStart[i], normEnd[i])}. Internal. */
  public char[] chars = new char[256];
  int length;
  /** Start of each token's normalised form in {@link #chars}. Internal. */
  public int[] normStart = new int[64];
  /** End of each token's normalised form in {@link #chars}. Internal. */
  public int[] normEnd = new int[64];
  /** Start offset of each token in the original text. Internal. */
  public int[] srcStart = new int[64];
  /** End offset of each token in the original text. Internal. */
  public int[] srcEnd = new int[64];
  /** Whether each token lies in a negation scope. Internal. */
  public boolean[] negated = new boolean[64];
  /** Number of tokens. Internal: read {@link #size()}. */
  public int size;

  /** Empties the buffer. */
  public void clear() {
    length = 0;
    size = 0;
  }

  /** Number of tokens. */
  public int size() {
    return size;
  }

  /** The normalised form of token {@code i}. */
  public String norm(int i) {
    check(i);
    return new String(chars, normStart[i], normEnd[i] - normStart[i]);
  }

  /** Offset of token {@code i}'s first character in the original text. */
  public int start(int i) {
    check(i);
    return srcStart[i];
  }

  /** Offset one past token {@code i}'s last character in the original text. */
  public int end(int i) {
    check(i);
    return srcEnd[i];
  }

  /** True when token {@code i} lies in the scope of a negation cue. */
  public boolean negated(int i) {
    check(i);
    return negated[i];
  }

  /** Starts a new token whose normalised characters are then appended with {@link #append(char)}. */
  void begin(int start, int end, boolean neg) {
    if (size == normStart.length) {
      int n = size * 2;
      normStart = Arrays.copyOf(normStart, n);
      normEnd = Arrays.copyOf(normEnd, n);
      srcStart = Arrays.copyOf(srcStart, n);
      srcEnd = Arrays.copyOf(srcEnd, n);
      negated = Arrays.copyOf(negated, n);
    }
    normStart[size] = length;
    normEnd[size] = length;
    srcStart[size] = start;
    srcEnd[size] = end;
    negated[size] = neg;
    size++;
  }

  /** Appends a character to the token begun last. */
  void append(char c) {
    if (length == chars.length) {
      chars = Arrays.copyOf(chars, length * 2);
    }
    chars[length++] = c;
    normEnd[size - 1] = length;
  }

  /** Appends a whole normalised token. */
  void add(CharSequence norm, int start, int end, boolean neg) {
    begin(start, end, neg);
    for (int i = 0, n = norm.length(); i < n; i++) {
      append(norm.charAt(i));
    }
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("token index " + i + " outside [0, " + size + ")");
    }
  }
}
