package org.verbatim.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.verbatim.Polarity;
import org.verbatim.features.LongIntMap;
import org.verbatim.model.ModelFormatException;
import org.verbatim.text.Analysis;
import org.verbatim.text.Vocabulary;

/**
 * A learned layer over a codebook's cues: per theme, a logistic model of the words of a comment and of the
 * codebook's cue scores for every theme, which tags a theme the cues did not reach when its probability is at
 * least {@link #threshold()}. It adds recall where people say a thing in words the cues do not hold ("nobody rang
 * back" for reliability), and its tags carry the words that weighed most as evidence.
 *
 * <pre>{@code
 * WordLayer layer = DefaultCodebooks.socialCareLayer();
 * ThemeClassifier c = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create()).withLayer(layer);
 * }</pre>
 *
 * <p>Made by {@code org.verbatim.train.WordLayerTrainer}; stored as a small UTF-8 text file ({@link #write},
 * {@link #read}):
 *
 * <pre>
 * verbatim-word-layer 2                (1 for a layer without a learned polarity: no polarity lines, and word lines
 *                                      without the polarity weights)
 * themes respect honesty ...          (tab-separated; the codebook's theme ids, in its order)
 * threshold 0.5
 * bias b1 b2 ...                      (one weight per theme)
 * cue respect w1 w2 ...               (one line per theme: the weights of that theme's cue score)
 * complaint b                         (the bias of the complaint model)
 * polarity g                          (version 2: the learned polarity's gate; then its weights, four per
 *                                      feature, one per class: positive, negative, mixed, neutral)
 * polarity-bias k1 k2 k3 k4
 * polarity-rule positive k1 .. k4      (five lines: positive, negative, mixed, neutral, none; the rule polarity
 *                                      of the tag, none for a layer tag whose theme had no cue)
 * polarity-complaint k1 .. k4          (the weights of the complaint model's probability)
 * polarity-theme respect k1 .. k24     (one line per theme: its own 4 weights, then 4 for its crossing with each
 *                                      rule category, in the order above)
 * word kind w1 w2 ... c k1 .. k4       (one line per word: its weights when it occurs in a comment, then its
 *                                      weight in the complaint model, then (version 2) in the learned polarity)
 * </pre>
 *
 * <p>The complaint model, a logistic model of the same words, gives the polarity of a tag the cues have no vote on:
 * negative when its probability is at least a half. The learned polarity ({@link TagPolarity}, version 2 files)
 * then gives the polarity of every tag of the classifier, cue tags too, where its top class is probable enough.
 *
 * <p>Words are the pipeline's token norms (lower case); a word counts once per comment however often it occurs. A
 * word with one space ({@code word no say ...}) is a pair: it occurs where its two words are adjacent tokens of the
 * comment with no punctuation between them (the default trainer's pairs, since 2026-12-06; a reader older than
 * pairs refuses such a file, naming the pair).
 * Immutable and thread-safe.
 */
public final class WordLayer {

  /** The first line of the file format of a layer with a learned polarity. */
  public static final String MAGIC = "verbatim-word-layer 2";

  /** The first line of the file format of a layer without one (version 1, still read). */
  public static final String MAGIC_V1 = "verbatim-word-layer 1";

  private final List<String> themes;
  private final double threshold;
  /** The logit that {@link #threshold} is (a probability compares as its logit). */
  private final double logitThreshold;
  private final float[] bias;
  /** cueWeights[c * nt + t]: the weight for theme t of theme c's cue score. */
  private final float[] cueWeights;
  private final List<String> words;
  /** wordWeights[w * nt + t]. */
  private final float[] wordWeights;
  private final float complaintBias;
  /** Per word, its weight in the complaint model. */
  private final float[] complaintWeights;
  private final LongIntMap index;
  /** The learned polarity of the tags, or null. */
  private final TagPolarity polarity;

  /**
   * A layer from its parts.
   *
   * @param themes the theme ids, in the order of the codebook the layer is used with
   * @param threshold the probability in (0, 1) at which a theme is tagged
   * @param bias one weight per theme
   * @param cueWeights {@code themes²} weights: for cue theme c and theme t at {@code c * themes + t}
   * @param words distinct, non-empty, without tabs or line breaks
   * @param wordWeights {@code words * themes} weights, word by word
   * @param complaintBias the complaint model's bias
   * @param complaintWeights one weight per word in the complaint model
   * @throws IllegalArgumentException naming the part that does not fit
   */
  public WordLayer(List<String> themes, double threshold, float[] bias, float[] cueWeights, List<String> words,
      float[] wordWeights, float complaintBias, float[] complaintWeights) {
    this(themes, threshold, bias, cueWeights, words, wordWeights, complaintBias, complaintWeights, null);
  }

