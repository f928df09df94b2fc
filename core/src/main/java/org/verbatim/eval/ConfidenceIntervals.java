package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Percentile-bootstrap confidence intervals of the main scores, made by {@link Bootstrap}.
 *
 * <pre>{@code
 * ConfidenceIntervals ci = Bootstrap.intervals(alignment, Set.of(), 1000, 42L, 0.95);
 * ci.microF1();                          // e.g. [0.71, 0.80]
 * ci.perLabel().get("respect").f1();     // e.g. [0.52, 0.74]
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@code perLabel} keeps the order of the label universe.
 *
 * @param level the confidence level, e.g. 0.95
 * @param resamples the number of bootstrap resamples
 * @param seed the seed of the {@link java.util.SplittableRandom} that drew them
 * @param microPrecision interval of the micro precision
 * @param microRecall interval of the micro recall
 * @param microF1 interval of the micro F1
 * @param macroF1 interval of the macro F1 (over the full label universe)
 * @param perLabel intervals of the per-label precision, recall and F1
 */
@JsonPropertyOrder({"level", "resamples", "seed", "micro_precision", "micro_recall", "micro_f1", "macro_f1",
    "per_label"})
public record ConfidenceIntervals(
    double level,
    int resamples,
    long seed,
    @JsonProperty("micro_precision") Interval microPrecision,
    @JsonProperty("micro_recall") Interval microRecall,
    @JsonProperty("micro_f1") Interval microF1,
    @JsonProperty("macro_f1") Interval macroF1,
    @JsonProperty("per_label") Map<String, LabelIntervals> perLabel) {

  /**
   * Intervals of one label's scores.
   *
   * @param precision interval of the precision
   * @param recall interval of the recall
   * @param f1 interval of the F1
   */
  public record LabelIntervals(Interval precision, Interval recall, Interval f1) {
    /** @throws NullPointerException if an interval is null */
    public LabelIntervals {
      Objects.requireNonNull(precision, "precision");
      Objects.requireNonNull(recall, "recall");
      Objects.requireNonNull(f1, "f1");
    }
  }

  /**
   * @throws NullPointerException if an interval, the map or one of its entries is null
   * @throws IllegalArgumentException if {@code level} is not in (0, 1) or {@code resamples < 1}
   */
  public ConfidenceIntervals {
    if (!(level > 0.0 && level < 1.0)) {
      throw new IllegalArgumentException("level must be in (0, 1): " + level);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1: " + resamples);
    }
    Objects.requireNonNull(microPrecision, "microPrecision");
    Objects.requireNonNull(microRecall, "microRecall");
    Objects.requireNonNull(microF1, "microF1");
    Objects.requireNonNull(macroF1, "macroF1");
    Objects.requireNonNull(perLabel, "perLabel");
    Map<String, LabelIntervals> copy = new LinkedHashMap<>();
    perLabel.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "label"), Objects.requireNonNull(v, k)));
    perLabel = Collections.unmodifiableMap(copy);
  }
}
