package org.verbatim.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.verbatim.classify.LinearThemeClassifier;

/**
 * Chooses which uncoded comments to code next so that a theme model learns most from them (active learning by
 * uncertainty sampling), or at random as a baseline.
 *
 * <h2>Uncertainty with diversity</h2>
 * <ol>
 *   <li>Every comment gets each theme's margin (score minus the theme's threshold,
 *       {@link LinearThemeClassifier#margins}): near 0, the model cannot tell whether the theme applies.
 *   <li>Themes take turns, the rarest first (fewest comments of the pool predicted to have it), and each turn takes
 *       the theme's most uncertain comment (smallest |margin|) not yet chosen. So every theme, rare ones included,
 *       gets about {@code count / themes} comments near its own threshold, whatever the scale of its scores.
 *   <li>A comment is passed over when it is a near-duplicate of one already chosen (Jaccard similarity of the sets of
 *       lower-cased words at least {@code maxSimilarity}, default {@value #DEFAULT_MAX_SIMILARITY}) or has no word at
 *       all ("", "-").
 * </ol>
 * Themes the model has no classifier for (too few training examples) take no turn. The margins are computed from
 * the model's word features alone: for a model trained with a codebook's cue features they leave the cues out.
 *
 * <h2>Random</h2>
 * A uniform random sample without replacement ({@link SplittableRandom} seeded with {@code seed}), no filtering:
 * the baseline that uncertainty sampling has to beat.
 *
 * <pre>{@code
 * List<CodingSuggestions.Suggestion> next =
 *     CodingSuggestions.choose(model, uncodedTexts, 100, CodingSuggestions.Strategy.UNCERTAINTY, 42L);
 * next.get(0).index();    // position in uncodedTexts of the first comment to code
 * next.get(0).theme();    // the theme whose threshold it lies near
 * }</pre>
 *
 * <p>Stateless and thread-safe; the same arguments give the same choice. Cost: one scoring of each comment, a sort
 * per theme, and for each pick a comparison with every comment chosen so far.
 */
public final class CodingSuggestions {

  /** The default Jaccard similarity from which two comments count as near-duplicates. */
  public static final double DEFAULT_MAX_SIMILARITY = 0.8;

  private CodingSuggestions() {}

  /** How to choose. */
  public enum Strategy {
    /** Smallest margin to a theme's threshold, themes taking turns rarest first, near-duplicates skipped. */
    UNCERTAINTY,
    /** Uniformly at random. */
    RANDOM;

    /** Parses {@code uncertainty} or {@code random}, in any case. */
    public static Strategy parse(String s) {
      try {
        return valueOf(Objects.requireNonNull(s, "strategy").strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("strategy must be uncertainty or random: '" + s + "'", e);
      }
    }
  }

  /**
   * One comment to code.
   *
   * @param index its position in the input list
   * @param theme the theme whose turn chose it ("" for a random pick)
   * @param margin its margin to that theme's threshold (NaN for a random pick)
   */
  public record Suggestion(int index, String theme, double margin) {
    /** @throws NullPointerException if {@code theme} is null */
    public Suggestion {
      Objects.requireNonNull(theme, "theme");
    }
  }

  /** As {@link #choose(LinearThemeClassifier, List, int, Strategy, long, double)} with the default similarity. */
  public static List<Suggestion> choose(LinearThemeClassifier model, List<String> texts, int count, Strategy strategy,
      long seed) {
    return choose(model, texts, count, strategy, seed, DEFAULT_MAX_SIMILARITY);
  }

