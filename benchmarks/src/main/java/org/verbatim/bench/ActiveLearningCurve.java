package org.verbatim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.eval.MultiLabelMetrics;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.train.CodingSuggestions;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;

/**
 * The learning curve of {@code verbatim suggest}'s uncertainty sampling against random sampling, by simulated coding:
 * the labels of {@code train.csv} play the coder, {@code test.csv} scores each model.
 *
 * <p>For each dataset and seed: the same random start of {@code --start} comments for both strategies; then, in
 * batches of at most {@code --batch}, each strategy chooses comments from the rest of {@code train.csv} (uncertainty:
 * {@link CodingSuggestions} with the model trained on what is coded so far; random: a seeded uniform draw), "codes"
 * them by revealing their labels, and retrains. At each budget the model is scored on {@code test.csv} (micro- and
 * macro-F1, labels of train.csv as the universe). Training: NB-logistic, 3-fold thresholds, the seed as the training
 * seed. The summary gives per budget the mean over seeds of each strategy and a 95% t-interval of the paired
 * difference (uncertainty minus random) over seeds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.ActiveLearningCurve --data
 * ../shared/datasets [--seeds 5] [--budgets 100,200,400,800] [--start 50] [--batch 50] [--threads 2]}; prints
 * Markdown. Not thread-safe.
 */
public final class ActiveLearningCurve {

  /** Two-sided 95% Student t quantiles for 1 to 10 degrees of freedom. */
  private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

  private ActiveLearningCurve() {}

  /** One score. */
  record Score(String dataset, long seed, String strategy, int budget, double microF1, double macroF1) {}

  public static void main(String[] argv) throws Exception {
    Machine.quietLogging();
    Args a = Args.parse(argv, List.of("data", "seeds", "budgets", "start", "batch", "threads"), List.of());
    Path data = Path.of(a.value("data").orElse("../shared/datasets"));
    int seeds = Integer.parseInt(a.value("seeds").orElse("5"));
    List<Integer> budgets = new ArrayList<>();
    for (String b : a.value("budgets").orElse("100,200,400,800").split(",")) {
      budgets.add(Integer.parseInt(b.strip()));
    }
    int start = Integer.parseInt(a.value("start").orElse("50"));
    int batch = Integer.parseInt(a.value("batch").orElse("50"));
    int threads = Integer.parseInt(a.value("threads").orElse("2"));
    long t0 = System.nanoTime();
    System.out.printf(Locale.ROOT, "# Uncertainty sampling against random sampling%n%n%s; load average %.2f at start%n%n",
        Machine.describe(), Machine.loadAverage());
    List<Score> scores = new ArrayList<>();
    for (Path dir : Dataset.discover(data)) {
      Dataset d = Dataset.load(dir);
      List<String> universe = List.copyOf(d.trainLabels());
      for (long seed = 1; seed <= seeds; seed++) {
        List<Integer> initial = sample(d.train().size(), start, seed);
        for (String strategy : List.of("random", "uncertainty")) {
          scores.addAll(run(d, universe, initial, strategy, seed, budgets, batch, threads));
        }
      }
      System.err.printf(Locale.ROOT, "%s done after %.0f s%n", d.name(), (System.nanoTime() - t0) / 1e9);
    }
    print(scores, budgets);
    System.out.printf(Locale.ROOT, "%nTotal %.0f s; load average %.2f at the end.%n", (System.nanoTime() - t0) / 1e9,
        Machine.loadAverage());
  }

  private static List<Integer> sample(int n, int k, long seed) {
    List<Integer> out = new ArrayList<>();
    for (CodingSuggestions.Suggestion s : CodingSuggestions.choose(null, new ArrayList<>(java.util.Collections.nCopies(n, "")),
        k, CodingSuggestions.Strategy.RANDOM, seed * 7919L)) {
      out.add(s.index());
    }
    return out;
  }

