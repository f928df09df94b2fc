package org.verbatim.polarity;

import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link PolarityTrainer}; validated on construction.
 *
 * <pre>{@code
 * PolarityOptions o = PolarityOptions.defaults().withSeed(7);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param seed seed of the cross-validation fold assignment (the only random choice in training)
 * @param lambdas L2 regularisation strengths tried by cross-validation (Smile {@code Maxent} lambda), each
 *     finite and {@code >= 0}; with one value no cross-validation is run
 * @param folds number of cross-validation folds, 2..20 (comments, not pairs, are assigned to folds)
 * @param minFeatureCount a feature is kept when it occurs in at least this many training pairs (>= 1)
 * @param evidenceClauses locate the theme's evidence clauses and draw word features from them (when false,
 *     the whole comment is the evidence)
 * @param bigrams add word bigrams of the evidence
 * @param lexicon add binned sentiment-lexicon sums of the evidence and of the whole comment
 * @param themeConjunctions add theme and theme-by-word features for words frequent in training
 * @param contextWords add unigrams of the comment outside the evidence, as a separate feature group
 * @throws IllegalArgumentException if a value is out of range
 * @throws NullPointerException if {@code lambdas} or one of its values is null
 */
public record PolarityOptions(
    long seed,
    List<Double> lambdas,
    int folds,
    int minFeatureCount,
    boolean evidenceClauses,
    boolean bigrams,
    boolean lexicon,
    boolean themeConjunctions,
    boolean contextWords) {

  public PolarityOptions {
    Objects.requireNonNull(lambdas, "lambdas");
    lambdas = List.copyOf(lambdas);
    if (lambdas.isEmpty()) {
      throw new IllegalArgumentException("lambdas must not be empty");
    }
    for (Double l : lambdas) {
      if (!Double.isFinite(l) || l < 0) {
        throw new IllegalArgumentException("lambdas must be finite and >= 0: " + l);
      }
    }
    if (folds < 2 || folds > 20) {
      throw new IllegalArgumentException("folds must be in 2..20: " + folds);
    }
    if (minFeatureCount < 1) {
      throw new IllegalArgumentException("minFeatureCount must be >= 1: " + minFeatureCount);
    }
  }

  /** Seed 17, lambdas {0.3, 1, 3, 10, 30}, 5 folds, features seen twice, every feature group on except bigrams
   * (bigrams lowered macro-F1 on MAMS-ACSA val and in cross-validation on train: see docs/polarity.md). */
  public static PolarityOptions defaults() {
    return new PolarityOptions(17L, List.of(0.3, 1.0, 3.0, 10.0, 30.0), 5, 2, true, false, true, true, true);
  }

  /** A copy with another seed. */
  public PolarityOptions withSeed(long newSeed) {
    return new PolarityOptions(newSeed, lambdas, folds, minFeatureCount, evidenceClauses, bigrams, lexicon,
        themeConjunctions, contextWords);
  }

  /** A copy with another regularisation grid. */
  public PolarityOptions withLambdas(List<Double> newLambdas) {
    return new PolarityOptions(seed, newLambdas, folds, minFeatureCount, evidenceClauses, bigrams, lexicon,
        themeConjunctions, contextWords);
  }

  /** A copy with other feature switches. */
  public PolarityOptions withFeatures(
      boolean newEvidenceClauses, boolean newBigrams, boolean newLexicon, boolean newThemeConjunctions,
      boolean newContextWords) {
    return new PolarityOptions(seed, lambdas, folds, minFeatureCount, newEvidenceClauses, newBigrams, newLexicon,
        newThemeConjunctions, newContextWords);
  }
}
