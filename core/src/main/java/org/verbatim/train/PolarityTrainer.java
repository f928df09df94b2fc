package org.verbatim.train;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.verbatim.Polarity;
import org.verbatim.classify.PolarityModel;
import org.verbatim.classify.SentimentLexicon;
import org.verbatim.eval.DocumentTheme;
import org.verbatim.eval.Folds;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.features.PolarityFeatures;
import org.verbatim.features.ThemeAssociation;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.TextPipeline;
import smile.classification.Maxent;

/**
 * Trains a {@link PolarityModel} from labelled (comment, theme) pairs.
 *
 * <p>Steps: (1) analyse each distinct comment once; (2) learn each theme's word association from which
 * comments carry the theme ({@link ThemeAssociation}); (3) for each pair, take the clauses most associated with
 * its theme as evidence and extract binary features from them; (4) keep features seen in at least
 * {@link PolarityOptions#minFeatureCount()} pairs; (5) choose the L2 strength among
 * {@link PolarityOptions#lambdas()} by k-fold cross-validation (folds by comment, macro-F1) and (6) refit Smile's
 * multinomial {@code Maxent} on all pairs. Only the fold assignment is random, so training is deterministic for a
 * seed. Steps 2 and 4 use all training pairs also during cross-validation; they use no polarity label.
 *
 * <pre>{@code
 * PolarityModel m = PolarityTrainer.create(PolarityOptions.defaults()).train(List.of(
 *     new PolarityExample("Lovely staff.", "staff", Polarity.POSITIVE),
 *     new PolarityExample("Rude staff.", "staff", Polarity.NEGATIVE)));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #train} may run concurrently. Pass only training data: never a test split.
 */
public final class PolarityTrainer {

  private static final double TOLERANCE = 1e-5;
  private static final int MAX_ITERATIONS = 500;
  /** Theme-by-word features need this many pairs (at least). */
  private static final int MIN_CONJUNCTION_COUNT = 5;

  private final PolarityOptions options;
  private final TextPipeline pipeline;

  private PolarityTrainer(PolarityOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.pipeline = options.pipeline();
  }

  /** A trainer with the given options (their pipeline analyses the comments; the model keeps it). */
  public static PolarityTrainer create(PolarityOptions options) {
    return new PolarityTrainer(options);
  }

  /** The options. */
  public PolarityOptions options() {
    return options;
  }

  /**
   * Trains a model.
   *
   * @throws NullPointerException if {@code examples} or an element is null
   * @throws IllegalArgumentException if the examples have fewer than two polarity classes, or fewer comments
   *     than folds when cross-validation is needed
   */
  public PolarityModel train(List<PolarityExample> examples) {
    Objects.requireNonNull(examples, "examples");
    List<PolarityExample> ex = List.copyOf(examples);
    Set<Polarity> present = EnumSet.noneOf(Polarity.class);
    ex.forEach(e -> present.add(e.polarity()));
    if (present.size() < 2) {
      throw new IllegalArgumentException("examples must have at least 2 polarity classes: " + present);
    }
    List<Polarity> classes = new ArrayList<>(present);

    Map<String, Integer> docIndex = new LinkedHashMap<>();
    for (PolarityExample e : ex) {
      docIndex.putIfAbsent(e.text(), docIndex.size());
    }
    List<AnalyzedText> docs = new ArrayList<>(docIndex.size());
    List<Set<String>> themes = new ArrayList<>(docIndex.size());
    for (String t : docIndex.keySet()) {
      docs.add(pipeline.analyze(t));
      themes.add(new LinkedHashSet<>());
    }
    int[] doc = new int[ex.size()];
    for (int i = 0; i < ex.size(); i++) {
      doc[i] = docIndex.get(ex.get(i).text());
      themes.get(doc[i]).add(ex.get(i).themeId());
    }
    ThemeAssociation association = ThemeAssociation.learn(docs, themes);
    PolarityFeatures extractor = new PolarityFeatures(association, SentimentLexicon.english(), options.features());

    List<List<String>> features = new ArrayList<>(ex.size());
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < ex.size(); i++) {
      List<String> f = extractor.features(docs.get(doc[i]), ex.get(i).themeId());
      features.add(f);
      f.forEach(x -> counts.merge(x, 1, Integer::sum));
    }
    Map<String, Integer> vocab = new HashMap<>();
    for (Map.Entry<String, Integer> c : counts.entrySet()) {   // sorted: indexes do not depend on hash order
      int min = c.getKey().startsWith("tw:") ? Math.max(MIN_CONJUNCTION_COUNT, options.minFeatureCount())
          : options.minFeatureCount();
      if (c.getValue() >= min) {
        vocab.put(c.getKey(), vocab.size());
      }
    }
    int[][] x = new int[ex.size()][];
    int[] y = new int[ex.size()];
    for (int i = 0; i < ex.size(); i++) {
      x[i] = PolarityFeatures.indexes(features.get(i), vocab);
      y[i] = classes.indexOf(ex.get(i).polarity());
    }

