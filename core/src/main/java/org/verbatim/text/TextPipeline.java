package org.verbatim.text;

import java.util.Objects;

/**
 * Turns a comment into an {@link AnalyzedText}: sentences, tokens with character offsets, normalised forms,
 * negation scope, contrast markers and, in the {@link Profile#FULL} profile, POS tags and lemmas.
 *
 * <pre>{@code
 * TextPipeline pipeline = RulePipeline.create();
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

  /**
   * Analyses one comment into a reusable {@link Analysis}, resolving norms in {@code vocabulary}: the allocation-free
   * form of {@link #analyze(String)} that classifiers use. The default analyses with {@link #analyze(String)} and
   * {@link Analysis#load loads} the result; pipelines that can fill the arrays directly override it.
   *
   * @throws NullPointerException if an argument is null
   */
  default void analyze(String text, Vocabulary vocabulary, Analysis into) {
    Objects.requireNonNull(into, "into").load(analyze(text), vocabulary);
  }

  /** The profile of this pipeline. */
  Profile profile();

  /**
   * The id a model file records for this pipeline ({@link TextPipelines#byId} maps it back); the default,
   * {@code other:CLASS-PROFILE}, cannot be re-created from a file.
   */
  default String id() {
    return "other:" + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-"
        + profile().name().toLowerCase(java.util.Locale.ROOT);
  }
}