  private static List<Score> run(Dataset d, List<String> universe, List<Integer> initial, String strategy, long seed,
      List<Integer> budgets, int batch, int threads) {
    List<LabelledComment> train = d.train();
    Set<Integer> coded = new HashSet<>(initial);
    List<Integer> codedOrder = new ArrayList<>(initial);
    ThemeOptions options = ThemeOptions.builder().kind(ClassifierKind.NB_LOGISTIC).folds(3).seed(seed)
        .threads(threads).build();
    LinearThemeClassifier model = train(train, codedOrder, options);
    List<Score> out = new ArrayList<>();
    int round = 0;
    for (int budget : budgets) {
      while (codedOrder.size() < Math.min(budget, train.size())) {
        int need = Math.min(batch, budget - codedOrder.size());
        List<Integer> pool = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
          if (!coded.contains(i)) {
            pool.add(i);
            texts.add(train.get(i).text());
          }
        }
        CodingSuggestions.Strategy s = strategy.equals("random")
            ? CodingSuggestions.Strategy.RANDOM : CodingSuggestions.Strategy.UNCERTAINTY;
        List<CodingSuggestions.Suggestion> chosen =
            CodingSuggestions.choose(model, texts, need, s, seed * 1_000_003L + (round++));
        if (chosen.isEmpty()) {
          break;
        }
        for (CodingSuggestions.Suggestion c : chosen) {
          int i = pool.get(c.index());
          coded.add(i);
          codedOrder.add(i);
        }
        model = train(train, codedOrder, options);
      }
      List<Set<String>> gold = new ArrayList<>();
      List<Set<String>> pred = new ArrayList<>();
      List<String> testTexts = d.test().stream().map(LabelledComment::text).toList();
      int[][] p = model.predictIndexes(testTexts);
      for (int i = 0; i < d.test().size(); i++) {
        gold.add(new HashSet<>(d.test().get(i).labels()));
        Set<String> ps = new HashSet<>();
        for (int l : p[i]) {
          ps.add(model.labels().get(l));
        }
        pred.add(ps);
      }
      MultiLabelReport r = MultiLabelMetrics.compute(gold, pred, universe);
      out.add(new Score(d.name(), seed, strategy, codedOrder.size(), r.microF1(), r.macroF1()));
    }
    return out;
  }

  private static LinearThemeClassifier train(List<LabelledComment> train, List<Integer> coded, ThemeOptions options) {
    List<LabelledComment> data = new ArrayList<>(coded.size());
    for (int i : coded) {
      data.add(train.get(i));
    }
    return ThemeTrainer.create(options).train(data);
  }

  private static void print(List<Score> scores, List<Integer> budgets) {
    Map<String, List<Score>> byDataset = new LinkedHashMap<>();
    scores.forEach(s -> byDataset.computeIfAbsent(s.dataset(), k -> new ArrayList<>()).add(s));
    for (Map.Entry<String, List<Score>> e : byDataset.entrySet()) {
      System.out.printf(Locale.ROOT, "## %s%n%n", e.getKey());
      System.out.println("| coded | random micro-F1 | uncertainty micro-F1 | difference [95% CI over seeds] "
          + "| random macro-F1 | uncertainty macro-F1 | difference [95% CI] |");
      System.out.println("|---:|---:|---:|---|---:|---:|---|");
      for (int budget : budgets) {
        double[][] micro = paired(e.getValue(), budget, true);
        double[][] macro = paired(e.getValue(), budget, false);
        if (micro[0].length == 0) {
          continue;
        }
        System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %s | %.3f | %.3f | %s |%n", budget, mean(micro[0]),
            mean(micro[1]), diff(micro), mean(macro[0]), mean(macro[1]), diff(macro));
      }
      System.out.println();
      System.out.print("Per seed (micro-F1, random / uncertainty):");
      for (int budget : budgets) {
        double[][] micro = paired(e.getValue(), budget, true);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < micro[0].length; i++) {
          sb.append(String.format(Locale.ROOT, " %.3f/%.3f", micro[0][i], micro[1][i]));
        }
        System.out.printf(Locale.ROOT, "%n- %d:%s", budget, sb);
      }
      System.out.printf("%n%n");
    }
  }

  /** {random values, uncertainty values} at a budget, paired by seed. */
  private static double[][] paired(List<Score> scores, int budget, boolean micro) {
    Map<Long, double[]> bySeed = new java.util.TreeMap<>();
    for (Score s : scores) {
      if (s.budget() != budget) {
        continue;
      }
      double[] v = bySeed.computeIfAbsent(s.seed(), k -> new double[] {Double.NaN, Double.NaN});
      v[s.strategy().equals("random") ? 0 : 1] = micro ? s.microF1() : s.macroF1();
    }
    double[][] out = new double[2][bySeed.size()];
    int i = 0;
    for (double[] v : bySeed.values()) {
      out[0][i] = v[0];
      out[1][i++] = v[1];
    }
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static String diff(double[][] pair) {
    int n = pair[0].length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = pair[1][i] - pair[0][i];
    }
    double m = mean(d);
    if (n < 2) {
      return String.format(Locale.ROOT, "%+.3f", m);
    }
    double ss = 0;
    for (double x : d) {
      ss += (x - m) * (x - m);
    }
    double half = T95[Math.min(n - 1, T95.length) - 1] * Math.sqrt(ss / (n - 1) / n);
    return String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", m, m - half, m + half);
  }
}
