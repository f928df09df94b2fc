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
  /**
   * Per cache entry, {@code sum over its n-grams g of idf(g)^2}: the character block's squared norm gains it per
   * known token (TF-IDF); repeated n-grams are then corrected (see {@link #charScale}).
   */
  private final double[] tokenNorms;
  /**
   * {@link #weights} followed by {@link #tokenVectors}, rows of {@link #stride} floats: every row scoring adds,
   * addressed by one offset ({@link #tvBase} is where the token vectors begin).
   */
  private final float[] rows;
  private final int tvBase;
  /** Per row of {@link #rows}: its largest absolute weight over the labels, which bounds what the row can add. */
  private final float[] rowMax;
  private final LongIntMap index;
  /**
   * The words of the word n-gram keys, by the hash of their unigram key {@code w:word} (the hash scoring computes
   * per token anyway): word id. Per word id its unigram feature ({@link #wordUni}, -1 when only a bigram has it)
   * and its character n-gram cache entry ({@link #wordEntry}, -1 for none).
   */
  private final LongIntMap words;
  private final int[] wordUni;
  private final int[] wordEntry;
  /**
   * Bigram features by the pair of word ids ({@link #pairKey}), so a bigram costs one look-up and no hashing of
   * characters; null when some bigram key does not split into two words at one space (a tokenizer whose tokens
   * hold spaces), and then bigrams are hashed as {@link FeatureExtractor} does.
   */
  private final LongIntMap pairs;
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
      double[] tn = new double[entries];
      for (int e = 0; e < entries; e++) {
        double sq = 0;
        for (int k = cacheStart[e]; k < cacheStart[e + 1]; k++) {
          double v = this.idf[cachePool[k]];
          sq += v * v;
        }
        tn[e] = sq;
      }
      tokenNorms = tn;
    } else {
      tokenNorms = null;
      charCache = null;
      cacheStart = null;
      cachePool = null;
      tokenVectors = null;
    }
    tvBase = nFeatures * stride;
    if (tokenVectors == null || tokenVectors.length == 0) {
      rows = this.weights;
    } else {
      rows = Arrays.copyOf(this.weights, tvBase + tokenVectors.length);
      System.arraycopy(tokenVectors, 0, rows, tvBase, tokenVectors.length);
    }
    rowMax = new float[rows.length / stride];
    for (int r = 0; r < rowMax.length; r++) {
      float mx = 0f;
      for (int l = 0; l < nLabels; l++) {
        mx = Math.max(mx, Math.abs(rows[r * stride + l]));
      }
      rowMax[r] = mx;
    }
    // the words of the word n-gram keys
    words = new LongIntMap(Math.max(16, wordFeatures));
    int[] uniOf = new int[Math.max(16, wordFeatures)];
    int nWords = 0;
    for (int f = 0; f < wordFeatures; f++) {
      String k = this.keys.get(f);
      if (k.startsWith("w:")) {
        long h = FeatureHash.of(k);
        if (words.get(h) < 0) {
          if (nWords == uniOf.length) {
            uniOf = Arrays.copyOf(uniOf, nWords * 2);
          }
          words.put(h, nWords);
          uniOf[nWords++] = f;
        }
      }
    }
    LongIntMap pairMap = new LongIntMap(16);
    boolean pairsOk = true;
    for (int f = 0; f < wordFeatures && pairsOk; f++) {
      String k = this.keys.get(f);
      if (!k.startsWith("b:")) {
        continue;
      }
      int sp = k.indexOf(' ', 2);
      if (sp <= 2 || sp == k.length() - 1 || k.indexOf(' ', sp + 1) >= 0) {
        pairsOk = false;
        break;
      }
      int[] ids = new int[2];
      String[] parts = {k.substring(2, sp), k.substring(sp + 1)};
      for (int p = 0; p < 2; p++) {
        long h = FeatureHash.of("w:" + parts[p]);
        int id = words.get(h);
        if (id < 0) {
          if (nWords == uniOf.length) {
            uniOf = Arrays.copyOf(uniOf, nWords * 2);
          }
          id = nWords;
          words.put(h, nWords);
          uniOf[nWords++] = -1;
        }
        ids[p] = id;
      }
      pairMap.put(pairKey(ids[0], ids[1]), f);
    }
    pairs = pairsOk ? pairMap : null;
    wordUni = Arrays.copyOf(uniOf, nWords);
    wordEntry = new int[nWords];
    for (int id = 0; id < nWords; id++) {
      int f = wordUni[id];
      wordEntry[id] = f >= 0 && charCache != null ? charCache[f] : -1;
    }
  }

  /** The key of the bigram of word ids {@code a b} in {@link #pairs}: a bijective mix of the two ids. */
  private static long pairKey(int a, int b) {
    long k = (long) a << 32 | (b & 0xFFFFFFFFL);
    k ^= k >>> 31;
    k *= 0x9E3779B97F4A7C15L;
    k ^= k >>> 29;
    return k;
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
     * Per feature: {@code stamp << 32 | slot} when the feature occurred in the comment of that stamp, so counting
     * is one array read and no hashing; a new comment takes a new stamp instead of clearing.
     */
    long[] mark;
    int stamp;
    /** Per slot (features in order of first occurrence): feature, count, value. */
    int[] fi = new int[256];
    int[] cnt = new int[256];
    /** Per slot: how many of its occurrences came from cached tokens (covered by tokenVectors). */
    int[] kcnt = new int[256];
    float[] fv = new float[256];
    int nnz;
    /** Cache entries of the known tokens of the comment, in order. */
    int[] known = new int[64];
    int nKnown;
    /** Per token of the last comment: its word id (see {@link LinearModel#words}), or -1. */
    int[] wid = new int[64];
    /** Per token of the last comment: its unigram feature (as counted, NOT_ form when marked), or -1. */
    int[] uniF = new int[64];
    /** Per token of the last comment: the bigram feature starting at it, or -1. */
    int[] biF = new int[64];
    /** Per token of the last comment: the slot of its unigram feature {@code uniF}, or -1. */
    int[] uniS = new int[64];
    /** Per token of the last comment: the slot of its bigram feature {@code biF}, or -1. */
    int[] biS = new int[64];
    /** The slots that may add a row (all but single n-grams of known tokens), in slot order. */
    int[] live = new int[256];
    /** Sum of {@link LinearModel#tokenNorms} over the known tokens of the comment. */
    double knownNorm;
    /** Number of character n-gram occurrences of the known tokens of the comment. */
    int knownGrams;
    /** The rows scoring adds, in order: offset into {@link LinearModel#rows} and factor. */
    int[] rowOff = new int[256];
    float[] rowV = new float[256];
    /** Per row: {@code |factor| * largest absolute weight}, a bound on what it adds to any label. */
    double[] rowB = new double[256];
    /** The rows {@link LinearModel#decide(String, Work, Classification)} adds for every label. */
    int[] keptOff = new int[256];
    float[] keptV = new float[256];
    /** Evidence candidates of one label: contribution, source start, source end. */
    double[] candC = new double[128];
    int[] candS = new int[128];
    int[] candE = new int[128];
    double[] scores;
    /** Per label: whether {@code scores} holds its exact score (see {@link LinearModel#decide(String, Work, Classification)}). */
    boolean[] exact;
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
      mark = new long[nFeatures];
      scores = new double[nLabels];
      exact = new boolean[nLabels];
      acc = new float[stride];
      extraValues = new double[nExtras];
    }

    /** Room for {@code more} new slots. */
    void ensureSlots(int more) {
      if (nnz + more > fi.length) {
        int cap = Math.max(fi.length * 2, nnz + more);
        fi = Arrays.copyOf(fi, cap);
        cnt = Arrays.copyOf(cnt, cap);
        kcnt = Arrays.copyOf(kcnt, cap);
        fv = Arrays.copyOf(fv, cap);
      }
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
   *
   * <p>The sum per label is the same sequence of float operations as adding, feature by feature in order of first
   * occurrence, {@code value * weight row} (minus the part the token vectors cover), then {@code scale * token
   * vector} per known token: the rows are listed first and added four at a time, which changes no label's order.
   */
  void score(String text, Work w, Classification extrasFrom) {
    collect(text, w);
    int nRows = weigh(text, w, extrasFrom);
    float[] acc = w.acc;
    Arrays.fill(acc, 0f);
    accumulate(rows, w.rowOff, w.rowV, nRows, acc, nLabels);
    double[] s = w.scores;
    for (int l = 0, L = nLabels; l < L; l++) {
      s[l] = bias[l] + acc[l];
    }
  }

  /**
   * {@code acc[l] += v[r] * w[off[r] + l]} for r in order, for every label l below {@code n}; four rows per pass
   * over the labels, each label still summed row by row in order (exactly the sequential result).
   */
  private static void accumulate(float[] w, int[] off, float[] v, int nRows, float[] acc, int n) {
    int r = 0;
    for (; r + 4 <= nRows; r += 4) {
      int o0 = off[r];
      int o1 = off[r + 1];
      int o2 = off[r + 2];
      int o3 = off[r + 3];
      float v0 = v[r];
      float v1 = v[r + 1];
      float v2 = v[r + 2];
      float v3 = v[r + 3];
      for (int l = 0; l < n; l++) {
        float a = acc[l];
        a += v0 * w[o0 + l];
        a += v1 * w[o1 + l];
        a += v2 * w[o2 + l];
        a += v3 * w[o3 + l];
        acc[l] = a;
      }
    }
    for (; r < nRows; r++) {
      int o0 = off[r];
      float v0 = v[r];
      for (int l = 0; l < n; l++) {
        acc[l] += v0 * w[o0 + l];
      }
    }
  }

  /** The per-occurrence linear value of feature {@code f}: its idf, or 1 for binary weighting. */
  private double linear(int f) {
    return features.weighting() == FeatureOptions.Weighting.BINARY ? 1.0 : idf[f];
  }

  private static final char[] NOT = "NOT_".toCharArray();
  private static final long W_STATE = FeatureHash.add(FeatureHash.START, "w:");
  private static final long B_STATE = FeatureHash.add(FeatureHash.START, "b:");
  private static final long T_STATE = FeatureHash.add(FeatureHash.START, "t:");
  private static final long C_STATE = FeatureHash.add(FeatureHash.START, "c:");

  /**
   * Tokenises {@code text} and counts its vocabulary features into {@code w} (indexes and counts, each feature
   * once). Same features as {@link FeatureExtractor#extract}, but a token is hashed once (its word id gives its
   * unigram, its bigrams and its cached character n-grams) and the character n-grams of a known token come from
   * {@link #charCache} with one look-up instead of one per n-gram.
   */
  private void collect(String text, Work w) {
    reset(w);
    w.nKnown = 0;
    TokenBuffer t = w.buf.tokens;
    tokenizer.tokenize(text, t);
    char[] c = t.chars;
    int n = t.size;
    if (w.uniF.length < n) {
      int cap = Math.max(n, w.uniF.length * 2);
      w.uniF = new int[cap];
      w.biF = new int[cap];
      w.uniS = new int[cap];
      w.biS = new int[cap];
      w.wid = new int[cap];
    }
    if (w.known.length < n) {
      w.known = Arrays.copyOf(w.known, Math.max(n, w.known.length * 2));
    }
    int[] uniF = w.uniF;
    int[] biF = w.biF;
    int[] uniS = w.uniS;
    int[] biS = w.biS;
    int[] wid = w.wid;
    double knownNorm = 0;
    int knownGrams = 0;
    double[] norms = tokenNorms;
    int[] known = w.known;
    boolean mark = features.negation() != FeatureOptions.Negation.OFF;
    boolean both = features.negation() == FeatureOptions.Negation.BOTH;
    boolean uni = features.wordMinN() <= 1;
    boolean chars = features.chars();
    int[] pool = cachePool;
    int[] start = cacheStart;
    for (int i = 0; i < n; i++) {
      int s = t.normStart[i];
      int e = t.normEnd[i];
      long plainKey = FeatureHash.finish(FeatureHash.add(W_STATE, c, s, e));
      int id = words.get(plainKey);
      wid[i] = id;
      int plain = id < 0 ? -1 : wordUni[id];
      biF[i] = -1;
      biS[i] = -1;
      if (uni) {
        if (mark && t.negated[i]) {
          int negated = index.get(FeatureHash.finish(FeatureHash.add(FeatureHash.add(W_STATE, NOT, 0, NOT.length), c, s, e)));
          uniS[i] = add(w, negated);
          uniF[i] = negated;
          if (both) {
            add(w, plain);
          }
        } else {
          uniS[i] = add(w, plain);
          uniF[i] = plain;
        }
      } else {
        uniF[i] = -1;
        uniS[i] = -1;
      }
      if (chars) {
        int entry = id < 0 ? -1 : wordEntry[id];
        if (entry >= 0) {
          int k0 = start[entry];
          int k1 = start[entry + 1];
          w.ensureSlots(k1 - k0);
          long[] marks = w.mark;
          long stamp = (long) w.stamp << 32;
          int[] fi = w.fi;
          int[] cnt = w.cnt;
          int[] kcnt = w.kcnt;
          int nnz = w.nnz;
          for (int k = k0; k < k1; k++) {
            int f = pool[k];
            long m = marks[f];
            if ((m & 0xFFFFFFFF00000000L) == stamp) {
              int j = (int) m;
              cnt[j]++;
              kcnt[j]++;
            } else {
              marks[f] = stamp | nnz;
              fi[nnz] = f;
              cnt[nnz] = 1;
              kcnt[nnz] = 1;
              nnz++;
            }
          }
          w.nnz = nnz;
          known[w.nKnown++] = entry;
          knownNorm += norms[entry];
          knownGrams += k1 - k0;
        } else {
          unknownCharGrams(c, s, e, plainKey, w);
        }
      }
    }
    if (features.wordMinN() <= 2 && features.wordMaxN() >= 2) {
      LongIntMap pairMap = pairs;
      for (int i = 0; i + 1 < n; i++) {
        int f;
        if (pairMap != null) {
          int a = wid[i];
          int b = wid[i + 1];
          f = a < 0 || b < 0 ? -1 : pairMap.get(pairKey(a, b));
        } else {
          long h = FeatureHash.add(FeatureHash.add(B_STATE, c, t.normStart[i], t.normEnd[i]), ' ');
          f = index.get(FeatureHash.finish(FeatureHash.add(h, c, t.normStart[i + 1], t.normEnd[i + 1])));
        }
        biS[i] = add(w, f);
        biF[i] = f;
      }
    }
    w.knownNorm = knownNorm;
    w.knownGrams = knownGrams;
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

  /** Counts feature {@code f} when it is one ({@code f >= 0}); its slot, or -1. */
  private static int add(Work w, int f) {
    return f >= 0 ? slotOf(w, f) : -1;
  }

  /** Empties {@code w}'s feature counts for a new comment: a new stamp (the marks are cleared when it wraps). */
  private static void reset(Work w) {
    w.nnz = 0;
    if (++w.stamp == 0) {
      Arrays.fill(w.mark, 0L);
      w.stamp = 1;
    }
  }

  /** Counts one occurrence of feature {@code f} and returns its slot. */
  private static int slotOf(Work w, int f) {
    long m = w.mark[f];
    if ((int) (m >>> 32) == w.stamp) {
      int j = (int) m;
      w.cnt[j]++;
      return j;
    }
    w.ensureSlots(1);
    int j = w.nnz++;
    w.mark[f] = (long) w.stamp << 32 | j;
    w.fi[j] = f;
    w.cnt[j] = 1;
    w.kcnt[j] = 0;
    return j;
  }

  /**
   * Turns the counts in {@code w} into feature values, appends the extra features and lists the rows scoring adds
   * ({@code w.rowOff}, {@code w.rowV}): per feature in slot order its value (minus the part the token vectors cover;
   * none when that leaves 0), then per known token its vector times the character block's scale. A single n-gram
   * of a known token (most of them) is skipped: its value is all in the token vector and its square in the token's
   * norm ({@link #tokenNorms}).
   *
   * @return the number of rows
   */
  private int weigh(String text, Work w, Classification extrasFrom) {
    int nnz = w.nnz;
    int extrasN = extraNames.size();
    w.ensureSlots(extrasN);
    if (w.live.length < nnz) {
      w.live = new int[Math.max(nnz, w.live.length * 2)];
    }
    int[] fi = w.fi;
    int[] cnt = w.cnt;
    int[] kcnt = w.kcnt;
    int[] live = w.live;
    float[] fv = w.fv;
    int wf = wordFeatures;
    int nLive = 0;
    float sw = 1f;
    float sc = 1f;
    boolean binary = features.weighting() == FeatureOptions.Weighting.BINARY;
    if (binary) {
      for (int j = 0; j < nnz; j++) {
        if (cnt[j] == 1 && kcnt[j] == 1) {
          continue;
        }
        fv[j] = 1f;
        live[nLive++] = j;
      }
    } else {
      boolean sub = features.sublinearTf();
      float[] idfs = idf;
      double nw = 0;
      double fix = 0;
      double abs = w.knownNorm;
      for (int j = 0; j < nnz; j++) {
        int c = cnt[j];
        int k = kcnt[j];
        if (c == 1 && k == 1) {
          continue;
        }
        int f = fi[j];
        float v = c == 1 ? idfs[f] : (float) ((sub ? 1.0 + Math.log(c) : c) * idfs[f]);
        fv[j] = v;
        live[nLive++] = j;
        double v2 = (double) v * v;
        if (f < wf) {
          nw += v2;
        } else {
          double covered = k == 0 ? 0 : k * ((double) idfs[f] * idfs[f]);
          fix += v2 - covered;
          abs += v2 + covered;
        }
      }
      sw = nw > 0 ? (float) (1.0 / Math.sqrt(nw)) : 0f;
      sc = charScale(w, w.knownNorm + fix, abs);
    }
    int most = nLive + extrasN + w.nKnown;
    if (w.rowOff.length < most) {
      int cap = Math.max(most, w.rowOff.length * 2);
      w.rowOff = new int[cap];
      w.rowV = new float[cap];
      w.rowB = new double[cap];
      w.keptOff = new int[cap];
      w.keptV = new float[cap];
    }
    int[] rowOff = w.rowOff;
    float[] rowV = w.rowV;
    double[] rowB = w.rowB;
    float[] mx = rowMax;
    int nRows = 0;
    int st = stride;
    for (int q = 0; q < nLive; q++) {
      int j = live[q];
      int f = fi[j];
      float v;
      if (f < wf) {
        v = binary ? fv[j] : fv[j] * sw;
        fv[j] = v;
      } else {
        v = binary ? fv[j] : fv[j] * sc;
        fv[j] = v;
        int k = kcnt[j];
        if (k > 0) {
          // the known part (k occurrences at their linear value) comes from the token vectors
          v -= ((float) (k * linear(f))) * sc;
          if (v == 0f) {
            continue;
          }
        }
      }
      rowOff[nRows] = f * st;
      rowB[nRows] = Math.abs(v) * (double) mx[f];
      rowV[nRows++] = v;
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
          w.cnt[nnz] = 1;
          rowOff[nRows] = (base + e) * st;
          rowB[nRows] = Math.abs(fv[nnz]) * (double) mx[base + e];
          rowV[nRows++] = fv[nnz];
          nnz++;
        }
      }
    }
    w.nnz = nnz;
    int[] known = w.known;
    for (int t = 0, n = w.nKnown; t < n; t++) {
      rowOff[nRows] = tvBase + known[t] * st;
      rowB[nRows] = Math.abs(sc) * (double) mx[nFeatures + known[t]];
      rowV[nRows++] = sc;
    }
    return nRows;
  }

  /**
   * The character block's scale, {@code (float) (1 / sqrt(nc))} for the squared norm {@code nc} summed slot by slot
   * in double. {@code fast} is the same sum taken per known token ({@link #tokenNorms}) plus corrections, in another
   * order; {@code abs} bounds the sum of the absolute terms, so the two sums differ by less than {@code abs * 2^-40}
   * (fewer than 2^12 terms, each rounding by at most 2^-53 of the running sum). When every value in that interval
   * gives the same float, that is the answer; otherwise (a float rounding boundary within reach, about once per
   * 65,000 comments) the sum is taken slot by slot.
   */
  private float charScale(Work w, double fast, double abs) {
    if (abs == 0) {
      return 0f; // no character n-gram
    }
    double slack = abs * 0x1p-40;
    if (w.nnz + w.knownGrams < 4096 && fast - slack > 0) {
      float hi = (float) (1.0 / Math.sqrt(fast - slack));
      float lo = (float) (1.0 / Math.sqrt(fast + slack));
      if (hi == lo) {
        return hi;
      }
    }
    boolean sub = features.sublinearTf();
    double nc = 0;
    int[] fi = w.fi;
    int[] cnt = w.cnt;
    for (int j = 0, n = w.nnz; j < n; j++) {
      int f = fi[j];
      if (f >= wordFeatures) {
        int c = cnt[j];
        float v = (float) ((c == 1 ? 1.0 : (sub ? 1.0 + Math.log(c) : c)) * idf[f]);
        nc += (double) v * v;
      }
    }
    return nc > 0 ? (float) (1.0 / Math.sqrt(nc)) : 0f;
  }

  /** Decides the labels of the scores in {@code w}, ordered by margin, largest first. */
  int[] decide(double[] scores) {
    return rule.decide(scores);
  }

  /** A row whose bound ({@code Work.rowB}) is below this is left out of the first, all-label sum. */
  private static final double SMALL_ROW = 0.03;

  /**
   * Scores {@code text} and decides its labels as {@code decide(score(...))} does, with the same result and the same
   * score, to the bit, for every label decided on (every label that passes, and the candidates for "at least one"):
   * <ol>
   *   <li>every label's sum over the rows whose bound {@code |factor| * max |weight|} is at least {@link #SMALL_ROW}
   *       (about half the rows of a comment, most of them small character n-gram corrections, are left out);</li>
   *   <li>the exact sum differs from it by at most {@code D}: the bounds of the rows left out, plus the float
   *       rounding of both sums ({@code rows * 2^-23} of the sum of all bounds, taken twice over, and 1e-6);</li>
   *   <li>a label whose margin cannot reach 0 within {@code D} fails for sure; every other label (the ones that pass
   *       and the few near their threshold) is summed again over all rows in order, which is {@link #score}'s sum
   *       to the bit (same products, same order); if none passes and the model gives at least one label, so are
   *       the labels whose key could reach the largest lower bound of a key.</li>
   * </ol>
   * The labels left with the first sum fail by more than {@code D} and are never the best, so the rule decides as
   * on the exact scores. Reads {@code w.scores} afterwards only for the labels returned.
   */
  int[] decide(String text, Work w, Classification extrasFrom) {
    collect(text, w);
    int nRows = weigh(text, w, extrasFrom);
    int[] off = w.rowOff;
    float[] val = w.rowV;
    double[] bound = w.rowB;
    int[] keptOff = w.keptOff;
    float[] keptV = w.keptV;
    double dropped = 0;
    double all = 0;
    int nKept = 0;
    for (int r = 0; r < nRows; r++) {
      double b = bound[r];
      all += b;
      if (b < SMALL_ROW) {
        dropped += b;
      } else {
        keptOff[nKept] = off[r];
        keptV[nKept++] = val[r];
      }
    }
    float[] acc = w.acc;
    Arrays.fill(acc, 0f);
    accumulate(rows, keptOff, keptV, nKept, acc, nLabels);
    double slack = dropped + all * (nRows + 1) * 0x1p-22 + 1e-6;
    double[] s = w.scores;
    boolean[] exact = w.exact;
    boolean byScore = ranking == Ranking.SCORE;
    boolean anyPass = false;
    for (int l = 0, L = nLabels; l < L; l++) {
      s[l] = bias[l] + acc[l];
      exact[l] = false;
      if (!active[l]) {
        continue;
      }
      if ((bias[l] + (acc[l] + slack)) - thresholds[l] >= 0) {
        s[l] = exactScore(w, nRows, l);
        exact[l] = true;
        anyPass |= s[l] - thresholds[l] >= 0;
      }
    }
    if (!anyPass && atLeastOne) {
      double maxLo = Double.NEGATIVE_INFINITY;
      for (int l = 0, L = nLabels; l < L; l++) {
        if (active[l]) {
          double lo = exact[l] ? s[l] : bias[l] + (acc[l] - slack);
          maxLo = Math.max(maxLo, byScore ? lo : lo - thresholds[l]);
        }
      }
      for (int l = 0, L = nLabels; l < L; l++) {
        if (active[l] && !exact[l]) {
          double hi = bias[l] + (acc[l] + slack);
          if ((byScore ? hi : hi - thresholds[l]) >= maxLo) {
            s[l] = exactScore(w, nRows, l);
            exact[l] = true;
          }
        }
      }
    }
    return rule.decide(s);
  }

  /** Label {@code l}'s score over every row in order: {@link #score}'s sum, to the bit. */
  private double exactScore(Work w, int nRows, int l) {
    int[] off = w.rowOff;
    float[] val = w.rowV;
    float[] wt = rows;
    float a = 0f;
    for (int r = 0; r < nRows; r++) {
      a += val[r] * wt[off[r] + l];
    }
    return bias[l] + a;
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
      double contrib = contribution(w, w.uniS[i], l);
      if (contrib > 0) {
        cc[m] = contrib;
        cs[m] = t.srcStart[i];
        ce[m++] = t.srcEnd[i];
      }
      if (bigrams && i + 1 < n) {
        double cb = contribution(w, w.biS[i], l);
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

  /** Value times weight for label {@code l} of the feature in slot {@code j} ({@code j < 0}: none). */
  private double contribution(Work w, int j, int l) {
    return j < 0 ? 0 : w.fv[j] * rows[w.fi[j] * stride + l];
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
