package org.verbatim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeTag;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.eval.MultiLabelMetrics;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.text.RulePipeline;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;

/**
 * An experiment of issue 12 kept for reproduction: keyword-seeded learning. Sentences of unlabelled comments (the
 * social-care dev texts without their codes and the NHS datasets' {@code train.csv} texts without their labels) are
 * labelled by the default codebook: a theme when a cue match scores at least {@code --seed-score} (0.5), no theme
 * when no cue matches at all, left out otherwise; with {@code --mask} the matched cue words are blanked so the
 * model has to learn the words around them. A naive-Bayes logistic model per theme is trained on those sentences
 * (3 folds, as {@code verbatim train}); its themes scoring at least {@code --min-score} are added to the codebook's
 * tags. Prints micro P / R / F1 and macro F1 of the codebook, the model and the union on the social-care dev set
 * and the NHS coded sets. Reads no comment text into its output.
 *
 * <p>Run: {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar org.verbatim.bench.KeywordSeeding --data
 * ../shared/datasets [--mask] [--seed-score 0.5] [--min-score 0]}. Needs the data folder. Stateless.
 */
public final class KeywordSeeding {

  private KeywordSeeding() {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("data", "seed-score", "min-score"), List.of("mask"));
    Path data = a.path("data").orElse(Path.of("../shared/datasets"));
    boolean mask = a.flag("mask");
    double seedScore = Double.parseDouble(a.value("seed-score").orElse("0.5"));
    double minScore = Double.parseDouble(a.value("min-score").orElse("0"));
    CodebookClassifier codebook = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());
    Map<String, List<ZeroShotGold.Row>> sets = new LinkedHashMap<>();
    sets.put("social care dev", SocialCareDev.rows());
    for (String name : ZeroShotGold.BUNDLED) {
      try (var r = new java.io.InputStreamReader(
          KeywordSeeding.class.getResourceAsStream(ZeroShotGold.BUNDLED_DIR + name + ".csv"), java.nio.charset.StandardCharsets.UTF_8)) {
        sets.put("NHS " + name, ZeroShotGold.read(name, r, data));
      }
    }
    List<String> pool = new ArrayList<>();
    sets.get("social care dev").forEach(r -> pool.add(r.text()));
    for (String ds : List.of("nhs-fft-v6", "nhs-fft-phase1")) {
      Path train = data.resolve(ds).resolve(Dataset.TRAIN);
      if (Files.isRegularFile(train)) {
        CommentCsv.read(train).forEach(c -> pool.add(c.text()));
      }
    }
    List<LabelledComment> seeded = new ArrayList<>();
    int withTheme = 0;
    for (String text : pool) {
      for (String s : text.split("(?<=[.!?])\\s+|\\n+")) {
        if (s.strip().length() < 12) {
          continue;
        }
        Classification cand = codebook.candidates(s);
        if (cand.isEmpty()) {
          seeded.add(new LabelledComment("s" + seeded.size(), s, List.of()));
          continue;
        }
        List<String> labels = new ArrayList<>();
        char[] masked = s.toCharArray();
        for (ThemeTag t : cand.tags()) {
          if (t.score() >= seedScore) {
            labels.add(t.themeId());
            for (Evidence e : t.evidence()) {
              for (int k = e.start(); mask && k < e.end(); k++) {
                masked[k] = ' ';
              }
            }
          }
        }
        if (!labels.isEmpty()) {
          seeded.add(new LabelledComment("s" + seeded.size(), new String(masked), labels));
          withTheme++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "seeded sentences: %d with themes, %d without (mask %s, seed score %.2f)%n%n",
        withTheme, seeded.size() - withTheme, mask, seedScore);
    LinearThemeClassifier model = ThemeTrainer.create(
        ThemeOptions.builder().kind(ClassifierKind.NB_LOGISTIC).folds(3).seed(42).build()).train(seeded);
    System.out.println("| set | codebook | model | union (model themes scoring >= " + minScore + ") |");
    System.out.println("|---|---|---|---|");
    for (var e : sets.entrySet()) {
      List<Set<String>> gold = new ArrayList<>();
      List<Set<String>> cb = new ArrayList<>();
      List<Set<String>> m = new ArrayList<>();
      List<Set<String>> union = new ArrayList<>();
      for (ZeroShotGold.Row r : e.getValue()) {
        gold.add(r.labels());
        Set<String> x = new HashSet<>(codebook.classify(r.text()).themeIds());
        Set<String> y = new HashSet<>();
        for (ThemeTag t : model.classify(r.text()).tags()) {
          if (t.score() >= minScore) {
            y.add(t.themeId());
          }
        }
        Set<String> u = new HashSet<>(x);
        u.addAll(y);
        cb.add(x);
        m.add(y);
        union.add(u);
      }
      System.out.println("| " + e.getKey() + " | " + cell(gold, cb) + " | " + cell(gold, m) + " | " + cell(gold, union) + " |");
    }
    System.out.println("\nCells: micro P / R / F1, macro F1.");
  }

  private static String cell(List<Set<String>> gold, List<Set<String>> pred) {
    MultiLabelReport r = MultiLabelMetrics.compute(gold, pred);
    return String.format(Locale.ROOT, "%.3f / %.3f / %.3f, %.3f", r.microPrecision(), r.microRecall(), r.microF1(), r.macroF1());
  }
}
