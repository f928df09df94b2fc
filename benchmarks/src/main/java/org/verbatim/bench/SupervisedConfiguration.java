package org.verbatim.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.features.ClassifierFeatures;
import org.verbatim.text.Profile;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;
import org.verbatim.train.TrainingReport;

/**
 * A supervised configuration: {@link ThemeTrainer} with its default options ({@link #defaults}, named
 * {@code verbatim-default}: the kinds of {@link ThemeOptions#DEFAULT_KINDS} compared by cross-validation) or
 * with one classifier kind and otherwise the default options (cost, threshold rule and the rest chosen by the
 * trainer's own cross-validation on the rows it is given), optionally combined with the default codebook:
 * <ul>
 *   <li>{@link Variant#PLAIN}: the trained model alone, e.g. {@code verbatim-nb-logistic};
 *   <li>{@link Variant#CUE_FEATURES}: the codebook classifier's per-theme cue counts as extra features
 *       ({@link ClassifierFeatures}), e.g. {@code verbatim-nb-logistic+cues}; applies to any label set;
 *   <li>{@link Variant#HYBRID}: {@link HybridThemeClassifier}, the trained model with the codebook's polarity,
 *       evidence and fallback themes, e.g. {@code verbatim-hybrid-nb-logistic}; applies only where every label is
 *       a theme id of the codebook (elsewhere its fallback would add foreign themes).
 * </ul>
 *
 * <pre>{@code
 * Configuration d = SupervisedConfiguration.defaults(2);   // verbatim-default
 * Configuration c = SupervisedConfiguration.of(ClassifierKind.NB_LOGISTIC, Variant.PLAIN, 1);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SupervisedConfiguration implements Configuration {

  /** How the trained model is combined with the default codebook. */
  public enum Variant {
    PLAIN,
    CUE_FEATURES,
    HYBRID
  }

  /** The kind, or null for the trainer's default kind grid. */
  private final ClassifierKind kind;
  private final Variant variant;
  private final int threads;
  private final ZeroShotConfiguration codebook = new ZeroShotConfiguration(Profile.FAST);

  private SupervisedConfiguration(ClassifierKind kind, Variant variant, int threads) {
    this.kind = kind;
    this.variant = Objects.requireNonNull(variant, "variant");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.threads = threads;
  }

  /**
   * The trainer of {@code kind}, training on {@code threads} threads.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static SupervisedConfiguration of(ClassifierKind kind, Variant variant, int threads) {
    return new SupervisedConfiguration(Objects.requireNonNull(kind, "kind"), variant, threads);
  }

  /**
   * The trainer with exactly the {@link ThemeOptions} defaults (every kind of the default grid tuned by
   * cross-validation, the best kept), training on {@code threads} threads; named {@code verbatim-default}.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static SupervisedConfiguration defaults(int threads) {
    return new SupervisedConfiguration(null, Variant.PLAIN, threads);
  }

  @Override
  public String name() {
    if (kind == null) {
      return "verbatim-default";
    }
    return switch (variant) {
      case PLAIN -> "verbatim-" + kind.id();
      case CUE_FEATURES -> "verbatim-" + kind.id() + "+cues";
      case HYBRID -> "verbatim-hybrid-" + kind.id();
    };
  }

  @Override
  public boolean trains() {
    return true;
  }

  @Override
  public Optional<String> skipReason(Dataset dataset) {
    if (dataset.trainLabels().isEmpty()) {
      return Optional.of("train.csv has no label");
    }
    return variant == Variant.HYBRID ? codebook.skipReason(dataset) : Optional.empty();
  }

  @Override
  public Configuration.Fitted fit(List<LabelledComment> train, long seed) {
    List<LabelledComment> data = new ArrayList<>(train.size());
    for (LabelledComment c : train) {
      data.add(new LabelledComment(c.id(), c.text(), List.copyOf(c.labels())));
    }
    ThemeOptions.Builder b = ThemeOptions.builder().seed(seed).threads(threads);
    if (kind != null) {
      b.kind(kind);
    }
    double load = 0;
    CodebookClassifier cb = null;
    if (variant != Variant.PLAIN) {
      Configuration.Fitted zs = codebook.fit(train, seed);
      cb = (CodebookClassifier) zs.classifier();
      load = zs.loadSeconds();
      if (variant == Variant.CUE_FEATURES) {
        b.extraFeatures(ClassifierFeatures.of(cb));
      }
    }
    LinearThemeClassifier model = ThemeTrainer.create(b.build()).train(data);
    TrainingReport r = model.report();
    Map<String, String> chosen = new LinkedHashMap<>();
    chosen.put("kind", model.model().kind().id());
    if (kind == null) {
      chosen.put("kinds_compared", String.join(",", b.build().kinds().stream().map(ClassifierKind::id).toList()));
    }
    chosen.put("cost", r.cost() == 0 ? "per-label" : Double.toString(r.cost()));
    chosen.put("threshold_rule", r.thresholdRule().id());
    chosen.put("threshold_weight", Double.toString(r.thresholdWeight()));
    chosen.put("features", Integer.toString(r.featureCount()));
    chosen.put("trainer_cv_micro_f1", String.format(Locale.ROOT, "%.4f", r.cvMicroF1()));
    chosen.put("trainer_cv_macro_f1", String.format(Locale.ROOT, "%.4f", r.cvMacroF1()));
    chosen.put("train_threads", Integer.toString(threads));
    ThemeClassifier out = variant == Variant.HYBRID ? HybridThemeClassifier.of(model, cb) : model;
    return new Configuration.Fitted(out, r.trainSeconds(), r.tuneSeconds(), load, chosen);
  }
}
