package org.verbatim.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.DecisionRule;
import org.verbatim.classify.Ranking;
import org.verbatim.eval.Folds;
import org.verbatim.eval.LabelCounts;

/**
 * Model selection of a theme model by k-fold cross-validation on the training data: per kind, out-of-fold scores
 * for every cost of its grid (plus each label's own cost, the one of lowest out-of-fold loss), then the cost,
 * threshold rule and per-label threshold weight with the best out-of-fold micro-F1. The folds' vocabularies are
 * built once and shared by the kinds; within a fold every (kind, label) fit is a task, longest first.
 */
final class GridSearch {

  private final ThemeOptions options;
  private final long warmBudget;

  GridSearch(ThemeOptions options, long warmBudget) {
    this.options = options;
    this.warmBudget = warmBudget;
  }

  /** What the cross-validation of one kind chose. */
  static final class Tuned {
    ClassifierKind kind;
    List<Double> costs;
    int nc;
    /** Per label, the index of its own cost, or null when the per-label entry was not in the grid. */
    int[] labelCost;
    int bestC;
    ThresholdRule bestRule;
    double bestWeight;
    double[] bestTh;
    /** Out-of-fold micro- and macro-F1 of the chosen setting. */
    double micro;
    double macro;
    double[] labelF1;
    List<TrainingReport.GridPoint> grid;
    /** Per label and cost index, the dual variables by comment from the last fold that trained it, or null. */
    float[][][] warm;

    /** The cost index each label is fitted with in the final fit. */
    int[] chosenCosts(int labels) {
      int[] chosenC = new int[labels];
      for (int l = 0; l < labels; l++) {
        chosenC[l] = bestC < nc ? bestC : labelCost[l];
      }
      return chosenC;
    }
  }

  /** One kind's cross-validation in progress: its grid, out-of-fold scores and carried dual variables. */
  private static final class KindCv {
    final CostPath path;
    final List<Double> costs;
    /** {@code oof[cost][label][comment]}. */
    final double[][][] oof;
    final float[][][] warm;

    KindCv(CostPath path, List<Double> costs, int labels, int n, long warmBudget) {
      this.path = path;
      this.costs = costs;
      this.oof = new double[costs.size()][labels][n];
      this.warm = warmStarts(labels, costs.size(), n, warmBudget);
    }
  }

  /** Each kind's best setting, in the order of {@code kinds}. */
  List<Tuned> crossValidate(TrainingSet pr, List<ClassifierKind> kinds, Workers workers) {
    int n = pr.n;
    int L = pr.nLabels;
    boolean[][] y = pr.y;
    boolean[] active = pr.active;
    DocFeatures[] feats = pr.feats;
    int K = kinds.size();
    List<KindCv> cvs = new ArrayList<>(K);
    for (ClassifierKind k : kinds) {
      cvs.add(new KindCv(new CostPath(k, options), options.costs(k), L, n, warmBudget / K));
    }
    // the (kind, label) tasks of a fold, by descending positives and then kind
    int[] schedule = new int[K * L];
    for (int i = 0; i < L; i++) {
      for (int k = 0; k < K; k++) {
        schedule[i * K + k] = k * L + pr.schedule[i];
      }
    }
    Folds folds = Folds.blocks(n, options.folds(), options.seed());
    // dual variables carried from fold to fold: any two folds' training rows overlap by (k-2)/(k-1), and the
    // previous fold's solution at the same cost is a closer start than a cold one (same optimum sought)
    for (int f = 0; f < options.folds(); f++) {
      int[] tr = folds.trainRows(f);
      int[] va = folds.testRows(f);
      Vocabulary space = Vocabulary.build(feats, tr, options.features().minDf(), pr.nExtras, null);
      Csr xtr = space.csr(feats, tr, options.features());
      Csr xva = space.csr(feats, va, options.features());
      final int ff = f;
      workers.runAll(schedule, task -> {
        int l = task % L;
        if (!active[l]) {
          return;
        }
        KindCv cv = cvs.get(task / L);
        boolean[] ytr = new boolean[tr.length];
        for (int k = 0; k < tr.length; k++) {
          ytr[k] = y[l][tr[k]];
        }
        double[][] fit = cv.path.fit(xtr, ytr, cv.costs, CostPath.seedFor(options.seed(), ff, l),
            cv.warm == null ? null : cv.warm[l], tr);
        int p = xva.cols;
        for (int c = 0; c < cv.costs.size(); c++) {
          double[] w = fit[c];
          double[] out = cv.oof[c][l];
          for (int k = 0; k < va.length; k++) {
            out[va[k]] = xva.dot(k, w, null) + w[p];
          }
        }
      });
    }
    List<Tuned> out = new ArrayList<>(K);
    for (KindCv cv : cvs) {
      out.add(choose(pr, cv));
    }
    return out;
  }

