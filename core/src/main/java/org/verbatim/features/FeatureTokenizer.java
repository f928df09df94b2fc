package org.verbatim.features;

/**
 * Splits a comment into the normalised word tokens that features are built from.
 *
 * <pre>{@code
 * FeatureTokenizer tok = SimpleTokenizer.INSTANCE;
 * TokenBuffer buf = new TokenBuffer();
 * tok.tokenize("She never listened.", buf);   // she, never, listened (negated)
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe (all state lives in the caller's {@link TokenBuffer})
 * and never throw on any string. The {@link #id()} is stored in model files, so a loaded model tokenises
 * exactly as it did in training.
 */
public interface FeatureTokenizer {

  /** A stable identifier stored in model files, e.g. {@code simple-v1}. */
  String id();

  /**
   * Clears {@code out} and fills it with the word tokens of {@code text} (punctuation is not a token).
   *
   * @throws NullPointerException if an argument is null
   */
  void tokenize(String text, TokenBuffer out);

  /**
   * True when the tokenizer marks negation scope ({@link TokenBuffer#negated(int)}), as features with
   * {@link FeatureOptions.Negation} other than {@code OFF} need; only {@link PipelineTokenizer} does.
   */
  default boolean marksNegation() {
    return false;
  }
}
