package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Scores of one label, as in the {@code per_label} object of {@code metrics.py} (plus the raw counts).
 *
 * <pre>{@code
 * LabelStats s = report.perLabel().get("respect");
 * s.f1();        // 2 tp / (2 tp + fp + fn), or 0 when that denominator is 0
 * s.support();   // tp + fn: documents whose gold set has the label
 * }</pre>
 *
 * <p>Immutable and thread-safe. Ratios use {@code zero_division = 0}: a ratio whose denominator is 0 is 0.
 *
 * @param precision {@code tp / (tp + fp)}
 * @param recall {@code tp / (tp + fn)}
 * @param f1 {@code 2 tp / (2 tp + fp + fn)}
 * @param support {@code tp + fn}
 * @param predicted {@code tp + fp}
 * @param tp documents where gold and prediction both have the label
 * @param fp documents where only the prediction has it
 * @param fn documents where only gold has it
 */
@JsonPropertyOrder({"precision", "recall", "f1", "support", "predicted", "tp", "fp", "fn"})
public record LabelStats(
    double precision, double recall, double f1, int support, int predicted, int tp, int fp, int fn) {

  /** @throws IllegalArgumentException if a count is negative or inconsistent with the others */
  public LabelStats {
    if (tp < 0 || fp < 0 || fn < 0 || support != tp + fn || predicted != tp + fp) {
      throw new IllegalArgumentException("inconsistent label counts: tp=" + tp + ", fp=" + fp + ", fn=" + fn
          + ", support=" + support + ", predicted=" + predicted);
    }
  }

  /** Computes the ratios from the three counts. */
  public static LabelStats of(int tp, int fp, int fn) {
    return new LabelStats(
        LabelMatrix.div(tp, tp + fp),
        LabelMatrix.div(tp, tp + fn),
        LabelCounts.f1(tp, fp, fn),
        tp + fn,
        tp + fp,
        tp,
        fp,
        fn);
  }
}
