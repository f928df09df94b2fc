package org.verbatim.classify;

import org.verbatim.Classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.verbatim.features.ClassifierFeatures;
import org.verbatim.features.ExtraFeatures;
import org.verbatim.features.FeatureExtractor;
import org.verbatim.features.FeatureHash;
import org.verbatim.features.FeatureOptions;
import org.verbatim.features.FeatureTokenizer;
import org.verbatim.features.LongIntMap;
import org.verbatim.features.TokenBuffer;

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
  private final DecisionRule rule;

  /**
   * Per feature: the cache entry of the token when the feature is a plain unigram {@code w:norm}, else -1;
   * entry e's character n-gram features are cachePool[cacheStart[e]..cacheStart[e+1]).
   */
  private final int[] charCache;
  private final int[] cacheStart;
  private final int[] cachePool;
  /**
   * Per cache entry, the token's character n-grams pre-summed: {@code sum over its n-grams g of lin(g) * w[g][l]},
   * where {@code lin} is the idf (TF-IDF) or 1 (binary). Scoring adds it once per token occurrence, scaled by the
   * character block's norm, and corrects only the n-grams whose value is not linear in their count (a gram
   * repeated in the comment). Exact up to float rounding; cuts the weight rows read per comment several times.
   */
  private final float[] tokenVectors;
  private final LongIntMap index;
  private final int nFeatures;
  private final int nLabels;
  /** Row length of the packed weights: nLabels rounded up to a multiple of 8 (whole SIMD vectors, no tail). */
  private final int stride;

  /** A builder of a model's parts; {@link Builder#build()} validates them. */
  public static Builder builder() {
    return new Builder();
  }

  private LinearModel(Builder b) {
    this(b.kind, b.language, b.labels, b.features, b.tokenizer, b.keys, b.wordFeatures, b.idf, b.extras,
        b.extraNames, b.weights, b.bias, b.thresholds, b.active, b.atLeastOne, b.maxLabels, b.ranking);
  }

  private LinearModel(ClassifierKind kind, String language, List<String> labels, FeatureOptions features, FeatureTokenizer tokenizer,
      List<String> keys, int wordFeatures, float[] idf, ExtraFeatures extras, List<String> extraNames, float[] weights,
      double[] bias, double[] thresholds, boolean[] active, boolean atLeastOne, int maxLabels, Ranking ranking) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(keys, "vocabulary keys");
    Objects.requireNonNull(idf, "vocabulary idf");
    Objects.requireNonNull(extraNames, "extra feature names");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(bias, "bias");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(active, "active");
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
    stride = (nLabels + 7) & ~7;
    this.weights = new float[nFeatures * stride];
    for (int f = 0; f < nFeatures; f++) {
      System.arraycopy(weights, f * nLabels, this.weights, f * stride, nLabels);
    }
    this.bias = bias.clone();
    this.thresholds = thresholds.clone();
    this.active = active.clone();
    this.atLeastOne = atLeastOne;
    this.maxLabels = maxLabels;
    this.ranking = Objects.requireNonNull(ranking, "ranking");
    this.rule = DecisionRule.of(this.thresholds, this.active, atLeastOne, maxLabels, ranking);
    index = new LongIntMap(nk);
    for (int f = 0; f < nk; f++) {
      long h = FeatureHash.of(this.keys.get(f));
      if (index.get(h) >= 0) {
        throw new IllegalArgumentException("duplicate feature key or hash at index " + f);
      }
      index.put(h, f);
    }
    if (features.chars()) {
      // precompute the character n-gram features of every token the vocabulary knows as a unigram
      int[] cache = new int[nk];
      Arrays.fill(cache, -1);
      List<Integer> starts = new ArrayList<>();
      int[] pool = new int[1024];
      int used = 0;
      Work tmp = new Work(nFeatures, nLabels, stride, 0);
      for (int f = 0; f < wordFeatures; f++) {
        String k = this.keys.get(f);
        if (!k.startsWith("w:") || k.startsWith("w:NOT_")) {
          continue;
        }
        char[] norm = k.substring(2).toCharArray();
        reset(tmp);
        charGrams(norm, 0, norm.length, tmp);
        int len = 0;
        for (int j = 0; j < tmp.nnz; j++) {
          len += tmp.cnt[j];
        }
        if (used + len > pool.length) {
          pool = Arrays.copyOf(pool, Math.max(pool.length * 2, used + len));
        }
        cache[f] = starts.size();
        starts.add(used);
        for (int j = 0; j < tmp.nnz; j++) {
          for (int r = 0; r < tmp.cnt[j]; r++) {
            pool[used++] = tmp.fi[j];
          }
        }
      }
      starts.add(used);
      charCache = cache;
      cacheStart = starts.stream().mapToInt(Integer::intValue).toArray();
      cachePool = Arrays.copyOf(pool, used);
      int entries = cacheStart.length - 1;
      float[] tv = new float[entries * stride];
      double[] sum = new double[nLabels];
      for (int e = 0; e < entries; e++) {
        Arrays.fill(sum, 0);
        for (int k = cacheStart[e]; k < cacheStart[e + 1]; k++) {
          int f = cachePool[k];
          double lin = linear(f);
          for (int l = 0; l < nLabels; l++) {
            sum[l] += lin * this.weights[f * stride + l];
          }
        }
        for (int l = 0; l < nLabels; l++) {
          tv[e * stride + l] = (float) sum[l];
        }
      }
      tokenVectors = tv;
    } else {
      charCache = null;
      cacheStart = null;
      cachePool = null;
      tokenVectors = null;
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
  /** The extra features the model was built with, or null. */
  ExtraFeatures extras() {
    return extras;
  }

  public String extraId() {
    return extraId;
  }

  public List<String> extraNames() {
    return extraNames;
  }

  /** Feature-major weights, {@code [f * labels().size() + l]} (a copy). */
  public float[] weights() {
    float[] out = new float[nFeatures * nLabels];
    for (int f = 0; f < nFeatures; f++) {
      System.arraycopy(weights, f * stride, out, f * nLabels, nLabels);
    }
    return out;
  }

  public float weight(int feature, int label) {
    return weights[feature * stride + label];
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
    /**
     * The features of the comment so far, by feature: an open-addressing table of {@code (feature + 1) << 32 | slot}
     * (0: free), so counting touches one small array instead of arrays as long as the vocabulary; {@code pos[j]} is
     * where slot {@code j} sits, to clear the table after the comment.
     */
    long[] table = new long[1024];
    int[] pos = new int[256];
    int[] fi = new int[256];
    int[] cnt = new int[256];
    /** Per feature: how many of its occurrences came from cached tokens (covered by tokenVectors). */
    int[] kcnt = new int[256];
    float[] fv = new float[256];
    int nnz;
    /** Cache entries of the known tokens of the comment, in order. */
    int[] known = new int[64];
    int nKnown;
    /** Per token of the last comment: its unigram feature (as counted, NOT_ form when marked), or -1. */
    int[] uniF = new int[64];
    /** Per token of the last comment: the bigram feature starting at it, or -1. */
    int[] biF = new int[64];
    /** Evidence candidates of one label: contribution, source start, source end. */
    double[] candC = new double[128];
    int[] candS = new int[128];
    int[] candE = new int[128];
    double[] scores;
    float[] acc;
    double[] extraValues;

    /**
     * The character n-gram features of tokens the vocabulary does not know, by the token's unigram key hash:
     * {@code unknownPool[start + 1 .. start + 1 + unknownPool[start])}, so a token met again is not hashed again.
     */
    final LongIntMap unknown = new LongIntMap(1024);
    int[] unknownPool = new int[4096];
    int unknownUsed;

    Work(int nFeatures, int nLabels, int stride, int nExtras) {
      scores = new double[nLabels];
      acc = new float[stride];
      extraValues = new double[nExtras];
    }
  }

  Work newWork() {
    return new Work(nFeatures, nLabels, stride, extraNames.size());
  }

  /** Raw scores (logits) of {@code text} into {@code w.scores}; also leaves the feature vector in {@code w}. */
  void score(String text, Work w) {
    score(text, w, null);
  }

  /**
   * As {@link #score(String, Work)}; when {@code extrasFrom} is not null and the extra features are a
   * {@link ClassifierFeatures} of the classifier that gave it, they are read from it instead of classifying again.
   */
  void score(String text, Work w, Classification extrasFrom) {
    collect(text, w);
    float sc = weigh(text, w, extrasFrom);
    float[] acc = w.acc;
    int L = nLabels;
    Arrays.fill(acc, 0f);
    float[] wt = weights;
    int[] fi = w.fi;
    float[] fv = w.fv;
    int[] kcnt = w.kcnt;
    int nKeys = keys.size();
    for (int j = 0, n = w.nnz; j < n; j++) {
      int f = fi[j];
      float v = fv[j];
      if (f >= wordFeatures && f < nKeys && kcnt[j] > 0) {
        // the known part (kcnt occurrences at their linear value) comes from the token vectors
        v -= ((float) (kcnt[j] * linear(f))) * sc;
        if (v == 0f) {
          continue;
        }
      }
      axpy(v, wt, f * stride, acc, stride);
    }
    for (int t = 0, n = w.nKnown; t < n; t++) {
      axpy(sc, tokenVectors, w.known[t] * stride, acc, stride);
    }
    double[] s = w.scores;
    for (int l = 0; l < L; l++) {
      s[l] = bias[l] + acc[l];
    }
  }

  /** The per-occurrence linear value of feature {@code f}: its idf, or 1 for binary weighting. */
  private double linear(int f) {
    return features.weighting() == FeatureOptions.Weighting.BINARY ? 1.0 : idf[f];
  }

  /** {@code acc[0..n) += v * w[off..off+n)}: a float loop the JIT vectorises. */
  private static void axpy(float v, float[] w, int off, float[] acc, int n) {
    for (int l = 0; l < n; l++) {
      acc[l] += v * w[off + l];
    }
  }

  private static final char[] NOT = "NOT_".toCharArray();
  private static final long W_STATE = FeatureHash.add(FeatureHash.START, "w:");
  private static final long B_STATE = FeatureHash.add(FeatureHash.START, "b:");
  private static final long T_STATE = FeatureHash.add(FeatureHash.START, "t:");
  private static final long C_STATE = FeatureHash.add(FeatureHash.START, "c:");

  /**
   * Tokenises {@code text} and counts its vocabulary features into {@code w} (indexes and counts, each feature
   * once). Same features as {@link FeatureExtractor#extract}, but the character n-grams of a known token come
   * from {@link #charCache} with one look-up instead of one per n-gram.
   */
  private void collect(String text, Work w) {
    reset(w);
    w.nKnown = 0;
    TokenBuffer t = w.buf.tokens;
    tokenizer.tokenize(text, t);
    char[] c = t.chars;
    int n = t.size;
    if (w.uniF.length < n) {
      w.uniF = new int[Math.max(n, w.uniF.length * 2)];
      w.biF = new int[w.uniF.length];
    }
    int[] uniF = w.uniF;
    int[] biF = w.biF;
    boolean mark = features.negation() != FeatureOptions.Negation.OFF;
    boolean both = features.negation() == FeatureOptions.Negation.BOTH;
    boolean uni = features.wordMinN() <= 1;
    boolean chars = features.chars();
    for (int i = 0; i < n; i++) {
      int s = t.normStart[i];
      int e = t.normEnd[i];
      long plainKey = FeatureHash.finish(FeatureHash.add(W_STATE, c, s, e));
      int plain = index.get(plainKey);
      biF[i] = -1;
      if (uni) {
        if (mark && t.negated[i]) {
          int negated = index.get(FeatureHash.finish(FeatureHash.add(FeatureHash.add(W_STATE, NOT, 0, NOT.length), c, s, e)));
          add(w, negated);
          uniF[i] = negated;
          if (both) {
            add(w, plain);
          }
        } else {
          add(w, plain);
          uniF[i] = plain;
        }
      } else {
        uniF[i] = -1;
      }
      if (chars) {
        int entry = plain >= 0 && charCache != null ? charCache[plain] : -1;
        if (entry >= 0) {
          for (int k = cacheStart[entry], k1 = cacheStart[entry + 1]; k < k1; k++) {
            addKnown(w, cachePool[k]);
          }
          if (w.nKnown == w.known.length) {
            w.known = Arrays.copyOf(w.known, w.nKnown * 2);
          }
          w.known[w.nKnown++] = entry;
        } else {
          unknownCharGrams(c, s, e, plainKey, w);
        }
      }
    }
    if (features.wordMinN() <= 2 && features.wordMaxN() >= 2) {
      for (int i = 0; i + 1 < n; i++) {
        long h = FeatureHash.add(FeatureHash.add(B_STATE, c, t.normStart[i], t.normEnd[i]), ' ');
        int f = index.get(FeatureHash.finish(FeatureHash.add(h, c, t.normStart[i + 1], t.normEnd[i + 1])));
        add(w, f);
        biF[i] = f;
      }
    }
    if (features.wordMaxN() >= 3) {
      for (int i = 0; i + 2 < n; i++) {
        long h = FeatureHash.add(FeatureHash.add(T_STATE, c, t.normStart[i], t.normEnd[i]), ' ');
        h = FeatureHash.add(FeatureHash.add(h, c, t.normStart[i + 1], t.normEnd[i + 1]), ' ');
        add(w, index.get(FeatureHash.finish(FeatureHash.add(h, c, t.normStart[i + 2], t.normEnd[i + 2]))));
      }
    }
  }

  /** Largest number of ints remembered for unknown tokens per thread before the memory is emptied. */
  private static final int UNKNOWN_POOL_LIMIT = 1 << 22;

  /**
   * As {@link #charGrams} for a token the vocabulary does not know, remembering its n-gram features (in the order
   * {@code charGrams} adds them) per thread so the next occurrence costs one look-up.
   */
  private void unknownCharGrams(char[] c, int s, int e, long key, Work w) {
    int at = w.unknown.get(key);
    if (at >= 0) {
      int[] pool = w.unknownPool;
      for (int k = at + 1, end = at + 1 + pool[at]; k < end; k++) {
        slotOf(w, pool[k]);
      }
      return;
    }
    int before = w.nnz;
    int padded = e - s + 2;
    int most = 0;
    for (int g = features.charMinN(); g <= features.charMaxN() && g <= padded; g++) {
      most += padded - g + 1;
    }
    if (w.unknownUsed + most + 1 > UNKNOWN_POOL_LIMIT) {
      w.unknown.clear();
      w.unknownUsed = 0;
    }
    if (w.unknownUsed + most + 1 > w.unknownPool.length) {
      w.unknownPool = Arrays.copyOf(w.unknownPool, Math.max(w.unknownPool.length * 2, w.unknownUsed + most + 1));
    }
    int start = w.unknownUsed;
    int k = start + 1;
    int[] pool = w.unknownPool;
    for (int g = features.charMinN(); g <= features.charMaxN() && g <= padded; g++) {
      for (int off = 0; off + g <= padded; off++) {
        long h = C_STATE;
        for (int q = off; q < off + g; q++) {
          h = FeatureHash.add(h, (q == 0 || q == padded - 1) ? ' ' : c[s + q - 1]);
        }
        int f = index.get(FeatureHash.finish(h));
        if (f >= 0) {
          slotOf(w, f);
          pool[k++] = f;
        }
      }
    }
    pool[start] = k - start - 1;
    w.unknownUsed = k;
    w.unknown.put(key, start);
  }

  /** Adds the character n-grams of the token {@code c[s, e)} (padded with spaces) that are in the vocabulary. */
  private void charGrams(char[] c, int s, int e, Work w) {
    int padded = e - s + 2;
    for (int g = features.charMinN(); g <= features.charMaxN() && g <= padded; g++) {
      for (int off = 0; off + g <= padded; off++) {
        long h = C_STATE;
        for (int k = off; k < off + g; k++) {
          h = FeatureHash.add(h, (k == 0 || k == padded - 1) ? ' ' : c[s + k - 1]);
        }
        add(w, index.get(FeatureHash.finish(h)));
      }
    }
  }

  private static void add(Work w, int f) {
    if (f >= 0) {
      slotOf(w, f);
    }
  }

  private static void addKnown(Work w, int f) {
    int j = slotOf(w, f); // may grow the arrays: read w.kcnt only afterwards
    w.kcnt[j]++;
  }

  /** Empties {@code w}'s feature counts for a new comment. */
  private static void reset(Work w) {
    long[] table = w.table;
    int[] pos = w.pos;
    for (int j = 0, n = w.nnz; j < n; j++) {
      if (pos[j] >= 0) {
        table[pos[j]] = 0;
      }
    }
    w.nnz = 0;
  }

  private static int home(int f, int mask) {
    return (f * 0x9E3779B1) >>> 7 & mask;
  }

  /** The slot of feature {@code f} in {@code w}, or -1 when the comment does not have it. */
  private static int find(Work w, int f) {
    long[] table = w.table;
    int mask = table.length - 1;
    long key = (long) (f + 1) << 32;
    for (int p = home(f, mask); ; p = (p + 1) & mask) {
      long t = table[p];
      if (t == 0) {
        return -1;
      }
      if ((t & 0xFFFFFFFF00000000L) == key) {
        return (int) t;
      }
    }
  }

  /** Counts one occurrence of feature {@code f} and returns its slot. */
  private static int slotOf(Work w, int f) {
    long[] table = w.table;
    int mask = table.length - 1;
    long key = (long) (f + 1) << 32;
    int p = home(f, mask);
    for (long t; (t = table[p]) != 0; p = (p + 1) & mask) {
      if ((t & 0xFFFFFFFF00000000L) == key) {
        int j = (int) t;
        w.cnt[j]++;
        return j;
      }
    }
    if (w.nnz == w.fi.length) {
      int cap = w.fi.length * 2;
      w.fi = Arrays.copyOf(w.fi, cap);
      w.cnt = Arrays.copyOf(w.cnt, cap);
      w.kcnt = Arrays.copyOf(w.kcnt, cap);
      w.fv = Arrays.copyOf(w.fv, cap);
      w.pos = Arrays.copyOf(w.pos, cap);
    }
    int j = w.nnz++;
    table[p] = key | j;
    w.pos[j] = p;
    w.fi[j] = f;
    w.cnt[j] = 1;
    w.kcnt[j] = 0;
    if (w.nnz * 2 > table.length) {
      grow(w);
    }
    return j;
  }

  private static void grow(Work w) {
    long[] table = new long[w.table.length * 2];
    int mask = table.length - 1;
    for (int j = 0; j < w.nnz; j++) {
      int p = home(w.fi[j], mask);
      while (table[p] != 0) {
        p = (p + 1) & mask;
      }
      table[p] = (long) (w.fi[j] + 1) << 32 | j;
      w.pos[j] = p;
    }
    w.table = table;
  }

  /**
   * Turns the counts in {@code w} into feature values and appends the extra features.
   *
   * @return the character block's scale (1 / its L2 norm, or 1 for binary weighting)
   */
  private float weigh(String text, Work w, Classification extrasFrom) {
    int nnz = w.nnz;
    int extrasN = extraNames.size();
    if (w.fi.length < nnz + extrasN) {
      int cap = nnz + extrasN;
      w.fi = Arrays.copyOf(w.fi, cap);
      w.cnt = Arrays.copyOf(w.cnt, cap);
      w.kcnt = Arrays.copyOf(w.kcnt, cap);
      w.fv = Arrays.copyOf(w.fv, cap);
      w.pos = Arrays.copyOf(w.pos, cap);
    }
    int[] fi = w.fi;
    int[] cnt = w.cnt;
    float[] fv = w.fv;
    float charScale = 1f;
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
      charScale = sc;
    }
    if (extrasN > 0) {
      int base = keys.size();
      double[] ev = w.extraValues;
      Arrays.fill(ev, 0);
      if (extrasFrom != null && extras instanceof ClassifierFeatures cf) {
        cf.fill(extrasFrom, ev);
      } else {
        extras.compute(text, ev);
      }
      for (int e = 0; e < extrasN; e++) {
        if (ev[e] != 0) {
          fi[nnz] = base + e;
          fv[nnz] = (float) ev[e];
          w.kcnt[nnz] = 0;
          w.pos[nnz] = -1; // not in the table
          nnz++;
        }
      }
    }
    w.nnz = nnz;
    return charScale;
  }

  /** Decides the labels of the scores in {@code w}, ordered by margin, largest first. */
  int[] decide(double[] scores) {
    return rule.decide(scores);
  }

  double threshold(int label) {
    return thresholds[label];
  }

  /**
   * Word spans that push label {@code l} up the most: unigram and bigram features with a positive
   * contribution (value times weight), at most {@code max}, as {start, end} pairs sorted by contribution
   * (ties in text order, a token's unigram before the bigram it starts), skipping spans that overlap one
   * already chosen. Reads the feature indexes {@link #collect} left in {@code w}, so it hashes nothing.
   */
  List<int[]> evidence(Work w, int l, int max) {
    TokenBuffer t = w.buf.tokens;
    int n = t.size;
    boolean bigrams = features.wordMaxN() >= 2;
    if (w.candC.length < 2 * n) {
      int cap = Math.max(2 * n, w.candC.length * 2);
      w.candC = new double[cap];
      w.candS = new int[cap];
      w.candE = new int[cap];
    }
    double[] cc = w.candC;
    int[] cs = w.candS;
    int[] ce = w.candE;
    int m = 0;
    for (int i = 0; i < n; i++) {
      double contrib = contribution(w, w.uniF[i], l);
      if (contrib > 0) {
        cc[m] = contrib;
        cs[m] = t.srcStart[i];
        ce[m++] = t.srcEnd[i];
      }
      if (bigrams && i + 1 < n) {
        double cb = contribution(w, w.biF[i], l);
        if (cb > 0) {
          cc[m] = cb;
          cs[m] = t.srcStart[i];
          ce[m++] = t.srcEnd[i + 1];
        }
      }
    }
    List<int[]> out = new ArrayList<>(Math.min(max, m));
    // repeatedly take the largest remaining candidate (the first one on ties): the order of a stable sort
    while (out.size() < max) {
      int best = -1;
      for (int j = 0; j < m; j++) {
        if (cc[j] > 0 && (best < 0 || cc[j] > cc[best])) {
          best = j;
        }
      }
      if (best < 0) {
        break;
      }
      cc[best] = 0;
      int s = cs[best];
      int e = ce[best];
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

  private double contribution(Work w, int f, int l) {
    int j = f < 0 ? -1 : find(w, f);
    return j < 0 ? 0 : w.fv[j] * weights[f * stride + l];
  }

  /**
   * Builds a {@link LinearModel} from its parts (the trainer and the model-file reader use it). Every part is
   * required except the extra features (default: none), {@code atLeastOne} (false), {@code maxLabels} (0) and
   * the ranking ({@link Ranking#MARGIN}). Arrays are copied by {@link #build()}. Not thread-safe.
   *
   * <pre>{@code
   * LinearModel m = LinearModel.builder().kind(ClassifierKind.SVM).language("en").labels(List.of("staff"))
   *     .features(FeatureOptions.words()).tokenizer(SimpleTokenizer.INSTANCE)
   *     .vocabulary(List.of("w:rude"), 1, new float[] {1f}).weights(new float[] {-2f})
   *     .bias(new double[] {0}).thresholds(new double[] {0}).active(new boolean[] {true}).build();
   * }</pre>
   */
  public static final class Builder {
    private ClassifierKind kind;
    private String language;
    private List<String> labels;
    private FeatureOptions features;
    private FeatureTokenizer tokenizer;
    private List<String> keys;
    private int wordFeatures;
    private float[] idf;
    private ExtraFeatures extras;
    private List<String> extraNames = List.of();
    private float[] weights;
    private double[] bias;
    private double[] thresholds;
    private boolean[] active;
    private boolean atLeastOne;
    private int maxLabels;
    private Ranking ranking = Ranking.MARGIN;

    private Builder() {}

    /** The kind of per-theme model. */
    public Builder kind(ClassifierKind v) {
      kind = v;
      return this;
    }

    /** ISO 639 code of the language the model was trained on. */
    public Builder language(String v) {
      language = v;
      return this;
    }

    /** Theme labels, unique, in weight-column order. */
    public Builder labels(List<String> v) {
      labels = v;
      return this;
    }

    /** The feature options. */
    public Builder features(FeatureOptions v) {
      features = v;
      return this;
    }

    /** The tokenizer the features were built with. */
    public Builder tokenizer(FeatureTokenizer v) {
      tokenizer = v;
      return this;
    }

    /**
     * The vocabulary.
     *
     * @param keys feature keys (see {@link FeatureExtractor}), unique, word block first
     * @param wordFeatures number of leading keys that are word n-grams (the rest are character n-grams)
     * @param idf inverse document frequency per key
     */
    public Builder vocabulary(List<String> keys, int wordFeatures, float[] idf) {
      this.keys = keys;
      this.wordFeatures = wordFeatures;
      this.idf = idf;
      return this;
    }

    /** The extra features source, or null for none; its names are the model's extra feature names. */
    public Builder extraFeatures(ExtraFeatures v) {
      extras = v;
      extraNames = v == null ? List.of() : v.names();
      return this;
    }

    /**
     * The extra features source and the names stored with the model (which must equal {@code v.names()}; a
     * model file's reader passes the names it read, so that a mismatch is refused).
     */
    public Builder extraFeatures(ExtraFeatures v, List<String> names) {
      extras = v;
      extraNames = names;
      return this;
    }

    /** Feature-major weights, {@code weights[f * labels + l]}, for every key and extra feature. */
    public Builder weights(float[] v) {
      weights = v;
      return this;
    }

    /** The bias per label. */
    public Builder bias(double[] v) {
      bias = v;
      return this;
    }

    /** The threshold per label, on the raw score. */
    public Builder thresholds(double[] v) {
      thresholds = v;
      return this;
    }

    /** Per label, false when the label has too few examples to be modelled. */
    public Builder active(boolean[] v) {
      active = v;
      return this;
    }

    /** Whether every comment gets at least one label. */
    public Builder atLeastOne(boolean v) {
      atLeastOne = v;
      return this;
    }

    /** At most this many labels, 0 = no cap. */
    public Builder maxLabels(int v) {
      maxLabels = v;
      return this;
    }

    /** How passing labels are ordered (for the cap and the forced label). */
    public Builder ranking(Ranking v) {
      ranking = v;
      return this;
    }

    /**
     * @throws NullPointerException if a required part is missing
     * @throws IllegalArgumentException naming the inconsistency (sizes, duplicates, non-finite numbers)
     */
    public LinearModel build() {
      return new LinearModel(this);
    }
  }
}
