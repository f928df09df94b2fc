package org.verbatim.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.features.ExtraFeatures;
import org.verbatim.features.FeatureOptions;
import org.verbatim.features.FeatureTokenizer;
import org.verbatim.features.SimpleTokenizer;

/**
 * Settings of a {@link ThemeTrainer}, built and checked by a {@link Builder}: cross-validation folds and seed, the
 * kinds of per-theme model compared, features, the cost grids, the threshold rule and the decision rules ("at
 * least one label", "at most K labels"). Every choice marked "by CV" is made from out-of-fold scores on the
 * training data only.
 *
 * <pre>{@code
 * ThemeOptions opts = ThemeOptions.builder()
 *     .kind(ClassifierKind.NB_LOGISTIC)
 *     .features(FeatureOptions.wordsAndChars())
 *     .folds(5).seed(42)
 *     .build();
 * ThemeTrainer.create(opts).train(comments);
 * // not: ThemeOptions.builder().folds(1).build() -> IllegalArgumentException("folds must be in [2, 20]: 1")
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code threads} changes only the speed of training, never its result. The
 * fixed parts of the method (dual coordinate descent, margin ranking, the per-label threshold weights
 * {@link #THRESHOLD_WEIGHTS} and each label's own cost as one more grid entry) are the winners of the
 * experiments recorded in {@code docs/model-format.md}.
 */
public final class ThemeOptions {

  /** A three-way switch decided from the training data when {@code AUTO}. */
  public enum Toggle {
    /** Decided from the data. */
    AUTO,
    /** Always on. */
    ON,
    /** Always off. */
    OFF
  }

  /**
   * The default number of cross-validation folds. By nested cross-validation on the three benchmark sets'
   * training data, 4 folds scored as 5 did (micro / macro within 0.0003, one set 0.002 higher) in about three
   * quarters of the tuning time (each fold's models train on 3/4 instead of 4/5 of the data); 3 folds lost
   * 0.0025 of macro-F1 on mams-acsa.
   */
  public static final int DEFAULT_FOLDS = 4;

  /**
   * The per-label threshold weights tried by CV: a label's threshold is {@code w * t_label + (1 - w) * t_global}
   * (chosen by cross-validation on the three benchmark sets).
   */
  public static final List<Double> THRESHOLD_WEIGHTS = List.of(0.25, 0.5, 0.75, 1.0);

  /** Themes with fewer training positives than this use the global threshold. */
  static final int MIN_THRESHOLD_POSITIVES = 5;

  /**
   * The default cost grid of the logistic kinds: cost 1 alone (the scikit-learn baselines try 1, 4, 16 and 64).
   * Chosen with {@link #DEFAULT_SVM_COSTS} by nested cross-validation on the three benchmark sets' training data
   * (docs/model-format.md): against costs 1, 4 (16 and 64 had already shown no gain) and SVM costs 1/16, 1/4, 1,
   * the pair scored micro-F1 +0.0002, -0.0013, +0.0040 (mean +0.0010) and macro-F1 -0.0015, -0.0049, +0.0032, in
   * 60-70% of the time: the dual logistic solver needs about twice the epochs at cost 4 as at 1.
   */
  public static final List<Double> DEFAULT_COSTS = List.of(1.0);

