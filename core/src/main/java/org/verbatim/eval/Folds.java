package org.verbatim.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A deterministic assignment of n items to k cross-validation folds: the one home of fold assignment for
 * evaluation and training. Three assignments exist, each kept exactly as the code that introduced it used it (a
 * change would change trained models):
 *
 * <ul>
 *   <li>{@link #kFold} (evaluation by cross-validation): the indices 0..n−1 shuffled by a Fisher–Yates shuffle
 *       driven by a {@link SplittableRandom} seeded with {@code seed} (for i = n−1 down to 1, swap positions i and
 *       {@code nextInt(i + 1)}), then dealt round-robin: the item at shuffled position p goes to fold
 *       {@code p mod k};
 *   <li>{@link #blocks} (the theme trainer's model selection): the same shuffle, then cut into k contiguous
 *       blocks (position p of the shuffle goes to the block it falls in);
 *   <li>{@link #byGroup} (the polarity trainer: every pair of a comment in the same fold): the groups shuffled by
 *       {@link Collections#shuffle(List, Random)} with a {@code java.util.Random} seeded with {@code seed}, dealt
 *       round-robin; an item goes to its group's fold.
 * </ul>
 *
 * <p>Fold sizes differ by at most one (the first {@code n mod k} folds get the extra item); the same arguments
 * always give the same folds. No assignment stratifies by label.
 *
 * <pre>{@code
 * Folds folds = Folds.kFold(docs.size(), 5, 42L);
 * for (int f = 0; f < folds.k(); f++) {
 *   int[] train = folds.trainRows(f);
 *   int[] test = folds.testRows(f);
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
   * Assigns {@code n} items to {@code k} folds, dealt round-robin from a seeded shuffle.
   *
   * @param n number of items, {@code >= k}
   * @param k number of folds, {@code >= 2}
   * @param seed seed of the shuffle
   * @throws IllegalArgumentException if {@code k < 2} or {@code n < k}
   */
  public static Folds kFold(int n, int k, long seed) {
    int[] order = shuffled(n, k, seed);
    int[] foldOf = new int[n];
    for (int p = 0; p < n; p++) {
      foldOf[order[p]] = p % k;
    }
    return new Folds(foldOf, k);
  }

  /**
   * Assigns {@code n} items to {@code k} folds, cut into contiguous blocks of a seeded shuffle.
   *
   * @param n number of items, {@code >= k}
   * @param k number of folds, {@code >= 2}
   * @param seed seed of the shuffle
   * @throws IllegalArgumentException if {@code k < 2} or {@code n < k}
   */
  public static Folds blocks(int n, int k, long seed) {
    int[] perm = shuffled(n, k, seed);
    int[] fold = new int[n];
    int pos = 0;
    for (int f = 0; f < k; f++) {
      int size = n / k + (f < n % k ? 1 : 0);
      for (int s = 0; s < size; s++) {
        fold[perm[pos++]] = f;
      }
    }
    return new Folds(fold, k);
  }

  /**
   * Assigns items to {@code k} folds by group: the groups are shuffled and dealt round-robin, and each item goes
   * to its group's fold.
   *
   * @param groupOf the group of each item, in {@code [0, groups)}
   * @param groups number of groups, {@code >= k}
   * @param k number of folds, {@code >= 2}
   * @param seed seed of the shuffle
   * @throws IllegalArgumentException if {@code k < 2} or {@code groups < k}
   */
  public static Folds byGroup(int[] groupOf, int groups, int k, long seed) {
    check(groups, k);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int[] groupFold = new int[groups];
    for (int i = 0; i < groups; i++) {
      groupFold[order.get(i)] = i % k;
    }
    int[] fold = new int[groupOf.length];
    for (int i = 0; i < groupOf.length; i++) {
      fold[i] = groupFold[groupOf[i]];
    }
    return new Folds(fold, k);
  }

  private static void check(int n, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2: " + k);
    }
    if (n < k) {
      throw new IllegalArgumentException("n must be >= k (" + k + "): " + n);
    }
  }

  /** 0..n-1 after the seeded Fisher-Yates shuffle of {@link #kFold} and {@link #blocks}. */
  private static int[] shuffled(int n, int k, long seed) {
    check(n, k);
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
    return order;
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
    return boxed(rows(fold, true));
  }

  /**
   * The items of every other fold, ascending.
   *
   * @throws IllegalArgumentException if {@code fold} is not in [0, k)
   */
  public List<Integer> trainIndices(int fold) {
    return boxed(rows(fold, false));
  }

  /** As {@link #testIndices}, as an array. */
  public int[] testRows(int fold) {
    return rows(fold, true);
  }

  /** As {@link #trainIndices}, as an array. */
  public int[] trainRows(int fold) {
    return rows(fold, false);
  }

  private int[] rows(int fold, boolean in) {
    if (fold < 0 || fold >= k) {
      throw new IllegalArgumentException("fold must be in [0, " + k + "): " + fold);
    }
    int c = 0;
    for (int v : foldOf) {
      if ((v == fold) == in) {
        c++;
      }
    }
    int[] out = new int[c];
    c = 0;
    for (int i = 0; i < foldOf.length; i++) {
      if ((foldOf[i] == fold) == in) {
        out[c++] = i;
      }
    }
    return out;
  }

  private static List<Integer> boxed(int[] rows) {
    List<Integer> out = new ArrayList<>(rows.length);
    for (int r : rows) {
      out.add(r);
    }
    return Collections.unmodifiableList(out);
  }
}
