package org.verbatim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.verbatim.Polarity;
import org.verbatim.eval.DocumentTheme;
import org.verbatim.eval.Interval;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.eval.PolarityReport;

/**
 * Percentile-bootstrap confidence intervals of polarity accuracy and macro-F1 over gold (comment, theme) pairs.
 * Comments, not pairs, are resampled with replacement (the pairs of one comment are not independent); each
 * resample is scored by {@link PolarityMetrics} over all its gold pairs, and the bounds are the type 7
 * quantiles (Hyndman and Fan 1996) of the resampled scores.
 *
 * <pre>{@code
 * PolarityBootstrap.Intervals ci = PolarityBootstrap.intervals(gold, predicted, 1000, 42L, 0.95);
 * ci.accuracy().lower();
 * }</pre>
 *
 * <p>Deterministic for a seed (comments are taken in the iteration order of {@code gold}; pass an ordered map
 * for the same result on every run). Stateless and thread-safe.
 */
public final class PolarityBootstrap {

  /**
   * The intervals.
   *
   * @param accuracy interval of accuracy over all gold pairs
   * @param macroF1 interval of macro-F1 over all gold pairs
   */
  public record Intervals(Interval accuracy, Interval macroF1) {
    public Intervals {
      Objects.requireNonNull(accuracy, "accuracy");
      Objects.requireNonNull(macroF1, "macroF1");
    }
  }

  private PolarityBootstrap() {}

  /**
   * Bootstrap intervals, resampling the documents of the gold keys.
   *
   * @param gold gold polarity per (document, theme); at least one pair
   * @param predicted predicted polarity per pair (a gold pair without one counts as wrong)
   * @param resamples B, at least 1
   * @param seed seed of the draws
   * @param level confidence level in (0, 1)
   * @throws NullPointerException if an argument, key or value is null
   * @throws IllegalArgumentException if gold is empty, {@code resamples < 1} or the level is not in (0, 1)
   */
  public static Intervals intervals(Map<DocumentTheme, Polarity> gold, Map<DocumentTheme, Polarity> predicted,
      int resamples, long seed, double level) {
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    if (gold.isEmpty()) {
      throw new IllegalArgumentException("cannot bootstrap zero gold pairs");
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1: " + resamples);
    }
    if (!(level > 0.0 && level < 1.0)) {
      throw new IllegalArgumentException("level must be in (0, 1): " + level);
    }
    Map<String, List<DocumentTheme>> byDoc = new LinkedHashMap<>();
    for (DocumentTheme k : gold.keySet()) {
      byDoc.computeIfAbsent(Objects.requireNonNull(k, "gold key").documentId(), d -> new ArrayList<>()).add(k);
    }
    List<List<DocumentTheme>> docs = new ArrayList<>(byDoc.values());
    int n = docs.size();
    double[] acc = new double[resamples];
    double[] f1 = new double[resamples];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int b = 0; b < resamples; b++) {
      Map<DocumentTheme, Polarity> g = new HashMap<>();
      Map<DocumentTheme, Polarity> p = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String copy = "#" + i;   // a document drawn twice counts twice: give each draw its own id
        for (DocumentTheme k : docs.get(rng.nextInt(n))) {
          DocumentTheme key = new DocumentTheme(k.documentId() + copy, k.themeId());
          g.put(key, gold.get(k));
          Polarity q = predicted.get(k);
          if (q != null) {
            p.put(key, q);
          }
        }
      }
      PolarityReport r = PolarityMetrics.compute(g, p);
      acc[b] = r.accuracyAll();
      f1[b] = r.macroF1All();
    }
    double alpha = (1.0 - level) / 2.0;
    return new Intervals(interval(acc, alpha), interval(f1, alpha));
  }

  private static Interval interval(double[] values, double alpha) {
    double[] v = values.clone();
    Arrays.sort(v);
    return new Interval(quantile(v, alpha), quantile(v, 1.0 - alpha));
  }

  /** Type 7 quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
