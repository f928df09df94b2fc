package org.verbatim.classify;

import java.util.Arrays;
import java.util.Objects;

/**
 * The decision rules of a binary-relevance model: per-label thresholds on the raw scores, which labels may be
 * predicted at all, "at least one label" and "at most K labels", and the {@link Ranking} that orders passing
 * labels (for the cap and for the label forced by "at least one").
 *
 * <pre>{@code
 * DecisionRule rule = DecisionRule.of(new double[] {0.0, 0.5}, null, true, 1, Ranking.MARGIN);
 * rule.decide(new double[] {-1.0, 0.2});   // [1]: none passes, label 1 has the larger margin (-0.3 > -1.0)
 * }</pre>
 *
 * <p>Immutable and thread-safe. The trainer applies the same rule to out-of-fold scores while tuning
 * thresholds, so tuning and prediction decide identically.
 */
public final class DecisionRule {

  private final double[] thresholds;
  private final boolean[] active;
  private final boolean atLeastOne;
  private final int maxLabels;
  private final boolean byScore;

  private DecisionRule(double[] thresholds, boolean[] active, boolean atLeastOne, int maxLabels, Ranking ranking) {
    this.thresholds = thresholds;
    this.active = active;
    this.atLeastOne = atLeastOne;
    this.maxLabels = maxLabels;
    this.byScore = Objects.requireNonNull(ranking, "ranking") == Ranking.SCORE;
  }

  /**
   * A rule over the given thresholds. The arrays are used as given, not copied: callers must not change them.
   *
   * @param thresholds per label, on the raw score
   * @param active which labels may be predicted (null = all)
   * @param atLeastOne whether the best label is forced when none passes
   * @param maxLabels at most this many labels, 0 = no cap
   * @param ranking how passing labels are ordered
   * @throws NullPointerException if {@code thresholds} or {@code ranking} is null
   */
  public static DecisionRule of(double[] thresholds, boolean[] active, boolean atLeastOne, int maxLabels, Ranking ranking) {
    return new DecisionRule(Objects.requireNonNull(thresholds, "thresholds"), active, atLeastOne, maxLabels, ranking);
  }

  /**
   * The labels of one comment's scores, best first (see the class comment).
   *
   * @param scores one raw score per label
   */
  public int[] decide(double[] scores) {
    return decide(scores, thresholds, active, atLeastOne, maxLabels, byScore);
  }

  /**
   * Applies thresholds and the decision rules to one comment's scores; returns the chosen label indexes,
   * best first. "Best" is the larger margin (score - threshold) or, with {@code byScore}, the larger raw score:
   * the order used to keep at most {@code maxLabels} and to pick the single label forced by
   * {@code atLeastOne} when none passes.
   *
   * @param active which labels may be predicted (null = all)
   */
  static int[] decide(double[] s, double[] th, boolean[] active, boolean atLeastOne, int maxLabels, boolean byScore) {
    int L = s.length;
    int[] on = new int[L];
    int n = 0;
    int bestIdx = -1;
    double bestKey = Double.NEGATIVE_INFINITY;
    for (int l = 0; l < L; l++) {
      if (active != null && !active[l]) {
        continue;
      }
      double m = s[l] - th[l];
      if (m >= 0) {
        on[n++] = l;
      }
      double key = byScore ? s[l] : m;
      if (key > bestKey || bestIdx < 0) {
        bestKey = key;
        bestIdx = l;
      }
    }
    if (n == 0) {
      return atLeastOne && bestIdx >= 0 ? new int[] {bestIdx} : new int[0];
    }
    int[] out = Arrays.copyOf(on, n);
    if (n > 1) {
      // insertion sort by key descending, stable (ties keep label order)
      for (int i = 1; i < n; i++) {
        int v = out[i];
        double kv = byScore ? s[v] : s[v] - th[v];
        int j = i - 1;
        while (j >= 0 && (byScore ? s[out[j]] : s[out[j]] - th[out[j]]) < kv) {
          out[j + 1] = out[j];
          j--;
        }
        out[j + 1] = v;
      }
    }
    if (maxLabels > 0 && n > maxLabels) {
      out = Arrays.copyOf(out, maxLabels);
    }
    return out;
  }

}
