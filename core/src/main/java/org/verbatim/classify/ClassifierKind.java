package org.verbatim.classify;

import java.util.Locale;

/**
 * The per-theme binary model of a {@link LinearThemeClassifier} (binary relevance: one model per theme), as
 * {@code org.verbatim.train.ThemeTrainer} fits it.
 *
 * <pre>{@code
 * ClassifierKind k = ClassifierKind.parse("nb-logistic");   // NB_LOGISTIC
 * k.id();                                                  // "nb-logistic"
 * }</pre>
 */
public enum ClassifierKind {
  /** L2-regularised logistic regression on the feature vector, fitted by dual coordinate descent (LIBLINEAR {@code -s 7}). */
  LOGISTIC,
  /**
   * Logistic regression on features scaled per theme by the naive-Bayes log-count ratio
   * {@code r = log(p / q)} (Wang and Manning 2012, "NB-SVM"/"NB-LR"); the stored weights are the fitted
   * weights times {@code r}, so prediction is an ordinary dot product.
   */
  NB_LOGISTIC,
  /**
   * L2-regularised L2-loss (squared hinge) linear SVM fitted by dual coordinate descent (the LIBLINEAR
   * {@code -s 1} algorithm); the score is the margin {@code w.x + b}, thresholded like the logistic kinds.
   */
  SVM,
  /** The L2-loss SVM on features scaled per theme by the naive-Bayes log-count ratio, as {@link #NB_LOGISTIC}. */
  NB_SVM;

  /** Whether the features are scaled per theme by the naive-Bayes log-count ratio. */
  public boolean naiveBayesScaled() {
    return this == NB_LOGISTIC || this == NB_SVM;
  }

  /** Whether the model is a squared-hinge SVM (scores are margins, not log-odds). */
  public boolean svm() {
    return this == SVM || this == NB_SVM;
  }

  /** The lower-case id used in files and on the command line, e.g. {@code nb-logistic}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses an id as returned by {@link #id()} (case-insensitive; {@code _} and {@code -} are equal).
   *
   * @throws IllegalArgumentException listing the known ids
   */
  public static ClassifierKind parse(String id) {
    java.util.Objects.requireNonNull(id, "id");
    String v = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ClassifierKind k : values()) {
      if (k.id().equals(v)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown classifier kind '" + id + "': expected logistic, nb-logistic, svm or nb-svm");
  }
}
