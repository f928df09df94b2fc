package org.verbatim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.WordLayer;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.RulePipeline;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.WordLayerTrainer;

/**
 * The default codebook's learned layer ({@link WordLayerTrainer}), one coded set left out at a time: trained on the
 * other social-care sets (and, with {@code --train all}, the three coded NHS sets, joined from the data folder),
 * scored on the held-out set beside the cues alone: micro P / R / F1, macro F1, polarity over themes found.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.LayerSets [--data ../shared/datasets]
 * [--train sc|all] [--lambda 1] [--epochs 300] [--min-count 2] [--thresholds 0.5,0.6] [--polarity-lambda 0.1]
 * [--polarity-gate 0.5] [--no-polarity] [--no-ratio-scaling]}: the layer's learned polarity ({@link org.verbatim.classify.TagPolarity})
 * with the trainer's defaults unless given, none with {@code --no-polarity}. Prints no comment text.
 */
public final class LayerSets {

  private LayerSets() {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("data", "lambda", "thresholds", "min-count", "epochs", "train", "pairs", "prefixes",
        "polarity-lambda", "polarity-gate"), List.of("summary", "no-polarity", "no-ratio-scaling"));
    Path data = Path.of(a.value("data", "../shared/datasets"));
    boolean all = a.value("train", "sc").equals("all");
    Map<String, List<ZeroShotGold.Row>> sets = SocialCareDev.coded();
    for (String n : ZeroShotGold.BUNDLED) {
      var in = LayerSets.class.getResourceAsStream(ZeroShotGold.BUNDLED_DIR + n + ".csv");
      try (var r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
        sets.put("nhs-" + n, ZeroShotGold.read(n, r, data));
      }
    }
    CodebookClassifier cues = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());
    List<Double> thresholds = new ArrayList<>();
    for (String t : a.value("thresholds", Double.toString(WordLayerTrainer.Options.DEFAULTS.threshold())).split(",")) {
      thresholds.add(Double.parseDouble(t));
    }
    boolean noPolarity = a.flag("no-polarity");
    double polarityLambda = Double.parseDouble(a.value("polarity-lambda",
        Double.toString(WordLayerTrainer.DEFAULT_POLARITY_LAMBDA)));
    double polarityGate = Double.parseDouble(a.value("polarity-gate",
        Double.toString(WordLayerTrainer.DEFAULT_POLARITY_GATE)));
    System.out.printf(Locale.ROOT, "layer trained on the other %s sets; lambda %s, epochs %d, min count %d; %s%n",
        all ? "coded" : "social-care", a.value("lambda", "1"), a.intValue("epochs", 300), a.intValue("min-count", 2),
        noPolarity ? "no learned polarity" : "learned polarity lambda " + polarityLambda + ", gate " + polarityGate);
    StringBuilder head = new StringBuilder("| held out | cues alone: P / R / F1, macro, polarity");
    for (double t : thresholds) {
      head.append(" | with the layer at ").append(t);
    }
    System.out.println(head.append(" |"));
    System.out.println("|---|---" + "|---".repeat(thresholds.size()) + "|");
    double[] scSum = new double[thresholds.size() + 1];
    double[] nhsSum = new double[thresholds.size() + 1];
    double[] polSum = new double[thresholds.size() + 1];
    double[] nhsPolSum = new double[thresholds.size() + 1];
    int scSets = 0;
    for (String h : sets.keySet()) {
      List<LabelledComment> train = new ArrayList<>();
      List<Map<String, org.verbatim.Polarity>> polarities = new ArrayList<>();
      sets.forEach((n, rows) -> {
        if (!n.equals(h) && (all || !n.startsWith("nhs-"))) {
          for (ZeroShotGold.Row r : rows) {
            train.add(LabelledComment.of(n + "/" + r.key(), r.text(), r.labels().toArray(String[]::new)));
            polarities.add(r.polarity());
          }
        }
      });
      String base = HybridSets.score(sets.get(h), cues);
      StringBuilder row = new StringBuilder("| " + h + " | " + base);
      boolean sc = h.startsWith("check") || h.equals("sc-final");
      scSets += sc ? 1 : 0;
      for (int k = 0; k <= thresholds.size(); k++) {
        String score = base;
        if (k > 0) {
          WordLayerTrainer.Options o = new WordLayerTrainer.Options(Double.parseDouble(a.value("lambda", "1")),
              a.intValue("epochs", 300), a.intValue("min-count", 2), thresholds.get(k - 1));
          WordLayerTrainer trainer = WordLayerTrainer.create(o);
          trainer = noPolarity ? trainer.withoutPolarity() : trainer.withPolarity(polarityLambda, polarityGate);
          int pairs = a.intValue("pairs", WordLayerTrainer.DEFAULT_PAIR_MIN_COUNT);
          trainer = pairs > 0 ? trainer.withPairs(pairs) : trainer.withoutPairs();
          int prefixes = a.intValue("prefixes", WordLayerTrainer.DEFAULT_PREFIX_LENGTH);
          trainer = prefixes > 0 ? trainer.withPrefixes(prefixes) : trainer.withoutPrefixes();
          trainer = a.flag("no-ratio-scaling") ? trainer.withoutRatioScaling() : trainer;
          WordLayer layer = trainer.train(cues, train, polarities);
          score = HybridSets.score(sets.get(h), cues.withLayer(layer));
          row.append(" | ").append(score);
        }
        String[] f = score.split(", ");
        double micro = Double.parseDouble(f[0].split(" / ")[2]);
        if (sc) {
          scSum[k] += micro;
          polSum[k] += Double.parseDouble(f[2]);
        } else if (h.startsWith("nhs-")) {
          nhsSum[k] += micro / 3;
          nhsPolSum[k] += Double.parseDouble(f[2]) / 3;
        }
      }
      if (!a.flag("summary")) {
        System.out.println(row.append(" |"));
      }
    }
    for (int k = 0; k <= thresholds.size(); k++) {
      System.out.printf(Locale.ROOT, "%s: mean micro-F1 of the %d held-out social-care sets %.4f (polarity %.4f), of"
          + " the NHS sets %.4f (polarity %.4f)%n", k == 0 ? "cues alone" : "layer at " + thresholds.get(k - 1), scSets,
          scSum[k] / scSets, polSum[k] / scSets, nhsSum[k], nhsPolSum[k]);
    }
  }
}
