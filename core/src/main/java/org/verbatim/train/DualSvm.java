package org.verbatim.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * L2-regularised L2-loss (squared hinge) linear SVM solved by dual coordinate descent, after Hsieh, Chang,
 * Lin, Keerthi and Sundararajan, "A dual coordinate descent method for large-scale linear SVM", ICML 2008,
 * the algorithm behind LIBLINEAR's {@code -s 1} (and scikit-learn's {@code LinearSVC}). Minimises
 * {@code 0.5 |w|^2 + C sum_i max(0, 1 - y_i w.x_i)^2} with the bias as an extra feature of value 1 (so it is
 * regularised too, as in LIBLINEAR). In the dual each variable has lower bound 0, no upper bound, and the
 * diagonal of the Hessian gains {@code 1 / (2C)}.
 *
 * <p>Single-threaded and deterministic: the coordinate order is a seeded shuffle per epoch. Shrinking as in
 * the paper: a variable at its bound whose gradient exceeds the previous epoch's largest projected gradient
 * leaves the active set until the active set converges, after which every variable is checked again. Warm
 * starts: the dual variables of any previous fit are feasible (the only bound is {@code alpha >= 0}).
 */
final class DualSvm {

  private DualSvm() {}

  /**
   * Fits one binary model.
   *
   * @param x the training rows
   * @param y +1/-1 per row
   * @param c the cost parameter
   * @param alpha dual variables (1 per row); all-zero means cold start, otherwise a previous solution; updated
   *     in place
   * @param w receives the primal weights, length {@code x.cols + 1} (last = bias)
   * @param eps stopping tolerance on the spread of the projected dual gradient
   * @param maxEpochs at most this many passes
   * @param seed shuffle seed
   * @return the number of epochs run
   */
  static int fit(Csr x, byte[] y, double c, double[] alpha, double[] w, double eps, int maxEpochs, long seed) {
    int n = x.rows;
    int p = x.cols;
    int[] rowPtr = x.rowPtr;
    int[] col = x.col;
    float[] val = x.val;
    double diag = 0.5 / c;
    double[] qd = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 1.0 + diag; // bias feature
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += (double) val[k] * val[k];
      }
      qd[i] = s;
    }
    Arrays.fill(w, 0.0);
    for (int i = 0; i < n; i++) {
      double a = y[i] * alpha[i];
      if (a == 0) {
        continue;
      }
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        w[col[k]] += a * val[k];
      }
      w[p] += a;
    }
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int activeSize = n;
    double pgMaxOld = Double.POSITIVE_INFINITY;
    int epoch = 0;
    while (epoch < maxEpochs) {
      double pgMaxNew = Double.NEGATIVE_INFINITY;
      double pgMinNew = Double.POSITIVE_INFINITY;
      for (int i = activeSize - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = index[i];
        index[i] = index[j];
        index[j] = t;
      }
      for (int s = 0; s < activeSize; s++) {
        int i = index[s];
        int yi = y[i];
        int k0 = rowPtr[i];
        int k1 = rowPtr[i + 1];
        double wx = w[p];
        for (int k = k0; k < k1; k++) {
          wx += val[k] * w[col[k]];
        }
        double g = yi * wx - 1 + alpha[i] * diag;
        double pg = 0;
        if (alpha[i] == 0) {
          if (g > pgMaxOld) {
            activeSize--;
            index[s] = index[activeSize];
            index[activeSize] = i;
            s--;
            continue;
          } else if (g < 0) {
            pg = g;
          }
        } else {
          pg = g;
        }
        pgMaxNew = Math.max(pgMaxNew, pg);
        pgMinNew = Math.min(pgMinNew, pg);
        if (Math.abs(pg) > 1e-12) {
          double old = alpha[i];
          alpha[i] = Math.max(old - g / qd[i], 0.0);
          double d = (alpha[i] - old) * yi;
          for (int k = k0; k < k1; k++) {
            w[col[k]] += d * val[k];
          }
          w[p] += d;
        }
      }
      epoch++;
      if (pgMaxNew - pgMinNew <= eps) {
        if (activeSize == n) {
          break;
        }
        activeSize = n;
        pgMaxOld = Double.POSITIVE_INFINITY;
        continue;
      }
      pgMaxOld = pgMaxNew <= 0 ? Double.POSITIVE_INFINITY : pgMaxNew;
    }
    return epoch;
  }
}
