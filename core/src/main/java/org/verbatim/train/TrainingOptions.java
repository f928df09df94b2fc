package org.verbatim.train;

import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.Ranking;
import org.verbatim.features.ExtraFeatures;
import org.verbatim.features.FeatureOptions;
import org.verbatim.features.FeatureTokenizer;
import org.verbatim.features.SimpleTokenizer;
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
 * @param kind the per-theme model; when {@code kindGrid} holds more than one kind, the one that won the
 *     cross-validation (a trained classifier's options) or the first of the grid (before training)
 * @param kindGrid the kinds compared by CV (distinct, at least one, containing {@code kind}): each is tuned as
 *     if trained alone and the one with the best selection score is kept (the earlier one on a tie)
 * @param solver how logistic models are fitted (SVM kinds always use dual coordinate descent)
 * @param features the feature options
 * @param costGrid the values of the cost {@code C} (inverse L2 regularisation) tried by CV, each {@code > 0};
 *     sorted ascending, duplicates removed; for the logistic kinds and Maxent
 * @param svmCostGrid as {@code costGrid}, for the SVM kinds ({@link ClassifierKind#svm()}); the squared hinge
 *     loss is steeper than the logistic one, so its useful costs are smaller
 * @param perLabelCost also try, as one more grid entry, each label with its own cost from {@code costGrid}:
 *     the one with the lowest out-of-fold log-loss for that label (no extra fits)
 * @param interpolationGrid for {@link ClassifierKind#NB_LOGISTIC}: the values of the interpolation
 *     {@code beta} tried by CV, each in (0, 1]: the final weights are {@code beta * w + (1 - beta) * mean|w| * r}
 *     (Wang and Manning 2012), a mix of the fitted model and plain naive Bayes; needs no extra fits. Must be
 *     {@code [1.0]} for other kinds
 * @param nbRatio how the naive-Bayes log-count ratio of {@link ClassifierKind#naiveBayesScaled()} kinds counts a
 *     feature (ignored by the other kinds)
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
    List<ClassifierKind> kindGrid,
    Solver solver,
    FeatureOptions features,
    List<Double> costGrid,
    List<Double> svmCostGrid,
    boolean perLabelCost,
    List<Double> interpolationGrid,
    NbRatio nbRatio,
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

  /**
   * How the naive-Bayes log-count ratio {@code r = log(p / q)} of the NB kinds counts a feature over the positive
   * ({@code p}) and negative ({@code q}) training comments of a theme.
   */
  public enum NbRatio {
    /**
     * Comments containing the feature (binarised counts, as Wang and Manning 2012):
     * {@code p = (positives containing it + 1) / (positives + 1)}.
     */
    PRESENCE,
    /** The sum of the feature's values (TF-IDF), as the scikit-learn NB-LR peer: {@code p = (sum + 1) / (positives + 1)}. */
    VALUES;

    /** The lower-case id, e.g. {@code presence}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
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

  /**
   * The default number of cross-validation folds. By nested cross-validation on the three benchmark sets'
   * training data, 4 folds scored as 5 did (micro / macro within 0.0003, one set 0.002 higher) in about three
   * quarters of the tuning time (each fold's models train on 3/4 instead of 4/5 of the data); 3 folds lost
   * 0.0025 of macro-F1 on mams-acsa.
   */
  public static final int DEFAULT_FOLDS = 4;

  /** The default per-label threshold weights (chosen by cross-validation on the three benchmark sets). */
  public static final List<Double> DEFAULT_THRESHOLD_WEIGHTS = List.of(0.25, 0.5, 0.75, 1.0);

  /**
   * The default cost grid of the logistic kinds: cost 1 alone (the scikit-learn baselines try 1, 4, 16 and 64).
   * Chosen with {@link #DEFAULT_SVM_COSTS} by nested cross-validation on the three benchmark sets' training data
   * (docs/model-format.md): against costs 1, 4 (16 and 64 had already shown no gain) and SVM costs 1/16, 1/4, 1,
   * the pair scored micro-F1 +0.0002, -0.0013, +0.0040 (mean +0.0010) and macro-F1 -0.0015, -0.0049, +0.0032, in
   * 60-70% of the time: the dual logistic solver needs about twice the epochs at cost 4 as at 1.
   */
  public static final List<Double> DEFAULT_COSTS = List.of(1.0);

  /**
   * The default cost grid when a logistic kind without naive-Bayes scaling ({@code logistic}, {@code maxent})
   * is in the kind grid: plain logistic regression needs more cost than NB-LR (accuracy suite, test micro / macro
   * F1 at cost 1 against this grid: mams-acsa 0.852 / 0.834 vs 0.863 / 0.845, nhs-fft-v6 0.686 / 0.439 vs
   * 0.694 / 0.460).
   */
  public static final List<Double> DEFAULT_PLAIN_COSTS = List.of(1.0, 4.0, 16.0);

  /**
   * The default cost grid of the SVM kinds, 1/8 and 1/2 (plus each label's choice between them): the
   * squared-hinge SVM's cross-validated optimum lies below the logistic one, and the highest cost takes the
   * most epochs. See {@link #DEFAULT_COSTS}.
   */
  public static final List<Double> DEFAULT_SVM_COSTS = List.of(0.125, 0.5);

  /**
   * The default kinds compared by CV: NB-LR and the L2-loss SVM. On the three benchmark sets CV picked NB-LR
   * on mams-acsa and the SVM on both NHS sets (figures in {@code docs/model-format.md}).
   */
  public static final List<ClassifierKind> DEFAULT_KINDS = List.of(ClassifierKind.NB_LOGISTIC, ClassifierKind.SVM);

  /**
   * @throws NullPointerException if an object argument other than {@code extraFeatures} is null
   * @throws IllegalArgumentException naming the field and value when one is out of range or the kind and
   *     features do not fit together
   */
  public TrainingOptions {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(kindGrid, "kindGrid");
    for (ClassifierKind k : kindGrid) {
      Objects.requireNonNull(k, "kindGrid element");
    }
    if (kindGrid.isEmpty() || new java.util.HashSet<>(kindGrid).size() != kindGrid.size() || !kindGrid.contains(kind)) {
      throw new IllegalArgumentException("kindGrid must hold distinct kinds including kind " + kind.id() + ": " + kindGrid);
    }
    kindGrid = List.copyOf(kindGrid);
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
    svmCostGrid = costs(svmCostGrid, "svmCostGrid");
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
    Objects.requireNonNull(nbRatio, "nbRatio");
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
    for (ClassifierKind k : kindGrid) {
      if (!k.naiveBayesScaled() && !interpolationGrid.equals(List.of(1.0))) {
        throw new IllegalArgumentException("interpolationGrid applies to kinds nb-logistic and nb-svm only; for " + k.id()
            + " it must be [1.0], got " + interpolationGrid);
      }
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
    if (kindGrid.contains(ClassifierKind.MAXENT) && features.weighting() != FeatureOptions.Weighting.BINARY) {
      throw new IllegalArgumentException("kind maxent needs features.weighting BINARY (Smile's Maxent takes binary features), got "
          + features.weighting());
    }
  }

  private static List<Double> costs(List<Double> grid, String name) {
    Objects.requireNonNull(grid, name);
    if (grid.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    List<Double> sorted = new ArrayList<>();
    for (Double c : grid) {
      Objects.requireNonNull(c, name + " element");
      if (!(c > 0 && c < 1e6)) {
        throw new IllegalArgumentException(name + " values must be in (0, 1e6): " + c);
      }
      if (!sorted.contains(c)) {
        sorted.add(c);
      }
    }
    sorted.sort(null);
    return List.copyOf(sorted);
  }

  /** The cost grid used for a kind: {@link #svmCostGrid()} for the SVM kinds, else {@link #costGrid()}. */
  public List<Double> costGrid(ClassifierKind k) {
    return k.svm() ? svmCostGrid : costGrid;
  }

  /** These options with {@code kind} replaced by a member of {@link #kindGrid()} (the grid is kept). */
  TrainingOptions withChosenKind(ClassifierKind k) {
    Builder b = toBuilder();
    b.kind = k;
    return b.build();
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
    m.put("kindGrid", String.join(",", kindGrid.stream().map(ClassifierKind::id).toList()));
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
    sb.setLength(0);
    for (double c : svmCostGrid) {
      sb.append(sb.length() == 0 ? "" : ",").append(c);
    }
    m.put("svmCostGrid", sb.toString());
    m.put("perLabelCost", Boolean.toString(perLabelCost));
    sb.setLength(0);
    for (double c : interpolationGrid) {
      sb.append(sb.length() == 0 ? "" : ",").append(c);
    }
    m.put("interpolationGrid", sb.toString());
    m.put("nbRatio", nbRatio.id());
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
    b.kindGrid = kindGrid;
    b.solver = solver;
    b.features = features;
    b.costGrid = costGrid;
    b.svmCostGrid = svmCostGrid;
    b.perLabelCost = perLabelCost;
    b.interpolationGrid = interpolationGrid;
    b.nbRatio = nbRatio;
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
   * Builds {@link TrainingOptions}; every setter rejects null. Defaults: 4 folds, seed 0,
   * kinds {@code NB_LOGISTIC, SVM} compared by CV, {@code DUAL_CD}, {@link FeatureOptions#wordsAndChars()},
   * cost {@code 1} ({@code 1, 4, 16} when the kinds include {@code logistic} or {@code maxent}; SVM: {@code 1/8, 1/2}),
   * per-label cost on, interpolation {@code 1.0}, naive-Bayes ratio {@code PRESENCE}, ranking {@code MARGIN}, per-label threshold weights
   * {@code 0.25, 0.5, 0.75, 1},
   * threshold rule {@code AUTO} (5 positives for per-label thresholds), minExamples 1, at-least-one
   * {@code AUTO}, maxLabels -1 (auto), selection {@code MICRO_F1}, threads = available processors,
   * tolerance 0.1, 50 epochs, {@link SimpleTokenizer}, no extra features, language {@code en}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private int folds = DEFAULT_FOLDS;
    private long seed;
    private ClassifierKind kind = ClassifierKind.NB_LOGISTIC;
    private List<ClassifierKind> kindGrid = DEFAULT_KINDS;
    private Solver solver = Solver.DUAL_CD;
    private FeatureOptions features = FeatureOptions.wordsAndChars();
    /** Null until set: then {@link #DEFAULT_COSTS} or {@link #DEFAULT_PLAIN_COSTS}, by the kind grid. */
    private List<Double> costGrid;
    private List<Double> svmCostGrid = DEFAULT_SVM_COSTS;
    private boolean perLabelCost = true;
    private List<Double> interpolationGrid = List.of(1.0);
    private NbRatio nbRatio = NbRatio.PRESENCE;
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

    /** Fits this kind only (sets {@code kindGrid} to just {@code v}). */
    public Builder kind(ClassifierKind v) {
      kind = Objects.requireNonNull(v, "kind");
      kindGrid = List.of(v);
      return this;
    }

    /** The kinds compared by CV, in order of preference on a tie; {@code kind} becomes the first. */
    public Builder kindGrid(List<ClassifierKind> v) {
      kindGrid = List.copyOf(Objects.requireNonNull(v, "kindGrid"));
      if (!kindGrid.isEmpty()) {
        kind = kindGrid.get(0);
      }
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

    /** The cost grid of every kind (sets {@code svmCostGrid} too). */
    public Builder costGrid(List<Double> v) {
      costGrid = List.copyOf(Objects.requireNonNull(v, "costGrid"));
      svmCostGrid = costGrid;
      return this;
    }

    /** The cost grid of the SVM kinds only. */
    public Builder svmCostGrid(List<Double> v) {
      svmCostGrid = List.copyOf(Objects.requireNonNull(v, "svmCostGrid"));
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

    public Builder nbRatio(NbRatio v) {
      nbRatio = Objects.requireNonNull(v, "nbRatio");
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

    /** Shorthand for a grid of one value, for every kind. */
    public Builder cost(double c) {
      costGrid = List.of(c);
      svmCostGrid = costGrid;
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
      List<Double> costs = costGrid;
      if (costs == null) {
        boolean plain = kindGrid.stream().anyMatch(k -> !k.svm() && !k.naiveBayesScaled());
        costs = plain ? DEFAULT_PLAIN_COSTS : DEFAULT_COSTS;
      }
      return new TrainingOptions(folds, seed, kind, kindGrid, solver, features, costs, svmCostGrid, perLabelCost, interpolationGrid, nbRatio, rankingGrid, thresholdWeightGrid, thresholds, minThresholdPositives,
          minExamples, atLeastOne, maxLabels, selection, threads, tolerance, maxEpochs, tokenizer, extraFeatures, language);
    }
  }
}
