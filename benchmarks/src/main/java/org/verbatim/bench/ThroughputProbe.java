package org.verbatim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.verbatim.ThemeClassifier;

/**
 * Measures a classifier's throughput the way the peer scripts measure theirs ({@code common.time_throughput}):
 * the test texts repeated to at least {@code nMin} comments and classified in one {@code classifyAll} call (best
 * of {@code runs}), then one comment per {@code classify} call over {@code singleN} comments (after 200 warm-up
 * calls), with the median and 99th-percentile latency. One thread; no I/O. The caller warms up first (e.g. by
 * classifying the test set once).
 *
 * <pre>{@code
 * ThroughputProbe.Result r = ThroughputProbe.measure(classifier, testTexts, 20_000, 20_000, 3);
 * r.batchCps();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ThroughputProbe {

  /**
   * Throughput figures.
   *
   * @param batchN comments in the batch call
   * @param batchCps comments per second in one batch call (best run)
   * @param singleN comments classified one per call (0 = skipped)
   * @param singleCps comments per second one per call
   * @param latencyP50Ms median latency of one call, ms
   * @param latencyP99Ms 99th-percentile latency of one call, ms
   */
  public record Result(int batchN, double batchCps, int singleN, double singleCps, double latencyP50Ms,
      double latencyP99Ms) {}

  private ThroughputProbe() {}

  /**
   * Measures.
   *
   * @throws IllegalArgumentException if {@code texts} is empty, {@code nMin < 1}, {@code singleN < 0} or
   *     {@code runs < 1}
   */
  public static Result measure(ThemeClassifier classifier, List<String> texts, int nMin, int singleN, int runs) {
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(texts, "texts");
    if (texts.isEmpty() || nMin < 1 || singleN < 0 || runs < 1) {
      throw new IllegalArgumentException("need texts, nMin >= 1, singleN >= 0, runs >= 1: " + texts.size() + ", "
          + nMin + ", " + singleN + ", " + runs);
    }
    List<String> big = repeatTo(texts, nMin);
    long best = Long.MAX_VALUE;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      classifier.classifyAll(big);
      best = Math.min(best, System.nanoTime() - t0);
    }
    double batchCps = big.size() / (best / 1e9);
    if (singleN == 0) {
      return new Result(big.size(), batchCps, 0, Double.NaN, Double.NaN, Double.NaN);
    }
    List<String> sub = repeatTo(texts, singleN).subList(0, singleN);
    for (int i = 0; i < Math.min(200, sub.size()); i++) {
      classifier.classify(sub.get(i));
    }
    long[] lat = new long[sub.size()];
    long all0 = System.nanoTime();
    for (int i = 0; i < sub.size(); i++) {
      long t0 = System.nanoTime();
      classifier.classify(sub.get(i));
      lat[i] = System.nanoTime() - t0;
    }
    double total = (System.nanoTime() - all0) / 1e9;
    Arrays.sort(lat);
    return new Result(big.size(), batchCps, sub.size(), sub.size() / total, percentile(lat, 50) / 1e6,
        percentile(lat, 99) / 1e6);
  }

  /** The texts repeated whole until there are at least {@code n}. */
  static List<String> repeatTo(List<String> texts, int n) {
    int reps = (n + texts.size() - 1) / texts.size();
    List<String> out = new ArrayList<>(reps * texts.size());
    for (int r = 0; r < reps; r++) {
      out.addAll(texts);
    }
    return out;
  }

  /** Percentile of sorted values with linear interpolation (NumPy's default). */
  static double percentile(long[] sorted, double p) {
    double h = (sorted.length - 1) * p / 100.0;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
