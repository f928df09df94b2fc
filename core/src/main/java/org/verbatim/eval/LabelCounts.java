package org.verbatim.eval;

/**
 * True-positive, false-positive and false-negative counts per label of index-coded multi-label decisions, with
 * their F1 scores: the one place where F1 is counted (the metrics, the bootstrap and the trainer's model selection
 * use it).
 *
 * <pre>{@code
 * boolean[][] gold = {{true, false}, {true, true}};          // gold[label][comment]
 * int[][] predicted = {{0}, {0, 1}};                          // predicted[comment] = label indexes
 * LabelCounts c = LabelCounts.of(predicted, gold);
 * c.microF1();   // 2*3 / (2*3 + 0 + 0) = 1.0
 * LabelCounts.f1(2, 1, 1);   // 2*2 / (2*2 + 1 + 1) = 0.667
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelCounts {

  private final long[] tp;
  private final long[] fp;
  private final long[] fn;

  private LabelCounts(long[] tp, long[] fp, long[] fn) {
    this.tp = tp;
    this.fp = fp;
    this.fn = fn;
  }

  /**
   * F1 from counts: {@code 2 tp / (2 tp + fp + fn)}, 0 when the denominator is 0.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public static double f1(long tp, long fp, long fn) {
    if (tp < 0 || fp < 0 || fn < 0) {
      throw new IllegalArgumentException("counts must be >= 0: tp=" + tp + ", fp=" + fp + ", fn=" + fn);
    }
    long d = 2 * tp + fp + fn;
    return d == 0 ? 0.0 : 2.0 * tp / d;
  }

  /**
   * Counts decisions against truth.
   *
   * @param predicted per comment, the predicted label indexes (each in {@code [0, gold.length)}, no repeats)
   * @param gold per label, per comment: whether the comment has the label
   * @throws IllegalArgumentException if a row of {@code gold} does not have one value per comment
   */
  public static LabelCounts of(int[][] predicted, boolean[][] gold) {
    int labels = gold.length;
    int n = predicted.length;
    long[] tp = new long[labels];
    long[] fp = new long[labels];
    long[] fn = new long[labels];
    for (boolean[] row : gold) {
      if (row.length != n) {
        throw new IllegalArgumentException("gold rows must have " + n + " values: " + row.length);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int l : predicted[i]) {
        if (gold[l][i]) {
          tp[l]++;
        } else {
          fp[l]++;
        }
      }
    }
    for (int l = 0; l < labels; l++) {
      long pos = 0;
      for (int i = 0; i < n; i++) {
        if (gold[l][i]) {
          pos++;
        }
      }
      fn[l] = pos - tp[l];
    }
    return new LabelCounts(tp, fp, fn);
  }

  /** Number of labels. */
  public int labels() {
    return tp.length;
  }

  /** F1 of one label (0 when it was neither coded nor predicted). */
  public double f1(int label) {
    return f1(tp[label], fp[label], fn[label]);
  }

  /** Micro-averaged F1: F1 of the summed counts. */
  public double microF1() {
    long t = 0;
    long p = 0;
    long n = 0;
    for (int l = 0; l < tp.length; l++) {
      t += tp[l];
      p += fp[l];
      n += fn[l];
    }
    return t == 0 ? 0 : f1(t, p, n);
  }

  /** Macro-averaged F1 over the labels that were coded or predicted at least once (0 when none was). */
  public double macroF1() {
    double macro = 0;
    int labels = 0;
    for (int l = 0; l < tp.length; l++) {
      if (2 * tp[l] + fp[l] + fn[l] > 0) {
        macro += f1(l);
        labels++;
      }
    }
    return labels == 0 ? 0 : macro / labels;
  }
}
