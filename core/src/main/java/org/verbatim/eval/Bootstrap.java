package org.verbatim.eval;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence intervals over documents (Efron &amp; Tibshirani 1993, "An Introduction to
 * the Bootstrap", ch. 13).
 *
 * <p>Each of B resamples draws N documents with replacement from the N aligned documents, using one
 * {@link SplittableRandom} seeded with {@code seed} ({@code nextInt(N)} per draw, resamples in order), and
 * recomputes the scores with the conventions of {@link MultiLabelMetrics}. The label universe stays that of
 * the full data, so a resample in which a label has no support gives it recall and F1 0
 * ({@code zero_division = 0}), exactly as {@code metrics.py} would score that resample. The interval for
 * level {@code c} is the pair of quantiles {@code (1-c)/2} and {@code (1+c)/2} of the B values, with linear
 * interpolation between order statistics (Hyndman &amp; Fan 1996 type 7, the default of R and NumPy).
 *
 * <pre>{@code
 * ConfidenceIntervals ci = Bootstrap.intervals(Alignment.of(gold, pred), Set.of(), 1000, 42L, 0.95);
 * ci.macroF1().lower();
 * }</pre>
 *
 * <p>The result depends only on the data, the label order, B, the seed and the level: the same call gives
 * the same intervals on every run and platform. Memory is about {@code 24 · |L| · B} bytes. Stateless and
 * thread-safe.
 */
public final class Bootstrap {

  /** The default number of resamples. */
  public static final int DEFAULT_RESAMPLES = 1000;

  private Bootstrap() {}

  /**
   * Bootstrap intervals of micro P/R/F1, macro F1 and per-label P/R/F1.
   *
   * @param alignment the scored documents; at least one
   * @param extraLabels labels added to the universe, as in {@link MultiLabelMetrics}
   * @param resamples B, at least 1
   * @param seed seed of the random draws
   * @param level confidence level in (0, 1), e.g. 0.95
   * @throws NullPointerException if an argument or extra label is null
   * @throws IllegalArgumentException if there are no documents, {@code resamples < 1} or {@code level} is
   *     not in (0, 1)
   */
  public static ConfidenceIntervals intervals(
      Alignment alignment, Collection<String> extraLabels, int resamples, long seed, double level) {
    return intervals(new LabelMatrix(alignment, extraLabels), resamples, seed, level);
  }

  static ConfidenceIntervals intervals(LabelMatrix m, int resamples, long seed, double level) {
    Objects.requireNonNull(m, "m");
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1: " + resamples);
    }
    if (!(level > 0.0 && level < 1.0)) {
      throw new IllegalArgumentException("level must be in (0, 1): " + level);
    }
    int n = m.documents();
    if (n == 0) {
      throw new IllegalArgumentException("cannot bootstrap zero documents");
    }
    int nl = m.labels.size();
    double[][] p = new double[nl][resamples];
    double[][] r = new double[nl][resamples];
    double[][] f = new double[nl][resamples];
    double[] microP = new double[resamples];
    double[] microR = new double[resamples];
    double[] microF = new double[resamples];
    double[] macroF = new double[resamples];
    int[] counts = new int[3 * nl];   // 3 * label + {0 tp, 1 fp, 2 fn}
    int[] codes = m.codes;
    int[] offsets = m.offsets;
    SplittableRandom rng = new SplittableRandom(seed);
    for (int b = 0; b < resamples; b++) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        int d = rng.nextInt(n);
        for (int k = offsets[d], end = offsets[d + 1]; k < end; k++) {
          counts[codes[k]]++;
        }
      }
      long sumTp = 0;
      long sumFp = 0;
      long sumFn = 0;
      double sumF = 0.0;
      for (int l = 0; l < nl; l++) {
        int tp = counts[3 * l];
        int fp = counts[3 * l + 1];
        int fn = counts[3 * l + 2];
        p[l][b] = LabelMatrix.div(tp, tp + fp);
        r[l][b] = LabelMatrix.div(tp, tp + fn);
        f[l][b] = LabelCounts.f1(tp, fp, fn);
        sumF += f[l][b];
        sumTp += tp;
        sumFp += fp;
        sumFn += fn;
      }
      microP[b] = LabelMatrix.div(sumTp, sumTp + sumFp);
      microR[b] = LabelMatrix.div(sumTp, sumTp + sumFn);
      microF[b] = LabelCounts.f1(sumTp, sumFp, sumFn);
      macroF[b] = LabelMatrix.div(sumF, nl);
    }
    Map<String, ConfidenceIntervals.LabelIntervals> perLabel = new LinkedHashMap<>();
    for (int l = 0; l < nl; l++) {
      perLabel.put(m.labels.get(l), new ConfidenceIntervals.LabelIntervals(
          interval(p[l], level), interval(r[l], level), interval(f[l], level)));
    }
    return new ConfidenceIntervals(level, resamples, seed, interval(microP, level), interval(microR, level),
        interval(microF, level), interval(macroF, level), perLabel);
  }

  /** The central {@code level} interval of {@code values}, which this method sorts in place. */
  static Interval interval(double[] values, double level) {
    Arrays.sort(values);
    double alpha = 1.0 - level;
    return new Interval(quantile(values, alpha / 2.0), quantile(values, 1.0 - alpha / 2.0));
  }

  /**
   * The {@code q}-quantile of sorted {@code values} by linear interpolation between order statistics
   * (Hyndman &amp; Fan type 7): with {@code h = (B-1)q}, {@code x[floor h] + (h - floor h)(x[floor h + 1] -
   * x[floor h])}.
   */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double frac = h - lo;
    return frac == 0.0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
  }
}
