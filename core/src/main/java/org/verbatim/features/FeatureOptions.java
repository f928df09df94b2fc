package org.verbatim.features;

/**
 * How comments become feature vectors: word n-grams over normalised tokens, optional character n-grams
 * inside word boundaries, document-frequency cut-off, term weighting and negation marking.
 *
 * <pre>{@code
 * FeatureOptions words = FeatureOptions.words();                 // word 1-2 grams, TF-IDF, min_df 2
 * FeatureOptions both = FeatureOptions.wordsAndChars();          // plus char 2-5 grams
 * FeatureOptions custom = new FeatureOptions(1, 3, 4, 3, Weighting.TFIDF, true, Negation.MARK);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param wordMinN smallest word n-gram (1 = unigrams)
 * @param wordMaxN largest word n-gram, {@code >= wordMinN}, at most 3
 * @param charMinN smallest character n-gram, or 0 for no character n-grams
 * @param charMaxN largest character n-gram ({@code >= charMinN}, at most 8), or 0
 * @param minDf a feature is kept only when at least this many training comments contain it
 * @param weighting how feature values are computed
 * @param sublinearTf use {@code 1 + ln(tf)} instead of the raw term count (TF-IDF only)
 * @param negation how tokens in a negation scope are represented
 */
public record FeatureOptions(
    int wordMinN, int wordMaxN, int charMinN, int charMaxN, int minDf, Weighting weighting, boolean sublinearTf,
    Negation negation) {

  /** How feature values are computed. */
  public enum Weighting {
    /** (sublinear) term frequency times smoothed inverse document frequency, L2-normalised per block. */
    TFIDF,
    /** 1 when the feature occurs, else 0 (no normalisation); what a maximum-entropy model expects. */
    BINARY
  }

  /** How tokens in the scope of a negation cue are represented among the word unigrams. */
  public enum Negation {
    /** Ignore negation. */
    OFF,
    /** A negated token {@code clear} becomes the unigram {@code NOT_clear}. */
    MARK,
    /** A negated token gives both {@code clear} and {@code NOT_clear}. */
    BOTH
  }

  /**
   * @throws NullPointerException if {@code weighting} or {@code negation} is null
   * @throws IllegalArgumentException naming the field when a value is out of range
   */
  public FeatureOptions {
    java.util.Objects.requireNonNull(weighting, "weighting");
    java.util.Objects.requireNonNull(negation, "negation");
    if (wordMinN < 1 || wordMaxN < wordMinN || wordMaxN > 3) {
      throw new IllegalArgumentException("word n-gram range must satisfy 1 <= wordMinN <= wordMaxN <= 3: "
          + wordMinN + ".." + wordMaxN);
    }
    if (charMinN == 0 ? charMaxN != 0 : (charMinN < 1 || charMaxN < charMinN || charMaxN > 8)) {
      throw new IllegalArgumentException("char n-gram range must be 0..0 (off) or satisfy 1 <= charMinN <= charMaxN <= 8: "
          + charMinN + ".." + charMaxN);
    }
    if (minDf < 1) {
      throw new IllegalArgumentException("minDf must be >= 1: " + minDf);
    }
  }

  /**
   * Word 1-2 grams, TF-IDF (sublinear), min_df 2, negation not marked (marking negated unigrams lowered
   * cross-validated micro-F1 by 0.3 to 1 point on all three benchmark sets; {@link Negation#BOTH} was neutral).
   */
  public static FeatureOptions words() {
    return new FeatureOptions(1, 2, 0, 0, 2, Weighting.TFIDF, true, Negation.OFF);
  }

  /** {@link #words()} plus character 2-5 grams inside word boundaries. */
  public static FeatureOptions wordsAndChars() {
    return new FeatureOptions(1, 2, 2, 5, 2, Weighting.TFIDF, true, Negation.OFF);
  }

  /** True when character n-grams are on. */
  public boolean chars() {
    return charMinN > 0;
  }

  /** A copy with another weighting. */
  public FeatureOptions withWeighting(Weighting w) {
    return new FeatureOptions(wordMinN, wordMaxN, charMinN, charMaxN, minDf, w, sublinearTf, negation);
  }

  /** A copy with another negation mode. */
  public FeatureOptions withNegation(Negation n) {
    return new FeatureOptions(wordMinN, wordMaxN, charMinN, charMaxN, minDf, weighting, sublinearTf, n);
  }

  /** A copy with another character n-gram range (0, 0 = off). */
  public FeatureOptions withChars(int min, int max) {
    return new FeatureOptions(wordMinN, wordMaxN, min, max, minDf, weighting, sublinearTf, negation);
  }
}
