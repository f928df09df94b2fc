package org.verbatim.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.TagPolarity;
import org.verbatim.classify.WordLayer;
import org.verbatim.text.Analysis;

/**
 * Trains a {@link WordLayer} over a codebook's cues from coded comments: per theme an L2-regularised logistic
 * regression on the comment's words (present or not, scaled by their log-count ratios for the theme unless
 * {@link #withoutRatioScaling}) and the codebook's cue score of every theme, and a complaint
 * model (the same words; one example per coded theme whose polarity is positive or negative, the target being
 * negative), each fitted by full-batch AdaGrad in a fixed order, so the same comments and options give the same
 * weights on every machine. By default it also fits the layer's learned polarity ({@link TagPolarity}): on the tags
 * the codebook with the new layer finds in the training comments whose theme is coded with a polarity, a four-class
 * logistic regression of the comment's words, the tag's rule polarity, the complaint model's probability, the theme
 * and the theme crossed with the rule polarity ({@link #withPolarity}, {@link #withoutPolarity}).
 *
 * <pre>{@code
 * WordLayer layer = WordLayerTrainer.create(WordLayerTrainer.Options.DEFAULTS)
 *     .train(codebookClassifier, comments, polarities);
 * CodebookClassifier withLayer = codebookClassifier.withLayer(layer);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class WordLayerTrainer {

  /**
   * Settings of the layer.
   *
   * @param lambda the L2 penalty, {@code > 0} (on the summed log-loss, as {@code 1 / C} in scikit-learn)
   * @param epochs full passes over the data, at least 1
   * @param minCount a word is a feature when at least this many training comments contain it
   * @param threshold the probability in (0, 1) at which the layer tags a theme the cues missed
   */
  public record Options(double lambda, int epochs, int minCount, double threshold) {

    /**
     * Lambda 1, 300 epochs, words in at least 2 comments, threshold 0.4: chosen by leaving one coded set out over the
     * held-out social-care sets and three NHS sets (benchmarks/README.md, section 7), with pairs of adjacent words
     * ({@link #DEFAULT_PAIR_MIN_COUNT}) and words scaled by their log-count ratios ({@link #DEFAULT_RATIO_SCALING}):
     * the best mean micro-F1 whose mean precision on the held-out social-care sets is at least 0.75 and which loses
     * nothing on the NHS sets (lambda 0.3, 0.5, 1, 3; thresholds 0.4 to 0.6). On eighteen sets (seventeen held out):
     * micro-F1 0.703 at precision 0.753.
     */
    public static final Options DEFAULTS = new Options(1.0, 300, 2, 0.4);

    /** @throws IllegalArgumentException naming the value out of range */
    public Options {
      if (!(lambda > 0 && lambda < 1e6)) {
        throw new IllegalArgumentException("lambda must be in (0, 1e6): " + lambda);
      }
      if (epochs < 1 || epochs > 100_000) {
        throw new IllegalArgumentException("epochs must be in [1, 100000]: " + epochs);
      }
      if (minCount < 1) {
        throw new IllegalArgumentException("minCount must be >= 1: " + minCount);
      }
      if (!(threshold > 0 && threshold < 1)) {
        throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
      }
    }
  }

  /** AdaGrad's step size. */
  private static final double STEP = 0.5;

  /**
   * The learned polarity's L2 penalty by default: chosen with {@link #DEFAULT_POLARITY_GATE} by leaving one coded set
   * out over the social-care sets, the best mean polarity over themes found of the eight held-out sets on a grid of
   * lambda 0.01, 0.1, 1 and gate 0.4, 0.5, 0.6 (benchmarks/README.md, section 7).
   */
  public static final double DEFAULT_POLARITY_LAMBDA = 0.1;

  /** The learned polarity's gate by default (see {@link #DEFAULT_POLARITY_LAMBDA}). */
  public static final double DEFAULT_POLARITY_GATE = 0.6;

  /**
   * Pairs of adjacent words are features by default when at least 2 training comments contain them: leaving one set
   * out, they raised mean micro-F1 of the nine held-out social-care sets from 0.674 (single words, threshold 0.6) to
   * 0.695 at higher precision, and the NHS sets' polarity from 0.900 to 0.912 (minimum counts 2, 3 and 5 tried).
   */
  public static final int DEFAULT_PAIR_MIN_COUNT = 2;

  /**
   * No word beginnings by default ({@link #withPrefixes} adds them): leaving one of sixteen coded sets out, four
   * characters at threshold 0.55 gave the mean micro-F1 of the fifteen held-out social-care sets that single words
   * and pairs give at 0.5 (0.691 and 0.692, both at precision 0.75), with lower polarity over the themes found (0.880
   * against 0.885; on the NHS sets 0.893 against 0.912). They add recall at the cost of precision (at 0.5: 0.696 at
   * 0.740); on twelve sets they had looked better (0.701 against 0.691 at 0.5).
   */
  public static final int DEFAULT_PREFIX_LENGTH = 0;

  /**
   * Words scaled by their log-count ratios by default ({@link #withRatioScaling}): leaving one of eighteen coded sets
   * out, the mean of the seventeen held-out social-care sets went from micro P / R / F1 0.744 / 0.646 / 0.691, macro
   * 0.663 (plain words at threshold 0.5) to 0.753 / 0.660 / 0.703, macro 0.679 (scaled, threshold 0.4), with
   * polarity over themes found 0.886 -> 0.888 and the NHS sets' micro-F1 0.761 -> 0.762 (benchmarks/README.md,
   * section 7).
   */
  public static final boolean DEFAULT_RATIO_SCALING = true;

  private final Options options;
  /** The learned polarity's L2 penalty, or NaN for none. */
  private final double polarityLambda;
  private final double polarityGate;
  /** A pair of adjacent words is a feature when at least this many comments contain it; 0 for no pairs. */
  private final int pairMinCount;
  /** The length of the word beginnings that are features ({@code liste*}); 0 for none. */
  private final int prefixLength;
  /** Whether each theme's words are scaled by their log-count ratios ({@link #withRatioScaling}). */
  private final boolean ratioScaling;

  private WordLayerTrainer(Options options, double polarityLambda, double polarityGate, int pairMinCount,
      int prefixLength, boolean ratioScaling) {
    this.options = Objects.requireNonNull(options, "options");
    this.polarityLambda = polarityLambda;
    this.polarityGate = polarityGate;
    this.pairMinCount = pairMinCount;
    this.prefixLength = prefixLength;
    this.ratioScaling = ratioScaling;
  }

  /** A trainer with these options, which fits a learned polarity with the default lambda and gate. */
  public static WordLayerTrainer create(Options options) {
    return new WordLayerTrainer(options, DEFAULT_POLARITY_LAMBDA, DEFAULT_POLARITY_GATE, DEFAULT_PAIR_MIN_COUNT,
        DEFAULT_PREFIX_LENGTH, DEFAULT_RATIO_SCALING);
  }

  /**
   * This trainer fitting the layer's learned polarity with these settings.
   *
   * @param lambda the L2 penalty in (0, 1e6) (on the summed log-loss)
   * @param gate the top-class probability in (0, 1] at which the learned polarity replaces the rule polarity
   * @throws IllegalArgumentException naming the value out of range
   */
  public WordLayerTrainer withPolarity(double lambda, double gate) {
    if (!(lambda > 0 && lambda < 1e6)) {
      throw new IllegalArgumentException("polarity lambda must be in (0, 1e6): " + lambda);
    }
    if (!(gate > 0 && gate <= 1)) {
      throw new IllegalArgumentException("polarity gate must be in (0, 1]: " + gate);
    }
    return new WordLayerTrainer(options, lambda, gate, pairMinCount, prefixLength, ratioScaling);
  }

  /** This trainer without a learned polarity: the layer's tags keep the polarity of the cues' rules (a version 1 file). */
  public WordLayerTrainer withoutPolarity() {
    return new WordLayerTrainer(options, Double.NaN, Double.NaN, pairMinCount, prefixLength, ratioScaling);
  }

  /**
   * This trainer with pairs of adjacent words ("no say", "rang back") as features besides single words, a pair
   * counting when at least {@code minCount} training comments contain it (two words not split by punctuation).
   *
   * @throws IllegalArgumentException if {@code minCount < 1}
   */
  public WordLayerTrainer withPairs(int minCount) {
    if (minCount < 1) {
      throw new IllegalArgumentException("pair minimum count must be >= 1: " + minCount);
    }
    return new WordLayerTrainer(options, polarityLambda, polarityGate, minCount, prefixLength, ratioScaling);
  }

  /** This trainer without pairs of words. */
  public WordLayerTrainer withoutPairs() {
    return new WordLayerTrainer(options, polarityLambda, polarityGate, 0, prefixLength, ratioScaling);
  }

  /**
   * This trainer with the first {@code length} characters of each word of at least that length as features too
   * ({@code liste*} for "listened", "listening", "listenin"), each counting when at least the options' minimum
   * count of comments contain it, so word forms and misspellings the training comments lack still weigh.
   *
   * @throws IllegalArgumentException if {@code length} is not in [2, 20]
   */
  public WordLayerTrainer withPrefixes(int length) {
    if (length < 2 || length > 20) {
      throw new IllegalArgumentException("prefix length must be in [2, 20]: " + length);
    }
    return new WordLayerTrainer(options, polarityLambda, polarityGate, pairMinCount, length, ratioScaling);
  }

  /** This trainer without word beginnings as features. */
  public WordLayerTrainer withoutPrefixes() {
    return new WordLayerTrainer(options, polarityLambda, polarityGate, pairMinCount, 0, ratioScaling);
  }

  /**
   * This trainer scaling each theme's words by their log-count ratios, as in NB-SVM (S. Wang and C. D. Manning,
   * "Baselines and Bigrams: Simple, Good Sentiment and Topic Classification", ACL 2012): for theme t a word present in
   * a comment has the value {@code log((a + 1) / sum(a + 1)) - log((b + 1) / sum(b + 1))}, where a and b count the
   * comments with and without t that hold it (sums over the words); the logistic regression learns on these values,
   * and each stored weight is its learned weight times the ratio, so the layer, its speed and its file are as
   * without scaling. A word seen mostly with a theme starts strong under the same L2 penalty; a word spread evenly
   * weighs little however common it is.
   */
  public WordLayerTrainer withRatioScaling() {
    return new WordLayerTrainer(options, polarityLambda, polarityGate, pairMinCount, prefixLength, true);
  }

  /** This trainer with plain present-or-absent word features. */
  public WordLayerTrainer withoutRatioScaling() {
    return new WordLayerTrainer(options, polarityLambda, polarityGate, pairMinCount, prefixLength, false);
  }

  /**
   * Trains a layer for {@code codebook} (its cues alone are read, whether or not it has a layer) on the coded
   * comments and their themes' polarities.
   *
   * @param polarities per comment, the coded polarity of some of its themes (empty maps for none: the complaint
   *     model then has no weights, and a tag without a cue vote is negative)
   * @throws IllegalArgumentException if there are no comments, the lists differ in size, or a comment is coded with
   *     a theme the codebook does not have (naming the comment id and the theme)
   */
  public WordLayer train(CodebookClassifier codebook, List<LabelledComment> comments,
      List<Map<String, Polarity>> polarities) {
    Objects.requireNonNull(codebook, "codebook");
    if (comments.isEmpty()) {
      throw new IllegalArgumentException("no comments to train on");
    }
    if (polarities.size() != comments.size()) {
      throw new IllegalArgumentException("one polarity map per comment: " + polarities.size() + " for "
          + comments.size() + " comments");
    }
    List<String> themes = codebook.codebook().themeIds();
    int nt = themes.size();
    Map<String, Integer> themeIndex = new HashMap<>();
    for (int t = 0; t < nt; t++) {
      themeIndex.put(themes.get(t), t);
    }
    int n = comments.size();
    List<String[]> docWords = new ArrayList<>(n);
    double[][] cue = new double[n][nt];
    boolean[][] gold = new boolean[n][nt];
    Map<String, Integer> count = new TreeMap<>();
    Analysis a = new Analysis();
    for (int d = 0; d < n; d++) {
      LabelledComment c = comments.get(d);
      for (String label : c.labels()) {
        Integer t = themeIndex.get(label);
        if (t == null) {
          throw new IllegalArgumentException("comment '" + c.id() + "' is coded with theme '" + label
              + "', which codebook '" + codebook.codebook().id() + "' does not have");
        }
        gold[d][t] = true;
      }
      codebook.pipeline().analyze(c.text(), codebook.vocabulary(), a);
      java.util.TreeSet<String> words = new java.util.TreeSet<>();
      for (int i = 0; i < a.size(); i++) {
        if (!a.isPunctuation(i)) {
          String norm = a.norm(i);
          words.add(norm);
          if (prefixLength > 0 && norm.length() >= prefixLength && norm.lastIndexOf('*', prefixLength - 1) < 0) {
            words.add(norm.substring(0, prefixLength) + "*");
          }
          if (pairMinCount > 0 && i > 0 && !a.isPunctuation(i - 1)) {
            words.add(a.norm(i - 1) + " " + a.norm(i));
          }
        }
      }
      String[] ws = words.toArray(String[]::new);
      docWords.add(ws);
      for (String w : ws) {
        count.merge(w, 1, Integer::sum);
      }
      for (ThemeTag tag : codebook.candidates(c.text()).tags()) {
        cue[d][themeIndex.get(tag.themeId())] = tag.score();
      }
    }
    List<String> vocab = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    count.forEach((w, k) -> {
      if (k >= (WordLayer.isPairWord(w) ? pairMinCount : options.minCount())) {
        index.put(w, vocab.size());
        vocab.add(w);
      }
    });
    int[][] x = new int[n][];
    for (int d = 0; d < n; d++) {
      x[d] = Arrays.stream(docWords.get(d)).map(index::get).filter(Objects::nonNull).mapToInt(Integer::intValue).toArray();
    }
    int p = vocab.size();
    float[] bias = new float[nt];
    float[] cueWeights = new float[nt * nt];
    float[] wordWeights = new float[p * nt];
    for (int t = 0; t < nt; t++) {
      // weights: words [0, p), cue scores [p, p + nt), bias p + nt
      byte[] y = new byte[n];
      for (int d = 0; d < n; d++) {
        y[d] = (byte) (gold[d][t] ? 1 : 0);
      }
      double[] scale = ratioScaling ? logCountRatios(x, y, p) : null;
      double[] w = fit(x, cue, y, p, nt, scale);
      for (int i = 0; i < p; i++) {
        wordWeights[i * nt + t] = (float) (scale == null ? w[i] : w[i] * scale[i]);
      }
      for (int c = 0; c < nt; c++) {
        cueWeights[c * nt + t] = (float) w[p + c];
      }
      bias[t] = (float) w[p + nt];
    }
    // the complaint model: one example per (comment, theme) coded positive or negative
    List<int[]> px = new ArrayList<>();
    List<Byte> py = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      for (Polarity pol : new TreeMap<>(polarities.get(d)).values()) {
        if (pol == Polarity.POSITIVE || pol == Polarity.NEGATIVE) {
          px.add(x[d]);
          py.add((byte) (pol == Polarity.NEGATIVE ? 1 : 0));
        }
      }
    }
    float[] complaint = new float[p];
    float complaintBias = 0;
    if (!px.isEmpty()) {
      byte[] y = new byte[py.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = py.get(i);
      }
      // plain words: with its words scaled by their ratios for complaint, the complaint model judged the held-out
      // social-care sets' tags no better (polarity 0.887 against 0.888 at threshold 0.4; benchmarks/README.md, section 7)
      double[] w = fit(px.toArray(int[][]::new), null, y, p, 0, null);
      for (int i = 0; i < p; i++) {
        complaint[i] = (float) w[i];
      }
      complaintBias = (float) w[p];
    }
    WordLayer layer = new WordLayer(themes, options.threshold(), bias, cueWeights, vocab, wordWeights, complaintBias,
        complaint);
    if (Double.isNaN(polarityLambda) || px.isEmpty()) {
      return layer;
    }
    return layer.withPolarity(fitPolarity(codebook.withLayer(layer), comments, polarities, x, cue, complaint,
        complaintBias, p, nt, themeIndex));
  }

  /**
   * The learned polarity: one example per tag the layered codebook finds in a training comment whose theme is coded
   * with a polarity.
   */
  private TagPolarity fitPolarity(CodebookClassifier layered, List<LabelledComment> comments,
      List<Map<String, Polarity>> polarities, int[][] x, double[][] cue, float[] complaint, float complaintBias,
      int p, int nt, Map<String, Integer> themeIndex) {
    int k = TagPolarity.CLASSES;
    int nr = TagPolarity.RULES;
    List<int[]> ex = new ArrayList<>(); // per example: comment, theme, rule category, gold class
    double[] complaintProbability = new double[comments.size()];
    for (int d = 0; d < comments.size(); d++) {
      Map<String, Polarity> coded = polarities.get(d);
      if (coded.isEmpty()) {
        continue;
      }
      double z = complaintBias;
      for (int i : x[d]) {
        z += complaint[i];
      }
      complaintProbability[d] = 1 / (1 + Math.exp(-z));
      for (ThemeTag tag : layered.classify(comments.get(d).text()).tags()) {
        Polarity gold = coded.get(tag.themeId());
        if (gold != null) {
          int t = themeIndex.get(tag.themeId());
          int rule = cue[d][t] > 0 ? tag.polarity().ordinal() : TagPolarity.NO_CUE;
          ex.add(new int[] {d, t, rule, gold.ordinal()});
        }
      }
    }
    ex.sort(java.util.Comparator.<int[]>comparingInt(e -> e[0]).thenComparingInt(e -> e[1]));
    // features: words [0, p), rule categories [p, p + nr), themes, theme x rule, the complaint probability, the bias
    int ruleAt = p;
    int themeAt = ruleAt + nr;
    int crossAt = themeAt + nt;
    int complaintAt = crossAt + nt * nr;
    int biasAt = complaintAt + 1;
    int dim = (biasAt + 1) * k;
    double[] w = new double[dim];
    double[] g = new double[dim];
    double[] h = new double[dim];
    double[] q = new double[k];
    int n = ex.size();
    for (int e = 0; e < options.epochs(); e++) {
      Arrays.fill(g, 0);
      for (int[] xe : ex) {
        int d = xe[0];
        int[] active = {ruleAt + xe[2], themeAt + xe[1], crossAt + xe[1] * nr + xe[2], biasAt};
        double cp = complaintProbability[d];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double z = w[complaintAt * k + c] * cp;
          for (int f : active) {
            z += w[f * k + c];
          }
          for (int i : x[d]) {
            z += w[i * k + c];
          }
          q[c] = z;
          max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          q[c] = Math.exp(q[c] - max);
          sum += q[c];
        }
        for (int c = 0; c < k; c++) {
          double r = q[c] / sum - (c == xe[3] ? 1 : 0);
          for (int f : active) {
            g[f * k + c] += r;
          }
          for (int i : x[d]) {
            g[i * k + c] += r;
          }
          g[complaintAt * k + c] += r * cp;
        }
      }
      for (int i = 0; i < dim; i++) {
        double gi = g[i] / n + (i >= biasAt * k ? 0 : polarityLambda / n * w[i]);
        h[i] += gi * gi;
        w[i] -= STEP * gi / (Math.sqrt(h[i]) + 1e-8);
      }
    }
    return new TagPolarity(polarityGate, floats(w, biasAt * k, k), floats(w, ruleAt * k, nr * k),
        floats(w, themeAt * k, nt * k), floats(w, crossAt * k, nt * nr * k), floats(w, complaintAt * k, k),
        floats(w, 0, p * k));
  }

  private static float[] floats(double[] w, int from, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) w[from + i];
    }
    return out;
  }

  /**
   * Per word, the log-count ratio of its presence in the comments with {@code y = 1} against those without, each
   * count smoothed with one: {@code log((a_i + 1) / sum(a + 1)) - log((b_i + 1) / sum(b + 1))}.
   */
  static double[] logCountRatios(int[][] x, byte[] y, int p) {
    double[] pos = new double[p];
    double[] neg = new double[p];
    Arrays.fill(pos, 1);
    Arrays.fill(neg, 1);
    for (int d = 0; d < x.length; d++) {
      double[] a = y[d] == 1 ? pos : neg;
      for (int i : x[d]) {
        a[i]++;
      }
    }
    double sp = 0;
    double sn = 0;
    for (int i = 0; i < p; i++) {
      sp += pos[i];
      sn += neg[i];
    }
    double[] r = new double[p];
    for (int i = 0; i < p; i++) {
      r[i] = Math.log((pos[i] / sp) / (neg[i] / sn));
    }
    return r;
  }

  /**
   * Weights of words [0, p), of the nt cue scores (when {@code cue} is not null) and the bias, last; a word present
   * in a comment has the value {@code scale[i]} (1 when {@code scale} is null).
   */
  private double[] fit(int[][] x, double[][] cue, byte[] y, int p, int nt, double[] scale) {
    double[] value = scale;
    if (value == null) {
      value = new double[p];
      Arrays.fill(value, 1);
    }
    int n = x.length;
    int dim = p + nt + 1;
    double[] w = new double[dim];
    double[] g = new double[dim];
    double[] h = new double[dim];
    double lambda = options.lambda();
    for (int e = 0; e < options.epochs(); e++) {
      Arrays.fill(g, 0);
      for (int d = 0; d < n; d++) {
        double z = w[dim - 1];
        for (int i : x[d]) {
          z += w[i] * value[i];
        }
        double[] cd = cue == null ? null : cue[d];
        for (int c = 0; c < nt; c++) {
          z += w[p + c] * cd[c];
        }
        double r = 1 / (1 + Math.exp(-z)) - y[d];
        for (int i : x[d]) {
          g[i] += r * value[i];
        }
        for (int c = 0; c < nt; c++) {
          g[p + c] += r * cd[c];
        }
        g[dim - 1] += r;
      }
      for (int i = 0; i < dim; i++) {
        double gi = g[i] / n + (i == dim - 1 ? 0 : lambda / n * w[i]);
        h[i] += gi * gi;
        w[i] -= STEP * gi / (Math.sqrt(h[i]) + 1e-8);
      }
    }
    return w;
  }
}
