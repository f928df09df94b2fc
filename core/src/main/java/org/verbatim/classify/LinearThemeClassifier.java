package org.verbatim.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ModelInfo;
import org.verbatim.Polarity;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.text.Analysis;
import org.verbatim.train.ThemeTrainer;
import org.verbatim.train.TrainingReport;

/**
 * A trained binary-relevance linear classifier: TF-IDF (or binary) features, one weight vector per theme,
 * per-theme thresholds and the "at least one" / "at most K" rules. Made by {@link ThemeTrainer} or loaded
 * with {@code org.verbatim.model.ModelLoader}.
 *
 * <pre>{@code
 * LinearThemeClassifier c = ThemeTrainer.create(options).train(comments);
 * Classification r = c.classify("Waited three hours and nobody told us why.");
 * r.themeIds();                  // e.g. [Timeliness of care, Communication]
 * c.info().properties().get("data.sha256");
 * }</pre>
 *
 * <p>Tag scores are {@code sigmoid(score - threshold)}: above 0.5 exactly when the theme passed its
 * threshold (a tag below 0.5 was added by the "at least one" rule). Polarity comes from the learned
 * {@link PolarityModel} when one is attached ({@link #withPolarity}, or a model file trained with polarity
 * labels); without one it is {@link Polarity#NEUTRAL} (a topic model does not judge; {@link HybridThemeClassifier}
 * then takes polarity from a codebook). Evidence is the word unigrams and bigrams that pushed the theme's score
 * up most (at most three spans).
 *
 * <p>Immutable and thread-safe: scoring uses per-thread scratch space.
 */
public final class LinearThemeClassifier implements ThemeClassifier {

  /** Number of evidence spans reported per tag. */
  public static final int MAX_EVIDENCE = 3;

  private final LinearModel model;
  private final ModelInfo info;
  private final TrainingReport report;
  private final PolarityModel polarity;   // null: every tag is neutral
  private final ThreadLocal<LinearModel.Work> work;

  private LinearThemeClassifier(LinearModel model, ModelInfo info, TrainingReport report, PolarityModel polarity) {
    this.model = Objects.requireNonNull(model, "model");
    this.info = Objects.requireNonNull(info, "info");
    this.report = Objects.requireNonNull(report, "report");
    this.polarity = polarity;
    this.work = ThreadLocal.withInitial(model::newWork);
  }

  /**
   * Re-creates a classifier from its parts (used by the model loader).
   *
   * @throws IllegalArgumentException if the info's themes differ from the model's labels
   */
  public static LinearThemeClassifier of(LinearModel model, ModelInfo info, TrainingReport report) {
    if (!info.themes().equals(model.labels())) {
      throw new IllegalArgumentException("model info themes differ from the model labels");
    }
    return new LinearThemeClassifier(model, info, report, null);
  }

  /**
   * This classifier with a learned polarity model that judges every tag it gives (replacing any attached
   * before). Its info gains {@code polarity.*} properties (classes, chosen lambda, cross-validated macro-F1,
   * training pairs).
   *
   * <pre>{@code
   * LinearThemeClassifier themes = ThemeTrainer.create(options).train(comments);
   * PolarityModel pm = PolarityTrainer.create(PolarityOptions.defaults()).train(pairs);
   * LinearThemeClassifier both = themes.withPolarity(pm);   // ModelWriter stores both in one file
   * }</pre>
   *
   * @throws NullPointerException if {@code polarityModel} is null
   */
  public LinearThemeClassifier withPolarity(PolarityModel polarityModel) {
    Objects.requireNonNull(polarityModel, "polarityModel");
    Map<String, String> props = new TreeMap<>(info.properties());
    props.keySet().removeIf(k -> k.startsWith("polarity."));
    List<String> classes = new ArrayList<>();
    polarityModel.classes().forEach(c -> classes.add(c.id()));
    props.put("polarity.classes", String.join(",", classes));
    props.put("polarity.lambda", Double.toString(polarityModel.lambda()));
    props.put("polarity.cvMacroF1", Double.toString(polarityModel.cvMacroF1()));
    props.put("polarity.trainingPairs", Integer.toString(polarityModel.trainingPairs()));
    ModelInfo withProps = new ModelInfo(info.kind(), info.name(), info.version(), info.themes(), props);
    return new LinearThemeClassifier(model, withProps, report, polarityModel);
  }

