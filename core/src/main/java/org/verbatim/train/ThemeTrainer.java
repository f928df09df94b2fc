package org.verbatim.train;

import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearModel;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.classify.Ranking;
import org.verbatim.features.ExtraFeatures;
import org.verbatim.features.FeatureExtractor;
import org.verbatim.features.FeatureHash;
import org.verbatim.features.FeatureOptions;
import org.verbatim.features.LongIntMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verbatim.ModelInfo;
import org.verbatim.classify.DecisionRule;
import org.verbatim.model.LibraryVersion;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import smile.classification.Maxent;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;
import smile.util.SparseArray;

/**
 * Trains a binary-relevance linear theme classifier from labelled comments: one model per label, the cost
 * {@code C} and the threshold rule chosen by k-fold cross-validation on the training data (the vocabulary is
 * rebuilt inside every fold), per-label thresholds from out-of-fold scores, then a final fit on all the data.
 *
 * <pre>{@code
 * ThemeTrainer trainer = ThemeTrainer.create(TrainingOptions.builder().seed(7).build());
 * LinearThemeClassifier model = trainer.train(comments);
 * model.report().cvMicroF1();
 * model.classify("The nurse never explained anything.");
 * }</pre>
 *
 * <p>Immutable and thread-safe; training is deterministic for given data (in order), options and seed,
 * whatever the number of threads.
 */
public final class ThemeTrainer {

  private static final double CONSTANT_BIAS = 50.0;

  /**
   * Largest number of stored dual variables (labels x costs x comments) for warm starts across folds; above
   * it (hundreds of thousands of training comments) each fold starts cold, as the memory would outweigh the
   * time saved.
   */
  static final long WARM_START_BUDGET = 64L << 20;

  private final TrainingOptions options;
  private final FeatureExtractor extractor;

  private final long warmBudget;

  private ThemeTrainer(TrainingOptions options) {
    this(options, WARM_START_BUDGET);
  }

  private ThemeTrainer(TrainingOptions options, long warmBudget) {
    this.options = Objects.requireNonNull(options, "options");
    this.extractor = new FeatureExtractor(options.features(), options.tokenizer());
    this.warmBudget = warmBudget;
  }

  /** This trainer with every fold's fits starting cold (for tests: warm starts change speed, not the optimum). */
  ThemeTrainer withoutWarmStarts() {
    return new ThemeTrainer(options, 0);
  }

  /** A trainer with the given options. */
  public static ThemeTrainer create(TrainingOptions options) {
    return new ThemeTrainer(options);
  }

  public TrainingOptions options() {
    return options;
  }

