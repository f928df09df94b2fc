package org.verbatim.model;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.verbatim.Polarity;
import org.verbatim.classify.PolarityModel;
import org.verbatim.features.PolarityFeature;
import org.verbatim.features.ThemeAssociation;
import org.verbatim.text.TextPipeline;
import org.verbatim.train.PolarityOptions;

/**
 * The {@value ModelFormat#POLARITY} entry of a model file: a learned {@link PolarityModel} as UTF-8 text (format
 * {@value #FORMAT} version {@value #VERSION}, see {@code docs/polarity.md}): a header, the options, the classes,
 * the vocabulary in index order, the weight rows and the theme association ratios. Doubles are written with
 * {@link Double#toString}, which reads back exactly; no Java serialization and no class names.
 *
 * <p>Stateless and thread-safe.
 */
final class PolarityModelFormat {

  /** Format name on the first line. */
  static final String FORMAT = "verbatim-polarity";
  /** Format version this class writes and reads. */
  static final int VERSION = 1;

  /** Upper bound on any count, against corrupt files. */
  private static final int MAX_COUNT = 50_000_000;

  /** The feature groups in the order of the options line's five flags. */
  private static final PolarityFeature[] FLAGS = {PolarityFeature.EVIDENCE_CLAUSES, PolarityFeature.BIGRAMS,
      PolarityFeature.LEXICON, PolarityFeature.THEME_CONJUNCTIONS, PolarityFeature.CONTEXT_WORDS};

  private PolarityModelFormat() {}

  /** The model as the entry's bytes. */
  static byte[] write(PolarityModel m) {
    PolarityOptions options = m.options();
    StringBuilder w = new StringBuilder(1 << 16);
    w.append(FORMAT + "\t" + VERSION + "\n");
    w.append("options\t" + options.seed() + "\t" + options.folds() + "\t" + options.minFeatureCount());
    for (PolarityFeature f : FLAGS) {
      w.append('\t').append(options.features().contains(f));
    }
    w.append('\n');
    StringBuilder ls = new StringBuilder("lambdas");
    options.lambdas().forEach(l -> ls.append('\t').append(l));
    w.append(ls + "\n");
    w.append("fit\t" + m.lambda() + "\t" + m.cvMacroF1() + "\t" + m.trainingPairs() + "\n");
    StringBuilder cs = new StringBuilder("classes");
    m.classes().forEach(c -> cs.append('\t').append(c.id()));
    w.append(cs + "\n");
    List<String> byIndex = m.vocabulary();
    w.append("vocabulary\t" + byIndex.size() + "\n");
    for (String f : byIndex) {
      w.append(escape(f) + "\n");
    }
    double[][] weights = m.weights();
    w.append("weights\t" + weights.length + "\t" + (byIndex.size() + 1) + "\n");
    for (double[] row : weights) {
      for (double v : row) {
        w.append(Double.toString(v));
        w.append('\n');
      }
    }
    Map<String, Map<String, Double>> ratios = m.association().ratios();
    w.append("themes\t" + ratios.size() + "\n");
    for (Map.Entry<String, Map<String, Double>> t : ratios.entrySet()) {
      w.append(t.getValue().size() + "\t" + escape(t.getKey()) + "\n");
      for (Map.Entry<String, Double> e : t.getValue().entrySet()) {
        w.append(escape(e.getKey()) + "\t" + e.getValue() + "\n");
      }
    }
    w.append("end\n");
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the entry of the model file {@code file}.
   *
   * @param pipeline the pipeline the model analyses comments with (the one it was trained with)
   * @throws ModelFormatException naming the entry and line if the content is not a valid model of this format
   *     and version
   */
  static PolarityModel read(byte[] bytes, Path file, TextPipeline pipeline) throws ModelFormatException {
    LineSource src = new LineSource(new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
        StandardCharsets.UTF_8)), file);
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
      Set<PolarityFeature> features = EnumSet.noneOf(PolarityFeature.class);
      for (int i = 0; i < FLAGS.length; i++) {
        if (src.parseBool(o[4 + i])) {
          features.add(FLAGS[i]);
        }
      }
      PolarityOptions options = PolarityOptions.builder().seed(src.parseLong(o[1])).lambdas(lambdas)
          .folds(src.parseInt(o[2])).minFeatureCount(src.parseInt(o[3])).features(features).pipeline(pipeline).build();
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
      return PolarityModel.builder().options(options).classes(classes).vocabulary(vocab).weights(weights)
          .association(ThemeAssociation.of(ratios)).lambda(src.parseDouble(fit[1])).cvMacroF1(src.parseDouble(fit[2]))
          .trainingPairs(src.parseInt(fit[3])).build();
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

  /** Line-numbered reading with errors that name the entry and line (never the line's content). */
  private static final class LineSource {
    private final BufferedReader reader;
    private final Path file;
    private int lineNo;

    LineSource(BufferedReader reader, Path file) {
      this.reader = reader;
      this.file = file;
    }

    String line() throws ModelFormatException {
      String l;
      try {
        l = reader.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);   // reading a byte array does not fail
      }
      lineNo++;
      if (l == null) {
        throw error("unexpected end of model");
      }
      return l;
    }

    String[] fields(int n) throws ModelFormatException {
      String[] f = line().split("\t", -1);
      if (f.length != n) {
        throw error("expected " + n + " tab-separated fields, found " + f.length);
      }
      return f;
    }

    String[] keyed(String key, int n) throws ModelFormatException {
      String[] f = line().split("\t", -1);
      if (!f[0].equals(key) || (n >= 0 && f.length != n)) {
        throw error("expected a '" + key + "' line" + (n >= 0 ? " with " + n + " fields" : ""));
      }
      return f;
    }

    int count(String s) throws ModelFormatException {
      int v = parseInt(s);
      if (v < 0 || v > MAX_COUNT) {
        throw error("count out of range 0.." + MAX_COUNT + ": " + v);
      }
      return v;
    }

    int parseInt(String s) throws ModelFormatException {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw error("expected an integer");
      }
    }

    long parseLong(String s) throws ModelFormatException {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw error("expected an integer");
      }
    }

    double parseDouble(String s) throws ModelFormatException {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw error("expected a number");
      }
    }

    boolean parseBool(String s) throws ModelFormatException {
      if (s.equals("true") || s.equals("false")) {
        return Boolean.parseBoolean(s);
      }
      throw error("expected true or false");
    }

    ModelFormatException error(String what) {
      return new ModelFormatException(file, ModelFormat.POLARITY, lineNo, what, null);
    }
  }
}
