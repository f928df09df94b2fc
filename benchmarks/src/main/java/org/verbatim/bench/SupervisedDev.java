package org.verbatim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.features.FeatureOptions;
import org.verbatim.io.LabelFiles;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;
import org.verbatim.train.ThresholdRule;
import org.verbatim.train.TrainingReport;

/**
 * Development harness for supervised theme models: trains on {@code DATASET/train.csv} with cross-validation
 * on train only, then (unless {@code --cv-only}) predicts {@code DATASET/test.csv}, writes an {@code id,labels}
 * CSV for {@code metrics.py}, and times batch prediction on one thread. With {@code --load-model} it skips
 * training and times a saved model (the JSON then repeats the model's recorded CV figures).
 *
 * <pre>
 * java -cp ... org.verbatim.bench.SupervisedDev DATASET [--kind nb-logistic|logistic|svm|nb-svm]
 *     [--kinds nb-logistic,svm] [--svm-costs 0.0625,0.25,1]
 *     [--features words|words+chars] [--negation mark|off|both] [--tokenizer simple|pipeline]
 *     [--costs 1,4,16,64] [--thresholds auto|per-label|global|none] [--max-labels K] [--at-least-one auto|on|off]
 *     [--folds 5] [--seed 0] [--threads N] [--min-df 2] [--tol 0.01] [--cv-only]
 *     [--pred-out PRED.csv] [--model-out MODEL.zip] [--load-model MODEL.zip]
 * </pre>
 *
 * Prints one JSON line with the chosen settings, cross-validated scores, timings and throughput. The test
 * set is read only after training is finished and never influences any choice. (The options of experiments
 * that lost, recorded in docs/model-format.md, were removed with them from the library: the Smile solver and
 * Maxent kind, the interpolation, ranking, naive-Bayes-ratio, selection-score and threshold-weight grids.)
 */
public final class SupervisedDev {

  private SupervisedDev() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: SupervisedDev DATASET_DIR [options]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    ThemeOptions.Builder b = ThemeOptions.builder();
    FeatureOptions features = FeatureOptions.wordsAndChars();
    boolean cvOnly = false;
    Path predOut = null;
    Path modelOut = null;
    Path modelIn = null;
    String featName = "words+chars";
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--kind" -> b.kind(ClassifierKind.parse(args[++i]));
        case "--kinds" -> b.kinds(Arrays.stream(args[++i].split(",")).map(ClassifierKind::parse).toList());
        case "--svm-costs" -> b.svmCosts(Arrays.stream(args[++i].split(",")).map(Double::valueOf).toList());
        case "--features" -> {
          featName = args[++i];
          FeatureOptions f = switch (featName) {
            case "words" -> FeatureOptions.words();
            case "words+chars" -> FeatureOptions.wordsAndChars();
            case "words3" -> new FeatureOptions(1, 3, 0, 0, 2, FeatureOptions.Weighting.TFIDF, true, FeatureOptions.Negation.MARK);
            case "words+chars36" -> FeatureOptions.wordsAndChars().withChars(3, 6);
            case "words+chars14" -> FeatureOptions.wordsAndChars().withChars(1, 4);
            case "words+chars15" -> FeatureOptions.wordsAndChars().withChars(1, 5);
            case "words+chars26" -> FeatureOptions.wordsAndChars().withChars(2, 6);
            case "words3+chars" -> new FeatureOptions(1, 3, 2, 5, 2, FeatureOptions.Weighting.TFIDF, true, FeatureOptions.Negation.OFF);
            case "words+chars25b" -> new FeatureOptions(1, 2, 2, 5, 2, FeatureOptions.Weighting.BINARY, true, FeatureOptions.Negation.MARK);
            case "words-b" -> new FeatureOptions(1, 2, 0, 0, 2, FeatureOptions.Weighting.BINARY, true, FeatureOptions.Negation.MARK);
            default -> throw new IllegalArgumentException("unknown features " + featName);
          };
          features = f.withNegation(features.negation()).withWeighting(f.weighting());
        }
        case "--negation" -> features = features.withNegation(FeatureOptions.Negation.valueOf(args[++i].toUpperCase(Locale.ROOT)));
        case "--min-df" -> {
          int m = Integer.parseInt(args[++i]);
          features = new FeatureOptions(features.wordMinN(), features.wordMaxN(), features.charMinN(), features.charMaxN(), m,
              features.weighting(), features.sublinearTf(), features.negation());
        }
        case "--costs" -> b.costs(Arrays.stream(args[++i].split(",")).map(Double::valueOf).toList());
        case "--tokenizer" -> b.tokenizer(switch (args[++i]) {
          case "simple" -> org.verbatim.features.SimpleTokenizer.INSTANCE;
          case "pipeline" -> org.verbatim.features.PipelineTokenizer.fast();
          default -> throw new IllegalArgumentException("--tokenizer simple|pipeline");
        });
        case "--thresholds" -> b.thresholds(ThresholdRule.parse(args[++i]));
        case "--folds" -> b.folds(Integer.parseInt(args[++i]));
        case "--seed" -> b.seed(Long.parseLong(args[++i]));
        case "--threads" -> b.threads(Integer.parseInt(args[++i]));
        case "--tol" -> b.tolerance(Double.parseDouble(args[++i]));
        case "--max-epochs" -> b.maxEpochs(Integer.parseInt(args[++i]));
        case "--max-labels" -> b.maxLabels(Integer.parseInt(args[++i]));
        case "--at-least-one" -> b.atLeastOne(ThemeOptions.Toggle.valueOf(args[++i].toUpperCase(Locale.ROOT)));
        case "--cv-only" -> cvOnly = true;
        case "--pred-out" -> predOut = Path.of(args[++i]);
        case "--model-out" -> modelOut = Path.of(args[++i]);
        case "--load-model" -> modelIn = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    b.features(features);
    ThemeOptions opts = b.build();
    List<LabelledComment> train = read(dir.resolve("train.csv"));

