package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of an {@link Evaluator} run. Validates itself; change one setting with a {@code with...} copy.
 *
 * <pre>{@code
 * EvaluationOptions o = EvaluationOptions.defaults()           // 1000 resamples, seed 42, 95%
 *     .withExtraLabels(codebookThemeIds)                      // like metrics.py --labels-from
 *     .withSeed(7L);
 * EvaluationOptions fast = o.withBootstrapResamples(0);       // no confidence intervals
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@code extraLabels} is copied into code-point order.
 *
 * @param extraLabels labels added to the label universe (gold ∪ predicted); may be empty
 * @param bootstrapResamples bootstrap resamples for the confidence intervals, or 0 for none
 * @param seed seed of the bootstrap's {@link java.util.SplittableRandom}
 * @param confidenceLevel level of the confidence intervals, in (0, 1)
 */
@JsonPropertyOrder({"extra_labels", "bootstrap_resamples", "seed", "confidence_level"})
public record EvaluationOptions(
    @JsonProperty("extra_labels") Set<String> extraLabels,
    @JsonProperty("bootstrap_resamples") int bootstrapResamples,
    @JsonProperty("seed") long seed,
    @JsonProperty("confidence_level") double confidenceLevel) {

  /** The default bootstrap seed. */
  public static final long DEFAULT_SEED = 42L;

  /** The default confidence level. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  /**
   * @throws NullPointerException if {@code extraLabels} or one of its labels is null
   * @throws IllegalArgumentException if {@code bootstrapResamples < 0} or {@code confidenceLevel} is not in
   *     (0, 1)
   */
  public EvaluationOptions {
    Objects.requireNonNull(extraLabels, "extraLabels");
    TreeSet<String> copy = new TreeSet<>(LabelSets.CODE_POINT_ORDER);
    for (String l : extraLabels) {
      copy.add(Objects.requireNonNull(l, "extraLabels contains null"));
    }
    extraLabels = Collections.unmodifiableSet(copy);
    if (bootstrapResamples < 0) {
      throw new IllegalArgumentException("bootstrapResamples must be >= 0: " + bootstrapResamples);
    }
    if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0)) {
      throw new IllegalArgumentException("confidenceLevel must be in (0, 1): " + confidenceLevel);
    }
  }

  /** No extra labels, {@value Bootstrap#DEFAULT_RESAMPLES} resamples, seed 42, level 0.95. */
  public static EvaluationOptions defaults() {
    return new EvaluationOptions(Set.of(), Bootstrap.DEFAULT_RESAMPLES, DEFAULT_SEED, DEFAULT_CONFIDENCE_LEVEL);
  }

  /** A copy with these extra labels (replacing the current ones). */
  public EvaluationOptions withExtraLabels(Collection<String> labels) {
    Objects.requireNonNull(labels, "labels");
    return new EvaluationOptions(new HashSet<>(labels), bootstrapResamples, seed, confidenceLevel);
  }

  /** A copy with this number of resamples (0 = no confidence intervals). */
  public EvaluationOptions withBootstrapResamples(int resamples) {
    return new EvaluationOptions(extraLabels, resamples, seed, confidenceLevel);
  }

  /** A copy with this bootstrap seed. */
  public EvaluationOptions withSeed(long newSeed) {
    return new EvaluationOptions(extraLabels, bootstrapResamples, newSeed, confidenceLevel);
  }

  /** A copy with this confidence level. */
  public EvaluationOptions withConfidenceLevel(double level) {
    return new EvaluationOptions(extraLabels, bootstrapResamples, seed, level);
  }
}
