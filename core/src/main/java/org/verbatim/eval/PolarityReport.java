package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Polarity scores over (document, theme) pairs, made by {@link PolarityMetrics}.
 *
 * <p>Two views: over the pairs <em>found</em> (the theme is in both gold and the prediction), which measures
 * polarity alone; and over <em>all</em> gold pairs, where a pair without a predicted polarity counts as
 * wrong, which measures theme finding and polarity together.
 *
 * <pre>{@code
 * PolarityReport r = PolarityMetrics.compute(gold, predicted);
 * r.accuracyFound();   // right polarities / pairs found
 * r.accuracyAll();     // right polarities / gold pairs
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param goldPairs number of gold pairs
 * @param predictedPairs number of predicted pairs (including those not in gold, which are not scored)
 * @param foundPairs gold pairs that have a prediction
 * @param correct found pairs whose predicted polarity equals the gold one
 * @param accuracyFound {@code correct / foundPairs} (0 when nothing was found)
 * @param macroF1Found macro F1 over polarity classes, on the found pairs
 * @param accuracyAll {@code correct / goldPairs} (0 when there is no gold pair)
 * @param macroF1All macro F1 over polarity classes, on all gold pairs (a missing prediction is a false
 *     negative of the gold class)
 */
@JsonPropertyOrder({"n_gold_pairs", "n_predicted_pairs", "n_found_pairs", "n_correct", "accuracy_found",
    "macro_f1_found", "accuracy_all", "macro_f1_all"})
public record PolarityReport(
    @JsonProperty("n_gold_pairs") int goldPairs,
    @JsonProperty("n_predicted_pairs") int predictedPairs,
    @JsonProperty("n_found_pairs") int foundPairs,
    @JsonProperty("n_correct") int correct,
    @JsonProperty("accuracy_found") double accuracyFound,
    @JsonProperty("macro_f1_found") double macroF1Found,
    @JsonProperty("accuracy_all") double accuracyAll,
    @JsonProperty("macro_f1_all") double macroF1All) {

  /** @throws IllegalArgumentException if the counts are negative or inconsistent */
  public PolarityReport {
    if (correct < 0 || foundPairs < correct || goldPairs < foundPairs || predictedPairs < foundPairs) {
      throw new IllegalArgumentException("inconsistent pair counts: gold=" + goldPairs + ", predicted="
          + predictedPairs + ", found=" + foundPairs + ", correct=" + correct);
    }
  }

  /** One-line JSON. */
  public String toJson() {
    return EvalJson.compact(this);
  }
}
