package org.verbatim.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The data of a trained binary-relevance linear model: vocabulary, inverse document frequencies, one weight
 * column and bias per theme, thresholds and decision rules; and the arithmetic that scores a comment with
 * them. {@link LinearThemeClassifier} wraps it with provenance; {@code org.verbatim.model} writes and reads it.
 *
 * <pre>{@code
 * LinearModel m = classifier.model();
 * m.labels();            // theme labels in weight-column order
 * m.weight(f, l);        // weight of feature f for label l
 * }</pre>
 *
 * <p>Immutable and thread-safe. Accessors that return arrays return copies.
 */
public final class LinearModel {

  private final ClassifierKind kind;
  private final String language;
  private final List<String> labels;
  private final FeatureOptions features;
  private final FeatureTokenizer tokenizer;
  private final List<String> keys;
  private final int wordFeatures;
  private final float[] idf;
  private final String extraId;
  private final List<String> extraNames;
  private final ExtraFeatures extras;
  private final float[] weights;
  private final double[] bias;
  private final double[] thresholds;
  private final boolean[] active;
  private final boolean atLeastOne;
  private final int maxLabels;
  private final Ranking ranking;

  private final FeatureExtractor extractor;
  private final LongIntMap index;
  private final int nFeatures;
  private final int nLabels;

