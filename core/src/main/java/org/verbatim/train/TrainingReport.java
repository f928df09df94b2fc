package org.verbatim.train;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.classify.Ranking;

/**
 * What a training run chose and how well it did in cross-validation on the training data.
 *
 * <pre>{@code
 * TrainingReport r = classifier.report();
 * r.cost();                 // e.g. 16.0, chosen by CV
 * r.cvMicroF1();            // out-of-fold micro-F1 of the chosen settings
 * r.grid();                 // every (C, threshold rule) tried, with its CV scores
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param comments number of training comments
 * @param dataSha256 SHA-256 of the canonical training data (see {@link ThemeTrainer#dataSha256})
 * @param labels the labels, in model order
 * @param positives training positives per label, in label order
 * @param active per label: false when it had fewer than {@code minExamples} positives and got no model
 * @param cost the chosen cost {@code C}, or 0 when each label has its own (see {@code labelCosts})
 * @param labelCosts the cost each label was fitted with, in label order (0 for labels without a model)
 * @param interpolation the chosen naive-Bayes interpolation {@code beta} (1 = none)
 * @param ranking the chosen ranking of passing labels
 * @param thresholdRule the chosen threshold rule (never {@code AUTO})
 * @param thresholdWeight for per-label thresholds, the weight of each label's own threshold against the
 *     global one (1 otherwise)
 * @param atLeastOne the resolved at-least-one rule
 * @param maxLabels the resolved label cap (0 = none)
 * @param cvMicroF1 out-of-fold micro-F1 of the chosen settings
 * @param cvMacroF1 out-of-fold macro-F1 of the chosen settings
 * @param cvLabelF1 out-of-fold F1 per label of the chosen settings, in label order
 * @param grid every setting tried with its out-of-fold scores, in the order tried
 * @param featureCount number of features of the final model
 * @param tuneSeconds wall time of model selection: checking the data, extracting features and the
 *     cross-validation of every kind compared
 * @param trainSeconds wall time of the final fit on all the data (of the chosen kind only)
 */
public record TrainingReport(
    int comments,
    String dataSha256,
    List<String> labels,
    List<Integer> positives,
    List<Boolean> active,
    double cost,
    List<Double> labelCosts,
    double interpolation,
    Ranking ranking,
    ThresholdRule thresholdRule,
    double thresholdWeight,
    boolean atLeastOne,
    int maxLabels,
    double cvMicroF1,
    double cvMacroF1,
    List<Double> cvLabelF1,
    List<GridPoint> grid,
    int featureCount,
    double tuneSeconds,
    double trainSeconds) {

  /**
   * One setting tried in cross-validation.
   *
   * @param cost the cost {@code C}, or 0 for "each label with the cost of lowest out-of-fold log-loss"
   * @param interpolation the naive-Bayes interpolation {@code beta}
   * @param ranking the ranking of passing labels
   * @param thresholdRule the threshold rule
   * @param thresholdWeight the per-label threshold weight (1 unless the rule is per-label)
   * @param microF1 out-of-fold micro-F1
   * @param macroF1 out-of-fold macro-F1
   */
  public record GridPoint(double cost, double interpolation, Ranking ranking, ThresholdRule thresholdRule, double thresholdWeight, double microF1, double macroF1) {
    public GridPoint {
      Objects.requireNonNull(ranking, "ranking");
      Objects.requireNonNull(thresholdRule, "thresholdRule");
    }
  }

  public TrainingReport {
    Objects.requireNonNull(dataSha256, "dataSha256");
    Objects.requireNonNull(thresholdRule, "thresholdRule");
    Objects.requireNonNull(ranking, "ranking");
    labels = List.copyOf(labels);
    positives = List.copyOf(positives);
    active = List.copyOf(active);
    cvLabelF1 = List.copyOf(cvLabelF1);
    labelCosts = List.copyOf(labelCosts);
    grid = List.copyOf(grid);
  }

  /** The report as string properties for {@link org.verbatim.ModelInfo#properties()}. */
  public Map<String, String> properties() {
    Map<String, String> m = new java.util.TreeMap<>();
    m.put("comments", Integer.toString(comments));
    m.put("data.sha256", dataSha256);
    m.put("cost", Double.toString(cost));
    m.put("interpolation", Double.toString(interpolation));
    m.put("ranking", ranking.id());
    m.put("thresholds", thresholdRule.id());
    m.put("thresholdWeight", Double.toString(thresholdWeight));
    m.put("atLeastOne", Boolean.toString(atLeastOne));
    m.put("maxLabels", Integer.toString(maxLabels));
    m.put("cv.microF1", String.format(java.util.Locale.ROOT, "%.4f", cvMicroF1));
    m.put("cv.macroF1", String.format(java.util.Locale.ROOT, "%.4f", cvMacroF1));
    m.put("features", Integer.toString(featureCount));
    return java.util.Collections.unmodifiableMap(m);
  }
}
