package org.verbatim.polarity;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.verbatim.Polarity;
import org.verbatim.classify.SentimentLexicon;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.OpenNlpPipeline;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;

/**
 * A learned polarity classifier for (comment, theme) pairs: it locates the theme's evidence clauses and scores
 * their features with multinomial logistic regression weights (trained by Smile's {@code Maxent}).
 *
 * <pre>{@code
 * PolarityModel m = new PolarityTrainer(PolarityOptions.defaults()).train(examples);
 * m.predict("The food was great but the staff were rude.", "staff");   // NEGATIVE
 * try (OutputStream out = Files.newOutputStream(path)) { m.writeTo(out); }
 * }</pre>
 *
 * <p>Immutable and thread-safe (prediction uses only final arrays and maps). Serialisation is plain UTF-8 text
 * (format {@value #FORMAT} version {@value #VERSION}, see {@code docs/polarity.md}): no Java serialization and no
 * class names. A theme never seen in training still gets a prediction (from the whole comment, without theme
 * features).
 */
public final class PolarityModel {

  /** Format name on the first line of the serialised form. */
  public static final String FORMAT = "verbatim-polarity";
  /** Format version this class writes and reads. */
  public static final int VERSION = 1;

  /** Upper bound on any count in a serialised model, against corrupt files. */
  private static final int MAX_COUNT = 50_000_000;

  private final PolarityOptions options;
  private final List<Polarity> classes;
  private final Map<String, Integer> vocabulary;
  private final double[][] weights;   // (classes - 1) rows of (vocabulary + 1); the last column is the intercept
  private final ThemeAssociation association;
  private final double lambda;
  private final double cvMacroF1;
  private final int trainingPairs;
  private final TextPipeline pipeline;
  private final FeatureExtractor extractor;