  /**
   * Creates and validates a model.
   *
   * @param kind the kind of per-theme model
   * @param language ISO 639 code of the language the model was trained on
   * @param labels theme labels, unique, in weight-column order
   * @param features feature options
   * @param tokenizer the tokenizer the features were built with
   * @param keys vocabulary keys (see {@link FeatureExtractor}), unique, word block first
   * @param wordFeatures number of leading keys that are word n-grams (the rest are character n-grams)
   * @param idf inverse document frequency per key
   * @param extras extra features source, or null; when null {@code extraNames} must be empty
   * @param extraNames the extra feature names (as stored in the model; must equal {@code extras.names()})
   * @param weights feature-major weights: {@code weights[f * labels + l]}, for every key and extra feature
   * @param bias per label
   * @param thresholds per label (on the raw score)
   * @param active per label, false when the label has too few examples to be modelled
   * @param atLeastOne every comment gets at least one label
   * @param maxLabels at most this many labels, 0 = no cap
   * @param ranking how passing labels are ordered (for the cap and the forced label)
   * @throws IllegalArgumentException naming the inconsistency (sizes, duplicates, non-finite numbers)
   */
  public LinearModel(ClassifierKind kind, String language, List<String> labels, FeatureOptions features, FeatureTokenizer tokenizer,
      List<String> keys, int wordFeatures, float[] idf, ExtraFeatures extras, List<String> extraNames, float[] weights,
      double[] bias, double[] thresholds, boolean[] active, boolean atLeastOne, int maxLabels, Ranking ranking) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.language = Objects.requireNonNull(language, "language");
    this.labels = List.copyOf(labels);
    this.features = Objects.requireNonNull(features, "features");
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    this.keys = List.copyOf(keys);
    this.extraNames = List.copyOf(extraNames);
    this.extras = extras;
    this.extraId = extras == null ? "" : extras.id();
    if (extras == null ? !this.extraNames.isEmpty() : !extras.names().equals(this.extraNames)) {
      throw new IllegalArgumentException("extra feature names do not match the extra feature source");
    }
    nLabels = this.labels.size();
    if (nLabels == 0) {
      throw new IllegalArgumentException("a model needs at least one label");
    }
    if (new java.util.HashSet<>(this.labels).size() != nLabels) {
      throw new IllegalArgumentException("duplicate label");
    }
    int nk = this.keys.size();
    if (wordFeatures < 0 || wordFeatures > nk) {
      throw new IllegalArgumentException("wordFeatures must be in [0, " + nk + "]: " + wordFeatures);
    }
    this.wordFeatures = wordFeatures;
    nFeatures = nk + this.extraNames.size();
    check(idf.length == nk, "idf has " + idf.length + " values for " + nk + " keys");
    check(weights.length == (long) nFeatures * nLabels,
        "weights has " + weights.length + " values, expected " + ((long) nFeatures * nLabels));
    check(bias.length == nLabels, "bias has " + bias.length + " values for " + nLabels + " labels");
    check(thresholds.length == nLabels, "thresholds has " + thresholds.length + " values for " + nLabels + " labels");
    check(active.length == nLabels, "active has " + active.length + " values for " + nLabels + " labels");
    check(maxLabels >= 0, "maxLabels must be >= 0: " + maxLabels);
    for (float v : idf) {
      check(Float.isFinite(v) && v > 0, "idf values must be finite and > 0");
    }
    for (float v : weights) {
      check(Float.isFinite(v), "weights must be finite");
    }
    for (int l = 0; l < nLabels; l++) {
      check(Double.isFinite(bias[l]) && Double.isFinite(thresholds[l]), "bias and thresholds must be finite");
    }
    this.idf = idf.clone();
    this.weights = weights.clone();
    this.bias = bias.clone();
    this.thresholds = thresholds.clone();
    this.active = active.clone();
    this.atLeastOne = atLeastOne;
    this.maxLabels = maxLabels;
    this.ranking = Objects.requireNonNull(ranking, "ranking");
    this.extractor = new FeatureExtractor(features, tokenizer);
    index = new LongIntMap(nk);
    for (int f = 0; f < nk; f++) {
      long h = FeatureHash.of(this.keys.get(f));
      if (index.get(h) >= 0) {
        throw new IllegalArgumentException("duplicate feature key or hash at index " + f);
      }
      index.put(h, f);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public ClassifierKind kind() {
    return kind;
  }

  public List<String> labels() {
    return labels;
  }

  /** ISO 639 code of the training language. */
  public String language() {
    return language;
  }

  public FeatureOptions features() {
    return features;
  }

  public FeatureTokenizer tokenizer() {
    return tokenizer;
  }

  /** Vocabulary keys in feature-index order. */
  public List<String> keys() {
    return keys;
  }

  public int wordFeatures() {
    return wordFeatures;
  }

  public float[] idf() {
    return idf.clone();
  }

  /** The id of the extra features source, or empty. */
  public String extraId() {
    return extraId;
  }

  public List<String> extraNames() {
    return extraNames;
  }

  /** Feature-major weights, {@code [f * labels().size() + l]}. */
  public float[] weights() {
    return weights.clone();
  }

  public float weight(int feature, int label) {
    return weights[feature * nLabels + label];
  }

  public double[] bias() {
    return bias.clone();
  }

  public double[] thresholds() {
    return thresholds.clone();
  }

  public boolean[] active() {
    return active.clone();
  }

  public boolean atLeastOne() {
    return atLeastOne;
  }

  public int maxLabels() {
    return maxLabels;
  }

  public Ranking ranking() {
    return ranking;
  }

  /** Total number of features (vocabulary plus extra features). */
  public int featureCount() {
    return nFeatures;
  }

  /** Per-thread scratch space for scoring. Not thread-safe. */
  static final class Work {
    final FeatureExtractor.Buffer buf = new FeatureExtractor.Buffer();
    int[] stamp;
    int[] slot;
    int gen;
    int[] fi = new int[256];
    int[] cnt = new int[256];
    float[] fv = new float[256];
    int nnz;
    double[] scores;
    double[] extraValues;

    Work(int nFeatures, int nLabels, int nExtras) {
      stamp = new int[nFeatures];
      slot = new int[nFeatures];
      scores = new double[nLabels];
      extraValues = new double[nExtras];
    }
  }

  Work newWork() {
    return new Work(nFeatures, nLabels, extraNames.size());
  }

  /** Raw scores (logits) of {@code text} into {@code w.scores}; also leaves the feature vector in {@code w}. */
  void score(String text, Work w) {
    extractor.extract(text, w.buf);
    vectorize(text, w);
    double[] s = w.scores;
    System.arraycopy(bias, 0, s, 0, nLabels);
    int L = nLabels;
    float[] wt = weights;
    int[] fi = w.fi;
    float[] fv = w.fv;
    for (int j = 0, n = w.nnz; j < n; j++) {
      int base = fi[j] * L;
      float v = fv[j];
      for (int l = 0; l < L; l++) {
        s[l] += v * wt[base + l];
      }
    }
  }

  private void vectorize(String text, Work w) {
    int gen = ++w.gen;
    if (gen == Integer.MAX_VALUE) {
      Arrays.fill(w.stamp, 0);
      w.gen = gen = 1;
    }
    long[] h = w.buf.hashes;
    int size = w.buf.size;
    int[] stamp = w.stamp;
    int[] slot = w.slot;
    int nnz = 0;
    int extrasN = extraNames.size();
    int cap = size + extrasN;
    if (w.fi.length < cap) {
      int c = Math.max(cap, w.fi.length * 2);
      w.fi = new int[c];
      w.cnt = new int[c];
      w.fv = new float[c];
    }
    int[] fi = w.fi;
    int[] cnt = w.cnt;
    for (int k = 0; k < size; k++) {
      int f = index.get(h[k]);
      if (f < 0) {
        continue;
      }
      if (stamp[f] != gen) {
        stamp[f] = gen;
        slot[f] = nnz;
        fi[nnz] = f;
        cnt[nnz] = 1;
        nnz++;
      } else {
        cnt[slot[f]]++;
      }
    }
    float[] fv = w.fv;
    if (features.weighting() == FeatureOptions.Weighting.BINARY) {
      for (int j = 0; j < nnz; j++) {
        fv[j] = 1f;
      }
    } else {
      boolean sub = features.sublinearTf();
      double nw = 0;
      double nc = 0;
      for (int j = 0; j < nnz; j++) {
        int c = cnt[j];
        double tf = c == 1 ? 1.0 : (sub ? 1.0 + Math.log(c) : c);
        float v = (float) (tf * idf[fi[j]]);
        fv[j] = v;
        if (fi[j] < wordFeatures) {
          nw += (double) v * v;
        } else {
          nc += (double) v * v;
        }
      }
      float sw = nw > 0 ? (float) (1.0 / Math.sqrt(nw)) : 0f;
      float sc = nc > 0 ? (float) (1.0 / Math.sqrt(nc)) : 0f;
      for (int j = 0; j < nnz; j++) {
        fv[j] *= fi[j] < wordFeatures ? sw : sc;
      }
    }
    if (extrasN > 0) {
      int base = keys.size();
      double[] ev = w.extraValues;
      Arrays.fill(ev, 0);
      extras.compute(text, ev);
      for (int e = 0; e < extrasN; e++) {
        if (ev[e] != 0) {
          fi[nnz] = base + e;
          fv[nnz] = (float) ev[e];
          nnz++;
        }
      }
    }
    w.nnz = nnz;
  }

  /** Decides the labels of the scores in {@code w}, ordered by margin, largest first. */
  int[] decide(double[] scores) {
    return Thresholds.decide(scores, thresholds, active, atLeastOne, maxLabels, ranking == Ranking.SCORE);
  }

  double threshold(int label) {
    return thresholds[label];
  }

  /**
   * Word spans that push label {@code l} up the most: unigram and bigram features with a positive
   * contribution (value times weight), at most {@code max}, as {start, end} pairs sorted by contribution.
   */
  List<int[]> evidence(Work w, int l, int max) {
    TokenBuffer t = w.buf.tokens;
    int n = t.size;
    List<double[]> cands = new ArrayList<>();
    char[] c = t.chars;
    boolean mark = features.negation() != FeatureOptions.Negation.OFF;
    for (int i = 0; i < n; i++) {
      long st = FeatureHash.add(FeatureHash.START, "w:");
      if (mark && t.negated[i]) {
        st = FeatureHash.add(st, "NOT_");
      }
      double contrib = contribution(w, FeatureHash.finish(FeatureHash.add(st, c, t.normStart[i], t.normEnd[i])), l);
      if (contrib > 0) {
        cands.add(new double[] {contrib, t.srcStart[i], t.srcEnd[i]});
      }
      if (i + 1 < n && features.wordMaxN() >= 2) {
        long h = FeatureHash.add(FeatureHash.add(FeatureHash.add(FeatureHash.START, "b:"), c, t.normStart[i], t.normEnd[i]), ' ');
        h = FeatureHash.finish(FeatureHash.add(h, c, t.normStart[i + 1], t.normEnd[i + 1]));
        double cb = contribution(w, h, l);
        if (cb > 0) {
          cands.add(new double[] {cb, t.srcStart[i], t.srcEnd[i + 1]});
        }
      }
    }
    cands.sort((a, b) -> Double.compare(b[0], a[0]));
    List<int[]> out = new ArrayList<>();
    for (double[] d : cands) {
      if (out.size() == max) {
        break;
      }
      int s = (int) d[1];
      int e = (int) d[2];
      boolean overlap = false;
      for (int[] o : out) {
        if (s < o[1] && o[0] < e) {
          overlap = true;
          break;
        }
      }
      if (!overlap) {
        out.add(new int[] {s, e});
      }
    }
    return out;
  }

  private double contribution(Work w, long hash, int l) {
    int f = index.get(hash);
    if (f < 0 || w.stamp[f] != w.gen) {
      return 0;
    }
    return w.fv[w.slot[f]] * weights[f * nLabels + l];
  }
}
