package org.verbatim.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.verbatim.Classification;
import org.verbatim.ModelInfo;
import org.verbatim.Polarity;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.features.ClassifierFeatures;
import org.verbatim.text.Analysis;

/**
 * A trained model combined with an evidence classifier (normally the codebook classifier): the trained model
 * decides which of its themes apply and how strongly; the evidence classifier supplies the polarity and the
 * evidence spans of those themes when it found them too, and decides alone for the themes the trained model
 * does not cover (too few training examples, below {@code ThemeOptions.minExamples}, or absent from the
 * training labels).
 *
 * <pre>{@code
 * ThemeClassifier codebook = CodebookClassifier.create(codebook, pipeline);
 * LinearThemeClassifier trained = ThemeTrainer.create(options).train(comments);
 * ThemeClassifier hybrid = HybridThemeClassifier.of(trained, codebook);
 * hybrid.classify("She never listened but she was kind.");
 * }</pre>
 *
 * <p>Theme ids are matched by equality between the trained labels and the evidence classifier's themes.
 * A theme predicted by the trained model that the evidence classifier did not tag keeps the trained
 * model's own evidence (its strongest words) and polarity. When the trained model carries a learned
 * {@link org.verbatim.classify.PolarityModel} (trained on the user's own polarity codes), by default
 * ({@link PolaritySource#MODEL}) its polarity wins for the themes it predicts and the evidence classifier only adds
 * evidence spans; with {@link PolaritySource#EVIDENCE} the evidence classifier's polarity is kept where it found
 * the theme and the learned one is used elsewhere (for a model trained on other people's comments than the
 * user's, such as the bundled social-care model). Without a learned polarity model the evidence classifier's
 * polarity is used where it found the theme, {@link Polarity#NEUTRAL} elsewhere.
 *
 * <p>Immutable and thread-safe (both parts are).
 */
public final class HybridThemeClassifier implements ThemeClassifier {

  /** Whose polarity a theme found by both parts gets, when the trained model has a learned polarity model. */
  public enum PolaritySource {
    /** The learned polarity model's: right when it was trained on the user's own polarity codes. */
    MODEL,
    /** The evidence classifier's; the learned polarity model's only for the themes the evidence classifier missed. */
    EVIDENCE
  }

  private final LinearThemeClassifier model;
  private final ThemeClassifier evidence;
  private final Set<String> covered;
  private final List<String> fallback;
  private final ModelInfo info;
  private final boolean learnedPolarity;
  /** True when the learned polarity is asked only for the themes the evidence classifier missed. */
  private final boolean evidencePolarityFirst;
  /** The evidence classifier when it is a codebook classifier (it then analyses each comment once); else null. */
  private final CodebookClassifier codebook;
  /** True when the learned polarity model reads the codebook's analysis (both use a pipeline of the same id). */
  private final boolean sharedAnalysis;
  /** True when the trained model's extra features are the evidence classifier's tags (read, not recomputed). */
  private final boolean sharedCues;
  private final ThreadLocal<Analysis> analysis = ThreadLocal.withInitial(Analysis::new);