  /**
   * The default cost grid when plain {@code logistic} (no naive-Bayes scaling) is among the kinds: plain logistic
   * regression needs more cost than NB-LR (accuracy suite, test micro / macro F1 at cost 1 against this grid:
   * mams-acsa 0.852 / 0.834 vs 0.863 / 0.845, nhs-fft-v6 0.686 / 0.439 vs 0.694 / 0.460).
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

  private final int folds;
  private final long seed;
  private final ClassifierKind kind;
  private final List<ClassifierKind> kinds;
  private final FeatureOptions features;
  private final List<Double> costs;
  private final List<Double> svmCosts;
  private final ThresholdRule thresholds;
  private final int minExamples;
  private final Toggle atLeastOne;
  private final int maxLabels;
  private final int threads;
  private final double tolerance;
  private final int maxEpochs;
  private final FeatureTokenizer tokenizer;
  private final ExtraFeatures extraFeatures;
  private final String language;

  private ThemeOptions(Builder b) {
    kinds = List.copyOf(b.kinds);
    if (kinds.isEmpty() || new HashSet<>(kinds).size() != kinds.size()) {
      throw new IllegalArgumentException("kinds must be distinct and at least one: " + kinds);
    }
    kind = b.kind != null ? b.kind : kinds.get(0);
    if (!kinds.contains(kind)) {
      throw new IllegalArgumentException("kind " + kind.id() + " is not among the kinds " + kinds);
    }
    if (b.folds < 2 || b.folds > 20) {
      throw new IllegalArgumentException("folds must be in [2, 20]: " + b.folds);
    }
    folds = b.folds;
    seed = b.seed;
    features = b.features;
    boolean plain = kinds.stream().anyMatch(k -> !k.svm() && !k.naiveBayesScaled());
    costs = grid(b.costs != null ? b.costs : plain ? DEFAULT_PLAIN_COSTS : DEFAULT_COSTS, "costs");
    svmCosts = grid(b.svmCosts, "svmCosts");
    thresholds = b.thresholds;
    if (b.minExamples < 1) {
      throw new IllegalArgumentException("minExamples must be >= 1: " + b.minExamples);
    }
    minExamples = b.minExamples;
    atLeastOne = b.atLeastOne;
    if (b.maxLabels < -1) {
      throw new IllegalArgumentException("maxLabels must be -1 (auto), 0 (no cap) or positive: " + b.maxLabels);
    }
    maxLabels = b.maxLabels;
    if (b.threads < 1 || b.threads > 256) {
      throw new IllegalArgumentException("threads must be in [1, 256]: " + b.threads);
    }
    threads = b.threads;
    if (!(b.tolerance > 0 && b.tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1): " + b.tolerance);
    }
    tolerance = b.tolerance;
    if (b.maxEpochs < 1) {
      throw new IllegalArgumentException("maxEpochs must be >= 1: " + b.maxEpochs);
    }
    maxEpochs = b.maxEpochs;
    tokenizer = b.tokenizer;
    if (features.negation() != FeatureOptions.Negation.OFF && !tokenizer.marksNegation()) {
      throw new IllegalArgumentException("features with negation " + features.negation()
          + " need a tokenizer that marks negation scope (PipelineTokenizer.fast()); tokenizer " + tokenizer.id() + " does not");
    }
    extraFeatures = b.extraFeatures;
    if (!b.language.matches("[a-z]{2,3}")) {
      throw new IllegalArgumentException("language must be an ISO 639 code of 2 or 3 lower-case letters: '" + b.language + "'");
    }
    language = b.language;
  }

  /** Sorted, de-duplicated, each value in (0, 1e6). */
  private static List<Double> grid(List<Double> grid, String name) {
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

  /** The defaults (see {@link Builder}). */
  public static ThemeOptions defaults() {
    return builder().build();
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
    b.kinds = kinds;
    b.features = features;
    b.costs = costs;
    b.svmCosts = svmCosts;
    b.thresholds = thresholds;
    b.minExamples = minExamples;
    b.atLeastOne = atLeastOne;
    b.maxLabels = maxLabels;
    b.threads = threads;
    b.tolerance = tolerance;
    b.maxEpochs = maxEpochs;
    b.tokenizer = tokenizer;
    b.extraFeatures = extraFeatures;
    b.language = language;
    return b;
  }

  /** Number of cross-validation folds, 2 to 20. */
  public int folds() {
    return folds;
  }

  /** Seed of the fold shuffle and of the solvers; the same data, options and seed give the same model. */
  public long seed() {
    return seed;
  }

  /**
   * The per-theme model: with several {@link #kinds()}, the one that won the cross-validation (a trained
   * classifier's options) or the first (before training).
   */
  public ClassifierKind kind() {
    return kind;
  }

  /**
   * The kinds compared by CV (distinct, at least one, containing {@link #kind()}): each is tuned as if trained
   * alone and the one with the best cross-validated micro-F1 is kept (the earlier one on a tie).
   */
  public List<ClassifierKind> kinds() {
    return kinds;
  }

  /** The feature options. */
  public FeatureOptions features() {
    return features;
  }

  /**
   * The values of the cost {@code C} (inverse L2 regularisation) tried by CV for the logistic kinds, sorted
   * ascending; each label may also take its own cost among them (lowest out-of-fold loss, one more grid entry).
   */
  public List<Double> costs() {
    return costs;
  }

  /** As {@link #costs()}, for the SVM kinds ({@link ClassifierKind#svm()}), whose useful costs are smaller. */
  public List<Double> svmCosts() {
    return svmCosts;
  }

  /** The cost grid used for a kind: {@link #svmCosts()} for the SVM kinds, else {@link #costs()}. */
  public List<Double> costs(ClassifierKind k) {
    return k.svm() ? svmCosts : costs;
  }

  /** How decision thresholds are chosen. */
  public ThresholdRule thresholds() {
    return thresholds;
  }

  /**
   * Themes with fewer training positives get no model (never predicted; a {@link HybridThemeClassifier} uses its
   * fallback for them); at least 1.
   */
  public int minExamples() {
    return minExamples;
  }

  /** Whether every comment gets at least one theme ({@code AUTO}: on iff every training comment has a theme). */
  public Toggle atLeastOne() {
    return atLeastOne;
  }

  /** At most this many themes per comment; 0 = no cap; -1 = the largest number on any training comment. */
  public int maxLabels() {
    return maxLabels;
  }

  /** Worker threads for training (themes are fitted in parallel), 1 to 256. */
  public int threads() {
    return threads;
  }

  /** Solver stopping tolerance, in (0, 1). */
  public double tolerance() {
    return tolerance;
  }

  /** Solver iteration cap, at least 1. */
  public int maxEpochs() {
    return maxEpochs;
  }

  /** The tokenizer features are built from. */
  public FeatureTokenizer tokenizer() {
    return tokenizer;
  }

  /** Extra named features appended to the text features, or null for none. */
  public ExtraFeatures extraFeatures() {
    return extraFeatures;
  }

  /** ISO 639 code of the comments' language (recorded in the model), two or three lower-case letters. */
  public String language() {
    return language;
  }

  /** These options with {@code kind} replaced by a member of {@link #kinds()} (the list is kept). */
  ThemeOptions withChosenKind(ClassifierKind k) {
    Builder b = toBuilder();
    b.kind = k;
    return b.build();
  }

  /**
   * The options as sorted string properties (for provenance): every setting except the thread count, with the
   * tokenizer and extra features by id, and the fixed parts of the method under the keys earlier versions used
   * for them ({@code solver}, {@code perLabelCost}, {@code interpolationGrid}, {@code nbRatio},
   * {@code rankingGrid}, {@code thresholdWeightGrid}, {@code minThresholdPositives}, {@code selection}).
   */
  public Map<String, String> toProperties() {
    Map<String, String> m = new TreeMap<>();
    m.put("folds", Integer.toString(folds));
    m.put("seed", Long.toString(seed));
    m.put("kind", kind.id());
    m.put("kindGrid", String.join(",", kinds.stream().map(ClassifierKind::id).toList()));
    m.put("solver", "dual-cd");
    m.put("features.word", features.wordMinN() + "-" + features.wordMaxN());
    m.put("features.char", features.charMinN() + "-" + features.charMaxN());
    m.put("features.minDf", Integer.toString(features.minDf()));
    m.put("features.weighting", features.weighting().name().toLowerCase(Locale.ROOT));
    m.put("features.sublinearTf", Boolean.toString(features.sublinearTf()));
    m.put("features.negation", features.negation().name().toLowerCase(Locale.ROOT));
    m.put("costGrid", joined(costs));
    m.put("svmCostGrid", joined(svmCosts));
    m.put("perLabelCost", "true");
    m.put("interpolationGrid", "1.0");
    m.put("nbRatio", "presence");
    m.put("rankingGrid", "margin");
    m.put("thresholdWeightGrid", joined(THRESHOLD_WEIGHTS));
    m.put("thresholds", thresholds.id());
    m.put("minThresholdPositives", Integer.toString(MIN_THRESHOLD_POSITIVES));
    m.put("minExamples", Integer.toString(minExamples));
    m.put("atLeastOne", atLeastOne.name().toLowerCase(Locale.ROOT));
    m.put("maxLabels", Integer.toString(maxLabels));
    m.put("selection", "micro-f1");
    m.put("tolerance", Double.toString(tolerance));
    m.put("maxEpochs", Integer.toString(maxEpochs));
    m.put("tokenizer", tokenizer.id());
    m.put("extraFeatures", extraFeatures == null ? "" : extraFeatures.id());
    m.put("language", language);
    return m;
  }

  private static String joined(List<Double> values) {
    StringBuilder sb = new StringBuilder();
    for (double c : values) {
      sb.append(sb.length() == 0 ? "" : ",").append(c);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ThemeOptions t && threads == t.threads && toProperties().equals(t.toProperties())
        && Objects.equals(extraFeatures, t.extraFeatures) && tokenizer.equals(t.tokenizer);
  }

  @Override
  public int hashCode() {
    return toProperties().hashCode();
  }

  @Override
  public String toString() {
    return "ThemeOptions" + toProperties();
  }

  /**
   * Builds {@link ThemeOptions}; every setter rejects null (except {@link #extraFeatures}) and {@link #build()}
   * checks the ranges. Defaults: 4 folds, seed 0, kinds {@code NB_LOGISTIC, SVM} compared by CV,
   * {@link FeatureOptions#wordsAndChars()}, cost {@code 1} ({@code 1, 4, 16} when the kinds include
   * {@code logistic}; SVM: {@code 1/8, 1/2}), threshold rule {@code AUTO}, minExamples 1, at-least-one
   * {@code AUTO}, maxLabels -1 (auto), threads = available processors, tolerance 0.1, 50 epochs,
   * {@link SimpleTokenizer}, no extra features, language {@code en}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private int folds = DEFAULT_FOLDS;
    private long seed;
    private ClassifierKind kind;
    private List<ClassifierKind> kinds = DEFAULT_KINDS;
    private FeatureOptions features = FeatureOptions.wordsAndChars();
    /** Null until set: then {@link #DEFAULT_COSTS} or {@link #DEFAULT_PLAIN_COSTS}, by the kinds. */
    private List<Double> costs;
    private List<Double> svmCosts = DEFAULT_SVM_COSTS;
    private ThresholdRule thresholds = ThresholdRule.AUTO;
    private int minExamples = 1;
    private Toggle atLeastOne = Toggle.AUTO;
    private int maxLabels = -1;
    private int threads = Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors()));
    private double tolerance = 0.1;
    private int maxEpochs = 50;
    private FeatureTokenizer tokenizer = SimpleTokenizer.INSTANCE;
    private ExtraFeatures extraFeatures;
    private String language = "en";

