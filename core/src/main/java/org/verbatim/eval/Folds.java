package org.verbatim.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic assignment of n items to k cross-validation folds.
 *
 * <p>{@link #kFold} shuffles the indices 0..n−1 with a Fisher–Yates shuffle driven by a
 * {@link SplittableRandom} seeded with {@code seed} (for i = n−1 down to 1, swap position i with position
 * {@code nextInt(i + 1)}), then deals the shuffled indices round-robin: the item at shuffled position p goes
 * to fold {@code p mod k}. Fold sizes therefore differ by at most one (the first {@code n mod k} folds get
 * the extra item), and the same (n, k, seed) always gives the same folds. It does not stratify by label.
 *
 * <pre>{@code
 * Folds folds = Folds.kFold(docs.size(), 5, 42L);
 * for (int f = 0; f < folds.k(); f++) {
 *   List<Integer> train = folds.trainIndices(f);
 *   List<Integer> test = folds.testIndices(f);
 *   // fit on train, score on test; never tune on a held-out test.csv
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Folds {

  private final int[] foldOf;
  private final int k;

  private Folds(int[] foldOf, int k) {
    this.foldOf = foldOf;
    this.k = k;
  }

  /**
   * Assigns {@code n} items to {@code k} folds.
   *
   * @param n number of items, {@code >= k}
   * @param k number of folds, {@code >= 2}
   * @param seed seed of the shuffle
   * @throws IllegalArgumentException if {@code k < 2} or {@code n < k}
   */
  public static Folds kFold(int n, int k, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2: " + k);
    }
    if (n < k) {
      throw new IllegalArgumentException("n must be >= k (" + k + "): " + n);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] foldOf = new int[n];
    for (int p = 0; p < n; p++) {
      foldOf[order[p]] = p % k;
    }
    return new Folds(foldOf, k);
  }

  /** The number of folds. */
  public int k() {
    return k;
  }

  /** The number of items. */
  public int size() {
    return foldOf.length;
  }

  /**
   * The fold of item {@code index}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in [0, size)
   */
  public int foldOf(int index) {
    return foldOf[index];
  }

  /** A copy of the fold of every item. */
  public int[] assignments() {
    return foldOf.clone();
  }

  /**
   * The items of fold {@code fold}, ascending.
   *
   * @throws IllegalArgumentException if {@code fold} is not in [0, k)
   */
  public List<Integer> testIndices(int fold) {
    return indices(fold, true);
  }

  /**
   * The items of every other fold, ascending.
   *
   * @throws IllegalArgumentException if {@code fold} is not in [0, k)
   */
  public List<Integer> trainIndices(int fold) {
    return indices(fold, false);
  }

  private List<Integer> indices(int fold, boolean inFold) {
    if (fold < 0 || fold >= k) {
      throw new IllegalArgumentException("fold must be in [0, " + k + "): " + fold);
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < foldOf.length; i++) {
      if ((foldOf[i] == fold) == inFold) {
        out.add(i);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
