package org.verbatim.features;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A group of features the learned polarity model reads from a (comment, theme) pair; a model is trained and
 * applied with a set of them ({@link PolarityFeatures}).
 *
 * <pre>{@code
 * Set<PolarityFeature> on = PolarityFeature.defaults();   // every group except BIGRAMS
 * }</pre>
 */
public enum PolarityFeature {
  /**
   * Locate the theme's evidence clauses and draw word features from them (without it, the whole comment is the
   * evidence).
   */
  EVIDENCE_CLAUSES,
  /** Word bigrams of the evidence. */
  BIGRAMS,
  /** Binned sentiment-lexicon sums of the evidence and of the whole comment. */
  LEXICON,
  /** Theme and theme-by-word features for words frequent in training. */
  THEME_CONJUNCTIONS,
  /** Unigrams of the comment outside the evidence, as a separate feature group. */
  CONTEXT_WORDS;

  /**
   * Every group except {@link #BIGRAMS}, which lowered macro-F1 on MAMS-ACSA val and in cross-validation on
   * train (docs/polarity.md). Returns an unmodifiable set.
   */
  public static Set<PolarityFeature> defaults() {
    return Collections.unmodifiableSet(EnumSet.of(EVIDENCE_CLAUSES, LEXICON, THEME_CONJUNCTIONS, CONTEXT_WORDS));
  }
}