  /**
   * A layer from its parts, with a learned polarity.
   *
   * @param polarity the learned polarity of the tags, for as many themes and words as the layer has; null for none
   * @throws IllegalArgumentException naming the part that does not fit
   */
  public WordLayer(List<String> themes, double threshold, float[] bias, float[] cueWeights, List<String> words,
      float[] wordWeights, float complaintBias, float[] complaintWeights, TagPolarity polarity) {
    this.themes = List.copyOf(themes);
    int nt = this.themes.size();
    if (nt == 0 || new HashSet<>(this.themes).size() != nt) {
      throw new IllegalArgumentException("themes must be distinct and at least one: " + themes);
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
    }
    this.threshold = threshold;
    this.logitThreshold = Math.log(threshold / (1 - threshold));
    if (bias.length != nt || cueWeights.length != nt * nt) {
      throw new IllegalArgumentException("expected " + nt + " bias and " + nt * nt + " cue weights, got "
          + bias.length + " and " + cueWeights.length);
    }
    this.words = List.copyOf(words);
    if (wordWeights.length != this.words.size() * nt) {
      throw new IllegalArgumentException("expected " + this.words.size() * nt + " word weights, got " + wordWeights.length);
    }
    if (complaintWeights.length != this.words.size() || !Float.isFinite(complaintBias)) {
      throw new IllegalArgumentException("expected " + this.words.size() + " complaint weights and a finite bias, got "
          + complaintWeights.length + " and " + complaintBias);
    }
    for (float[] a : List.of(bias, cueWeights, wordWeights, complaintWeights)) {
      for (float x : a) {
        if (!Float.isFinite(x)) {
          throw new IllegalArgumentException("weights must be finite: " + x);
        }
      }
    }
    this.bias = bias.clone();
    this.cueWeights = cueWeights.clone();
    this.wordWeights = wordWeights.clone();
    this.complaintBias = complaintBias;
    this.complaintWeights = complaintWeights.clone();
    if (polarity != null && (polarity.themes() != nt || polarity.words() != this.words.size())) {
      throw new IllegalArgumentException("expected a learned polarity for " + nt + " themes and " + this.words.size()
          + " words, got " + polarity);
    }
    this.polarity = polarity;
    this.index = new LongIntMap(this.words.size());
    for (int w = 0; w < this.words.size(); w++) {
      String word = this.words.get(w);
      if (word.isEmpty() || word.indexOf('\t') >= 0 || word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("word " + (w + 1) + " is empty or holds a tab or line break");
      }
      int space = word.indexOf(' ');
      if (space >= 0 && (space == 0 || space == word.length() - 1 || word.indexOf(' ', space + 1) >= 0)) {
        throw new IllegalArgumentException("word " + (w + 1) + " holds a space but is not a pair of two words");
      }
      int star = word.indexOf('*');
      if (star >= 0 && (star != word.length() - 1 || star == 0 || space >= 0)) {
        throw new IllegalArgumentException("word " + (w + 1) + " holds a '*' but is not a prefix (a word's beginning"
            + " without spaces, then one '*')");
      }
      long h = Vocabulary.hash(word);
      if (index.get(h) >= 0) {
        throw new IllegalArgumentException("word '" + word + "' is listed twice");
      }
      index.put(h, w);
    }
  }

  /** The theme ids, in the order of the codebook this layer was trained with. */
  public List<String> themes() {
    return themes;
  }

  /** The probability at which a theme the cues missed is tagged. */
  public double threshold() {
    return threshold;
  }

  /** The learned polarity of the tags, if the layer has one. */
  public java.util.Optional<TagPolarity> polarity() {
    return java.util.Optional.ofNullable(polarity);
  }

  /**
   * This layer with another learned polarity (null for none: the tags keep their rule polarity).
   *
   * @throws IllegalArgumentException if the polarity is not for this layer's themes and words
   */
  public WordLayer withPolarity(TagPolarity polarity) {
    return new WordLayer(themes, threshold, bias, cueWeights, words, wordWeights, complaintBias, complaintWeights,
        polarity);
  }