  /** The learned polarity model, when one is attached. */
  public Optional<PolarityModel> polarityModel() {
    return Optional.ofNullable(polarity);
  }

  @Override
  public Classification classify(String text) {
    Objects.requireNonNull(text, "text");
    return classify(text, work.get(), null, null, null);
  }

  /**
   * As {@link #classify(String)}, for a composite that already analysed or classified the comment: the learned
   * polarity (if any) reads {@code analysis} (made by the polarity model's pipeline) when it is not null, and
   * codebook extra features read {@code cues} (the codebook classifier's classification) when it is not null.
   */
  Classification classify(String text, Analysis analysis, Classification cues) {
    return classify(text, work.get(), analysis, cues, null);
  }

  /**
   * As {@link #classify(String, Analysis, Classification)}, but the learned polarity is predicted only for the
   * themes {@code found} does not hold (their polarity is {@link Polarity#NEUTRAL} here, for the caller to replace).
   */
  Classification classify(String text, Analysis analysis, Classification cues, Classification found) {
    return classify(text, work.get(), analysis, cues, Objects.requireNonNull(found, "found"));
  }

  @Override
  public List<Classification> classifyAll(List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    LinearModel.Work w = work.get();
    List<Classification> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(classify(Objects.requireNonNull(t, "text"), w, null, null, null));
    }
    return out;
  }

  private Classification classify(String text, LinearModel.Work w, Analysis analysis, Classification cues,
      Classification found) {
    int[] on = model.decide(text, w, cues);
    if (on.length == 0) {
      return Classification.EMPTY;
    }
    Polarity[] polarities = null;
    if (polarity != null) {
      List<String> ids = new ArrayList<>(on.length);
      boolean[] asked = new boolean[on.length];
      for (int i = 0; i < on.length; i++) {
        String id = model.labels().get(on[i]);
        asked[i] = found == null || found.tag(id).isEmpty();
        if (asked[i]) {
          ids.add(id);
        }
      }
      List<Polarity> learned = ids.isEmpty() ? List.of()
          : analysis == null ? polarity.predictAll(text, ids) : polarity.predictAll(analysis.toAnalyzedText(), ids);
      polarities = new Polarity[on.length];
      for (int i = 0, j = 0; i < on.length; i++) {
        polarities[i] = asked[i] ? learned.get(j++) : Polarity.NEUTRAL;
      }
    }
    List<ThemeTag> tags = new ArrayList<>(on.length);
    for (int i = 0; i < on.length; i++) {
      int l = on[i];
      List<Evidence> ev = new ArrayList<>();
      for (int[] span : model.evidence(w, l, MAX_EVIDENCE)) {
        ev.add(new Evidence(span[0], span[1]));
      }
      tags.add(new ThemeTag(model.labels().get(l), sigmoid(w.scores[l] - model.threshold(l)),
          polarities == null ? Polarity.NEUTRAL : polarities[i], ev));
    }
    return new Classification(tags);
  }

  /**
   * The labels each text would get, without building tags or evidence (the fast path for bulk scoring).
   *
   * @return per text, the label indexes into {@link #labels()}, largest margin first
   */
  public int[][] predictIndexes(List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    LinearModel.Work w = work.get();
    int[][] out = new int[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      model.score(Objects.requireNonNull(texts.get(i), "text"), w);
      out[i] = model.decide(w.scores);
    }
    return out;
  }

  /**
   * Every label's margin (raw score minus threshold) for {@code text}: {@code >= 0} means the label passes
   * its threshold. Useful for ranking uncertain comments (margins near 0).
   */
  public double[] margins(String text) {
    Objects.requireNonNull(text, "text");
    LinearModel.Work w = work.get();
    model.score(text, w);
    double[] m = new double[w.scores.length];
    for (int l = 0; l < m.length; l++) {
      m[l] = w.scores[l] - model.threshold(l);
    }
    return m;
  }

  /** The labels (themes) in model order. */
  public List<String> labels() {
    return model.labels();
  }

  /** The model data. */
  public LinearModel model() {
    return model;
  }

  /** What training chose and its cross-validated scores. */
  public TrainingReport report() {
    return report;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }
}
