package org.verbatim.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns a comment into the hashes of its features (see {@link FeatureHash}): word n-grams over the
 * tokenizer's normalised tokens ({@code w:} unigrams, {@code b:} bigrams, {@code t:} trigrams; a negated
 * unigram is {@code w:NOT_token} when {@link FeatureOptions.Negation#MARK} is on) and character n-grams
 * of each token padded with one space on either side ({@code c:} keys, as scikit-learn's
 * {@code char_wb}). All work is table look-ups and arithmetic over a reusable buffer: no regular
 * expression and no string per feature.
 *
 * <pre>{@code
 * FeatureExtractor fx = new FeatureExtractor(FeatureOptions.words(), SimpleTokenizer.INSTANCE);
 * fx.keys("never listened");   // [w:never, w:NOT_listened, b:never listened]
 * }</pre>
 *
 * <p>Immutable and thread-safe; per-call state lives in a {@link Buffer}.
 */
public final class FeatureExtractor {

  private static final char[] NOT = "NOT_".toCharArray();
  private static final long W = FeatureHash.add(FeatureHash.START, "w:");
  private static final long B = FeatureHash.add(FeatureHash.START, "b:");
  private static final long T = FeatureHash.add(FeatureHash.START, "t:");
  private static final long C = FeatureHash.add(FeatureHash.START, "c:");

  private final FeatureOptions options;
  private final FeatureTokenizer tokenizer;

  /**
   * @throws NullPointerException if an argument is null
   */
  public FeatureExtractor(FeatureOptions options, FeatureTokenizer tokenizer) {
    this.options = Objects.requireNonNull(options, "options");
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    if (options.negation() != FeatureOptions.Negation.OFF && !tokenizer.marksNegation()) {
      throw new IllegalArgumentException("negation " + options.negation() + " needs a tokenizer that marks negation scope "
          + "(PipelineTokenizer.fast()); " + tokenizer.id() + " does not");
    }
  }

  public FeatureOptions options() {
    return options;
  }

  public FeatureTokenizer tokenizer() {
    return tokenizer;
  }

  /** Per-thread working storage: the tokens and the feature hashes of the last comment. */
  public static final class Buffer {
    // public for the trainer and the linear scorer in other packages; internal machinery, written only here
    /** The tokens of the last comment. Internal: read {@link #tokens()}. */
    public final TokenBuffer tokens = new TokenBuffer();
    /** The feature hashes of the last comment (duplicates included). Internal. */
    public long[] hashes = new long[512];
    /** hashes[0, wordEnd) are word features, hashes[wordEnd, size) character features. Internal. */
    public int wordEnd;
    /** Number of hashes. Internal. */
    public int size;

    void push(long h) {
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = h;
    }

    /** The tokens of the last comment. */
    public TokenBuffer tokens() {
      return tokens;
    }
  }

  /** Tokenises {@code text} and fills {@code buf} with the hashes of its features (duplicates included). */
  public void extract(String text, Buffer buf) {
    tokenizer.tokenize(text, buf.tokens);
    buf.size = 0;
    TokenBuffer t = buf.tokens;
    char[] c = t.chars;
    int n = t.size;
    boolean mark = options.negation() != FeatureOptions.Negation.OFF;
    boolean both = options.negation() == FeatureOptions.Negation.BOTH;
    if (options.wordMinN() <= 1) {
      for (int i = 0; i < n; i++) {
        if (mark && t.negated[i]) {
          buf.push(FeatureHash.finish(FeatureHash.add(FeatureHash.add(W, NOT, 0, NOT.length), c, t.normStart[i], t.normEnd[i])));
          if (!both) {
            continue;
          }
        }
        buf.push(FeatureHash.finish(FeatureHash.add(W, c, t.normStart[i], t.normEnd[i])));
      }
    }
    if (options.wordMinN() <= 2 && options.wordMaxN() >= 2) {
      for (int i = 0; i + 1 < n; i++) {
        long h = FeatureHash.add(FeatureHash.add(B, c, t.normStart[i], t.normEnd[i]), ' ');
        buf.push(FeatureHash.finish(FeatureHash.add(h, c, t.normStart[i + 1], t.normEnd[i + 1])));
      }
    }
    if (options.wordMaxN() >= 3) {
      for (int i = 0; i + 2 < n; i++) {
        long h = FeatureHash.add(FeatureHash.add(T, c, t.normStart[i], t.normEnd[i]), ' ');
        h = FeatureHash.add(FeatureHash.add(h, c, t.normStart[i + 1], t.normEnd[i + 1]), ' ');
        buf.push(FeatureHash.finish(FeatureHash.add(h, c, t.normStart[i + 2], t.normEnd[i + 2])));
      }
    }
    buf.wordEnd = buf.size;
    if (options.chars()) {
      int minN = options.charMinN();
      int maxN = options.charMaxN();
      for (int i = 0; i < n; i++) {
        int s = t.normStart[i];
        int e = t.normEnd[i];
        int padded = e - s + 2;
        for (int g = minN; g <= maxN; g++) {
          if (g > padded) {
            break;
          }
          for (int off = 0; off + g <= padded; off++) {
            long h = C;
            for (int k = off; k < off + g; k++) {
              h = FeatureHash.add(h, (k == 0 || k == padded - 1) ? ' ' : c[s + k - 1]);
            }
            buf.push(FeatureHash.finish(h));
          }
        }
      }
    }
  }

  /**
   * The feature keys of {@code text} in extraction order, as strings (slow; for vocabulary files,
   * tests and debugging).
   */
  public java.util.List<String> keys(String text) {
    Buffer buf = new Buffer();
    tokenizer.tokenize(text, buf.tokens);
    java.util.List<String> out = new java.util.ArrayList<>();
    TokenBuffer t = buf.tokens;
    int n = t.size;
    boolean mark = options.negation() != FeatureOptions.Negation.OFF;
    boolean both = options.negation() == FeatureOptions.Negation.BOTH;
    if (options.wordMinN() <= 1) {
      for (int i = 0; i < n; i++) {
        if (mark && t.negated[i]) {
          out.add("w:NOT_" + t.norm(i));
          if (!both) {
            continue;
          }
        }
        out.add("w:" + t.norm(i));
      }
    }
    if (options.wordMinN() <= 2 && options.wordMaxN() >= 2) {
      for (int i = 0; i + 1 < n; i++) {
        out.add("b:" + t.norm(i) + " " + t.norm(i + 1));
      }
    }
    if (options.wordMaxN() >= 3) {
      for (int i = 0; i + 2 < n; i++) {
        out.add("t:" + t.norm(i) + " " + t.norm(i + 1) + " " + t.norm(i + 2));
      }
    }
    if (options.chars()) {
      for (int i = 0; i < n; i++) {
        String p = " " + t.norm(i) + " ";
        for (int g = options.charMinN(); g <= options.charMaxN() && g <= p.length(); g++) {
          for (int off = 0; off + g <= p.length(); off++) {
            out.add("c:" + p.substring(off, off + g));
          }
        }
      }
    }
    return out;
  }
}
