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
 * verbatim-word-layer 1
 * themes respect honesty ...          (tab-separated; the codebook's theme ids, in its order)
 * threshold 0.5
 * bias b1 b2 ...                      (one weight per theme)
 * cue respect w1 w2 ...               (one line per theme: the weights of that theme's cue score)
 * complaint b                         (the bias of the complaint model)
 * word kind w1 w2 ... c               (one line per word: its weights when it occurs in a comment, then its
 *                                      weight in the complaint model)
 * </pre>
 *
 * <p>The complaint model, a logistic model of the same words, gives the polarity of a tag the cues have no vote on:
 * negative when its probability is at least a half.
 *
 * <p>Words are the pipeline's token norms (lower case); a word counts once per comment however often it occurs.
 * Immutable and thread-safe.
 */
public final class WordLayer {

  /** The first line of the file format. */
  public static final String MAGIC = "verbatim-word-layer 1";

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
    this.index = new LongIntMap(this.words.size());
    for (int w = 0; w < this.words.size(); w++) {
      String word = this.words.get(w);
      if (word.isEmpty() || word.indexOf('\t') >= 0 || word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("word " + (w + 1) + " is empty or holds a tab or line break");
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
      int id = vocabulary.word(words.get(w));
      if (id < 0) {
        throw new IllegalArgumentException("the vocabulary lacks the layer's word '" + words.get(w) + "'");
      }
      rows[id] = w;
    }
    return rows;
  }

  /**
   * The logits of every theme for an analysed comment into {@code out}; {@code cue[t]} is the codebook's cue score
   * of theme t ({@code w / (w + 1)}, 0 without a cue); {@code rowById} is {@link #rowsById} of the analysis's
   * vocabulary. Remembers each token's word row in {@code s.row} for {@link #evidence}.
   */
  void logits(Analysis a, double[] cue, int[] rowById, Scratch s, double[] out) {
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
    for (int i = 0; i < n; i++) {
      int id = a.id(i);
      int w = id < 0 ? -1 : rowById[id]; // a punctuation token's norm is never a layer word
      s.row[i] = w;
      if (w >= 0 && s.seen[w] != s.stamp) {
        s.seen[w] = s.stamp;
        complaint += complaintWeights[w];
        int base = w * nt;
        for (int t = 0; t < nt; t++) {
          out[t] += wordWeights[base + t];
        }
      }
    }
    s.complaint = complaint;
  }

  /** Whether the complaint model reads the comment of the last {@link #logits} call as a complaint. */
  static boolean complaint(Scratch s) {
    return s.complaint >= 0;
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
    out.write(MAGIC + "\n");
    out.write("themes\t" + String.join("\t", themes) + "\n");
    out.write("threshold\t" + threshold + "\n");
    out.write(row("bias", bias, 0, nt).append('\n').toString());
    for (int c = 0; c < nt; c++) {
      out.write(row("cue\t" + themes.get(c), cueWeights, c * nt, nt).append('\n').toString());
    }
    out.write("complaint\t" + complaintBias + "\n");
    for (int w = 0; w < words.size(); w++) {
      out.write(row("word\t" + words.get(w), wordWeights, w * nt, nt).append('\t').append(complaintWeights[w])
          .append('\n').toString());
    }
  }

  private static StringBuilder row(String head, float[] v, int from, int n) {
    StringBuilder sb = new StringBuilder(head);
    for (int i = from; i < from + n; i++) {
      sb.append('\t').append(v[i]);
    }
    return sb;
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
    if (!MAGIC.equals(first)) {
      throw new ModelFormatException(file, null, 1, "expected '" + MAGIC + "' on the first line", null);
    }
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
      switch (kind) {
        case "themes" -> {
          if (themes != null || f.length < 2) {
            throw new ModelFormatException(file, null, line, "expected one 'themes' line with at least one theme", null);
          }
          themes = List.of(f).subList(1, f.length);
          cue = new float[themes.size() * themes.size()];
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
          float[] v = floats(f, 2, nt + 1, file, line, "word");
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
        }
        default -> throw new ModelFormatException(file, null, line,
            "expected a line starting themes, threshold, bias, cue, complaint or word, got '" + kind + "'", null);
      }
    }
    if (themes == null || Double.isNaN(threshold) || bias == null || cueSeen.size() != themes.size()
        || Double.isNaN(complaintBias)) {
      throw new ModelFormatException(file, null, line, "incomplete layer: it needs the themes, threshold, bias and"
          + " complaint lines and one cue line per theme", null);
    }
    try {
      return new WordLayer(themes, threshold, bias, cue, words,
          java.util.Arrays.copyOf(weights, words.size() * themes.size()), (float) complaintBias,
          java.util.Arrays.copyOf(complaints, words.size()));
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
    return String.format(Locale.ROOT, "WordLayer[%d themes, %d words, threshold %s]", themes.size(), words.size(),
        threshold);
  }
}