    private Builder() {}

    /** Cross-validation folds, 2 to 20. */
    public Builder folds(int v) {
      folds = v;
      return this;
    }

    /** Seed of the folds and solvers. */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** Fits this kind only (sets {@code kinds} to just {@code v}). */
    public Builder kind(ClassifierKind v) {
      kind = Objects.requireNonNull(v, "kind");
      kinds = List.of(v);
      return this;
    }

    /** The kinds compared by CV, in order of preference on a tie; {@code kind} becomes the first. */
    public Builder kinds(List<ClassifierKind> v) {
      kinds = List.copyOf(Objects.requireNonNull(v, "kinds"));
      kind = null;
      return this;
    }

    /** The feature options. */
    public Builder features(FeatureOptions v) {
      features = Objects.requireNonNull(v, "features");
      return this;
    }

    /** The cost grid of every kind (sets {@code svmCosts} too). */
    public Builder costs(List<Double> v) {
      costs = List.copyOf(Objects.requireNonNull(v, "costs"));
      svmCosts = costs;
      return this;
    }

    /** The cost grid of the SVM kinds only. */
    public Builder svmCosts(List<Double> v) {
      svmCosts = List.copyOf(Objects.requireNonNull(v, "svmCosts"));
      return this;
    }

    /** Shorthand for a grid of one value, for every kind. */
    public Builder cost(double c) {
      return costs(List.of(c));
    }