  /** The words that carry weights. */
  public List<String> words() {
    return words;
  }

  /** The weight of {@code word} for theme index {@code t}, or 0 for a word the layer does not know. */
  public double weight(String word, int t) {
    int w = index.get(Vocabulary.hash(word));
    return w < 0 ? 0 : wordWeights[w * themes.size() + Objects.checkIndex(t, themes.size())];
  }

  /** Per-thread scratch of {@link #logits}. */
  static final class Scratch {
    int[] seen = new int[0];
    int stamp;
    /** Per token of the comment, its word row or -1. */
    int[] row = new int[32];
    /** The complaint model's logit of the last comment. */
    double complaint;
    /** Per class of the learned polarity, the sum of the last comment's words' weights (with a learned polarity). */
    final double[] polarityWords = new double[TagPolarity.CLASSES];
    /** The complaint model's probability of the last comment (with a learned polarity). */
    double complaintProbability;
  }

  /**
   * Per entry of {@code vocabulary}, the row of the layer's word that the entry is (-1 for the other entries and every
   * prefix entry): a classifier whose vocabulary holds the layer's words reads a token's row from the entry it
   * resolved to, with no look-up of its own.
   *
   * @throws IllegalArgumentException if a layer word is not a word entry of the vocabulary
   */
  int[] rowsById(Vocabulary vocabulary) {
    int[] rows = new int[vocabulary.size()];
    java.util.Arrays.fill(rows, -1);
    for (int w = 0; w < words.size(); w++) {
      if (isPairWord(words.get(w)) || isPrefixWord(words.get(w))) {
        continue;
      }
      int id = vocabulary.word(words.get(w));
      if (id < 0) {
        throw new IllegalArgumentException("the vocabulary lacks the layer's word '" + words.get(w) + "'");
      }
      rows[id] = w;
    }
    return rows;
  }

  /**
   * Whether a layer word is a prefix ({@code listen*}): the beginning of a word, then {@code *}. It occurs where a
   * token's norm starts with it (and no longer prefix of the layer's does), so it reaches word forms and misspellings
   * the training comments did not hold ("listenin", "listens").
   */
  public static boolean isPrefixWord(String word) {
    return word.length() > 1 && word.charAt(word.length() - 1) == '*';
  }

