package org.verbatim.train;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.verbatim.features.PolarityFeature;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.TextPipeline;

/**
 * Settings of a {@link PolarityTrainer}, built and checked by a {@link Builder}.
 *
 * <pre>{@code
 * PolarityOptions o = PolarityOptions.builder().seed(42).build();
 * PolarityTrainer.create(o).train(examples);
 * // not: builder().folds(1) -> IllegalArgumentException("folds must be in 2..20: 1")
 * }</pre>
 *
 * <p>Immutable and thread-safe. Defaults: seed 17, lambdas {0.3, 1, 3, 10, 30}, 5 folds, features seen in at
 * least 2 pairs, {@link PolarityFeature#defaults()} (every feature group except bigrams, which lowered
 * macro-F1 on MAMS-ACSA val and in cross-validation on train: see docs/polarity.md), the OpenNLP {@code FAST}
 * pipeline.
 */
public final class PolarityOptions {

  /** The default regularisation grid. */
  public static final List<Double> DEFAULT_LAMBDAS = List.of(0.3, 1.0, 3.0, 10.0, 30.0);

  private final long seed;
  private final List<Double> lambdas;
  private final int folds;
  private final int minFeatureCount;
  private final Set<PolarityFeature> features;
  private final TextPipeline pipeline;

  private PolarityOptions(Builder b) {
    this.seed = b.seed;
    this.lambdas = List.copyOf(b.lambdas);
    if (lambdas.isEmpty()) {
      throw new IllegalArgumentException("lambdas must not be empty");
    }
    for (Double l : lambdas) {
      if (!Double.isFinite(l) || l < 0) {
        throw new IllegalArgumentException("lambdas must be finite and >= 0: " + l);
      }
    }
    if (b.folds < 2 || b.folds > 20) {
      throw new IllegalArgumentException("folds must be in 2..20: " + b.folds);
    }
    this.folds = b.folds;
    if (b.minFeatureCount < 1) {
      throw new IllegalArgumentException("minFeatureCount must be >= 1: " + b.minFeatureCount);
    }
    this.minFeatureCount = b.minFeatureCount;
    this.features = Collections.unmodifiableSet(
        b.features.isEmpty() ? EnumSet.noneOf(PolarityFeature.class) : EnumSet.copyOf(b.features));
    this.pipeline = b.pipeline != null ? b.pipeline : RulePipeline.create();
  }

  /** The defaults (see the class comment). */
  public static PolarityOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.seed = seed;
    b.lambdas = lambdas;
    b.folds = folds;
    b.minFeatureCount = minFeatureCount;
    b.features = features;
    b.pipeline = pipeline;
    return b;
  }

  /** Seed of the cross-validation fold assignment (the only random choice in training). */
  public long seed() {
    return seed;
  }

  /**
   * L2 regularisation strengths tried by cross-validation (Smile {@code Maxent} lambda), each finite and
   * {@code >= 0}; with one value no cross-validation is run.
   */
  public List<Double> lambdas() {
    return lambdas;
  }

  /** Number of cross-validation folds, 2..20 (comments, not pairs, are assigned to folds). */
  public int folds() {
    return folds;
  }

  /** A feature is kept when it occurs in at least this many training pairs (>= 1). */
  public int minFeatureCount() {
    return minFeatureCount;
  }

  /** The feature groups switched on (an unmodifiable set). */
  public Set<PolarityFeature> features() {
    return features;
  }

  /** The pipeline that analyses comments in training; the trained model keeps it for prediction. */
  public TextPipeline pipeline() {
    return pipeline;
  }

  /** The options as sorted string properties (for provenance), without the pipeline. */
  public Map<String, String> toProperties() {
    Map<String, String> m = new TreeMap<>();
    m.put("seed", Long.toString(seed));
    m.put("lambdas", String.join(",", lambdas.stream().map(String::valueOf).toList()));
    m.put("folds", Integer.toString(folds));
    m.put("minFeatureCount", Integer.toString(minFeatureCount));
    m.put("features", String.join(",", features.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList()));
    return Collections.unmodifiableMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolarityOptions p && seed == p.seed && lambdas.equals(p.lambdas) && folds == p.folds
        && minFeatureCount == p.minFeatureCount && features.equals(p.features) && pipeline.equals(p.pipeline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(seed, lambdas, folds, minFeatureCount, features, pipeline);
  }

  @Override
  public String toString() {
    return "PolarityOptions" + toProperties();
  }

  /**
   * Builds {@link PolarityOptions}; starts from the defaults; setters reject null, {@link #build()} checks the
   * ranges. Not thread-safe.
   */
  public static final class Builder {
    private long seed = 17L;
    private List<Double> lambdas = DEFAULT_LAMBDAS;
    private int folds = 5;
    private int minFeatureCount = 2;
    private Set<PolarityFeature> features = PolarityFeature.defaults();
    private TextPipeline pipeline;

    private Builder() {}

    /** Seed of the fold assignment. */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** The regularisation grid (one value: no cross-validation). */
    public Builder lambdas(List<Double> v) {
      lambdas = List.copyOf(Objects.requireNonNull(v, "lambdas"));
      return this;
    }

    /** Cross-validation folds, 2..20. */
    public Builder folds(int v) {
      folds = v;
      return this;
    }

    /** Smallest number of training pairs a feature must occur in, at least 1. */
    public Builder minFeatureCount(int v) {
      minFeatureCount = v;
      return this;
    }

    /** The feature groups switched on. */
    public Builder features(Set<PolarityFeature> v) {
      features = Set.copyOf(Objects.requireNonNull(v, "features"));
      return this;
    }

    /** The pipeline that analyses comments (default: {@code RulePipeline.create()}). */
    public Builder pipeline(TextPipeline v) {
      pipeline = Objects.requireNonNull(v, "pipeline");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting and value when one is out of range
     */
    public PolarityOptions build() {
      return new PolarityOptions(this);
    }
  }
}