  /** A kind's best setting from its out-of-fold scores. */
  private Tuned choose(TrainingSet pr, KindCv cv) {
    int L = pr.nLabels;
    boolean[][] y = pr.y;
    List<Double> costs = cv.costs;
    int nc = costs.size();
    double[][][] oof = cv.oof;
    // per-label cost: each label takes the cost with the lowest out-of-fold loss (extra grid entry)
    int[] labelCost = null;
    double[][][] cand = oof;
    if (nc > 1) {
      labelCost = new int[L];
      double[][][] oof2 = Arrays.copyOf(oof, nc + 1);
      double[][] mix = new double[L][];
      for (int l = 0; l < L; l++) {
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int c = 0; c < nc; c++) {
          double loss = cv.path.kind().svm() ? CostPath.squaredHinge(oof[c][l], y[l]) : CostPath.logLoss(oof[c][l], y[l]);
          if (loss < bestLoss - 1e-12) {
            bestLoss = loss;
            best = c;
          }
        }
        labelCost[l] = best;
        mix[l] = oof[best][l];
      }
      oof2[nc] = mix;
      cand = oof2;
    }
    Tuned t = select(pr, cand, nc, costs, labelCost);
    t.kind = cv.path.kind();
    t.warm = cv.warm;
    return t;
  }

  private static float[][][] warmStarts(int labels, int costs, int n, long budget) {
    if ((long) labels * costs * n > budget) {
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
   * Chooses among the candidate out-of-fold score sets ({@code cand[c]} for cost index {@code c}, {@code c == nc}
   * meaning per-label costs) the one with the best micro-F1 together with its threshold rule and weight.
   */
  private Tuned select(TrainingSet pr, double[][][] cand, int nc, List<Double> costs, int[] labelCost) {
    boolean[][] y = pr.y;
    boolean[] active = pr.active;
    List<ThresholdRule> rules = options.thresholds() == ThresholdRule.AUTO
        ? List.of(ThresholdRule.PER_LABEL, ThresholdRule.GLOBAL, ThresholdRule.NONE)
        : List.of(options.thresholds());
    Tuned t = new Tuned();
    t.costs = costs;
    t.nc = nc;
    t.labelCost = labelCost;
    t.grid = new ArrayList<>();
    t.bestRule = rules.get(0);
    t.bestWeight = 1.0;
    double bestObj = Double.NEGATIVE_INFINITY;
    LabelCounts best = null;
    boolean[][] yActive = activeRows(y, active);
    for (int c = 0; c < cand.length; c++) {
      double[][] scores = cand[c];
      double[][] sc = activeRows(scores, active);
      // the sorts behind the global and per-label optima are done once per candidate, not per rule and weight
      double global = Thresholds.global(sc, yActive);
      double[] perLabel = rules.contains(ThresholdRule.PER_LABEL)
          ? Thresholds.perLabel(sc, yActive, ThemeOptions.MIN_THRESHOLD_POSITIVES) : null;
      for (ThresholdRule rule : rules) {
        List<Double> weights = rule == ThresholdRule.PER_LABEL ? ThemeOptions.THRESHOLD_WEIGHTS : List.of(1.0);
        for (double tw : weights) {
          double[] thA = Thresholds.forRule(rule, global, perLabel, tw, sc.length);
          double[] th = expand(thA, active);
          int[][] pred = decideAll(scores, DecisionRule.of(th, active, pr.atLeastOne, pr.maxLabels, Ranking.MARGIN));
          LabelCounts counts = LabelCounts.of(pred, y);
          double micro = counts.microF1();
          double macro = counts.macroF1();
          t.grid.add(new TrainingReport.GridPoint(c < nc ? costs.get(c) : 0.0, 1.0, Ranking.MARGIN, rule, tw, micro, macro));
          if (micro > bestObj + 1e-12) {
            bestObj = micro;
            t.bestC = c;
            t.bestRule = rule;
            t.bestWeight = tw;
            t.bestTh = th;
            t.micro = micro;
            t.macro = macro;
            best = counts;
          }
        }
      }
    }
    t.labelF1 = new double[pr.nLabels];
    for (int l = 0; l < pr.nLabels; l++) {
      t.labelF1[l] = best.f1(l);
    }
    return t;
  }

  private static int[][] decideAll(double[][] scores, DecisionRule rule) {
    int L = scores.length;
    int n = scores[0].length;
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
      out[l] = active[l] ? th[k++] : CostPath.CONSTANT_BIAS;
    }
    return out;
  }
}