  /**
   * The prefixes a classifier's vocabulary needs for this layer (its prefix words without the {@code *}), in the
   * layer's order.
   */
  public List<String> vocabularyPrefixes() {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (isPrefixWord(w)) {
        out.add(w.substring(0, w.length() - 1));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Per entry of {@code vocabulary}, the row of the longest prefix word of the layer that the entry's string starts
   * with (-1 for none); null when the layer has no prefix words. A token resolves to its word entry or else to its
   * longest prefix entry, and either lists every prefix entry it starts with ({@link Vocabulary#prefixes}), so the
   * row holds for every token that resolves to the entry.
   *
   * @throws IllegalArgumentException if a prefix of the layer is not a prefix entry of the vocabulary
   */
  int[] prefixRowsById(Vocabulary vocabulary) {
    java.util.Map<Integer, Integer> byEntry = new java.util.HashMap<>();
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      if (isPrefixWord(word)) {
        int id = vocabulary.prefix(word.substring(0, word.length() - 1));
        if (id < 0) {
          throw new IllegalArgumentException("the vocabulary lacks the layer's prefix '" + word + "'");
        }
        byEntry.put(id, w);
      }
    }
    if (byEntry.isEmpty()) {
      return null;
    }
    int[] rows = new int[vocabulary.size()];
    for (int id = 0; id < rows.length; id++) {
      int[] closure = vocabulary.prefixes(id);
      int row = -1;
      for (int k = closure.length - 1; k >= 0 && row < 0; k--) {
        Integer r = byEntry.get(closure[k]);
        row = r == null ? -1 : r;
      }
      rows[id] = row;
    }
    return rows;
  }

  /** Whether a layer word is a pair of adjacent words ("no say"): two words joined by one space. */
  public static boolean isPairWord(String word) {
    return word.indexOf(' ') > 0;
  }

  /**
   * The words a classifier's vocabulary needs for this layer: its single words and both words of each of its pairs,
   * each once, in the layer's order.
   */
  public List<String> vocabularyWords() {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (String w : words) {
      if (isPairWord(w)) {
        int space = w.indexOf(' ');
        out.add(w.substring(0, space));
        out.add(w.substring(space + 1));
      } else if (!isPrefixWord(w)) {
        out.add(w);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The key of a pair of vocabulary entries in {@link #pairsById}: the two entries side by side, mixed (a bijection,
   * so keys stay distinct) because {@link LongIntMap} takes a key's low bits as its slot.
   */
  static long pairKey(int first, int second) {
    long k = (((long) first << 32) | (second & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
    return k ^ (k >>> 32);
  }

  /**
   * The layer's pairs by the vocabulary entries of their two words, for {@link #logits}; null when the layer has no
   * pairs.
   *
   * @throws IllegalArgumentException if a word of a pair is not a word entry of the vocabulary
   */
  Pairs pairsById(Vocabulary vocabulary) {
    Pairs pairs = null;
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      if (isPairWord(word)) {
        int space = word.indexOf(' ');
        int first = vocabulary.word(word.substring(0, space));
        int second = vocabulary.word(word.substring(space + 1));
        if (first < 0 || second < 0) {
          throw new IllegalArgumentException("the vocabulary lacks a word of the layer's pair '" + word + "'");
        }
        if (pairs == null) {
          pairs = new Pairs(vocabulary.size());
        }
        pairs.rows.put(pairKey(first, second), w);
        pairs.first[first] = true;
        pairs.second[second] = true;
      }
    }
    return pairs;
  }

  /**
   * A layer's pairs over one vocabulary: the row of each pair by {@link #pairKey}, and per entry whether it is the
   * first or the second word of some pair, so most tokens skip the table.
   */
  static final class Pairs {
    final LongIntMap rows = new LongIntMap(16);
    final boolean[] first;
    final boolean[] second;

    Pairs(int entries) {
      first = new boolean[entries];
      second = new boolean[entries];
    }
  }

  /**
   * The logits of every theme for an analysed comment into {@code out}; {@code cue[t]} is the codebook's cue score
   * of theme t ({@code w / (w + 1)}, 0 without a cue); {@code rowById} is {@link #rowsById} of the analysis's
   * vocabulary, {@code prefixRowById} its {@link #prefixRowsById} (null for none). Remembers each token's word row
   * (else its prefix's row) in {@code s.row} for {@link #evidence}.
   */
  void logits(Analysis a, double[] cue, int[] rowById, int[] prefixRowById, Pairs pairs, Scratch s, double[] out) {
    int nt = themes.size();
    for (int t = 0; t < nt; t++) {
      out[t] = bias[t];
    }
    for (int c = 0; c < nt; c++) {
      double v = cue[c];
      if (v != 0) {
        int base = c * nt;
        for (int t = 0; t < nt; t++) {
          out[t] += v * cueWeights[base + t];
        }
      }
    }
    if (s.seen.length < words.size()) {
      s.seen = new int[words.size()];
    }
    if (++s.stamp == Integer.MAX_VALUE) {
      java.util.Arrays.fill(s.seen, 0);
      s.stamp = 1;
    }
    int n = a.size();
    if (s.row.length < n) {
      s.row = new int[Math.max(n, 2 * s.row.length)];
    }
    double complaint = complaintBias;
    TagPolarity pol = polarity;
    double[] pw = s.polarityWords;
    if (pol != null) {
      java.util.Arrays.fill(pw, 0);
    }
    int previous = -1; // the previous token's entry when it is a word, for pairs
    for (int i = 0; i < n; i++) {
      int id = a.id(i);
      int w = id < 0 ? -1 : rowById[id]; // a punctuation token's norm is never a layer word
      s.row[i] = w;
      if (w >= 0 && s.seen[w] != s.stamp) {
        s.seen[w] = s.stamp;
        complaint += add(w, pol, pw, out, nt);
      }
      if (prefixRowById != null && id >= 0) {
        int q = prefixRowById[id];
        if (q >= 0) {
          if (s.seen[q] != s.stamp) {
            s.seen[q] = s.stamp;
            complaint += add(q, pol, pw, out, nt);
          }
          if (w < 0) {
            s.row[i] = q;
          }
        }
      }
      if (pairs != null && id >= 0) {
        if (previous >= 0 && pairs.second[id]) {
          int q = pairs.rows.get(pairKey(previous, id));
          if (q >= 0 && s.seen[q] != s.stamp) {
            s.seen[q] = s.stamp;
            complaint += add(q, pol, pw, out, nt);
          }
        }
        previous = pairs.first[id] && !a.isPunctuation(i) ? id : -1;
      } else {
        previous = -1;
      }
    }
    s.complaint = complaint;
    if (pol != null) {
      s.complaintProbability = probability(complaint);
    }
  }

  /** Adds word row w's weights to the theme logits and the learned polarity's sums; returns its complaint weight. */
  private float add(int w, TagPolarity pol, double[] pw, double[] out, int nt) {
    if (pol != null) {
      pol.addWord(w, pw);
    }
    int base = w * nt;
    for (int t = 0; t < nt; t++) {
      out[t] += wordWeights[base + t];
    }
    return complaintWeights[w];
  }

  /** Whether the complaint model reads the comment of the last {@link #logits} call as a complaint. */
  static boolean complaint(Scratch s) {
    return s.complaint >= 0;
  }

  /**
   * The polarity of a tag of theme t of the comment of the last {@link #logits} call: the learned polarity's where it
   * is sure enough, else {@code rulePolarity} (always without a learned polarity).
   *
   * @param cueVote whether the theme had cues in the comment ({@code rulePolarity} is their vote; else the
   *     complaint model's)
   */
  Polarity polarity(int t, boolean cueVote, Polarity rulePolarity, Scratch s) {
    TagPolarity pol = polarity;
    if (pol == null) {
      return rulePolarity;
    }
    return pol.polarity(t, cueVote ? rulePolarity.ordinal() : TagPolarity.NO_CUE, rulePolarity,
        s.complaintProbability, s.polarityWords);
  }

  /** Whether a logit from {@link #logits} reaches the threshold. */
  boolean passes(double logit) {
    return logit >= logitThreshold;
  }

  /** The probability of a logit. */
  static double probability(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }

  /** At most this many words are a layer tag's evidence. */
  static final int EVIDENCE_WORDS = 2;

  /**
   * The tokens of the comment whose words weigh most for theme t (at most {@link #EVIDENCE_WORDS}, distinct words,
   * each with a positive weight; the first token of a word), after {@link #logits} filled {@code s.row}, into
   * {@code out}; returns how many.
   */
  int evidence(Analysis a, int t, Scratch s, int[] out) {
    int nt = themes.size();
    int found = 0;
    float last = Float.POSITIVE_INFINITY;
    int lastRow = -1;
    for (int k = 0; k < EVIDENCE_WORDS; k++) {
      int best = -1;
      float max = 0;
      for (int i = 0, n = a.size(); i < n; i++) {
        int w = s.row[i];
        if (w >= 0 && w != lastRow) {
          float v = wordWeights[w * nt + t];
          if (v > max && (v < last || (v == last && w > lastRow))) {
            max = v;
            best = i;
          }
        }
      }
      if (best < 0) {
        break;
      }
      out[found++] = best;
      last = max;
      lastRow = s.row[best];
    }
    return found;
  }

  /** Writes the layer in the text format described above ({@code \n} line ends; floats as Java prints them). */
  public void write(Writer out) throws IOException {
    int nt = themes.size();
    TagPolarity pol = polarity;
    out.write((pol == null ? MAGIC_V1 : MAGIC) + "\n");
    out.write("themes\t" + String.join("\t", themes) + "\n");
    out.write("threshold\t" + threshold + "\n");
    out.write(row("bias", bias, 0, nt).append('\n').toString());
    for (int c = 0; c < nt; c++) {
      out.write(row("cue\t" + themes.get(c), cueWeights, c * nt, nt).append('\n').toString());
    }
    out.write("complaint\t" + complaintBias + "\n");
    int k = TagPolarity.CLASSES;
    if (pol != null) {
      out.write("polarity\t" + pol.gate() + "\n");
      out.write(row("polarity-bias", pol.bias(), 0, k).append('\n').toString());
      for (int r = 0; r < TagPolarity.RULES; r++) {
        out.write(row("polarity-rule\t" + TagPolarity.RULE_NAMES.get(r), pol.rule(), r * k, k).append('\n').toString());
      }
      out.write(row("polarity-complaint", pol.complaint(), 0, k).append('\n').toString());
      for (int t = 0; t < nt; t++) {
        StringBuilder sb = row("polarity-theme\t" + themes.get(t), pol.theme(), t * k, k);
        for (int r = 0; r < TagPolarity.RULES; r++) {
          for (int c = 0; c < k; c++) {
            sb.append('\t').append(pol.cross()[(t * TagPolarity.RULES + r) * k + c]);
          }
        }
        out.write(sb.append('\n').toString());
      }
    }
    for (int w = 0; w < words.size(); w++) {
      StringBuilder sb = row("word\t" + words.get(w), wordWeights, w * nt, nt).append('\t').append(complaintWeights[w]);
      if (pol != null) {
        for (int c = 0; c < k; c++) {
          sb.append('\t').append(pol.wordWeights()[w * k + c]);
        }
      }
      out.write(sb.append('\n').toString());
    }
  }

  private static StringBuilder row(String head, float[] v, int from, int n) {
    StringBuilder sb = new StringBuilder(head);
    for (int i = from; i < from + n; i++) {
      sb.append('\t').append(v[i]);
    }
    return sb;
  }

  /** The first int of the binary form ({@link #writeBinary}): "VBWL". */
  private static final int BINARY_MAGIC = 0x5642574C;

  /** The binary form's version. */
  private static final int BINARY_VERSION = 1;

  /**
   * Writes the layer in a compact binary form that {@link #readBinary} reads back exactly (big-endian: the magic
   * {@code VBWL}, a version, the themes, the threshold, then each weight array as its length and its floats, the
   * words as modified UTF-8, and the learned polarity if any). For tools that precompile a layer at build time, so
   * that a short run does not parse the text form's floats (the bundled layer: {@code org.verbatim.codebooks}). The
   * text form ({@link #write}) stays the one to share and read.
   */
  public void writeBinary(java.io.OutputStream out) throws IOException {
    java.io.DataOutputStream d = new java.io.DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
    d.writeInt(BINARY_MAGIC);
    d.writeInt(BINARY_VERSION);
    d.writeInt(themes.size());
    for (String t : themes) {
      d.writeUTF(t);
    }
    d.writeDouble(threshold);
    floats(d, bias);
    floats(d, cueWeights);
    d.writeInt(words.size());
    for (String w : words) {
      d.writeUTF(w);
    }
    floats(d, wordWeights);
    d.writeFloat(complaintBias);
    floats(d, complaintWeights);
    TagPolarity pol = polarity;
    d.writeBoolean(pol != null);
    if (pol != null) {
      d.writeDouble(pol.gate());
      for (float[] a : List.of(pol.bias(), pol.rule(), pol.theme(), pol.cross(), pol.complaint(), pol.wordWeights())) {
        floats(d, a);
      }
    }
    d.flush();
  }

  private static void floats(java.io.DataOutputStream d, float[] a) throws IOException {
    d.writeInt(a.length);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * a.length);
    b.asFloatBuffer().put(a);
    d.write(b.array());
  }

  private static float[] floats(java.io.DataInputStream d) throws IOException {
    int n = d.readInt();
    if (n < 0 || n > 1 << 28) {
      throw new IOException("an array of " + n + " weights");
    }
    byte[] bytes = new byte[4 * n];
    d.readFully(bytes);
    float[] a = new float[n];
    java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(a);
    return a;
  }

  /**
   * Reads a layer written by {@link #writeBinary}.
   *
   * @param in the binary form (not closed)
   * @param source the file or resource, for messages
   * @throws ModelFormatException naming the source when the bytes are not a layer's binary form
   * @throws IOException if reading fails
   */
  public static WordLayer readBinary(java.io.InputStream in, String source) throws IOException, ModelFormatException {
    java.io.DataInputStream d = new java.io.DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    try {
      if (d.readInt() != BINARY_MAGIC || d.readInt() != BINARY_VERSION) {
        throw new ModelFormatException(Path.of(source), null, "not a binary word layer of version "
            + BINARY_VERSION, null);
      }
      int nt = d.readInt();
      List<String> themes = new ArrayList<>(nt);
      for (int t = 0; t < nt; t++) {
        themes.add(d.readUTF());
      }
      double threshold = d.readDouble();
      float[] bias = floats(d);
      float[] cue = floats(d);
      int nw = d.readInt();
      List<String> words = new ArrayList<>(nw);
      for (int w = 0; w < nw; w++) {
        words.add(d.readUTF());
      }
      float[] wordWeights = floats(d);
      float complaintBias = d.readFloat();
      float[] complaint = floats(d);
      TagPolarity pol = null;
      if (d.readBoolean()) {
        double gate = d.readDouble();
        pol = new TagPolarity(gate, floats(d), floats(d), floats(d), floats(d), floats(d), floats(d));
      }
      return new WordLayer(themes, threshold, bias, cue, words, wordWeights, complaintBias, complaint, pol);
    } catch (java.io.EOFException | IllegalArgumentException e) {
      throw new ModelFormatException(Path.of(source), null, "a truncated or inconsistent binary word layer: "
          + e.getMessage(), e);
    }
  }

  /**
   * Reads a layer written by {@link #write}.
   *
   * @param in the text
   * @param source the file or resource, for messages
   * @throws ModelFormatException naming the source and line when the text is not a layer
   * @throws IOException if reading fails
   */
  public static WordLayer read(Reader in, String source) throws IOException, ModelFormatException {
    Path file = Path.of(source);
    BufferedReader r = new BufferedReader(in);
    String first = r.readLine();
    boolean v2 = MAGIC.equals(first);
    if (!v2 && !MAGIC_V1.equals(first)) {
      throw new ModelFormatException(file, null, 1, "expected '" + MAGIC + "' (or version 1, '" + MAGIC_V1
          + "') on the first line", null);
    }
    int k = TagPolarity.CLASSES;
    int nr = TagPolarity.RULES;
    int extra = v2 ? k : 0; // the polarity weights at the end of a word line
    double gate = Double.NaN;
    float[] pBias = null;
    float[] pRule = new float[nr * k];
    Set<String> ruleSeen = new HashSet<>();
    float[] pComplaint = null;
    float[] pTheme = null;
    float[] pCross = null;
    Set<String> pThemeSeen = new HashSet<>();
    float[] pWords = new float[v2 ? 512 : 0];
    List<String> themes = null;
    double threshold = Double.NaN;
    float[] bias = null;
    float[] cue = null;
    Set<String> cueSeen = new HashSet<>();
    List<String> words = new ArrayList<>();
    float[] weights = new float[1024];
    float[] complaints = new float[128];
    double complaintBias = Double.NaN;
    long line = 1;
    for (String s; (s = r.readLine()) != null; ) {
      line++;
      if (s.isEmpty()) {
        continue;
      }
      String[] f = s.split("\t", -1);
      String kind = f[0];
      if (!kind.equals("themes") && themes == null) {
        throw new ModelFormatException(file, null, line, "expected the 'themes' line before '" + kind + "'", null);
      }
      int nt = themes == null ? 0 : themes.size();
      if (!v2 && kind.startsWith("polarity")) {
        throw new ModelFormatException(file, null, line, "a '" + kind + "' line needs format version 2 ('" + MAGIC
            + "')", null);
      }
      switch (kind) {
        case "themes" -> {
          if (themes != null || f.length < 2) {
            throw new ModelFormatException(file, null, line, "expected one 'themes' line with at least one theme", null);
          }
          themes = List.of(f).subList(1, f.length);
          cue = new float[themes.size() * themes.size()];
          pTheme = new float[themes.size() * k];
          pCross = new float[themes.size() * nr * k];
        }
        case "polarity" -> {
          if (f.length != 2) {
            throw new ModelFormatException(file, null, line, "expected 'polarity' and one number (the gate)", null);
          }
          gate = number(f[1], file, line);
        }
        case "polarity-bias" -> pBias = floats(f, 1, k, file, line, "polarity-bias");
        case "polarity-complaint" -> pComplaint = floats(f, 1, k, file, line, "polarity-complaint");
        case "polarity-rule" -> {
          int c = f.length > 1 ? TagPolarity.RULE_NAMES.indexOf(f[1]) : -1;
          if (c < 0 || !ruleSeen.add(f[1])) {
            throw new ModelFormatException(file, null, line, "expected 'polarity-rule', one of "
                + TagPolarity.RULE_NAMES + " not listed before, and " + k + " weights", null);
          }
          System.arraycopy(floats(f, 2, k, file, line, "polarity-rule"), 0, pRule, c * k, k);
        }
        case "polarity-theme" -> {
          int t = f.length > 1 ? themes.indexOf(f[1]) : -1;
          if (t < 0 || !pThemeSeen.add(f[1])) {
            throw new ModelFormatException(file, null, line, "expected 'polarity-theme', a theme of the 'themes' line"
                + " not listed before, and " + (k + nr * k) + " weights", null);
          }
          float[] v = floats(f, 2, k + nr * k, file, line, "polarity-theme");
          System.arraycopy(v, 0, pTheme, t * k, k);
          System.arraycopy(v, k, pCross, t * nr * k, nr * k);
        }
        case "threshold" -> {
          if (f.length != 2) {
            throw new ModelFormatException(file, null, line, "expected 'threshold' and one number", null);
          }
          threshold = number(f[1], file, line);
        }
        case "bias" -> bias = floats(f, 1, nt, file, line, "bias");
        case "cue" -> {
          int c = f.length > 1 ? themes.indexOf(f[1]) : -1;
          if (c < 0 || !cueSeen.add(f[1])) {
            throw new ModelFormatException(file, null, line, "expected 'cue', a theme of the 'themes' line not listed"
                + " before, and " + nt + " weights", null);
          }
          System.arraycopy(floats(f, 2, nt, file, line, "cue"), 0, cue, c * nt, nt);
        }
        case "complaint" -> {
          if (f.length != 2) {
            throw new ModelFormatException(file, null, line, "expected 'complaint' and one number", null);
          }
          complaintBias = number(f[1], file, line);
        }
        case "word" -> {
          float[] v = floats(f, 2, nt + 1 + extra, file, line, "word");
          if (f[1].isEmpty()) {
            throw new ModelFormatException(file, null, line, "empty word", null);
          }
          int w = words.size();
          words.add(f[1]);
          if ((w + 1) * nt > weights.length) {
            weights = java.util.Arrays.copyOf(weights, Math.max((w + 1) * nt, 2 * weights.length));
          }
          if (w >= complaints.length) {
            complaints = java.util.Arrays.copyOf(complaints, 2 * complaints.length);
          }
          System.arraycopy(v, 0, weights, w * nt, nt);
          complaints[w] = v[nt];
          if (v2) {
            if ((w + 1) * k > pWords.length) {
              pWords = java.util.Arrays.copyOf(pWords, Math.max((w + 1) * k, 2 * pWords.length));
            }
            System.arraycopy(v, nt + 1, pWords, w * k, k);
          }
        }
        default -> throw new ModelFormatException(file, null, line,
            "expected a line starting themes, threshold, bias, cue, complaint, polarity, polarity-bias, polarity-rule,"
            + " polarity-complaint, polarity-theme or word, got '" + kind + "'", null);
      }
    }
    if (themes == null || Double.isNaN(threshold) || bias == null || cueSeen.size() != themes.size()
        || Double.isNaN(complaintBias)) {
      throw new ModelFormatException(file, null, line, "incomplete layer: it needs the themes, threshold, bias and"
          + " complaint lines and one cue line per theme", null);
    }
    if (v2 && (Double.isNaN(gate) || pBias == null || pComplaint == null || ruleSeen.size() != nr
        || pThemeSeen.size() != themes.size())) {
      throw new ModelFormatException(file, null, line, "incomplete learned polarity (format version 2): it needs the"
          + " polarity, polarity-bias and polarity-complaint lines, " + nr + " polarity-rule lines and one"
          + " polarity-theme line per theme", null);
    }
    try {
      TagPolarity polarity = v2 ? new TagPolarity(gate, pBias, pRule, pTheme, pCross, pComplaint,
          java.util.Arrays.copyOf(pWords, words.size() * k)) : null;
      return new WordLayer(themes, threshold, bias, cue, words,
          java.util.Arrays.copyOf(weights, words.size() * themes.size()), (float) complaintBias,
          java.util.Arrays.copyOf(complaints, words.size()), polarity);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file, null, 0, e.getMessage(), e);
    }
  }

  private static float[] floats(String[] f, int from, int n, Path file, long line, String kind)
      throws ModelFormatException {
    if (f.length != from + n) {
      throw new ModelFormatException(file, null, line, "expected '" + kind + "'" + (from == 2 ? ", a name" : "")
          + " and " + n + " weights, got " + (f.length - from) + " values", null);
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) number(f[from + i], file, line);
    }
    return v;
  }

  private static double number(String s, Path file, long line) throws ModelFormatException {
    try {
      double d = Double.parseDouble(s);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ModelFormatException(file, null, line, "expected a finite number, got '" + s + "'", null);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "WordLayer[%d themes, %d words, threshold %s%s]", themes.size(), words.size(),
        threshold, polarity == null ? "" : ", learned polarity, gate " + polarity.gate());
  }
}