  /**
   * SHA-256 (lower-case hex) of the canonical form of the data: for each comment in order, the UTF-8 bytes
   * of {@code id}, a NUL, {@code text}, a NUL, the sorted labels joined by {@code ;}, and a line feed.
   */
  public static String dataSha256(List<LabelledComment> data) {
    Objects.requireNonNull(data, "data");
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (LabelledComment c : data) {
        md.update(c.id().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(c.text().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(String.join(";", c.labels()).getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Trains a classifier.
   *
   * @param data the labelled comments (at least {@code folds} of them, at least one label in total)
   * @return the trained classifier, with its {@link TrainingReport}
   * @throws IllegalArgumentException if the data is too small, has no label or has duplicate ids
   */
  public LinearThemeClassifier train(List<LabelledComment> data) {
    Objects.requireNonNull(data, "data");
    long t0 = System.nanoTime();
    Prepared prep = prepare(data);
    ExecutorService pool = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "verbatim-train");
      t.setDaemon(true);
      return t;
    }) : null;
    try {
      // each kind is tuned as if alone (in the same folds, whose features are built once for all kinds, and
      // fitted side by side so that threads stay busy); the best cross-validated selection score wins (first on
      // a tie); only the winner gets its final fit
      List<ThemeTrainer> kinds = new ArrayList<>();
      for (ClassifierKind k : options.kindGrid()) {
        kinds.add(options.kindGrid().size() == 1 ? this : new ThemeTrainer(options.toBuilder().kind(k).build()));
      }
      List<Tuned> tuned = crossValidate(prep, kinds, pool);
      ThemeTrainer bestTrainer = null;
      Tuned best = null;
      double bestObj = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < kinds.size(); k++) {
        Tuned t = tuned.get(k);
        double obj = selectionScore(t.f1[0], t.f1[1]);
        if (obj > bestObj + 1e-12) {
          bestObj = obj;
          best = t;
          bestTrainer = kinds.get(k);
        }
      }
      long t1 = System.nanoTime();
      LinearModel model = bestTrainer.fitFinal(prep, best, pool);
      long t2 = System.nanoTime();
      TrainingReport report = bestTrainer.report(prep, best, model, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      return LinearThemeClassifier.of(model, info(model, options.withChosenKind(model.kind()), report), report);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** The provenance of a trained model: its options ({@code option.*}) and what training chose. */
  private static ModelInfo info(LinearModel model, TrainingOptions options, TrainingReport report) {
    Map<String, String> props = new TreeMap<>();
    options.toProperties().forEach((k, v) -> props.put("option." + k, v));
    props.putAll(report.properties());
    return new ModelInfo(model.kind().id(), "verbatim linear model", LibraryVersion.get(), model.labels(), props);
  }

  private double selectionScore(double micro, double macro) {
    return switch (options.selection()) {
      case MICRO_F1 -> micro;
      case MACRO_F1 -> macro;
      case MEAN_F1 -> 0.5 * (micro + macro);
    };
  }

  /** The training data checked, labelled and turned into per-comment features (shared by every kind). */
  private static final class Prepared {
    List<LabelledComment> docs;
    int n;
    String sha;
    List<String> labels;
    int nLabels;
    boolean[][] y;
    int[] positives;
    boolean atLeastOne;
    int maxLabels;
    boolean[] active;
    /** Labels by descending positives: the longest fits start first, so threads finish a fold together. */
    int[] schedule;
    DocFeatures[] feats;
    int nExtras;
    ExtraFeatures extras;
  }

  /** What the cross-validation of one kind chose. */
  private static final class Tuned {
    List<Double> costs;
    List<Double> betas;
    int nc;
    int[][] labelCost;
    int bestC;
    int bestB;
    ThresholdRule bestRule;
    double bestWeight;
    Ranking bestRanking;
    double[] bestTh;
    double[] f1;
    double[] labelF1;
    List<TrainingReport.GridPoint> grid;
    /** Per label and cost index, the dual variables by comment from the last fold that trained it, or null. */
    float[][][] warm;
  }

  private Prepared prepare(List<LabelledComment> data) {
    Prepared pr = new Prepared();
    List<LabelledComment> docs = List.copyOf(data);
    int n = docs.size();
    if (n < options.folds()) {
      throw new IllegalArgumentException("need at least " + options.folds() + " comments (one per fold), got " + n);
    }
    java.util.HashSet<String> ids = new java.util.HashSet<>();
    TreeSet<String> labelSet = new TreeSet<>();
    for (LabelledComment c : docs) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("duplicate comment id: " + c.id());
      }
      labelSet.addAll(c.labels());
    }
    if (labelSet.isEmpty()) {
      throw new IllegalArgumentException("the training data has no label");
    }
    List<String> labels = List.copyOf(labelSet);
    int L = labels.size();
    boolean[][] y = new boolean[L][n];
    int[] positives = new int[L];
    int maxCard = 0;
    boolean allLabelled = true;
    for (int i = 0; i < n; i++) {
      List<String> ls = docs.get(i).labels();
      maxCard = Math.max(maxCard, ls.size());
      allLabelled &= !ls.isEmpty();
      for (String l : ls) {
        int j = Collections2.indexOf(labels, l);
        y[j][i] = true;
        positives[j]++;
      }
    }
    boolean atLeastOne = switch (options.atLeastOne()) {
      case AUTO -> allLabelled;
      case ON -> true;
      case OFF -> false;
    };
    int maxLabels = options.maxLabels() < 0 ? maxCard : options.maxLabels();
    if (maxLabels >= L) {
      maxLabels = 0;
    }
    boolean[] active = new boolean[L];
    for (int l = 0; l < L; l++) {
      active[l] = positives[l] >= options.minExamples();
    }

    DocFeatures[] feats = new DocFeatures[n];
    FeatureExtractor.Buffer buf = new FeatureExtractor.Buffer();
    ExtraFeatures extras = options.extraFeatures();
    int nExtras = extras == null ? 0 : extras.names().size();
    for (int i = 0; i < n; i++) {
      extractor.extract(docs.get(i).text(), buf);
      double[] ev = null;
      if (extras != null) {
        ev = new double[nExtras];
        extras.compute(docs.get(i).text(), ev);
        for (int e = 0; e < nExtras; e++) {
          if (!Double.isFinite(ev[e])) {
            throw new IllegalArgumentException("extra feature " + extras.names().get(e) + " is not finite for comment "
                + docs.get(i).id());
          }
        }
      }
      feats[i] = DocFeatures.of(buf, ev);
    }
    pr.docs = docs;
    pr.n = n;
    pr.sha = dataSha256(docs);
    pr.labels = labels;
    pr.nLabels = L;
    pr.y = y;
    pr.positives = positives;
    pr.atLeastOne = atLeastOne;
    pr.maxLabels = maxLabels;
    pr.active = active;
    pr.schedule = java.util.stream.IntStream.range(0, L).boxed()
        .sorted((a, b) -> positives[a] != positives[b] ? Integer.compare(positives[b], positives[a]) : Integer.compare(a, b))
        .mapToInt(Integer::intValue).toArray();
    pr.feats = feats;
    pr.nExtras = nExtras;
    pr.extras = extras;
    return pr;
  }

  /** One kind's cross-validation in progress: its grid, out-of-fold scores and carried dual variables. */
  private static final class KindCv {
    final ThemeTrainer trainer;
    final List<Double> costs;
    final List<Double> betas;
    /** {@code oof[c * betas + b][label][comment]}. */
    final double[][][] oof;
    final float[][][] warm;

    KindCv(ThemeTrainer trainer, int labels, int n, long warmBudget) {
      this.trainer = trainer;
      this.costs = trainer.options.costGrid(trainer.options.kind());
      this.betas = trainer.options.interpolationGrid();
      this.oof = new double[costs.size() * betas.size()][labels][n];
      this.warm = trainer.warmStarts(labels, costs.size(), n, warmBudget);
    }
  }

  /**
   * Cross-validation of each kind in {@code kinds} (trainers differing only in their kind): out-of-fold scores
   * per cost, then each kind's best setting. The folds' feature spaces are built once and shared; within a
   * fold every (kind, label) fit is a task, longest first.
   */
  private List<Tuned> crossValidate(Prepared pr, List<ThemeTrainer> kinds, ExecutorService pool) {
    int n = pr.n;
    int L = pr.nLabels;
    boolean[][] y = pr.y;
    boolean[] active = pr.active;
    DocFeatures[] feats = pr.feats;
    int K = kinds.size();
    List<KindCv> cvs = new ArrayList<>(K);
    for (ThemeTrainer kt : kinds) {
      cvs.add(new KindCv(kt, L, n, warmBudget / K));
    }
    // the (kind, label) tasks of a fold, by descending positives and then kind
    int[] schedule = new int[K * L];
    for (int i = 0; i < L; i++) {
      for (int k = 0; k < K; k++) {
        schedule[i * K + k] = k * L + pr.schedule[i];
      }
    }
    int[] fold = folds(n, options.folds(), options.seed());
    // dual variables carried from fold to fold: any two folds' training rows overlap by (k-2)/(k-1), and the
    // previous fold's solution at the same cost is a closer start than a cold one (same optimum sought)
    for (int f = 0; f < options.folds(); f++) {
      int[] tr = rows(fold, f, false);
      int[] va = rows(fold, f, true);
      Space space = Space.build(feats, tr, options.features().minDf(), pr.nExtras, null);
      Csr xtr = space.csr(feats, tr, options.features());
      Csr xva = space.csr(feats, va, options.features());
      final int ff = f;
      runAll(pool, schedule, task -> {
        int l = task % L;
        if (!active[l]) {
          return;
        }
        KindCv cv = cvs.get(task / L);
        boolean[] ytr = new boolean[tr.length];
        for (int k = 0; k < tr.length; k++) {
          ytr[k] = y[l][tr[k]];
        }
        Fit fit = cv.trainer.fitPath(xtr, ytr, cv.costs, seedFor(ff, l), cv.warm == null ? null : cv.warm[l], tr);
        int p = xva.cols;
        int nb = cv.betas.size();
        for (int c = 0; c < cv.costs.size(); c++) {
          for (int b = 0; b < nb; b++) {
            double[] w = fit.weights(c, cv.betas.get(b));
            double[] out = cv.oof[c * nb + b][l];
            for (int k = 0; k < va.length; k++) {
              out[va[k]] = xva.dot(k, w, null) + w[p];
            }
          }
        }
      });
    }
    List<Tuned> out = new ArrayList<>(K);
    for (KindCv cv : cvs) {
      out.add(cv.trainer.choose(pr, cv));
    }
    return out;
  }

  /** This trainer's kind's best setting from its out-of-fold scores. */
  private Tuned choose(Prepared pr, KindCv cv) {
    int L = pr.nLabels;
    boolean[][] y = pr.y;
    List<Double> costs = cv.costs;
    List<Double> betas = cv.betas;
    int nc = costs.size();
    int nb = betas.size();
    double[][][] oof = cv.oof;
    // per-label cost: each label takes the cost with the lowest out-of-fold log-loss (extra grid entry)
    int[][] labelCost = null;
    int ncGrid = nc;
    double[][][] cand = oof;
    if (options.perLabelCost() && nc > 1) {
      labelCost = new int[nb][L];
      double[][][] oof2 = Arrays.copyOf(oof, (nc + 1) * nb);
      for (int b = 0; b < nb; b++) {
        double[][] mix = new double[L][];
        for (int l = 0; l < L; l++) {
          int best = 0;
          double bestLoss = Double.POSITIVE_INFINITY;
          for (int c = 0; c < nc; c++) {
            double loss = options.kind().svm() ? squaredHinge(oof[c * nb + b][l], y[l]) : logLoss(oof[c * nb + b][l], y[l]);
            if (loss < bestLoss - 1e-12) {
              bestLoss = loss;
              best = c;
            }
          }
          labelCost[b][l] = best;
          mix[l] = oof[best * nb + b][l];
        }
        oof2[nc * nb + b] = mix;
      }
      cand = oof2;
      ncGrid = nc + 1;
    }
    Tuned t = select(pr, Arrays.asList(cand).subList(0, ncGrid * nb), nc, costs, betas, labelCost);
    t.warm = cv.warm;
    return t;
  }

  private float[][][] warmStarts(int labels, int costs, int n, long budget) {
    boolean dual = options.kind() != ClassifierKind.MAXENT && options.solver() == Solver.DUAL_CD;
    if (!dual || (long) labels * costs * n > budget) {
      return null;
    }
    float[][][] warm = new float[labels][costs][n];
    for (float[][] perCost : warm) {
      for (float[] a : perCost) {
        Arrays.fill(a, Float.NaN);
      }
    }
    return warm;
  }

  /**
   * Chooses among the candidate out-of-fold score sets ({@code cand[c * nb + b]} for cost index {@code c},
   * {@code c == nc} meaning per-label costs, and interpolation index {@code b}) the one with the best selection
   * score together with its threshold rule, weight and ranking.
   */
  private Tuned select(Prepared pr, List<double[][]> cand, int nc, List<Double> costs, List<Double> betas,
      int[][] labelCost) {
    boolean[][] y = pr.y;
    boolean[] active = pr.active;
    int nb = betas.size();
    int ncGrid = cand.size() / nb;
    List<ThresholdRule> rules = options.thresholds() == ThresholdRule.AUTO
        ? List.of(ThresholdRule.PER_LABEL, ThresholdRule.GLOBAL, ThresholdRule.NONE)
        : List.of(options.thresholds());
    Tuned t = new Tuned();
    t.costs = costs;
    t.betas = betas;
    t.nc = nc;
    t.labelCost = labelCost;
    t.grid = new ArrayList<>();
    t.bestRule = rules.get(0);
    t.bestRanking = options.rankingGrid().get(0);
    t.bestWeight = 1.0;
    double bestObj = Double.NEGATIVE_INFINITY;
    int[][] bestPred = null;
    boolean[][] yActive = activeRows(y, active);
    for (int c = 0; c < ncGrid; c++) {
      for (int b = 0; b < nb; b++) {
        double[][] scores = cand.get(c * nb + b);
        double[][] sc = activeRows(scores, active);
        // the sorts behind the global and per-label optima are done once per candidate, not per rule and weight
        double global = Thresholds.global(sc, yActive);
        double[] perLabel = rules.contains(ThresholdRule.PER_LABEL)
            ? Thresholds.perLabel(sc, yActive, options.minThresholdPositives()) : null;
        for (ThresholdRule rule : rules) {
          List<Double> weights = rule == ThresholdRule.PER_LABEL ? options.thresholdWeightGrid() : List.of(1.0);
          for (double tw : weights) {
            double[] thA = Thresholds.forRule(rule, global, perLabel, tw, sc.length);
            double[] th = expand(thA, active);
            for (Ranking ranking : options.rankingGrid()) {
              int[][] pred = decideAll(scores, th, active, pr.atLeastOne, pr.maxLabels, ranking == Ranking.SCORE);
              double[] f1 = Thresholds.f1(pred, y);
              t.grid.add(new TrainingReport.GridPoint(c < nc ? costs.get(c) : 0.0, betas.get(b), ranking, rule, tw, f1[0], f1[1]));
              double obj = selectionScore(f1[0], f1[1]);
              if (obj > bestObj + 1e-12) {
                bestObj = obj;
                t.bestC = c;
                t.bestB = b;
                t.bestRule = rule;
                t.bestWeight = tw;
                t.bestRanking = ranking;
                t.bestTh = th;
                t.f1 = f1;
                bestPred = pred;
              }
            }
          }
        }
      }
    }
    t.labelF1 = labelF1(bestPred, y);
    return t;
  }

  /** The final fit of this trainer's kind on all the data with the settings {@code t} chose. */
  private LinearModel fitFinal(Prepared pr, Tuned t, ExecutorService pool) {
    int n = pr.n;
    int L = pr.nLabels;
    boolean[] active = pr.active;
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    Space space = Space.build(pr.feats, all, options.features().minDf(), pr.nExtras, null);
    String[] names = nameKeys(space, pr.docs, pr.feats);
    space = Space.build(pr.feats, all, options.features().minDf(), pr.nExtras, names);
    Csr x = space.csr(pr.feats, all, options.features());
    int p = x.cols;
    float[] weights = new float[p * L];
    double[] bias = new double[L];
    double beta = t.betas.get(t.bestB);
    int[] chosenC = chosenCosts(pr, t);
    runAll(pool, pr.schedule, l -> {
      if (!active[l]) {
        return;
      }
      float[][] warm = t.warm == null ? null : new float[][] {t.warm[l][chosenC[l]]};
      double[] w = fitPath(x, pr.y[l], List.of(t.costs.get(chosenC[l])), seedFor(options.folds(), l), warm, all)
          .weights(0, beta);
      for (int j = 0; j < p; j++) {
        weights[j * L + l] = (float) w[j];
      }
      bias[l] = w[p];
    });
    ExtraFeatures extras = pr.extras;
    return new LinearModel(options.kind(), options.language(), pr.labels, options.features(), options.tokenizer(),
        space.keyList(), space.nWord, space.idf, extras, extras == null ? List.of() : extras.names(), weights, bias,
        t.bestTh, active, pr.atLeastOne, pr.maxLabels, t.bestRanking);
  }

  private static int[] chosenCosts(Prepared pr, Tuned t) {
    int[] chosenC = new int[pr.nLabels];
    for (int l = 0; l < pr.nLabels; l++) {
      chosenC[l] = t.bestC < t.nc ? t.bestC : t.labelCost[t.bestB][l];
    }
    return chosenC;
  }

  private TrainingReport report(Prepared pr, Tuned t, LinearModel model, double tuneSeconds, double trainSeconds) {
    int[] chosenC = chosenCosts(pr, t);
    List<Integer> posList = new ArrayList<>();
    List<Boolean> actList = new ArrayList<>();
    List<Double> f1List = new ArrayList<>();
    List<Double> costList = new ArrayList<>();
    for (int l = 0; l < pr.nLabels; l++) {
      costList.add(pr.active[l] ? t.costs.get(chosenC[l]) : 0.0);
      posList.add(pr.positives[l]);
      actList.add(pr.active[l]);
      f1List.add(t.labelF1[l]);
    }
    return new TrainingReport(pr.n, pr.sha, pr.labels, posList, actList, t.bestC < t.nc ? t.costs.get(t.bestC) : 0.0,
        costList, t.betas.get(t.bestB), t.bestRanking, t.bestRule, t.bestWeight, pr.atLeastOne, pr.maxLabels, t.f1[0],
        t.f1[1], f1List, t.grid, model.featureCount(), tuneSeconds, trainSeconds);
  }

  private long seedFor(int fold, int label) {
    long h = options.seed() * 0x9E3779B97F4A7C15L + fold * 0xBF58476D1CE4E5B9L + label * 0x94D049BB133111EBL;
    return FeatureHash.finish(h);
  }

  /**
   * The fitted weights of one label along the cost path: per cost, the weights in the original feature space
   * with the bias last; for NB-LR also the ratios {@code r} and the mean absolute fitted weight (in the scaled
   * space), from which interpolated weights are derived.
   */
  record Fit(double[][] w, float[] r, double[] meanAbs) {
    double[] weights(int c, double beta) {
      if (r == null || beta == 1.0) {
        return w[c];
      }
      double[] out = w[c].clone();
      double m = (1 - beta) * meanAbs[c];
      for (int j = 0; j < r.length; j++) {
        out[j] = beta * out[j] + m * r[j];
      }
      return out;
    }
  }

  /**
   * Fits one label for each cost of {@code costs} (ascending), warm-starting the dual solver along the
   * path (and, with {@code warm}, from earlier folds).
   *
   * @param warm per cost, the dual variable of each comment (by index into the whole training data) from an
   *     earlier fit at that cost, NaN where none; read for a warm start and updated with this fit's solution.
   *     Null for cold starts (each cost then starts from the previous cost's solution)
   * @param index the index into the whole training data of each row of {@code x}
   */
  private Fit fitPath(Csr x, boolean[] y, List<Double> costs, long seed, float[][] warm, int[] index) {
    int n = x.rows;
    int p = x.cols;
    int pos = 0;
    byte[] yy = new byte[n];
    int[] y01 = new int[n];
    for (int i = 0; i < n; i++) {
      yy[i] = (byte) (y[i] ? 1 : -1);
      y01[i] = y[i] ? 1 : 0;
      if (y[i]) {
        pos++;
      }
    }
    double[][] out = new double[costs.size()][];
    double[] meanAbs = new double[costs.size()];
    if (pos == 0 || pos == n) {
      for (int c = 0; c < costs.size(); c++) {
        out[c] = new double[p + 1];
        out[c][p] = pos == 0 ? -CONSTANT_BIAS : CONSTANT_BIAS;
      }
      return new Fit(out, null, meanAbs);
    }
    float[] scale = options.kind().naiveBayesScaled()
        ? nbRatio(x, y, pos, options.nbRatio() == TrainingOptions.NbRatio.PRESENCE) : null;
    Csr xs = x;
    if (scale != null) {
      float[] sv = new float[x.val.length];
      for (int k = 0; k < sv.length; k++) {
        sv[k] = x.val[k] * scale[x.col[k]];
      }
      xs = new Csr(x.rows, x.cols, x.rowPtr, x.col, sv);
    }
    boolean svm = options.kind().svm();
    double[] alpha = new double[svm ? n : 2 * n];
    for (int c = 0; c < costs.size(); c++) {
      double cost = costs.get(c);
      double[] w = new double[p + 1];
      if (warm != null) {
        warmStart(warm[c], index, alpha, svm, cost);
      }
      if (options.kind() == ClassifierKind.MAXENT) {
        int[][] xi = new int[n][];
        for (int i = 0; i < n; i++) {
          xi[i] = Arrays.copyOfRange(x.col, x.rowPtr[i], x.rowPtr[i + 1]);
        }
        Maxent.Binomial m = Maxent.binomial(p, xi, y01, 1.0 / cost, options.tolerance(), options.maxEpochs());
        double[] cw = m.coefficients();
        System.arraycopy(cw, 0, w, 0, p + 1);
      } else if (options.kind().svm()) {
        DualSvm.fit(xs, yy, cost, alpha, w, options.tolerance(), options.maxEpochs(), seed + c);
      } else if (options.solver() == Solver.SMILE_LBFGS) {
        List<SparseArray> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          SparseArray a = new SparseArray();
          for (int k = xs.rowPtr[i]; k < xs.rowPtr[i + 1]; k++) {
            a.append(xs.col[k], xs.val[k]);
          }
          rows.add(a);
        }
        SparseLogisticRegression.Binomial m = SparseLogisticRegression.binomial(SparseDataset.of(rows, p), y01,
            1.0 / cost, options.tolerance(), options.maxEpochs());
        double[] cw = m.coefficients();
        System.arraycopy(cw, 0, w, 0, p + 1);
      } else {
        DualLogistic.fit(xs, yy, cost, null, alpha, w, options.tolerance(), options.maxEpochs(), seed + c);
      }
      if (scale != null) {
        double sum = 0;
        for (int j = 0; j < p; j++) {
          sum += Math.abs(w[j]);
          w[j] *= scale[j];
        }
        meanAbs[c] = p == 0 ? 0 : sum / p;
      }
      out[c] = w;
      if (warm != null) {
        for (int i = 0; i < n; i++) {
          warm[c][index[i]] = (float) (svm ? alpha[i] : alpha[2 * i]);
        }
      }
    }
    return new Fit(out, scale, meanAbs);
  }

  /**
   * Sets each row's dual variable to its stored value where there is one; other rows keep the previous cost's
   * solution (or, before the first cost, a cold start). Logistic variables are kept strictly inside (0, cost).
   */
  private static void warmStart(float[] stored, int[] rows, double[] alpha, boolean svm, double cost) {
    int n = rows.length;
    double lo = Math.min(0.001 * cost, 1e-8);
    for (int i = 0; i < n; i++) {
      float v = stored[rows[i]];
      if (svm) {
        if (!Float.isNaN(v)) {
          alpha[i] = v;
        }
      } else {
        double a = Float.isNaN(v) ? alpha[2 * i] : v;
        alpha[2 * i] = Math.min(Math.max(a, lo), cost - lo);
      }
    }
  }

  private static double squaredHinge(double[] s, boolean[] y) {
    double sum = 0;
    for (int i = 0; i < s.length; i++) {
      double h = Math.max(0.0, 1.0 - (y[i] ? s[i] : -s[i]));
      sum += h * h;
    }
    return sum;
  }

  private static double logLoss(double[] s, boolean[] y) {
    double sum = 0;
    for (int i = 0; i < s.length; i++) {
      double m = y[i] ? s[i] : -s[i];
      sum += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
    }
    return sum;
  }

  /**
   * Naive-Bayes log-count ratio per column: log(((count over positives)+1)/(pos+1) / ((count over negatives)+1)/(neg+1)),
   * where a comment counts 1 when it has the feature ({@code presence}) or the feature's value.
   */
  static float[] nbRatio(Csr x, boolean[] y, int pos, boolean presence) {
    int p = x.cols;
    double[] sp = new double[p];
    double[] sn = new double[p];
    for (int i = 0; i < x.rows; i++) {
      double[] s = y[i] ? sp : sn;
      for (int k = x.rowPtr[i]; k < x.rowPtr[i + 1]; k++) {
        s[x.col[k]] += presence ? 1.0 : x.val[k];
      }
    }
    int neg = x.rows - pos;
    float[] r = new float[p];
    for (int j = 0; j < p; j++) {
      r[j] = (float) Math.log(((sp[j] + 1.0) / (pos + 1.0)) / ((sn[j] + 1.0) / (neg + 1.0)));
    }
    return r;
  }

  private static int[][] decideAll(double[][] scores, double[] th, boolean[] active, boolean atLeastOne, int maxLabels,
      boolean byScore) {
    int L = scores.length;
    int n = scores[0].length;
    DecisionRule rule = DecisionRule.of(th, active, atLeastOne, maxLabels, byScore ? Ranking.SCORE : Ranking.MARGIN);
    int[][] pred = new int[n][];
    double[] s = new double[L];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < L; l++) {
        s[l] = scores[l][i];
      }
      pred[i] = rule.decide(s);
    }
    return pred;
  }

  private static double[] labelF1(int[][] pred, boolean[][] y) {
    int L = y.length;
    double[] out = new double[L];
    for (int l = 0; l < L; l++) {
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (int i = 0; i < pred.length; i++) {
        boolean p = false;
        for (int q : pred[i]) {
          if (q == l) {
            p = true;
            break;
          }
        }
        if (p && y[l][i]) {
          tp++;
        } else if (p) {
          fp++;
        } else if (y[l][i]) {
          fn++;
        }
      }
      out[l] = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    }
    return out;
  }

  private static double[][] activeRows(double[][] rows, boolean[] active) {
    List<double[]> out = new ArrayList<>();
    for (int l = 0; l < rows.length; l++) {
      if (active[l]) {
        out.add(rows[l]);
      }
    }
    return out.toArray(new double[0][]);
  }

  private static boolean[][] activeRows(boolean[][] rows, boolean[] active) {
    List<boolean[]> out = new ArrayList<>();
    for (int l = 0; l < rows.length; l++) {
      if (active[l]) {
        out.add(rows[l]);
      }
    }
    return out.toArray(new boolean[0][]);
  }

  private static double[] expand(double[] th, boolean[] active) {
    double[] out = new double[active.length];
    int k = 0;
    for (int l = 0; l < active.length; l++) {
      out[l] = active[l] ? th[k++] : CONSTANT_BIAS;
    }
    return out;
  }

  /** Fold of each row: a seeded shuffle cut into k nearly equal parts (the first n % k folds one larger). */
  static int[] folds(int n, int k, long seed) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] fold = new int[n];
    int pos = 0;
    for (int f = 0; f < k; f++) {
      int size = n / k + (f < n % k ? 1 : 0);
      for (int s = 0; s < size; s++) {
        fold[perm[pos++]] = f;
      }
    }
    return fold;
  }

  private static int[] rows(int[] fold, int f, boolean in) {
    int c = 0;
    for (int v : fold) {
      if ((v == f) == in) {
        c++;
      }
    }
    int[] out = new int[c];
    c = 0;
    for (int i = 0; i < fold.length; i++) {
      if ((fold[i] == f) == in) {
        out[c++] = i;
      }
    }
    return out;
  }

  @FunctionalInterface
  private interface LabelTask {
    void run(int label);
  }

  /** Runs {@code task} for each entry of {@code schedule}, in that order, on the pool's threads (or this one). */
  private static void runAll(ExecutorService pool, int[] schedule, LabelTask task) {
    if (pool == null) {
      for (int l : schedule) {
        task.run(l);
      }
      return;
    }
    List<Future<?>> fs = new ArrayList<>(schedule.length);
    for (int l : schedule) {
      fs.add(pool.submit(() -> task.run(l)));
    }
    try {
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  /** Names every vocabulary entry of {@code space} by re-extracting key strings until all are found. */
  private String[] nameKeys(Space space, List<LabelledComment> docs, DocFeatures[] feats) {
    String[] names = new String[space.nKeys];
    int missing = space.nKeys;
    for (int i = 0; i < docs.size() && missing > 0; i++) {
      if (!namesSomething(space, feats[i], names)) {
        continue; // the comment's key strings would all be named already: skip building them
      }
      for (String k : extractor.keys(docs.get(i).text())) {
        int f = space.index.get(FeatureHash.of(k));
        if (f >= 0 && names[f] == null) {
          names[f] = k;
          missing--;
        }
      }
    }
    if (missing > 0) {
      throw new IllegalStateException("internal error: " + missing + " vocabulary keys could not be named");
    }
    return names;
  }

  private static boolean namesSomething(Space space, DocFeatures doc, String[] names) {
    for (long key : doc.keys) {
      int f = space.index.get(key);
      if (f >= 0 && names[f] == null) {
        return true;
      }
    }
    return false;
  }

  /** The unique feature hashes of one comment with their counts, word block first, each block sorted. */
  static final class DocFeatures {
    final long[] keys;
    final int[] counts;
    final int wordEnd;
    final double[] extras;

    private DocFeatures(long[] keys, int[] counts, int wordEnd, double[] extras) {
      this.keys = keys;
      this.counts = counts;
      this.wordEnd = wordEnd;
      this.extras = extras;
    }

    static DocFeatures of(FeatureExtractor.Buffer buf, double[] extras) {
      long[] w = Arrays.copyOfRange(buf.hashes, 0, buf.wordEnd);
      long[] c = Arrays.copyOfRange(buf.hashes, buf.wordEnd, buf.size);
      Arrays.sort(w);
      Arrays.sort(c);
      long[] keys = new long[w.length + c.length];
      int[] counts = new int[keys.length];
      int n = runs(w, keys, counts, 0);
      int wordEnd = n;
      n = runs(c, keys, counts, n);
      return new DocFeatures(Arrays.copyOf(keys, n), Arrays.copyOf(counts, n), wordEnd, extras);
    }

    private static int runs(long[] sorted, long[] keys, int[] counts, int n) {
      for (int i = 0; i < sorted.length; ) {
        int j = i;
        while (j < sorted.length && sorted[j] == sorted[i]) {
          j++;
        }
        keys[n] = sorted[i];
        counts[n] = j - i;
        n++;
        i = j;
      }
      return n;
    }
  }

  /** A vocabulary built from some rows: hash to index, word block first, with smoothed idf. */
  static final class Space {
    final LongIntMap index;
    final long[] hashes;
    final int nWord;
    final int nKeys;
    final int nExtras;
    final float[] idf;
    final String[] names;

    private Space(LongIntMap index, long[] hashes, int nWord, float[] idf, int nExtras, String[] names) {
      this.index = index;
      this.hashes = hashes;
      this.nWord = nWord;
      this.nKeys = hashes.length;
      this.idf = idf;
      this.nExtras = nExtras;
      this.names = names;
    }

    List<String> keyList() {
      return Arrays.asList(names);
    }

    /**
     * Builds the vocabulary of the given rows. With {@code names} (from a first build on the same rows),
     * each block is ordered by key string, which makes model files readable and independent of hashing.
     */
    static Space build(DocFeatures[] docs, int[] rows, int minDf, int nExtras, String[] names) {
      LongIntMap df = new LongIntMap(1 << 16);
      for (int i : rows) {
        for (long k : docs[i].keys) {
          df.increment(k, 1);
        }
      }
      LongIntMap index = new LongIntMap(Math.max(16, df.size() / 2));
      long[] hashes = new long[df.size()];
      int[] dfs = new int[df.size()];
      int n = 0;
      int nWord = 0;
      for (int block = 0; block < 2; block++) {
        for (int i : rows) {
          DocFeatures d = docs[i];
          int from = block == 0 ? 0 : d.wordEnd;
          int to = block == 0 ? d.wordEnd : d.keys.length;
          for (int k = from; k < to; k++) {
            long h = d.keys[k];
            int c = df.get(h);
            if (c >= minDf && index.get(h) < 0) {
              index.put(h, n);
              hashes[n] = h;
              dfs[n] = c;
              n++;
            }
          }
        }
        if (block == 0) {
          nWord = n;
        }
      }
      hashes = Arrays.copyOf(hashes, n);
      dfs = Arrays.copyOf(dfs, n);
      String[] ordered = null;
      if (names != null) {
        Integer[] order = new Integer[n];
        for (int f = 0; f < n; f++) {
          order[f] = f;
        }
        final long[] hh = hashes;
        Arrays.sort(order, 0, nWord, (a, b) -> names[a].compareTo(names[b]));
        Arrays.sort(order, nWord, n, (a, b) -> names[a].compareTo(names[b]));
        long[] h2 = new long[n];
        int[] d2 = new int[n];
        ordered = new String[n];
        index = new LongIntMap(Math.max(16, n));
        for (int f = 0; f < n; f++) {
          h2[f] = hh[order[f]];
          d2[f] = dfs[order[f]];
          ordered[f] = names[order[f]];
          index.put(h2[f], f);
        }
        hashes = h2;
        dfs = d2;
      }
      float[] idf = new float[n];
      int docsN = rows.length;
      for (int f = 0; f < n; f++) {
        idf[f] = (float) (Math.log((1.0 + docsN) / (1.0 + dfs[f])) + 1.0);
      }
      return new Space(index, hashes, nWord, idf, nExtras, ordered);
    }

    /** The feature matrix of the given rows over this vocabulary (extra features appended as columns). */
    Csr csr(DocFeatures[] docs, int[] rows, FeatureOptions opts) {
      int[] rowPtr = new int[rows.length + 1];
      int total = 0;
      for (int r = 0; r < rows.length; r++) {
        total += docs[rows[r]].keys.length + nExtras;
      }
      int[] col = new int[total];
      float[] val = new float[total];
      int k = 0;
      boolean binary = opts.weighting() == FeatureOptions.Weighting.BINARY;
      boolean sub = opts.sublinearTf();
      for (int r = 0; r < rows.length; r++) {
        DocFeatures d = docs[rows[r]];
        int start = k;
        double nw = 0;
        double nc = 0;
        for (int q = 0; q < d.keys.length; q++) {
          int f = index.get(d.keys[q]);
          if (f < 0) {
            continue;
          }
          int c = d.counts[q];
          float v;
          if (binary) {
            v = 1f;
          } else {
            double tf = c == 1 ? 1.0 : (sub ? 1.0 + Math.log(c) : c);
            v = (float) (tf * idf[f]);
            if (f < nWord) {
              nw += (double) v * v;
            } else {
              nc += (double) v * v;
            }
          }
          col[k] = f;
          val[k] = v;
          k++;
        }
        if (!binary) {
          float sw = nw > 0 ? (float) (1.0 / Math.sqrt(nw)) : 0f;
          float sc = nc > 0 ? (float) (1.0 / Math.sqrt(nc)) : 0f;
          for (int q = start; q < k; q++) {
            val[q] *= col[q] < nWord ? sw : sc;
          }
        }
        if (d.extras != null) {
          for (int e = 0; e < nExtras; e++) {
            if (d.extras[e] != 0) {
              col[k] = nKeys + e;
              val[k] = (float) d.extras[e];
              k++;
            }
          }
        }
        rowPtr[r + 1] = k;
      }
      return new Csr(rows.length, nKeys + nExtras, rowPtr, Arrays.copyOf(col, k), Arrays.copyOf(val, k));
    }
  }

  /** Small list helper. */
  private static final class Collections2 {
    static int indexOf(List<String> sorted, String v) {
      return java.util.Collections.binarySearch(sorted, v);
    }
  }
}