    long t0 = System.nanoTime();
    LinearThemeClassifier model = modelIn != null ? org.verbatim.model.ModelLoader.load(modelIn)
        : ThemeTrainer.create(opts).train(train);
    double wall = (System.nanoTime() - t0) / 1e9;
    TrainingReport r = model.report();

    StringBuilder json = new StringBuilder();
    json.append('{');
    field(json, "dataset", dir.getFileName().toString());
    field(json, "kind", model.model().kind().id());
    field(json, "kinds", String.join(",", opts.kinds().stream().map(ClassifierKind::id).toList()));
    field(json, "features", featName);
    field(json, "negation", features.negation().name().toLowerCase(Locale.ROOT));
    field(json, "tokenizer", opts.tokenizer().id());
    field(json, "threads", opts.threads());
    field(json, "n_train", train.size());
    field(json, "n_features", r.featureCount());
    field(json, "C", r.cost());
    field(json, "ranking", r.ranking().id());
    field(json, "thresholds", r.thresholdRule().id());
    field(json, "threshold_weight", r.thresholdWeight());
    field(json, "at_least_one", r.atLeastOne());
    field(json, "max_labels", r.maxLabels());
    field(json, "cv_micro_f1", round(r.cvMicroF1()));
    field(json, "cv_macro_f1", round(r.cvMacroF1()));
    StringBuilder g = new StringBuilder("{");
    for (TrainingReport.GridPoint p : r.grid()) {
      g.append(g.length() > 1 ? "," : "").append('"').append(p.cost()).append('/').append(p.thresholdWeight()).append('/').append(p.thresholdRule().id()).append("\":[")
          .append(round(p.microF1())).append(',').append(round(p.macroF1())).append(']');
    }
    g.append('}');
    json.append("\"cv_grid\":").append(g).append(',');
    field(json, "tune_seconds", round(r.tuneSeconds()));
    field(json, "train_seconds", round(r.trainSeconds()));
    field(json, "wall_seconds", round(wall));

    if (modelOut != null) {
      org.verbatim.model.ModelWriter.write(model, modelOut);
      field(json, "model_bytes", java.nio.file.Files.size(modelOut));
    }
    if (!cvOnly) {
      List<LabelledComment> test = read(dir.resolve("test.csv"));
      List<String> texts = test.stream().map(LabelledComment::text).toList();
      List<String> labels = model.labels();
      int[][] pred = model.predictIndexes(texts);
      if (predOut != null) {
        List<Set<String>> sets = new ArrayList<>();
        for (int[] row : pred) {
          Set<String> ls = new TreeSet<>();
          for (int l : row) {
            ls.add(labels.get(l));
          }
          sets.add(ls);
        }
        LabelFiles.writePredictions(predOut, test.stream().map(LabelledComment::id).toList(), sets);
      }
      // throughput: test texts repeated to >= 20000, one call, one thread, best of 3 after warm-up
      List<String> big = new ArrayList<>();
      while (big.size() < 20000) {
        big.addAll(texts);
      }
      for (int k = 0; k < 3; k++) {
        decode(model.predictIndexes(big), labels);
        model.classifyAll(big);
      }
      // wall time and this thread's CPU time (the machine is shared: CPU time is the steadier figure)
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      double best = Double.MAX_VALUE;
      double bestFull = Double.MAX_VALUE;
      double bestCpu = Double.MAX_VALUE;
      double bestFullCpu = Double.MAX_VALUE;
      long sink = 0;
      for (int k = 0; k < 5; k++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long s = System.nanoTime();
        sink += decode(model.predictIndexes(big), labels);
        best = Math.min(best, (System.nanoTime() - s) / 1e9);
        bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
        c0 = mx.getCurrentThreadCpuTime();
        s = System.nanoTime();
        sink += model.classifyAll(big).size();
        bestFull = Math.min(bestFull, (System.nanoTime() - s) / 1e9);
        bestFullCpu = Math.min(bestFullCpu, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
      }
      field(json, "batch_labels_cps_cpu", Math.round(big.size() / bestCpu));
      field(json, "batch_classify_cps_cpu", Math.round(big.size() / bestFullCpu));
      field(json, "throughput_n", big.size());
      field(json, "batch_labels_cps", Math.round(big.size() / best));
      field(json, "batch_classify_cps", Math.round(big.size() / bestFull));
      field(json, "sink", sink);
    }
    json.setLength(json.length() - 1);
    json.append('}');
    System.out.println(json);
  }

  private static long decode(int[][] pred, List<String> labels) {
    long n = 0;
    for (int[] p : pred) {
      List<String> ls = new ArrayList<>(p.length);
      for (int l : p) {
        ls.add(labels.get(l));
      }
      n += ls.size();
    }
    return n;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static void field(StringBuilder sb, String k, Object v) {
    sb.append('"').append(k).append("\":");
    if (v instanceof String s) {
      sb.append('"').append(s.replace("\"", "\\\"")).append('"');
    } else {
      sb.append(v);
    }
    sb.append(',');
  }

  static List<LabelledComment> read(Path csv) throws IOException {
    return CommentCsv.read(csv);
  }

}
