package org.verbatim.classify;

import java.util.List;
import java.util.Locale;
import org.verbatim.Polarity;

/**
 * A learned polarity for the tags of a {@link WordLayer}'s classifier: per tag, a four-class (positive, negative,
 * mixed, neutral) multinomial logistic model of the words of the comment, the polarity the cues' rules gave the tag
 * (one-hot, with a fifth category for a layer tag whose theme had no cue), the layer's complaint probability, the
 * theme, and the theme crossed with the rule polarity. It replaces the rule polarity only when its most probable
 * class has at least {@link #gate()} probability; otherwise the rule polarity stands. It never changes which themes
 * are tagged.
 *
 * <pre>{@code
 * WordLayer layer = WordLayerTrainer.create(WordLayerTrainer.Options.DEFAULTS).train(cues, comments, polarities);
 * layer.polarity().isPresent(); // true: the trainer fits one by default (withoutPolarity() to skip it)
 * }</pre>
 *
 * <p>Made by {@code org.verbatim.train.WordLayerTrainer} and stored in the layer's file (format version 2,
 * {@link WordLayer}). The weights are laid out by class ({@link Polarity#ordinal()}) within each feature: a
 * feature's weights are {@code CLASSES} consecutive floats. Immutable and thread-safe.
 */
public final class TagPolarity {

  /** The classes, in {@link Polarity#ordinal()} order. */
  public static final int CLASSES = 4;

  /**
   * The rule categories: the four polarities ({@link Polarity#ordinal()}) of a tag the cues voted on, and
   * {@link #NO_CUE} for a layer tag whose theme had no cue (its rule polarity is the complaint model's).
   */
  public static final int RULES = 5;

  /** The rule category of a layer tag whose theme had no cue in the comment. */
  public static final int NO_CUE = 4;

  /** The rule categories' names in the file, by index. */
  static final List<String> RULE_NAMES = List.of("positive", "negative", "mixed", "neutral", "none");

  private static final Polarity[] POLARITIES = Polarity.values();

  private final double gate;
  /** The bound a sum of {@code exp(z - max)} must not pass for the top class to reach the gate: {@code 1 / gate}. */
  private final double maxSum;
  private final float[] bias;
  private final float[] rule;
  private final float[] theme;
  private final float[] cross;
  private final float[] complaint;
  private final float[] words;

  /**
   * A model from its parts ({@code K} = {@link #CLASSES}, {@code R} = {@link #RULES}).
   *
   * @param gate the top-class probability in (0, 1] at which the model's polarity replaces the rule polarity
   * @param bias {@code K} weights
   * @param rule {@code R * K} weights: rule category r, class k at {@code r * K + k}
   * @param theme {@code themes * K} weights
   * @param cross {@code themes * R * K} weights: theme t crossed with rule category r at {@code (t * R + r) * K + k}
   * @param complaint {@code K} weights of the complaint model's probability
   * @param words {@code words * K} weights, word by word in the layer's word order
   * @throws IllegalArgumentException naming the part that does not fit
   */
  public TagPolarity(double gate, float[] bias, float[] rule, float[] theme, float[] cross, float[] complaint,
      float[] words) {
    if (!(gate > 0 && gate <= 1)) {
      throw new IllegalArgumentException("gate must be in (0, 1]: " + gate);
    }
    if (bias.length != CLASSES || rule.length != RULES * CLASSES || complaint.length != CLASSES) {
      throw new IllegalArgumentException("expected " + CLASSES + " bias, " + RULES * CLASSES + " rule and " + CLASSES
          + " complaint weights, got " + bias.length + ", " + rule.length + " and " + complaint.length);
    }
    if (theme.length % CLASSES != 0 || cross.length != theme.length * RULES || words.length % CLASSES != 0) {
      throw new IllegalArgumentException("expected theme weights a multiple of " + CLASSES + ", " + RULES
          + " times as many cross weights and word weights a multiple of " + CLASSES + ", got " + theme.length + ", "
          + cross.length + " and " + words.length);
    }
    for (float[] a : List.of(bias, rule, theme, cross, complaint, words)) {
      for (float x : a) {
        if (!Float.isFinite(x)) {
          throw new IllegalArgumentException("weights must be finite: " + x);
        }
      }
    }
    this.gate = gate;
    this.maxSum = 1 / gate;
    this.bias = bias.clone();
    this.rule = rule.clone();
    this.theme = theme.clone();
    this.cross = cross.clone();
    this.complaint = complaint.clone();
    this.words = words.clone();
  }

  /** The top-class probability at which the model's polarity replaces the rule polarity. */
  public double gate() {
    return gate;
  }

  /** The number of themes the model has weights for. */
  public int themes() {
    return theme.length / CLASSES;
  }

  /** The number of words the model has weights for (the layer's words). */
  public int words() {
    return words.length / CLASSES;
  }

  /** This model with another gate. */
  public TagPolarity withGate(double gate) {
    return new TagPolarity(gate, bias, rule, theme, cross, complaint, words);
  }

  /** Adds word {@code w}'s weights to the per-class sums {@code sum} (a comment's words, each once). */
  void addWord(int w, double[] sum) {
    int base = w * CLASSES;
    sum[0] += words[base];
    sum[1] += words[base + 1];
    sum[2] += words[base + 2];
    sum[3] += words[base + 3];
  }

  /**
   * The polarity of a tag of theme {@code t}: the model's most probable class when its probability reaches the
   * gate, else {@code rulePolarity}. Allocates nothing.
   *
   * @param ruleCategory the tag's rule category ({@code rulePolarity.ordinal()}, or {@link #NO_CUE})
   * @param complaintProbability the layer's complaint model's probability for the comment
   * @param wordSum the per-class sums of the comment's words' weights ({@link #addWord})
   */
  Polarity polarity(int t, int ruleCategory, Polarity rulePolarity, double complaintProbability, double[] wordSum) {
    int r = ruleCategory * CLASSES;
    int th = t * CLASSES;
    int cr = (t * RULES + ruleCategory) * CLASSES;
    double z0 = logit(0, r, th, cr, complaintProbability, wordSum);
    double z1 = logit(1, r, th, cr, complaintProbability, wordSum);
    double z2 = logit(2, r, th, cr, complaintProbability, wordSum);
    double z3 = logit(3, r, th, cr, complaintProbability, wordSum);
    int best = 0;
    double max = z0;
    if (z1 > max) {
      best = 1;
      max = z1;
    }
    if (z2 > max) {
      best = 2;
      max = z2;
    }
    if (z3 > max) {
      best = 3;
      max = z3;
    }
    double sum = Math.exp(z0 - max) + Math.exp(z1 - max) + Math.exp(z2 - max) + Math.exp(z3 - max);
    return sum <= maxSum ? POLARITIES[best] : rulePolarity;
  }

  private double logit(int k, int r, int th, int cr, double complaintProbability, double[] wordSum) {
    return bias[k] + rule[r + k] + theme[th + k] + cross[cr + k] + complaint[k] * complaintProbability + wordSum[k];
  }

  /** The weights of the file's lines (package-private for {@link WordLayer#write}). */
  float[] bias() {
    return bias;
  }

  float[] rule() {
    return rule;
  }

  float[] theme() {
    return theme;
  }

  float[] cross() {
    return cross;
  }

  float[] complaint() {
    return complaint;
  }

  float[] wordWeights() {
    return words;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TagPolarity[%d themes, %d words, gate %s]", themes(), words(), gate);
  }
}
