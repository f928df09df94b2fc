package org.verbatim.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Polarity;
import org.verbatim.features.PolarityFeatures;
import org.verbatim.features.ThemeAssociation;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.TextPipeline;
import org.verbatim.train.PolarityOptions;

/**
 * A learned polarity classifier for (comment, theme) pairs: it locates the theme's evidence clauses and scores
 * their features with multinomial logistic regression weights (trained by Smile's {@code Maxent}).
 *
 * <pre>{@code
 * PolarityModel m = PolarityTrainer.create(PolarityOptions.defaults()).train(examples);
 * m.predict("The food was great but the staff were rude.", "staff");   // NEGATIVE
 * }</pre>
 *
 * <p>Immutable and thread-safe (prediction uses only final arrays and maps). It travels inside a model file
 * ({@code org.verbatim.model.ModelWriter}); a theme never seen in training still gets a prediction (from the
 * whole comment, without theme features).
 */
public final class PolarityModel {

  private final PolarityOptions options;
  private final List<Polarity> classes;
  private final Map<String, Integer> vocabulary;
  private final double[][] weights;   // (classes - 1) rows of (vocabulary + 1); the last column is the intercept
  private final ThemeAssociation association;
  private final double lambda;
  private final double cvMacroF1;
  private final int trainingPairs;
  private final TextPipeline pipeline;
  private final PolarityFeatures extractor;