  /**
   * Chooses up to {@code count} comments, in the order to code them.
   *
   * @param model the current theme model (unused, and may be null, for {@link Strategy#RANDOM})
   * @param texts the uncoded comments
   * @param count how many to choose, at least 1 (fewer come back when the pool runs out)
   * @param strategy uncertainty or random
   * @param seed seed of the random choice
   * @param maxSimilarity Jaccard similarity in (0, 1] from which a comment counts as a near-duplicate
   * @throws NullPointerException if {@code texts}, a text or {@code strategy} is null, or {@code model} is null for
   *     uncertainty sampling
   * @throws IllegalArgumentException if {@code count < 1} or {@code maxSimilarity} is not in (0, 1]
   */
  public static List<Suggestion> choose(LinearThemeClassifier model, List<String> texts, int count, Strategy strategy,
      long seed, double maxSimilarity) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(strategy, "strategy");
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1: " + count);
    }
    if (!(maxSimilarity > 0 && maxSimilarity <= 1)) {
      throw new IllegalArgumentException("maxSimilarity must be in (0, 1]: " + maxSimilarity);
    }
    if (strategy == Strategy.RANDOM) {
      return random(texts.size(), count, seed);
    }
    Objects.requireNonNull(model, "model");
    int n = texts.size();
    List<String> labels = model.labels();
    boolean[] active = model.model().active();
    double[][] margins = new double[n][];
    for (int i = 0; i < n; i++) {
      margins[i] = model.margins(Objects.requireNonNull(texts.get(i), "text"));
    }
    // themes with a classifier, rarest first (fewest predicted positives in the pool)
    List<Integer> themes = new ArrayList<>();
    int[] positives = new int[labels.size()];
    for (int l = 0; l < labels.size(); l++) {
      if (!active[l]) {
        continue;
      }
      themes.add(l);
      for (double[] m : margins) {
        positives[l] += Double.isFinite(m[l]) && m[l] >= 0 ? 1 : 0;
      }
    }
    themes.sort(Comparator.<Integer>comparingInt(l -> positives[l]).thenComparingInt(l -> l));
    // per theme, the comments by |margin|, smallest first
    Integer[][] order = new Integer[labels.size()][];
    for (int l : themes) {
      Integer[] idx = new Integer[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      final int label = l;
      Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> abs(margins[i][label])).thenComparingInt(i -> i));
      order[l] = idx;
    }
    int[] next = new int[labels.size()];
    boolean[] taken = new boolean[n];
    List<Set<String>> words = new ArrayList<>(n);
    for (String t : texts) {
      words.add(null);
    }
    List<Set<String>> chosenWords = new ArrayList<>();
    List<Suggestion> out = new ArrayList<>(Math.min(count, n));
    boolean progress = true;
    while (out.size() < count && progress) {
      progress = false;
      for (int l : themes) {
        if (out.size() >= count) {
          break;
        }
        Integer[] idx = order[l];
        while (next[l] < n) {
          int i = idx[next[l]++];
          if (taken[i]) {
            continue;
          }
          Set<String> w = words.get(i);
          if (w == null) {
            w = words(texts.get(i));
            words.set(i, w);
          }
          if (w.isEmpty() || nearDuplicate(w, chosenWords, maxSimilarity)) {
            taken[i] = true;   // never worth coding in this round
            continue;
          }
          taken[i] = true;
          chosenWords.add(w);
          out.add(new Suggestion(i, labels.get(l), margins[i][l]));
          progress = true;
          break;
        }
      }
    }
    return out;
  }

  private static double abs(double m) {
    return Double.isFinite(m) ? Math.abs(m) : Double.POSITIVE_INFINITY;
  }

  private static List<Suggestion> random(int n, int count, long seed) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int k = Math.min(count, n);
    List<Suggestion> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {   // partial Fisher-Yates shuffle
      int j = i + rng.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
      out.add(new Suggestion(perm[i], "", Double.NaN));
    }
    return out;
  }

  /** The lower-cased words (runs of letters and digits) of {@code text}. */
  static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    return out;
  }

  private static boolean nearDuplicate(Set<String> w, List<Set<String>> chosen, double max) {
    for (Set<String> c : chosen) {
      int inter = 0;
      Set<String> small = w.size() <= c.size() ? w : c;
      Set<String> big = small == w ? c : w;
      for (String s : small) {
        if (big.contains(s)) {
          inter++;
        }
      }
      int union = w.size() + c.size() - inter;
      if (union > 0 && (double) inter / union >= max) {
        return true;
      }
    }
    return false;
  }
}
