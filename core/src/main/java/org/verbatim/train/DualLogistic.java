package org.verbatim.train;

import java.util.SplittableRandom;

/**
 * L2-regularised logistic regression solved by dual coordinate descent, after Yu, Huang and Lin,
 * "Dual coordinate descent methods for logistic regression and maximum entropy models", Machine Learning
 * 85 (2011), the algorithm behind LIBLINEAR's {@code -s 7}. Minimises
 * {@code 0.5 |w|^2 + C sum_i log(1 + exp(-y_i w.x_i))} with the bias as an extra feature of value 1
 * (so it is regularised too, as in LIBLINEAR).
 *
 * <p>Single-threaded and deterministic: the coordinate order is a seeded shuffle per epoch. Warm starts:
 * the dual variables of a fit with a smaller {@code C} are a feasible start for a larger one.
 *
 * <p>Shrinking (our addition; LIBLINEAR shrinks only its SVM solvers): a coordinate whose dual gradient is
 * already below the tolerance is skipped for 1, 2, 4, then 8 epochs while it stays converged. Most
 * coordinates of a rare theme are easy negatives that converge at once, so this cuts an epoch's cost several
 * times over. Convergence is only declared after a full pass over every coordinate, so the stopping rule is
 * the same as without shrinking.
 */
final class DualLogistic {

  private static final int MAX_INNER = 100;

  private DualLogistic() {}

  /**
   * Fits one binary model.
   *
   * @param x the training rows
   * @param y +1/-1 per row
   * @param c the cost parameter
   * @param scale per-column scale of x (naive-Bayes ratios), or null
   * @param alpha dual variables (2 per row); all-zero means cold start, otherwise a previous solution
   *     for a smaller or equal {@code c}; updated in place
   * @param w receives the primal weights, length {@code x.cols + 1} (last = bias)
   * @param eps stopping tolerance on the largest dual gradient
   * @param maxEpochs at most this many passes
   * @param seed shuffle seed
   * @return the number of epochs run
   */
  static int fit(Csr x, byte[] y, double c, float[] scale, double[] alpha, double[] w, double eps, int maxEpochs,
      long seed) {
    int n = x.rows;
    int p = x.cols;
    int[] rowPtr = x.rowPtr;
    int[] col = x.col;
    float[] val = x.val;
    double[] xx = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 1.0; // bias feature
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        double v = scale == null ? val[k] : val[k] * scale[col[k]];
        s += v * v;
      }
      xx[i] = s;
    }
    boolean cold = true;
    for (int i = 0; i < 2 * n && cold; i++) {
      cold = alpha[i] == 0;
    }
    if (cold) {
      double a0 = Math.min(0.001 * c, 1e-8);
      for (int i = 0; i < n; i++) {
        alpha[2 * i] = a0;
        alpha[2 * i + 1] = c - a0;
      }
    } else {
      for (int i = 0; i < n; i++) {
        alpha[2 * i + 1] = c - alpha[2 * i];
      }
    }
    java.util.Arrays.fill(w, 0.0);
    for (int i = 0; i < n; i++) {
      double a = y[i] * alpha[2 * i];
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        int j = col[k];
        w[j] += a * (scale == null ? val[k] : val[k] * scale[j]);
      }
      w[p] += a;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] skip = new byte[n];
    byte[] streak = new byte[n];
    boolean full = true;
    double innerEps = 1e-2;
    double innerEpsMin = Math.min(1e-8, eps);
    int epoch = 0;
    while (epoch < maxEpochs) {
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      int newtonIter = 0;
      double gmax = 0;
      for (int s = 0; s < n; s++) {
        int i = order[s];
        if (!full && skip[i] > 0) {
          skip[i]--;
          continue;
        }
        int yi = y[i];
        double ywx = 0;
        int k0 = rowPtr[i];
        int k1 = rowPtr[i + 1];
        if (scale == null) {
          for (int k = k0; k < k1; k++) {
            ywx += val[k] * w[col[k]];
          }
        } else {
          for (int k = k0; k < k1; k++) {
            int j = col[k];
            ywx += val[k] * scale[j] * w[j];
          }
        }
        ywx = yi * (ywx + w[p]);
        double a = xx[i];
        double b = ywx;
        int ind1 = 2 * i;
        int ind2 = 2 * i + 1;
        int sign = 1;
        if (0.5 * a * (alpha[ind2] - alpha[ind1]) + b < 0) {
          ind1 = 2 * i + 1;
          ind2 = 2 * i;
          sign = -1;
        }
        double alphaOld = alpha[ind1];
        double z = alphaOld;
        if (c - z < 0.5 * c) {
          z = 0.1 * z;
        }
        double gp = a * (z - alphaOld) + sign * b + Math.log(z / (c - z));
        gmax = Math.max(gmax, Math.abs(gp));
        double g0 = z == alphaOld ? gp : sign * b + Math.log(alphaOld / (c - alphaOld));
        if (Math.abs(g0) < eps) {
          if (streak[i] < 4) {
            streak[i]++;
          }
          skip[i] = (byte) (1 << (streak[i] - 1));
        } else {
          streak[i] = 0;
          skip[i] = 0;
        }
        int inner = 0;
        while (inner <= MAX_INNER) {
          if (Math.abs(gp) < innerEps) {
            break;
          }
          double gpp = a + c / (c - z) / z;
          double tmpz = z - gp / gpp;
          if (tmpz <= 0) {
            z *= 0.1;
          } else {
            z = tmpz;
          }
          gp = a * (z - alphaOld) + sign * b + Math.log(z / (c - z));
          newtonIter++;
          inner++;
        }
        if (inner > 0) {
          alpha[ind1] = z;
          alpha[ind2] = c - z;
          double d = sign * (z - alphaOld) * yi;
          if (scale == null) {
            for (int k = k0; k < k1; k++) {
              w[col[k]] += d * val[k];
            }
          } else {
            for (int k = k0; k < k1; k++) {
              int j = col[k];
              w[j] += d * val[k] * scale[j];
            }
          }
          w[p] += d;
        }
      }
      epoch++;
      if (gmax < eps) {
        if (full) {
          break;
        }
        full = true;
      } else {
        full = false;
      }
      if (newtonIter <= n / 10) {
        innerEps = Math.max(innerEpsMin, 0.1 * innerEps);
      }
    }
    return epoch;
  }
}