  private PolarityModel(Builder b) {
    this.options = Objects.requireNonNull(b.options, "options");
    this.classes = List.copyOf(Objects.requireNonNull(b.classes, "classes"));
    if (classes.size() < 2 || new HashSet<>(classes).size() != classes.size()) {
      throw new IllegalArgumentException("classes must be at least 2 distinct polarities: " + classes);
    }
    this.vocabulary = Map.copyOf(Objects.requireNonNull(b.vocabulary, "vocabulary"));
    boolean[] seen = new boolean[vocabulary.size()];
    for (Integer i : vocabulary.values()) {
      if (i < 0 || i >= seen.length || seen[i]) {
        throw new IllegalArgumentException("vocabulary indexes must be 0.." + (seen.length - 1) + ", each once: " + i);
      }
      seen[i] = true;
    }
    double[][] weights = Objects.requireNonNull(b.weights, "weights");
    this.weights = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      this.weights[i] = weights[i].clone();
      if (this.weights[i].length != vocabulary.size() + 1) {
        throw new IllegalArgumentException("weight row " + i + " has " + weights[i].length + " values, expected "
            + (vocabulary.size() + 1));
      }
    }
    if (this.weights.length != classes.size() - 1) {
      throw new IllegalArgumentException("expected " + (classes.size() - 1) + " weight rows: " + weights.length);
    }
    this.association = Objects.requireNonNull(b.association, "association");
    this.lambda = b.lambda;
    this.cvMacroF1 = b.cvMacroF1;
    if (b.trainingPairs < 0) {
      throw new IllegalArgumentException("trainingPairs must be >= 0: " + b.trainingPairs);
    }
    this.trainingPairs = b.trainingPairs;
    this.pipeline = options.pipeline();
    this.extractor = new PolarityFeatures(association, SentimentLexicon.english(), options.features());
  }

  /** A builder for a model's parts (the trainer and the model-file reader use it). */
  public static Builder builder() {
    return new Builder();
  }

  /** The pipeline that analyses comments for this model. */
  public TextPipeline pipeline() {
    return pipeline;
  }

  /**
   * The most probable polarity of a comment towards a theme.
   *
   * @throws NullPointerException if an argument is null
   */
  public Polarity predict(String text, String themeId) {
    return predictWithProbabilities(text, themeId).polarity();
  }

  /**
   * The most probable polarity with every class's probability.
   *
   * @throws NullPointerException if an argument is null
   */
  public PolarityPrediction predictWithProbabilities(String text, String themeId) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(themeId, "themeId");
    return predict(pipeline.analyze(text), themeId);
  }

  /**
   * The most probable polarity of a comment towards each of several themes, analysing the text once.
   *
   * @return one polarity per theme id, in the same order
   * @throws NullPointerException if an argument or a theme id is null
   */
  public List<Polarity> predictAll(String text, List<String> themeIds) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(themeIds, "themeIds");
    return themeIds.isEmpty() ? List.of() : predictAll(pipeline.analyze(text), themeIds);
  }

  /**
   * As {@link #predictAll(String, List)} for a comment already analysed by {@link #pipeline()} (a caller that
   * needs the analysis for something else too analyses once).
   *
   * @throws NullPointerException if an argument or a theme id is null
   */
  public List<Polarity> predictAll(AnalyzedText a, List<String> themeIds) {
    Objects.requireNonNull(a, "analyzed");
    Objects.requireNonNull(themeIds, "themeIds");
    List<Polarity> out = new ArrayList<>(themeIds.size());
    for (String t : themeIds) {
      out.add(predict(a, Objects.requireNonNull(t, "themeId")).polarity());
    }
    return out;
  }

  /**
   * The most probable polarity with every class's probability, for a comment already analysed by
   * {@link #pipeline()}.
   *
   * @throws NullPointerException if an argument is null
   */
  public PolarityPrediction predict(AnalyzedText analyzed, String themeId) {
    double[] p = probabilities(PolarityFeatures.indexes(extractor.features(analyzed, themeId), vocabulary));
    Map<Polarity, Double> probs = new EnumMap<>(Polarity.class);
    int best = 0;
    for (int c = 0; c < p.length; c++) {
      probs.put(classes.get(c), p[c]);
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return new PolarityPrediction(classes.get(best), probs);
  }

  private double[] probabilities(int[] x) {
    int k = classes.size();
    double[] s = new double[k];
    for (int c = 0; c < k - 1; c++) {
      double[] w = weights[c];
      double v = w[w.length - 1];
      for (int i : x) {
        v += w[i];
      }
      s[c] = v;
    }
    double max = Arrays.stream(s).max().orElse(0);
    double sum = 0;
    for (int c = 0; c < k; c++) {
      s[c] = Math.exp(s[c] - max);
      sum += s[c];
    }
    for (int c = 0; c < k; c++) {
      s[c] /= sum;
    }
    return s;
  }

  /** The polarity classes the model can predict, in weight-row order. */
  public List<Polarity> classes() {
    return classes;
  }

  /** The options it was trained with (their pipeline analyses comments for it). */
  public PolarityOptions options() {
    return options;
  }

  /** The regularisation strength chosen by cross-validation. */
  public double lambda() {
    return lambda;
  }

  /** Cross-validated macro-F1 of the chosen lambda on the training pairs (NaN when no CV was run). */
  public double cvMacroF1() {
    return cvMacroF1;
  }

  /** Number of (comment, theme) pairs it was trained on. */
  public int trainingPairs() {
    return trainingPairs;
  }

  /** Number of features in the vocabulary. */
  public int vocabularySize() {
    return vocabulary.size();
  }

  /** The vocabulary's features in index order. */
  public List<String> vocabulary() {
    String[] byIndex = new String[vocabulary.size()];
    vocabulary.forEach((f, i) -> byIndex[i] = f);
    return List.of(byIndex);
  }

  /** A copy of the weights: (classes - 1) rows of (vocabulary + 1) values, the intercept last. */
  public double[][] weights() {
    double[][] out = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      out[i] = weights[i].clone();
    }
    return out;
  }

  /** The themes' word association learned in training. */
  public ThemeAssociation association() {
    return association;
  }

  /**
   * Builds a {@link PolarityModel}; every part except {@code cvMacroF1} (default NaN) and {@code lambda}
   * (default 0) is required. Not thread-safe.
   */
  public static final class Builder {
    private PolarityOptions options;
    private List<Polarity> classes;
    private Map<String, Integer> vocabulary;
    private double[][] weights;
    private ThemeAssociation association;
    private double lambda;
    private double cvMacroF1 = Double.NaN;
    private int trainingPairs;

    private Builder() {}

    /** The options it was trained with; their pipeline analyses comments for the model. */
    public Builder options(PolarityOptions v) {
      options = Objects.requireNonNull(v, "options");
      return this;
    }

    /** The classes, in weight-row order (the last one scores 0). */
    public Builder classes(List<Polarity> v) {
      classes = Objects.requireNonNull(v, "classes");
      return this;
    }

    /** Feature name to index, indexes 0..n-1. */
    public Builder vocabulary(Map<String, Integer> v) {
      vocabulary = Objects.requireNonNull(v, "vocabulary");
      return this;
    }

    /** (classes - 1) rows of (vocabulary + 1) weights, the intercept last. */
    public Builder weights(double[][] v) {
      weights = Objects.requireNonNull(v, "weights");
      return this;
    }

    /** The themes' word association. */
    public Builder association(ThemeAssociation v) {
      association = Objects.requireNonNull(v, "association");
      return this;
    }

    /** The regularisation strength it was fitted with. */
    public Builder lambda(double v) {
      lambda = v;
      return this;
    }

    /** Cross-validated macro-F1 of {@code lambda}, or NaN. */
    public Builder cvMacroF1(double v) {
      cvMacroF1 = v;
      return this;
    }

    /** Number of training pairs. */
    public Builder trainingPairs(int v) {
      trainingPairs = v;
      return this;
    }

    /**
     * @throws NullPointerException if a required part is missing
     * @throws IllegalArgumentException if the parts do not fit together (sizes, duplicate classes or indexes)
     */
    public PolarityModel build() {
      return new PolarityModel(this);
    }
  }
}
