package org.verbatim.text;

/**
 * Turns a comment into an {@link AnalyzedText}: sentences, tokens with character offsets, normalised forms,
 * negation scope, contrast markers and, in the {@link Profile#FULL} profile, POS tags and lemmas.
 *
 * <pre>{@code
 * TextPipeline pipeline = OpenNlpPipeline.create(Profile.FAST);
 * AnalyzedText a = pipeline.analyze("She never listened, but was polite.");
 * a.tokens().get(2).negated();   // true ("listened" is in the scope of "never")
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe and never throw on any input string (empty, white
 * space, control characters, unpaired surrogates, very long text).
 */
public interface TextPipeline {

  /**
   * Analyses one comment.
   *
   * @throws NullPointerException if {@code text} is null
   */
  AnalyzedText analyze(String text);

  /** The profile of this pipeline. */
  Profile profile();
}