  PolarityModel(PolarityOptions options, List<Polarity> classes, Map<String, Integer> vocabulary, double[][] weights,
      ThemeAssociation association, double lambda, double cvMacroF1, int trainingPairs, TextPipeline pipeline) {
    this.options = options;
    this.classes = List.copyOf(classes);
    this.vocabulary = Map.copyOf(vocabulary);
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
    this.association = association;
    this.lambda = lambda;
    this.cvMacroF1 = cvMacroF1;
    this.trainingPairs = trainingPairs;
    this.pipeline = pipeline;
    this.extractor = new FeatureExtractor(association, SentimentLexicon.english(), options);
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

  PolarityPrediction predict(AnalyzedText analyzed, String themeId) {
    double[] p = probabilities(indexes(extractor.features(analyzed, themeId), vocabulary));
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

  /**
   * Character spans {@code [start, end)} of the clauses the model reads as the theme's evidence in a comment.
   *
   * @throws NullPointerException if an argument is null
   */
  public List<int[]> evidenceSpans(String text, String themeId) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(themeId, "themeId");
    AnalyzedText a = pipeline.analyze(text);
    List<int[]> out = new ArrayList<>();
    for (int c : extractor.evidence(a, themeId)) {
      var cl = a.clauses().get(c);
      if (cl.size() > 0) {
        out.add(new int[] {a.tokens().get(cl.firstToken()).start(), a.tokens().get(cl.endToken() - 1).end()});
      }
    }
    return out;
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

  static int[] indexes(List<String> features, Map<String, Integer> vocabulary) {
    int[] out = new int[features.size()];
    int n = 0;
    for (String f : features) {
      Integer i = vocabulary.get(f);
      if (i != null) {
        out[n++] = i;
      }
    }
    int[] x = Arrays.copyOf(out, n);
    Arrays.sort(x);
    return x;
  }

  /** The polarity classes the model can predict, in weight-row order. */
  public List<Polarity> classes() {
    return classes;
  }

  /** The options it was trained with. */
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

  /**
   * Writes the model as UTF-8 text: a header, the options, the classes, the vocabulary in index order, the
   * weight rows and the theme association ratios. Doubles are written with {@link Double#toString}, which reads
   * back exactly. The stream is flushed, not closed.
   *
   * @throws IOException if writing fails
   */
  public void writeTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.write(FORMAT + "\t" + VERSION + "\n");
    w.write("options\t" + options.seed() + "\t" + options.folds() + "\t" + options.minFeatureCount() + "\t"
        + options.evidenceClauses() + "\t" + options.bigrams() + "\t" + options.lexicon() + "\t"
        + options.themeConjunctions() + "\t" + options.contextWords() + "\n");
    StringBuilder ls = new StringBuilder("lambdas");
    options.lambdas().forEach(l -> ls.append('\t').append(l));
    w.write(ls + "\n");
    w.write("fit\t" + lambda + "\t" + cvMacroF1 + "\t" + trainingPairs + "\n");
    StringBuilder cs = new StringBuilder("classes");
    classes.forEach(c -> cs.append('\t').append(c.id()));
    w.write(cs + "\n");
    String[] byIndex = new String[vocabulary.size()];
    vocabulary.forEach((f, i) -> byIndex[i] = f);
    w.write("vocabulary\t" + byIndex.length + "\n");
    for (String f : byIndex) {
      w.write(escape(f) + "\n");
    }
    w.write("weights\t" + weights.length + "\t" + (byIndex.length + 1) + "\n");
    for (double[] row : weights) {
      for (double v : row) {
        w.write(Double.toString(v));
        w.write('\n');
      }
    }
    Map<String, Map<String, Double>> ratios = association.ratios();
    w.write("themes\t" + ratios.size() + "\n");
    for (Map.Entry<String, Map<String, Double>> t : ratios.entrySet()) {
      w.write(t.getValue().size() + "\t" + escape(t.getKey()) + "\n");
      for (Map.Entry<String, Double> e : t.getValue().entrySet()) {
        w.write(escape(e.getKey()) + "\t" + e.getValue() + "\n");
      }
    }
    w.write("end\n");
    w.flush();
  }

  /**
   * Reads a model written by {@link #writeTo}, analysing text with the {@link Profile#FAST} OpenNLP pipeline.
   *
   * @param in the stream; read to the {@code end} line, not closed
   * @param sourceName a name for error messages (file or zip entry)
   * @throws PolarityFileException if the content is not a valid model of this format and version, naming the line
   * @throws IOException if reading fails
   */
  public static PolarityModel readFrom(InputStream in, String sourceName) throws IOException {
    return readFrom(in, sourceName, OpenNlpPipeline.create(Profile.FAST));
  }

  /** As {@link #readFrom(InputStream, String)} with the given pipeline (use the one it was trained with). */
  public static PolarityModel readFrom(InputStream in, String sourceName, TextPipeline pipeline) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(pipeline, "pipeline");
    LineSource src = new LineSource(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), sourceName);
    try {
      String[] head = src.fields(2);
      if (!head[0].equals(FORMAT)) {
        throw src.error("expected format '" + FORMAT + "'");
      }
      if (!head[1].equals(Integer.toString(VERSION))) {
        throw src.error("unsupported version " + head[1] + ", this library reads version " + VERSION);
      }
      String[] o = src.keyed("options", 9);
      String[] ls = src.keyed("lambdas", -1);
      List<Double> lambdas = new ArrayList<>();
      for (int i = 1; i < ls.length; i++) {
        lambdas.add(src.parseDouble(ls[i]));
      }
      PolarityOptions options = new PolarityOptions(src.parseLong(o[1]), lambdas, src.parseInt(o[2]),
          src.parseInt(o[3]), src.parseBool(o[4]), src.parseBool(o[5]), src.parseBool(o[6]), src.parseBool(o[7]),
          src.parseBool(o[8]));
      String[] fit = src.keyed("fit", 4);
      String[] cs = src.keyed("classes", -1);
      List<Polarity> classes = new ArrayList<>();
      for (int i = 1; i < cs.length; i++) {
        try {
          classes.add(Polarity.parse(cs[i]));
        } catch (IllegalArgumentException e) {
          throw src.error("unknown polarity class in field " + (i + 1));
        }
      }
      if (classes.size() < 2) {
        throw src.error("expected at least 2 classes");
      }
      int v = src.count(src.keyed("vocabulary", 2)[1]);
      Map<String, Integer> vocab = new HashMap<>();
      for (int i = 0; i < v; i++) {
        if (vocab.put(unescape(src.line()), i) != null) {
          throw src.error("duplicate feature");
        }
      }
      String[] wh = src.keyed("weights", 3);
      int rows = src.count(wh[1]);
      int cols = src.count(wh[2]);
      if (rows != classes.size() - 1 || cols != v + 1) {
        throw src.error("expected weights " + (classes.size() - 1) + " x " + (v + 1));
      }
      double[][] weights = new double[rows][cols];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          weights[r][c] = src.parseDouble(src.line());
        }
      }
      int nThemes = src.count(src.keyed("themes", 2)[1]);
      Map<String, Map<String, Double>> ratios = new TreeMap<>();
      for (int t = 0; t < nThemes; t++) {
        String[] th = src.fields(2);
        int n = src.count(th[0]);
        Map<String, Double> words = new TreeMap<>();
        for (int i = 0; i < n; i++) {
          String[] we = src.fields(2);
          words.put(unescape(we[0]), src.parseDouble(we[1]));
        }
        ratios.put(unescape(th[1]), words);
      }
      if (!src.line().equals("end")) {
        throw src.error("expected 'end'");
      }
      return new PolarityModel(options, classes, vocab, weights, new ThemeAssociation(ratios),
          src.parseDouble(fit[1]), src.parseDouble(fit[2]), src.parseInt(fit[3]), pipeline);
    } catch (IllegalArgumentException e) {
      throw src.error("invalid value (" + e.getMessage() + ")");
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Line-numbered reading with errors that name the source and line (never the line's content). */
  private static final class LineSource {
    private final BufferedReader reader;
    private final String name;
    private int lineNo;

    LineSource(BufferedReader reader, String name) {
      this.reader = reader;
      this.name = name;
    }

    String line() throws IOException {
      String l = reader.readLine();
      lineNo++;
      if (l == null) {
        throw error("unexpected end of model");
      }
      return l;
    }

    String[] fields(int n) throws IOException {
      String[] f = line().split("\t", -1);
      if (f.length != n) {
        throw error("expected " + n + " tab-separated fields, found " + f.length);
      }
      return f;
    }

    String[] keyed(String key, int n) throws IOException {
      String[] f = line().split("\t", -1);
      if (!f[0].equals(key) || (n >= 0 && f.length != n)) {
        throw error("expected a '" + key + "' line" + (n >= 0 ? " with " + n + " fields" : ""));
      }
      return f;
    }

    int count(String s) throws PolarityFileException {
      int v = parseInt(s);
      if (v < 0 || v > MAX_COUNT) {
        throw error("count out of range 0.." + MAX_COUNT + ": " + v);
      }
      return v;
    }

    int parseInt(String s) throws PolarityFileException {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw error("expected an integer");
      }
    }

    long parseLong(String s) throws PolarityFileException {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw error("expected an integer");
      }
    }

    double parseDouble(String s) throws PolarityFileException {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw error("expected a number");
      }
    }

    boolean parseBool(String s) throws PolarityFileException {
      if (s.equals("true") || s.equals("false")) {
        return Boolean.parseBoolean(s);
      }
      throw error("expected true or false");
    }

    PolarityFileException error(String what) {
      return new PolarityFileException(name, lineNo, what);
    }
  }
}