    /** How decision thresholds are chosen. */
    public Builder thresholds(ThresholdRule v) {
      thresholds = Objects.requireNonNull(v, "thresholds");
      return this;
    }

    /** Themes with fewer training positives get no model; at least 1. */
    public Builder minExamples(int v) {
      minExamples = v;
      return this;
    }

    /** The at-least-one rule. */
    public Builder atLeastOne(Toggle v) {
      atLeastOne = Objects.requireNonNull(v, "atLeastOne");
      return this;
    }

    /** At most this many themes per comment; 0 = no cap; -1 = auto. */
    public Builder maxLabels(int v) {
      maxLabels = v;
      return this;
    }

    /** Training threads, 1 to 256. */
    public Builder threads(int v) {
      threads = v;
      return this;
    }

    /** Solver stopping tolerance, in (0, 1). */
    public Builder tolerance(double v) {
      tolerance = v;
      return this;
    }

    /** Solver iteration cap, at least 1. */
    public Builder maxEpochs(int v) {
      maxEpochs = v;
      return this;
    }

    /** The tokenizer features are built from. */
    public Builder tokenizer(FeatureTokenizer v) {
      tokenizer = Objects.requireNonNull(v, "tokenizer");
      return this;
    }

    /** Extra named features, or null for none. */
    public Builder extraFeatures(ExtraFeatures v) {
      extraFeatures = v;
      return this;
    }

    /** ISO 639 code of the comments' language. */
    public Builder language(String v) {
      language = Objects.requireNonNull(v, "language");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting and value when one is out of range or the kinds are
     *     not distinct
     */
    public ThemeOptions build() {
      return new ThemeOptions(this);
    }
  }
}