  private HybridThemeClassifier(LinearThemeClassifier model, ThemeClassifier evidence, PolaritySource polaritySource) {
    this.model = Objects.requireNonNull(model, "model");
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(polaritySource, "polaritySource");
    Set<String> cov = new HashSet<>();
    boolean[] active = model.model().active();
    for (int l = 0; l < active.length; l++) {
      if (active[l]) {
        cov.add(model.labels().get(l));
      }
    }
    this.covered = Set.copyOf(cov);
    this.learnedPolarity = model.polarityModel().isPresent();
    this.evidencePolarityFirst = learnedPolarity && polaritySource == PolaritySource.EVIDENCE;
    this.codebook = evidence instanceof CodebookClassifier cb ? cb : null;
    this.sharedAnalysis = learnedPolarity && codebook != null
        && codebook.pipeline().id().equals(model.polarityModel().get().pipeline().id());
    this.sharedCues = model.model().extras() instanceof ClassifierFeatures cf
        && (cf.classifier() == evidence || cf.classifier().info().equals(evidence.info()));
    ModelInfo mi = model.info();
    ModelInfo ei = evidence.info();
    Map<String, String> props = new TreeMap<>(mi.properties());
    props.put("hybrid.evidence.kind", ei.kind());
    props.put("hybrid.evidence.name", ei.name());
    props.put("hybrid.evidence.version", ei.version());
    List<String> themes = new ArrayList<>(mi.themes());
    List<String> fallback = new ArrayList<>();
    for (String t : ei.themes()) {
      if (!covered.contains(t)) {
        fallback.add(t);
        if (!themes.contains(t)) {
          themes.add(t);
        }
      }
    }
    this.fallback = List.copyOf(fallback);
    props.put("hybrid.fallbackThemes", String.join(",", fallback));
    if (polaritySource != PolaritySource.MODEL) {
      props.put("hybrid.polarity", polaritySource.name().toLowerCase(java.util.Locale.ROOT));
    }
    this.info = new ModelInfo("hybrid", mi.name() + " + " + ei.name(), mi.version(), themes, props);
  }

  /**
   * Combines a trained model with an evidence classifier.
   *
   * @throws NullPointerException if an argument is null
   */
  public static HybridThemeClassifier of(LinearThemeClassifier model, ThemeClassifier evidence) {
    return new HybridThemeClassifier(model, evidence, PolaritySource.MODEL);
  }

  /**
   * Combines a trained model with an evidence classifier, taking polarity from {@code polaritySource} where both
   * found a theme.
   *
   * @throws NullPointerException if an argument is null
   */
  public static HybridThemeClassifier of(LinearThemeClassifier model, ThemeClassifier evidence,
      PolaritySource polaritySource) {
    return new HybridThemeClassifier(model, evidence, polaritySource);
  }

  @Override
  public Classification classify(String text) {
    Objects.requireNonNull(text, "text");
    Classification cues;
    Analysis a = null;
    if (codebook != null) {
      a = analysis.get();
      codebook.pipeline().analyze(text, codebook.vocabulary(), a);
      cues = codebook.classify(a);
    } else {
      cues = evidence.classify(text);
    }
    // with the evidence classifier's polarity first, the learned one is needed only where it found nothing
    Classification trained = evidencePolarityFirst
        ? model.classify(text, sharedAnalysis ? a : null, sharedCues ? cues : null, cues)
        : model.classify(text, sharedAnalysis ? a : null, sharedCues ? cues : null);
    List<ThemeTag> out = new ArrayList<>();
    for (ThemeTag t : trained.tags()) {
      Optional<ThemeTag> c = cues.tag(t.themeId());
      if (c.isPresent()) {
        boolean learned = learnedPolarity && !evidencePolarityFirst;
        out.add(new ThemeTag(t.themeId(), t.score(), learned ? t.polarity() : c.get().polarity(),
            c.get().evidence()));
      } else {
        out.add(t);
      }
    }
    for (ThemeTag c : cues.tags()) {
      if (!covered.contains(c.themeId())) {
        out.add(c);
      }
    }
    return new Classification(out);
  }

  /** Whether each comment is analysed once for the learned polarity and the codebook (see {@link #classify}). */
  boolean analysesOnce() {
    return sharedAnalysis;
  }

  /** Whether the trained model's codebook features are read from the evidence classification, not recomputed. */
  boolean classifiesOnce() {
    return sharedCues;
  }

  /** The trained part. */
  public LinearThemeClassifier model() {
    return model;
  }

  /** The evidence (codebook) part. */
  public ThemeClassifier evidence() {
    return evidence;
  }

  /** Themes decided by the evidence classifier alone, in its order. */
  public List<String> fallbackThemes() {
    return fallback;
  }

  @Override
  public ModelInfo info() {
    return info;
  }
}
