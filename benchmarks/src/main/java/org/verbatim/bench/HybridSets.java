package org.verbatim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verbatim.Classification;
import org.verbatim.Polarity;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.HybridThemeClassifier.PolaritySource;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.classify.PolarityModel;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.eval.DocumentTheme;
import org.verbatim.eval.MultiLabelMetrics;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.eval.PolarityReport;
import org.verbatim.features.ClassifierFeatures;
import org.verbatim.features.FeatureOptions;
import org.verbatim.text.RulePipeline;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.PolarityExample;
import org.verbatim.train.PolarityOptions;
import org.verbatim.train.PolarityTrainer;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;

/**
 * Leaves one coded set out: trains a linear model with the default codebook's cue features on the other coded sets
 * (the six social-care sets and, with {@code --nhs}, the three coded NHS sets joined from the data folder), runs it
 * as a hybrid with the codebook ({@link PolaritySource#EVIDENCE}, as the bundled model) on the held-out set, and
 * prints micro P / R / F1, macro F1 and polarity over themes found beside the codebook alone, and the classifiers'
 * CPU per comment over all sets' texts.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.HybridSets [--data
 * ../shared/datasets] [--features words|chars] [--train sc|all] [--held dev,final,...]}. Prints no comment text.
 */
public final class HybridSets {

  private HybridSets() {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("data", "features", "train", "held", "threads"), List.of());
    Path data = Path.of(a.value("data", "../shared/datasets"));
    FeatureOptions features = switch (a.value("features", "chars")) {
      case "words" -> FeatureOptions.words();
      case "chars" -> FeatureOptions.wordsAndChars();
      case "unigrams" -> new FeatureOptions(1, 1, 0, 0, 2, FeatureOptions.Weighting.TFIDF, true,
          FeatureOptions.Negation.OFF);
      default -> throw new IllegalArgumentException("--features: words, unigrams or chars");
    };
    boolean all = a.value("train", "all").equals("all");
    Map<String, List<ZeroShotGold.Row>> sets = SocialCareDev.coded();
    for (String n : ZeroShotGold.BUNDLED) {
      var in = HybridSets.class.getResourceAsStream(ZeroShotGold.BUNDLED_DIR + n + ".csv");
      try (var r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
        sets.put("nhs-" + n, ZeroShotGold.read(n, r, data));
      }
    }
    List<String> held = a.value("held", "").isEmpty() ? List.copyOf(sets.keySet())
        : List.of(a.value("held", "").split(","));
    CodebookClassifier codebook = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());
    System.out.println("features " + a.value("features", "chars") + ", trained on " + (all ? "all other sets"
        : "the other social-care sets"));
    System.out.println("| held out | train comments | codebook P / R / F1, macro, polarity | hybrid P / R / F1, macro,"
        + " polarity | CPU us per comment codebook / hybrid |");
    System.out.println("|---|---:|---|---|---|");
    for (String h : held) {
      List<LabelledComment> train = new ArrayList<>();
      List<Map<String, Polarity>> pols = new ArrayList<>();
      sets.forEach((n, rows) -> {
        if (!n.equals(h) && (all || !n.startsWith("nhs-"))) {
          for (ZeroShotGold.Row r : rows) {
            train.add(LabelledComment.of(n + "/" + r.key(), r.text(), r.labels().toArray(String[]::new)));
            pols.add(r.polarity());
          }
        }
      });
      ThemeOptions opts = ThemeOptions.builder().seed(42).features(features)
          .threads(a.intValue("threads", 2)).extraFeatures(ClassifierFeatures.of(codebook)).build();
      LinearThemeClassifier model = ThemeTrainer.create(opts).train(train);
      List<PolarityExample> ex = PolarityExample.of(train, pols);
      PolarityModel pm = PolarityTrainer.create(PolarityOptions.builder().seed(42).build()).train(ex);
      model = model.withPolarity(pm);
      ThemeClassifier hybrid = HybridThemeClassifier.of(model, codebook, PolaritySource.EVIDENCE);
      List<ZeroShotGold.Row> rows = sets.get(h);
      System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %.1f / %.1f |%n", h, train.size(),
          score(rows, codebook), score(rows, hybrid), cpu(sets, codebook), cpu(sets, hybrid));
    }
  }

  private static double cpu(Map<String, List<ZeroShotGold.Row>> sets, ThemeClassifier c) {
    List<String> texts = new ArrayList<>();
    sets.values().forEach(rows -> rows.forEach(r -> texts.add(r.text())));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    long best = Long.MAX_VALUE;
    for (int pass = 0; pass < 6; pass++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (String t : texts) {
        sink += c.classify(t).tags().size();
      }
      best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
    }
    if (sink < 0) {
      System.out.println(sink);
    }
    return best / 1000.0 / texts.size();
  }

  static String score(List<ZeroShotGold.Row> rows, ThemeClassifier c) {
    List<Set<String>> predicted = new ArrayList<>();
    Map<DocumentTheme, Polarity> gold = new HashMap<>();
    Map<DocumentTheme, Polarity> pred = new HashMap<>();
    for (ZeroShotGold.Row r : rows) {
      Classification cl = c.classify(r.text());
      Set<String> themes = new HashSet<>();
      for (ThemeTag t : cl.tags()) {
        themes.add(t.themeId());
        pred.put(new DocumentTheme(r.key(), t.themeId()), t.polarity());
      }
      predicted.add(themes);
      r.polarity().forEach((t, p) -> gold.put(new DocumentTheme(r.key(), t), p));
    }
    MultiLabelReport m = MultiLabelMetrics.compute(rows.stream().map(ZeroShotGold.Row::labels).toList(), predicted);
    PolarityReport p = PolarityMetrics.compute(gold, pred);
    return String.format(Locale.ROOT, "%.3f / %.3f / %.3f, %.3f, %.3f", m.microPrecision(), m.microRecall(),
        m.microF1(), m.macroF1(), p.accuracyFound());
  }
}
