package org.verbatim.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings for {@link ThemeTrainer}: cross-validation folds and seed, classifier kind and solver, features,
 * the regularisation grid, threshold rule and the decision rules ("at least one label", "at most K labels").
 * Every choice marked "by CV" is made from out-of-fold scores on the training data only.
 *
 * <pre>{@code
 * TrainingOptions opts = TrainingOptions.builder()
 *     .kind(ClassifierKind.NB_LOGISTIC)
 *     .features(FeatureOptions.wordsAndChars())
 *     .folds(5).seed(42)
 *     .build();
 * // not: new TrainingOptions(...) with a 1-fold CV -> IllegalArgumentException("folds must be in [2, 20]: 1")
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code threads} changes only the speed of training, never its result.
 *
 * @param folds number of cross-validation folds, 2 to 20
 * @param seed seed of the fold shuffle and of the solvers; the same data, options and seed give the same model
 * @param kind the per-theme model
 * @param solver how logistic models are fitted
 * @param features the feature options
 * @param costGrid the values of the cost {@code C} (inverse L2 regularisation) tried by CV, each {@code > 0};
 *     sorted ascending, duplicates removed
 * @param perLabelCost also try, as one more grid entry, each label with its own cost from {@code costGrid}:
 *     the one with the lowest out-of-fold log-loss for that label (no extra fits)
 * @param interpolationGrid for {@link ClassifierKind#NB_LOGISTIC}: the values of the interpolation
 *     {@code beta} tried by CV, each in (0, 1]: the final weights are {@code beta * w + (1 - beta) * mean|w| * r}
 *     (Wang and Manning 2012), a mix of the fitted model and plain naive Bayes; needs no extra fits. Must be
 *     {@code [1.0]} for other kinds
 * @param rankingGrid the {@link Ranking}s tried by CV (distinct, at least one)
 * @param thresholdWeightGrid for {@link ThresholdRule#PER_LABEL}: the weights tried by CV, each in (0, 1],
 *     of a label's own F1-optimal threshold against the global one ({@code t = w * t_label + (1 - w) * t_global});
 *     1 = purely per label
 * @param thresholds how decision thresholds are chosen
 * @param minThresholdPositives themes with fewer training positives use the global threshold
 * @param minExamples themes with fewer training positives get no model (never predicted; a
 *     {@link HybridThemeClassifier} uses its fallback for them); at least 1
 * @param atLeastOne whether every comment gets at least one theme ({@code AUTO}: on iff every training
 *     comment has a theme)
 * @param maxLabels at most this many themes per comment; 0 = no cap; -1 = the largest number of themes on
 *     any training comment
 * @param selection the cross-validated score that picks {@code C} and the threshold rule
 * @param threads worker threads for training (themes are fitted in parallel), at least 1
 * @param tolerance solver stopping tolerance, {@code > 0}
 * @param maxEpochs solver iteration cap, at least 1
 * @param tokenizer the tokenizer features are built from
 * @param extraFeatures extra named features appended to the text features, or null for none
 * @param language ISO 639 code of the comments' language (recorded in the model; the default tokenizer
 *     is tuned for English contractions), two or three lower-case letters
 */
public record TrainingOptions(
    int folds,
    long seed,
    ClassifierKind kind,
    Solver solver,
    FeatureOptions features,
    List<Double> costGrid,
    boolean perLabelCost,
    List<Double> interpolationGrid,
    List<Ranking> rankingGrid,
    List<Double> thresholdWeightGrid,
    ThresholdRule thresholds,
    int minThresholdPositives,
    int minExamples,
    Toggle atLeastOne,
    int maxLabels,
    Selection selection,
    int threads,
    double tolerance,
    int maxEpochs,
    FeatureTokenizer tokenizer,
    ExtraFeatures extraFeatures,
    String language) {

  /** A three-way switch decided from the training data when {@code AUTO}. */
  public enum Toggle {
    AUTO,
    ON,
    OFF
  }

  /** The cross-validated score maximised when choosing {@code C} and the threshold rule. */
  public enum Selection {
    /** Micro-averaged F1 (what the scikit-learn and fastText baselines maximise). */
    MICRO_F1,
    /** Macro-averaged F1 over the training themes. */
    MACRO_F1,
    /** The mean of micro- and macro-F1. */
    MEAN_F1;

    /** The lower-case id, e.g. {@code micro-f1}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The default per-label threshold weights (chosen by cross-validation on the three benchmark sets). */
  public static final List<Double> DEFAULT_THRESHOLD_WEIGHTS = List.of(0.25, 0.5, 0.75, 1.0);

  /**
   * The default cost grid. The scikit-learn baselines also try 64; on the three benchmark sets no setting
   * chose it by cross-validation (one label of 96 in per-label mode), so it is left out: same CV scores,
   * about a quarter less tuning time.
   */
  public static final List<Double> DEFAULT_COSTS = List.of(1.0, 4.0, 16.0);

  /**
   * @throws NullPointerException if an object argument other than {@code extraFeatures} is null
   * @throws IllegalArgumentException naming the field and value when one is out of range or the kind and
   *     features do not fit together
   */
  public TrainingOptions {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(solver, "solver");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(costGrid, "costGrid");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(atLeastOne, "atLeastOne");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(language, "language");
    if (!language.matches("[a-z]{2,3}")) {
      throw new IllegalArgumentException("language must be an ISO 639 code of 2 or 3 lower-case letters: '" + language + "'");
    }
    if (folds < 2 || folds > 20) {
      throw new IllegalArgumentException("folds must be in [2, 20]: " + folds);
    }
    if (costGrid.isEmpty()) {
      throw new IllegalArgumentException("costGrid must not be empty");
    }
    List<Double> sorted = new ArrayList<>();
    for (Double c : costGrid) {
      Objects.requireNonNull(c, "costGrid element");
      if (!(c > 0 && c < 1e6)) {
        throw new IllegalArgumentException("costGrid values must be in (0, 1e6): " + c);
      }
      if (!sorted.contains(c)) {
        sorted.add(c);
      }
    }
    sorted.sort(null);
    costGrid = List.copyOf(sorted);
    Objects.requireNonNull(interpolationGrid, "interpolationGrid");
    if (interpolationGrid.isEmpty()) {
      throw new IllegalArgumentException("interpolationGrid must not be empty");
    }
    List<Double> betas = new ArrayList<>();
    for (Double b : interpolationGrid) {
      Objects.requireNonNull(b, "interpolationGrid element");
      if (!(b > 0 && b <= 1)) {
        throw new IllegalArgumentException("interpolationGrid values must be in (0, 1]: " + b);
      }
      if (!betas.contains(b)) {
        betas.add(b);
      }
    }
    betas.sort(null);
    interpolationGrid = List.copyOf(betas);
    Objects.requireNonNull(rankingGrid, "rankingGrid");
    for (Ranking r : rankingGrid) {
      Objects.requireNonNull(r, "rankingGrid element");
    }
    if (rankingGrid.isEmpty() || new java.util.HashSet<>(rankingGrid).size() != rankingGrid.size()) {
      throw new IllegalArgumentException("rankingGrid must hold one or two distinct rankings: " + rankingGrid);
    }
    rankingGrid = List.copyOf(rankingGrid);
    Objects.requireNonNull(thresholdWeightGrid, "thresholdWeightGrid");
    if (thresholdWeightGrid.isEmpty()) {
      throw new IllegalArgumentException("thresholdWeightGrid must not be empty");
    }
    List<Double> tw = new ArrayList<>();
    for (Double v : thresholdWeightGrid) {
      Objects.requireNonNull(v, "thresholdWeightGrid element");
      if (!(v > 0 && v <= 1)) {
        throw new IllegalArgumentException("thresholdWeightGrid values must be in (0, 1]: " + v);
      }
      if (!tw.contains(v)) {
        tw.add(v);
      }
    }
    tw.sort(null);
    thresholdWeightGrid = List.copyOf(tw);
    if (kind != ClassifierKind.NB_LOGISTIC && !interpolationGrid.equals(List.of(1.0))) {
      throw new IllegalArgumentException("interpolationGrid applies to kind nb-logistic only; for " + kind.id()
          + " it must be [1.0], got " + interpolationGrid);
    }
    if (minThresholdPositives < 1) {
      throw new IllegalArgumentException("minThresholdPositives must be >= 1: " + minThresholdPositives);
    }
    if (minExamples < 1) {
      throw new IllegalArgumentException("minExamples must be >= 1: " + minExamples);
    }
    if (maxLabels < -1) {
      throw new IllegalArgumentException("maxLabels must be -1 (auto), 0 (no cap) or positive: " + maxLabels);
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be in [1, 256]: " + threads);
    }
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1): " + tolerance);
    }
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("maxEpochs must be >= 1: " + maxEpochs);
    }
    if (kind == ClassifierKind.MAXENT && features.weighting() != FeatureOptions.Weighting.BINARY) {
      throw new IllegalArgumentException("kind maxent needs features.weighting BINARY (Smile's Maxent takes binary features), got "
          + features.weighting());
    }
  }

  /**
   * The options as sorted string properties (for provenance): every field except the thread count, with
   * the tokenizer and extra features by id.
   */
  public java.util.Map<String, String> toProperties() {
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    m.put("folds", Integer.toString(folds));
    m.put("seed", Long.toString(seed));
    m.put("kind", kind.id());
    m.put("solver", solver.id());
    m.put("features.word", features.wordMinN() + "-" + features.wordMaxN());
    m.put("features.char", features.charMinN() + "-" + features.charMaxN());
    m.put("features.minDf", Integer.toString(features.minDf()));
    m.put("features.weighting", features.weighting().name().toLowerCase(Locale.ROOT));
    m.put("features.sublinearTf", Boolean.toString(features.sublinearTf()));
    m.put("features.negation", features.negation().name().toLowerCase(Locale.ROOT));
    StringBuilder sb = new StringBuilder();
    for (double c : costGrid) {
      sb.append(sb.length() == 0 ? "" : ",").append(c);
    }
    m.put("costGrid", sb.toString());
    m.put("perLabelCost", Boolean.toString(perLabelCost));
    sb.setLength(0);
    for (double c : interpolationGrid) {
      sb.append(sb.length() == 0 ? "" : ",").append(c);
    }
    m.put("interpolationGrid", sb.toString());
    m.put("rankingGrid", String.join(",", rankingGrid.stream().map(Ranking::id).toList()));
    m.put("thresholdWeightGrid", String.join(",", thresholdWeightGrid.stream().map(String::valueOf).toList()));
    m.put("thresholds", thresholds.id());
    m.put("minThresholdPositives", Integer.toString(minThresholdPositives));
    m.put("minExamples", Integer.toString(minExamples));
    m.put("atLeastOne", atLeastOne.name().toLowerCase(Locale.ROOT));
    m.put("maxLabels", Integer.toString(maxLabels));
    m.put("selection", selection.id());
    m.put("tolerance", Double.toString(tolerance));
    m.put("maxEpochs", Integer.toString(maxEpochs));
    m.put("tokenizer", tokenizer.id());
    m.put("extraFeatures", extraFeatures == null ? "" : extraFeatures.id());
    m.put("language", language);
    return m;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.folds = folds;
    b.seed = seed;
    b.kind = kind;
    b.solver = solver;
    b.features = features;
    b.costGrid = costGrid;
    b.perLabelCost = perLabelCost;
    b.interpolationGrid = interpolationGrid;
    b.rankingGrid = rankingGrid;
    b.thresholdWeightGrid = thresholdWeightGrid;
    b.thresholds = thresholds;
    b.minThresholdPositives = minThresholdPositives;
    b.minExamples = minExamples;
    b.atLeastOne = atLeastOne;
    b.maxLabels = maxLabels;
    b.selection = selection;
    b.threads = threads;
    b.tolerance = tolerance;
    b.maxEpochs = maxEpochs;
    b.tokenizer = tokenizer;
    b.extraFeatures = extraFeatures;
    b.language = language;
    return b;
  }

  /**
   * Builds {@link TrainingOptions}; every setter rejects null. Defaults: 5 folds, seed 0,
   * {@code NB_LOGISTIC}, {@code DUAL_CD}, {@link FeatureOptions#wordsAndChars()}, costs {@code 1, 4, 16},
   * per-label cost on, interpolation {@code 1.0}, ranking {@code MARGIN}, per-label threshold weights
   * {@code 0.25, 0.5, 0.75, 1},
   * threshold rule {@code AUTO} (5 positives for per-label thresholds), minExamples 1, at-least-one
   * {@code AUTO}, maxLabels -1 (auto), selection {@code MICRO_F1}, threads = available processors,
   * tolerance 0.1, 50 epochs, {@link SimpleTokenizer}, no extra features, language {@code en}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private int folds = 5;
    private long seed;
    private ClassifierKind kind = ClassifierKind.NB_LOGISTIC;
    private Solver solver = Solver.DUAL_CD;
    private FeatureOptions features = FeatureOptions.wordsAndChars();
    private List<Double> costGrid = DEFAULT_COSTS;
    private boolean perLabelCost = true;
    private List<Double> interpolationGrid = List.of(1.0);
    private List<Ranking> rankingGrid = List.of(Ranking.MARGIN);
    private List<Double> thresholdWeightGrid = DEFAULT_THRESHOLD_WEIGHTS;
    private ThresholdRule thresholds = ThresholdRule.AUTO;
    private int minThresholdPositives = 5;
    private int minExamples = 1;
    private Toggle atLeastOne = Toggle.AUTO;
    private int maxLabels = -1;
    private Selection selection = Selection.MICRO_F1;
    private int threads = Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors()));
    private double tolerance = 0.1;
    private int maxEpochs = 50;
    private FeatureTokenizer tokenizer = SimpleTokenizer.INSTANCE;
    private ExtraFeatures extraFeatures;
    private String language = "en";

    private Builder() {}

    public Builder folds(int v) {
      folds = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder kind(ClassifierKind v) {
      kind = Objects.requireNonNull(v, "kind");
      return this;
    }

    public Builder solver(Solver v) {
      solver = Objects.requireNonNull(v, "solver");
      return this;
    }

    public Builder features(FeatureOptions v) {
      features = Objects.requireNonNull(v, "features");
      return this;
    }

    public Builder costGrid(List<Double> v) {
      costGrid = List.copyOf(Objects.requireNonNull(v, "costGrid"));
      return this;
    }

    public Builder perLabelCost(boolean v) {
      perLabelCost = v;
      return this;
    }

    public Builder interpolationGrid(List<Double> v) {
      interpolationGrid = List.copyOf(Objects.requireNonNull(v, "interpolationGrid"));
      return this;
    }

    public Builder rankingGrid(List<Ranking> v) {
      rankingGrid = List.copyOf(Objects.requireNonNull(v, "rankingGrid"));
      return this;
    }

    public Builder thresholdWeightGrid(List<Double> v) {
      thresholdWeightGrid = List.copyOf(Objects.requireNonNull(v, "thresholdWeightGrid"));
      return this;
    }

    /** Shorthand for a grid of one value. */
    public Builder cost(double c) {
      costGrid = List.of(c);
      return this;
    }

    public Builder thresholds(ThresholdRule v) {
      thresholds = Objects.requireNonNull(v, "thresholds");
      return this;
    }

    public Builder minThresholdPositives(int v) {
      minThresholdPositives = v;
      return this;
    }

    public Builder minExamples(int v) {
      minExamples = v;
      return this;
    }

    public Builder atLeastOne(Toggle v) {
      atLeastOne = Objects.requireNonNull(v, "atLeastOne");
      return this;
    }

    public Builder maxLabels(int v) {
      maxLabels = v;
      return this;
    }

    public Builder selection(Selection v) {
      selection = Objects.requireNonNull(v, "selection");
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder tolerance(double v) {
      tolerance = v;
      return this;
    }

    public Builder maxEpochs(int v) {
      maxEpochs = v;
      return this;
    }

    public Builder tokenizer(FeatureTokenizer v) {
      tokenizer = Objects.requireNonNull(v, "tokenizer");
      return this;
    }

    /** Extra named features, or null for none. */
    public Builder extraFeatures(ExtraFeatures v) {
      extraFeatures = v;
      return this;
    }

    public Builder language(String v) {
      language = Objects.requireNonNull(v, "language");
      return this;
    }

    /**
     * @throws IllegalArgumentException as {@link TrainingOptions#TrainingOptions} does
     */
    public TrainingOptions build() {
      return new TrainingOptions(folds, seed, kind, solver, features, costGrid, perLabelCost, interpolationGrid, rankingGrid, thresholdWeightGrid, thresholds, minThresholdPositives,
          minExamples, atLeastOne, maxLabels, selection, threads, tolerance, maxEpochs, tokenizer, extraFeatures, language);
    }
  }
}
