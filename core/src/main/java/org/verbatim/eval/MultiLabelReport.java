package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every score that the peer scorer {@code metrics.py} reports, under the same JSON keys.
 *
 * <p>Definitions (N documents, label universe L, per label l the counts tp<sub>l</sub>, fp<sub>l</sub>,
 * fn<sub>l</sub>; TP, FP, FN their sums; any ratio with a zero denominator is 0):
 * <ul>
 *   <li>micro: P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN);
 *   <li>macro P, R, F1: unweighted means of the per-label values over all of L (a label that is only
 *       predicted contributes F1 = 0); {@code macro_f1_gold}: the mean of F1<sub>l</sub> over labels with
 *       gold support &gt; 0; {@code weighted_f1}: support-weighted mean of F1<sub>l</sub>;
 *   <li>{@code samples_f1}: the mean over documents of 2|G∩P|/(|G|+|P|), where a document with both sets
 *       empty scores 1;
 *   <li>{@code hamming_loss} = (FP+FN)/(N·|L|); {@code subset_accuracy}: share of documents whose predicted
 *       set equals the gold set;
 *   <li>cardinalities: mean set size of gold and of predictions.
 * </ul>
 *
 * <p>Unlike {@code metrics.py}, which rounds to 4 decimals (5 for {@code hamming_loss}) before printing,
 * the values here are not rounded.
 *
 * <pre>{@code
 * MultiLabelReport r = MultiLabelMetrics.compute(gold, predicted);
 * r.microF1();
 * r.perLabel().get("listening").recall();
 * String json = r.toJson();   // {"n_docs":12,"n_labels":4,"micro_precision":0.75,...}
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@code perLabel} is copied into an unmodifiable map that keeps the given order
 * (code-point order of the labels when made by {@link MultiLabelMetrics}).
 *
 * @param nDocs N, the number of gold documents
 * @param nLabels |L|, the size of the label universe
 * @param microPrecision micro-averaged precision
 * @param microRecall micro-averaged recall
 * @param microF1 micro-averaged F1
 * @param macroPrecision mean per-label precision over L
 * @param macroRecall mean per-label recall over L
 * @param macroF1 mean per-label F1 over L
 * @param macroF1Gold mean per-label F1 over the labels that occur in gold
 * @param weightedF1 support-weighted mean per-label F1
 * @param samplesF1 mean per-document F1 (both empty = 1)
 * @param hammingLoss wrong label decisions over N·|L|
 * @param subsetAccuracy share of exactly right documents
 * @param tp true positives summed over labels
 * @param fp false positives summed over labels
 * @param fn false negatives summed over labels
 * @param nGoldEmpty documents with an empty gold set
 * @param nPredEmpty documents with an empty prediction (including missing ones)
 * @param goldCardinality mean gold set size
 * @param predCardinality mean predicted set size
 * @param nMissingPred gold documents that had no prediction
 * @param nExtraPred predictions for ids absent from gold (ignored in every score)
 * @param perLabel the scores of every label of L
 */
@JsonPropertyOrder({
    "n_docs", "n_labels", "micro_precision", "micro_recall", "micro_f1", "macro_precision", "macro_recall",
    "macro_f1", "macro_f1_gold", "weighted_f1", "samples_f1", "hamming_loss", "subset_accuracy", "tp", "fp",
    "fn", "n_gold_empty", "n_pred_empty", "gold_cardinality", "pred_cardinality", "n_missing_pred",
    "n_extra_pred", "per_label"})
public record MultiLabelReport(
    @JsonProperty("n_docs") int nDocs,
    @JsonProperty("n_labels") int nLabels,
    @JsonProperty("micro_precision") double microPrecision,
    @JsonProperty("micro_recall") double microRecall,
    @JsonProperty("micro_f1") double microF1,
    @JsonProperty("macro_precision") double macroPrecision,
    @JsonProperty("macro_recall") double macroRecall,
    @JsonProperty("macro_f1") double macroF1,
    @JsonProperty("macro_f1_gold") double macroF1Gold,
    @JsonProperty("weighted_f1") double weightedF1,
    @JsonProperty("samples_f1") double samplesF1,
    @JsonProperty("hamming_loss") double hammingLoss,
    @JsonProperty("subset_accuracy") double subsetAccuracy,
    @JsonProperty("tp") long tp,
    @JsonProperty("fp") long fp,
    @JsonProperty("fn") long fn,
    @JsonProperty("n_gold_empty") int nGoldEmpty,
    @JsonProperty("n_pred_empty") int nPredEmpty,
    @JsonProperty("gold_cardinality") double goldCardinality,
    @JsonProperty("pred_cardinality") double predCardinality,
    @JsonProperty("n_missing_pred") int nMissingPred,
    @JsonProperty("n_extra_pred") int nExtraPred,
    @JsonProperty("per_label") Map<String, LabelStats> perLabel) {

  /**
   * @throws NullPointerException if {@code perLabel} or one of its keys or values is null
   * @throws IllegalArgumentException if {@code perLabel} does not have {@code nLabels} entries
   */
  public MultiLabelReport {
    Objects.requireNonNull(perLabel, "perLabel");
    if (perLabel.size() != nLabels) {
      throw new IllegalArgumentException(
          "perLabel must have nLabels entries: " + perLabel.size() + " != " + nLabels);
    }
    Map<String, LabelStats> copy = new LinkedHashMap<>();
    perLabel.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "label"), Objects.requireNonNull(v, k)));
    perLabel = Collections.unmodifiableMap(copy);
  }

  /** The label universe L, in code-point order. */
  @JsonIgnore
  public List<String> labels() {
    return Collections.unmodifiableList(new ArrayList<>(perLabel.keySet()));
  }

  /** One-line JSON with the keys of {@code metrics.py} (plus {@code tp}, {@code fp}, {@code fn} per label). */
  public String toJson() {
    return EvalJson.compact(this);
  }
}
