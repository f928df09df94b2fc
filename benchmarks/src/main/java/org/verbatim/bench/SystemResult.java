package org.verbatim.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.eval.Evaluation;
import org.verbatim.eval.MultiLabelReport;

/**
 * What the accuracy suite measured for one of our configurations on one dataset.
 *
 * <p>Immutable and thread-safe.
 *
 * @param system the configuration name
 * @param cv out-of-fold scores of k-fold cross-validation on train (for a configuration that does not train:
 *     its scores on the whole training set), or null when not run
 * @param cvFolds the number of folds (0 when {@code cv} is a plain training-set score or absent)
 * @param test the evaluation on test.csv after fitting on all of train.csv, with confidence intervals
 * @param fitted train, tune and load seconds and what model selection chose
 * @param throughput batch and one-by-one throughput on the test texts
 * @param curve learning-curve points (empty when not run)
 * @param notes anything worth knowing (e.g. a learning-curve point that could not be trained)
 */
public record SystemResult(String system, MultiLabelReport cv, int cvFolds, Evaluation test, Fitted fitted,
    ThroughputProbe.Result throughput, List<LearningCurveChart.Point> curve, List<String> notes) {

  public SystemResult {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(fitted, "fitted");
    Objects.requireNonNull(throughput, "throughput");
    curve = List.copyOf(curve);
    notes = List.copyOf(notes);
  }

  /**
   * The cost of building the classifier.
   *
   * @param trainSeconds final fit on all of train
   * @param tuneSeconds model selection inside that fit
   * @param loadSeconds loading codebooks and models
   * @param chosen what model selection chose
   */
  public record Fitted(double trainSeconds, double tuneSeconds, double loadSeconds, Map<String, String> chosen) {
    public Fitted {
      chosen = Map.copyOf(chosen);
    }
  }
}
