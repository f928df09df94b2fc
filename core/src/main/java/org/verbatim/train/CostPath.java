package org.verbatim.train;

import java.util.List;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.features.FeatureHash;

/**
 * Fits one label's binary model of one kind along a cost path: dual coordinate descent for the logistic
 * ({@link DualLogistic}) and squared-hinge SVM ({@link DualSvm}) kinds, on features scaled by the naive-Bayes
 * log-count ratio for the NB kinds, warm-started along the path and across folds. Immutable and thread-safe.
 */
final class CostPath {

  /** The bias of a label whose training data is all positive (+) or all negative (-), and of inactive labels. */
  static final double CONSTANT_BIAS = 50.0;

  private final ClassifierKind kind;
  private final boolean svm;
  private final double tolerance;
  private final int maxEpochs;

  CostPath(ClassifierKind kind, ThemeOptions options) {
    this.kind = kind;
    this.svm = kind.svm();
    this.tolerance = options.tolerance();
    this.maxEpochs = options.maxEpochs();
  }

  ClassifierKind kind() {
    return kind;
  }

  /** The solver seed of a label's fit in a fold ({@code fold == folds} for the final fit). */
  static long seedFor(long seed, int fold, int label) {
    long h = seed * 0x9E3779B97F4A7C15L + fold * 0xBF58476D1CE4E5B9L + label * 0x94D049BB133111EBL;
    return FeatureHash.finish(h);
  }

  /**
   * Fits one label for each cost of {@code costs} (ascending), warm-starting the dual solver along the
   * path (and, with {@code warm}, from earlier folds). Returns, per cost, the weights in the original feature
   * space with the bias last.
   *
   * @param warm per cost, the dual variable of each comment (by index into the whole training data) from an
   *     earlier fit at that cost, NaN where none; read for a warm start and updated with this fit's solution.
   *     Null for cold starts (each cost then starts from the previous cost's solution)
   * @param index the index into the whole training data of each row of {@code x}
   */
  double[][] fit(Csr x, boolean[] y, List<Double> costs, long seed, float[][] warm, int[] index) {
    int n = x.rows;
    int p = x.cols;
    int pos = 0;
    byte[] yy = new byte[n];
    for (int i = 0; i < n; i++) {
      yy[i] = (byte) (y[i] ? 1 : -1);
      if (y[i]) {
        pos++;
      }
    }
    double[][] out = new double[costs.size()][];
    if (pos == 0 || pos == n) {
      for (int c = 0; c < costs.size(); c++) {
        out[c] = new double[p + 1];
        out[c][p] = pos == 0 ? -CONSTANT_BIAS : CONSTANT_BIAS;
      }
      return out;
    }
    float[] scale = kind.naiveBayesScaled() ? nbRatio(x, y, pos) : null;
    Csr xs = x;
    if (scale != null) {
      float[] sv = new float[x.val.length];
      for (int k = 0; k < sv.length; k++) {
        sv[k] = x.val[k] * scale[x.col[k]];
      }
      xs = new Csr(x.rows, x.cols, x.rowPtr, x.col, sv);
    }
    double[] alpha = new double[svm ? n : 2 * n];
    for (int c = 0; c < costs.size(); c++) {
      double cost = costs.get(c);
      double[] w = new double[p + 1];
      if (warm != null) {
        warmStart(warm[c], index, alpha, svm, cost);
      }
      if (svm) {
        DualSvm.fit(xs, yy, cost, alpha, w, tolerance, maxEpochs, seed + c);
      } else {
        DualLogistic.fit(xs, yy, cost, null, alpha, w, tolerance, maxEpochs, seed + c);
      }
      if (scale != null) {
        for (int j = 0; j < p; j++) {
          w[j] *= scale[j];
        }
      }
      out[c] = w;
      if (warm != null) {
        for (int i = 0; i < n; i++) {
          warm[c][index[i]] = (float) (svm ? alpha[i] : alpha[2 * i]);
        }
      }
    }
    return out;
  }

  /**
   * Sets each row's dual variable to its stored value where there is one; other rows keep the previous cost's
   * solution (or, before the first cost, a cold start). Logistic variables are kept strictly inside (0, cost).
   */
  private static void warmStart(float[] stored, int[] rows, double[] alpha, boolean svm, double cost) {
    int n = rows.length;
    double lo = Math.min(0.001 * cost, 1e-8);
    for (int i = 0; i < n; i++) {
      float v = stored[rows[i]];
      if (svm) {
        if (!Float.isNaN(v)) {
          alpha[i] = v;
        }
      } else {
        double a = Float.isNaN(v) ? alpha[2 * i] : v;
        alpha[2 * i] = Math.min(Math.max(a, lo), cost - lo);
      }
    }
  }

  static double squaredHinge(double[] s, boolean[] y) {
    double sum = 0;
    for (int i = 0; i < s.length; i++) {
      double h = Math.max(0.0, 1.0 - (y[i] ? s[i] : -s[i]));
      sum += h * h;
    }
    return sum;
  }

  static double logLoss(double[] s, boolean[] y) {
    double sum = 0;
    for (int i = 0; i < s.length; i++) {
      double m = y[i] ? s[i] : -s[i];
      sum += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
    }
    return sum;
  }

  /**
   * Naive-Bayes log-count ratio per column: log(((count over positives)+1)/(pos+1) / ((count over negatives)+1)/(neg+1)),
   * where a comment counts 1 when it has the feature (binarised counts, as Wang and Manning 2012).
   */
  static float[] nbRatio(Csr x, boolean[] y, int pos) {
    int p = x.cols;
    double[] sp = new double[p];
    double[] sn = new double[p];
    for (int i = 0; i < x.rows; i++) {
      double[] s = y[i] ? sp : sn;
      for (int k = x.rowPtr[i]; k < x.rowPtr[i + 1]; k++) {
        s[x.col[k]] += 1.0;
      }
    }
    int neg = x.rows - pos;
    float[] r = new float[p];
    for (int j = 0; j < p; j++) {
      r[j] = (float) Math.log(((sp[j] + 1.0) / (pos + 1.0)) / ((sn[j] + 1.0) / (neg + 1.0)));
    }
    return r;
  }
}
