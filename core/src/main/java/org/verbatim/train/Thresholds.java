package org.verbatim.train;


/** Threshold search on out-of-fold scores and the decision rules. Stateless. */
final class Thresholds {

  private Thresholds() {}

  /**
   * The threshold maximising F1 of {@code score >= t} against {@code y}: sort descending, predicting the
   * top k gives F1 = 2 tp_k / (k + P); ties are cut together; t is the midpoint between the k-th and the
   * next score. Returns {@code {+inf, 0}} when there is no positive.
   */
  static double[] best(double[] scores, boolean[] y) {
    int n = scores.length;
    int pos = 0;
    for (boolean b : y) {
      if (b) {
        pos++;
      }
    }
    if (pos == 0 || n == 0) {
      return new double[] {Double.POSITIVE_INFINITY, 0};
    }
    int[] order = sortDescending(scores);
    int tp = 0;
    double bestF = -1;
    int bestK = -1;
    for (int k = 0; k < n; k++) {
      if (y[order[k]]) {
        tp++;
      }
      if (k + 1 < n && scores[order[k]] == scores[order[k + 1]]) {
        continue;
      }
      double f = 2.0 * tp / (k + 1 + pos);
      if (f > bestF) {
        bestF = f;
        bestK = k;
      }
    }
    double t = bestK + 1 < n ? 0.5 * (scores[order[bestK]] + scores[order[bestK + 1]]) : scores[order[bestK]] - 1e-6;
    return new double[] {t, bestF};
  }

  /** Indexes of {@code s} sorted by value, largest first; equal values keep index order (stable). */
  static int[] sortDescending(double[] s) {
    int n = s.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        if (s[a[mid - 1]] >= s[a[mid]]) {
          continue;
        }
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          tmp[k++] = s[a[i]] >= s[a[j]] ? a[i++] : a[j++];
        }
        while (i < mid) {
          tmp[k++] = a[i++];
        }
        while (j < hi) {
          tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
      }
    }
    return a;
  }

  /** Pooled (micro) best threshold over all labels: scores[l][i], y[l][i]. */
  static double global(double[][] scores, boolean[][] y) {
    int total = 0;
    for (double[] s : scores) {
      total += s.length;
    }
    double[] all = new double[total];
    boolean[] ally = new boolean[total];
    int k = 0;
    for (int l = 0; l < scores.length; l++) {
      System.arraycopy(scores[l], 0, all, k, scores[l].length);
      System.arraycopy(y[l], 0, ally, k, y[l].length);
      k += scores[l].length;
    }
    double t = best(all, ally)[0];
    return Double.isFinite(t) ? t : 0.0;
  }

  /**
   * The thresholds of one rule (not AUTO) from the optima found once per candidate: none (0), the
   * {@link #global} one, or, for {@code PER_LABEL}, each label's F1-optimal threshold ({@link #perLabel}) moved
   * towards the global one, {@code t = weight * t_label + (1 - weight) * t_global}.
   */
  static double[] forRule(ThresholdRule rule, double global, double[] perLabel, double weight, int labels) {
    return switch (rule) {
      case NONE -> new double[labels];
      case GLOBAL -> shrink(null, global, weight, labels);
      case PER_LABEL -> shrink(perLabel, global, weight, labels);
      case AUTO -> throw new IllegalArgumentException("AUTO is a choice between rules, not a rule");
    };
  }

  /**
   * Each label's F1-optimal threshold, NaN for a label with fewer than {@code minPositives} positives (or
   * none): computed once and shared by every weight of {@link #forRule}.
   */
  static double[] perLabel(double[][] scores, boolean[][] y, int minPositives) {
    int L = scores.length;
    double[] out = new double[L];
    for (int l = 0; l < L; l++) {
      int pos = 0;
      for (boolean b : y[l]) {
        if (b) {
          pos++;
        }
      }
      double t = pos >= minPositives ? best(scores[l], y[l])[0] : Double.NaN;
      out[l] = Double.isFinite(t) ? t : Double.NaN;
    }
    return out;
  }

  /**
   * Per-label thresholds moved towards the global one, {@code weight * t_label + (1 - weight) * global}; the
   * global one where a label has none ({@code perLabel} null: all global).
   */
  private static double[] shrink(double[] perLabel, double global, double weight, int labels) {
    double[] th = new double[labels];
    for (int l = 0; l < labels; l++) {
      double t = perLabel == null ? Double.NaN : perLabel[l];
      th[l] = Double.isNaN(t) ? global : weight * t + (1 - weight) * global;
    }
    return th;
  }

  /** Micro and macro F1 of decisions against truth: pred[i] = label indexes, y[l][i]. */
  static double[] f1(int[][] pred, boolean[][] y) {
    int L = y.length;
    long[] tp = new long[L];
    long[] fp = new long[L];
    long[] fn = new long[L];
    int n = pred.length;
    for (int i = 0; i < n; i++) {
      for (int l : pred[i]) {
        if (y[l][i]) {
          tp[l]++;
        } else {
          fp[l]++;
        }
      }
    }
    for (int l = 0; l < L; l++) {
      long pos = 0;
      for (int i = 0; i < n; i++) {
        if (y[l][i]) {
          pos++;
        }
      }
      fn[l] = pos - tp[l];
    }
    long TP = 0;
    long FP = 0;
    long FN = 0;
    double macro = 0;
    int labels = 0;
    for (int l = 0; l < L; l++) {
      TP += tp[l];
      FP += fp[l];
      FN += fn[l];
      long d = 2 * tp[l] + fp[l] + fn[l];
      if (d > 0) {
        macro += 2.0 * tp[l] / d;
        labels++;
      }
    }
    double micro = TP == 0 ? 0 : 2.0 * TP / (2 * TP + FP + FN);
    return new double[] {micro, labels == 0 ? 0 : macro / labels};
  }
}
