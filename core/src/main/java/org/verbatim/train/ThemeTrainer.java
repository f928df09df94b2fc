package org.verbatim.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.verbatim.ModelInfo;
import org.verbatim.classify.LinearModel;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.classify.Ranking;
import org.verbatim.features.ExtraFeatures;
import org.verbatim.features.FeatureExtractor;
import org.verbatim.model.LibraryVersion;

/**
 * Trains a binary-relevance linear theme classifier from labelled comments: one model per label, the cost
 * {@code C} and the threshold rule chosen by k-fold cross-validation on the training data (the vocabulary is
 * rebuilt inside every fold), per-label thresholds from out-of-fold scores, then a final fit on all the data.
 *
 * <pre>{@code
 * ThemeTrainer trainer = ThemeTrainer.create(ThemeOptions.builder().seed(7).build());
 * LinearThemeClassifier model = trainer.train(comments);
 * model.report().cvMicroF1();
 * model.classify("The nurse never explained anything.");
 * }</pre>
 *
 * <p>The work is split by concern: {@code TrainingSet} checks the data and extracts features,
 * {@code GridSearch} runs the cross-validation of every kind, {@code Vocabulary} builds each fold's and the final
 * feature space, {@code CostPath} fits one label, {@code Workers} runs labels in parallel.
 *
 * <p>Immutable and thread-safe; training is deterministic for given data (in order), options and seed,
 * whatever the number of threads.
 */
public final class ThemeTrainer {

  /**
   * Largest number of stored dual variables (labels x costs x comments) for warm starts across folds; above
   * it (hundreds of thousands of training comments) each fold starts cold, as the memory would outweigh the
   * time saved.
   */
  static final long WARM_START_BUDGET = 64L << 20;

  private final ThemeOptions options;
  private final FeatureExtractor extractor;
  private final long warmBudget;

  private ThemeTrainer(ThemeOptions options, long warmBudget) {
    this.options = Objects.requireNonNull(options, "options");
    this.extractor = new FeatureExtractor(options.features(), options.tokenizer());
    this.warmBudget = warmBudget;
  }

  /** A trainer with the given options. */
  public static ThemeTrainer create(ThemeOptions options) {
    return new ThemeTrainer(options, WARM_START_BUDGET);
  }

  /** This trainer with every fold's fits starting cold (for tests: warm starts change speed, not the optimum). */
  ThemeTrainer withoutWarmStarts() {
    return new ThemeTrainer(options, 0);
  }

  /** The options. */
  public ThemeOptions options() {
    return options;
  }

  /**
   * SHA-256 (lower-case hex) of the canonical form of the data: for each comment in order, the UTF-8 bytes
   * of {@code id}, a NUL, {@code text}, a NUL, the sorted labels joined by {@code ;}, and a line feed.
   */
  public static String dataSha256(List<LabelledComment> data) {
    return TrainingSet.sha256(data);
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
    TrainingSet set = new TrainingSet(data, options, extractor);
    try (Workers workers = new Workers(options.threads())) {
      // each kind is tuned as if alone (in the same folds, whose features are built once for all kinds, and
      // fitted side by side so that threads stay busy); the best cross-validated micro-F1 wins (first on a
      // tie); only the winner gets its final fit
      List<GridSearch.Tuned> tuned = new GridSearch(options, warmBudget).crossValidate(set, options.kinds(), workers);
      GridSearch.Tuned best = null;
      double bestObj = Double.NEGATIVE_INFINITY;
      for (GridSearch.Tuned t : tuned) {
        if (t.micro > bestObj + 1e-12) {
          bestObj = t.micro;
          best = t;
        }
      }
      ThemeOptions chosen = options.withChosenKind(best.kind);
      long t1 = System.nanoTime();
      LinearModel model = fitFinal(set, best, new CostPath(best.kind, chosen), workers);
      long t2 = System.nanoTime();
      TrainingReport report = report(set, best, model, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      return LinearThemeClassifier.of(model, info(model, chosen, report), report);
    }
  }

  /** The provenance of a trained model: its options ({@code option.*}) and what training chose. */
  private static ModelInfo info(LinearModel model, ThemeOptions options, TrainingReport report) {
    Map<String, String> props = new TreeMap<>();
    options.toProperties().forEach((k, v) -> props.put("option." + k, v));
    props.putAll(report.properties());
    return new ModelInfo(model.kind().id(), "verbatim linear model", LibraryVersion.get(), model.labels(), props);
  }

  /** The final fit of the chosen kind on all the data with the settings {@code t} chose. */
  private LinearModel fitFinal(TrainingSet pr, GridSearch.Tuned t, CostPath path, Workers workers) {
    int L = pr.nLabels;
    boolean[] active = pr.active;
    int[] all = pr.all();
    Vocabulary space = Vocabulary.build(pr.feats, all, options.features().minDf(), pr.nExtras, null);
    String[] names = Vocabulary.nameKeys(space, pr.docs, pr.feats, extractor);
    space = Vocabulary.build(pr.feats, all, options.features().minDf(), pr.nExtras, names);
    Csr x = space.csr(pr.feats, all, options.features());
    int p = x.cols;
    float[] weights = new float[p * L];
    double[] bias = new double[L];
    int[] chosenC = t.chosenCosts(L);
    workers.runAll(pr.schedule, l -> {
      if (!active[l]) {
        return;
      }
      float[][] warm = t.warm == null ? null : new float[][] {t.warm[l][chosenC[l]]};
      double[] w = path.fit(x, pr.y[l], List.of(t.costs.get(chosenC[l])), CostPath.seedFor(options.seed(), options.folds(), l),
          warm, all)[0];
      for (int j = 0; j < p; j++) {
        weights[j * L + l] = (float) w[j];
      }
      bias[l] = w[p];
    });
    ExtraFeatures extras = pr.extras;
    return LinearModel.builder().kind(path.kind()).language(options.language()).labels(pr.labels)
        .features(options.features()).tokenizer(options.tokenizer())
        .vocabulary(space.keyList(), space.nWord, space.idf).extraFeatures(extras)
        .weights(weights).bias(bias).thresholds(t.bestTh).active(active)
        .atLeastOne(pr.atLeastOne).maxLabels(pr.maxLabels).ranking(Ranking.MARGIN)
        .build();
  }

  private static TrainingReport report(TrainingSet pr, GridSearch.Tuned t, LinearModel model, double tuneSeconds,
      double trainSeconds) {
    int[] chosenC = t.chosenCosts(pr.nLabels);
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
        costList, 1.0, Ranking.MARGIN, t.bestRule, t.bestWeight, pr.atLeastOne, pr.maxLabels, t.micro, t.macro, f1List,
        t.grid, model.featureCount(), tuneSeconds, trainSeconds);
  }
}
