package org.verbatim.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.verbatim.ThemeClassifier;
import org.verbatim.train.LabelledComment;

/**
 * One way of building a classifier that the accuracy suite compares: zero-shot codebook, a supervised variant,
 * a hybrid.
 *
 * <pre>{@code
 * Configuration c = new ZeroShotConfiguration(Profile.FAST);
 * if (c.skipReason(dataset).isEmpty()) {
 *   Configuration.Fitted f = c.fit(dataset.train(), 42L);
 *   f.classifier().classify("...");
 * }
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Configuration {

  /** A short stable name, e.g. {@code verbatim-zero-shot-fast}; used in file names and tables. */
  String name();

  /** Whether the configuration learns from the training data (false: the learning curve is flat). */
  boolean trains();

  /** Why the configuration does not apply to the dataset, or empty when it does. */
  Optional<String> skipReason(Dataset dataset);

  /**
   * Builds a classifier from training rows. Must not look at any test data.
   *
   * @param train the training rows
   * @param seed seed of any randomness
   * @throws IllegalArgumentException if the rows cannot train this configuration (e.g. too few)
   */
  Fitted fit(List<LabelledComment> train, long seed);

  /**
   * A built classifier and what building it cost.
   *
   * @param classifier the classifier
   * @param trainSeconds the final fit (0 for zero-shot)
   * @param tuneSeconds model selection, e.g. the trainer's internal cross-validation (0 when none)
   * @param loadSeconds loading models and codebooks
   * @param chosen what model selection chose (cost, threshold rule, ...), for the report
   */
  record Fitted(ThemeClassifier classifier, double trainSeconds, double tuneSeconds, double loadSeconds,
      Map<String, String> chosen) {
    public Fitted {
      Objects.requireNonNull(classifier, "classifier");
      chosen = Map.copyOf(chosen);
    }
  }
}