    double lambda = options.lambdas().get(0);
    double bestF1 = Double.NaN;
    if (options.lambdas().size() > 1) {
      int[] fold = folds(docs.size(), doc);
      for (double l : options.lambdas()) {
        double f1 = crossValidate(vocab.size(), x, y, fold, l, classes);
        if (Double.isNaN(bestF1) || f1 > bestF1) {
          bestF1 = f1;
          lambda = l;
        }
      }
    }
    double[][] w = fit(vocab.size(), x, y, classes.size(), lambda);
    return PolarityModel.builder().options(options).classes(classes).vocabulary(vocab).weights(w)
        .association(association).lambda(lambda).cvMacroF1(bestF1).trainingPairs(ex.size()).build();
  }

  /** Fold of each pair: the comments are shuffled with the seed and dealt round-robin ({@link Folds#byGroup}). */
  private int[] folds(int nDocs, int[] doc) {
    if (nDocs < options.folds()) {
      throw new IllegalArgumentException(
          "cross-validation needs at least folds=" + options.folds() + " distinct comments: " + nDocs);
    }
    return Folds.byGroup(doc, nDocs, options.folds(), options.seed()).assignments();
  }

  private double crossValidate(int p, int[][] x, int[] y, int[] fold, double lambda, List<Polarity> classes) {
    Map<DocumentTheme, Polarity> gold = new HashMap<>();
    Map<DocumentTheme, Polarity> pred = new HashMap<>();
    for (int f = 0; f < options.folds(); f++) {
      List<Integer> trainIdx = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (fold[i] != f) {
          trainIdx.add(i);
        }
      }
      int[][] tx = new int[trainIdx.size()][];
      int[] ty = new int[trainIdx.size()];
      int[] remap = remap(trainIdx, y, classes.size());
      if (remap == null) {
        continue;   // a training fold with one class only: nothing to learn, skip the fold
      }
      for (int i = 0; i < tx.length; i++) {
        tx[i] = x[trainIdx.get(i)];
        ty[i] = remap[y[trainIdx.get(i)]];
      }
      int k = 0;
      for (int r : remap) {
        k = Math.max(k, r + 1);
      }
      double[][] w = fit(p, tx, ty, k, lambda);
      for (int i = 0; i < x.length; i++) {
        if (fold[i] == f) {
          int best = argmaxClass(w, x[i], k);
          int original = 0;
          for (int c = 0; c < remap.length; c++) {
            if (remap[c] == best) {
              original = c;
            }
          }
          DocumentTheme key = new DocumentTheme(Integer.toString(i), "pair");
          gold.put(key, classes.get(y[i]));
          pred.put(key, classes.get(original));
        }
      }
    }
    return PolarityMetrics.compute(gold, pred).macroF1Found();
  }

  /** Dense class codes for the classes present in a training fold, or null when fewer than two are. */
  private static int[] remap(List<Integer> idx, int[] y, int k) {
    boolean[] seen = new boolean[k];
    idx.forEach(i -> seen[y[i]] = true);
    int[] map = new int[k];
    int n = 0;
    for (int c = 0; c < k; c++) {
      map[c] = seen[c] ? n++ : -1;
    }
    return n < 2 ? null : map;
  }

  private static int argmaxClass(double[][] w, int[] x, int k) {
    int best = k - 1;
    double bestScore = 0.0;   // the last class scores 0
    for (int c = 0; c < k - 1; c++) {
      double v = w[c][w[c].length - 1];
      for (int i : x) {
        v += w[c][i];
      }
      if (v > bestScore) {
        bestScore = v;
        best = c;
      }
    }
    return best;
  }

  /** Fits Maxent; returns (k-1) rows of p+1 weights scored against a last class fixed at 0. */
  static double[][] fit(int p, int[][] x, int[] y, int k, double lambda) {
    int dim = Math.max(p, 1);
    if (k == 2) {
      // Binomial: P(class 1) = sigmoid(w.x), so class 0 scores -w.x against class 1's 0.
      double[] w = Maxent.binomial(dim, x, y, lambda, TOLERANCE, MAX_ITERATIONS).coefficients();
      double[] row = new double[p + 1];
      for (int i = 0; i < p; i++) {
        row[i] = -w[i];
      }
      row[p] = -w[w.length - 1];
      return new double[][] {row};
    }
    double[][] w = Maxent.multinomial(dim, x, y, lambda, TOLERANCE, MAX_ITERATIONS).coefficients();
    double[][] out = new double[k - 1][p + 1];
    for (int c = 0; c < k - 1; c++) {
      System.arraycopy(w[c], 0, out[c], 0, p);
      out[c][p] = w[c][w[c].length - 1];
    }
    return out;
  }
}
