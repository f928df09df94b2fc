package org.verbatim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.eval.Folds;
import org.verbatim.eval.MultiLabelMetrics;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;

/**
 * Development harness: nested cross-validation of whole trainer settings on {@code train.csv} only. Each outer
 * fold trains with the trainer's own inner cross-validation on the other folds and predicts the held-out fold;
 * the out-of-fold predictions are scored with the conventions of {@code metrics.py}. This compares
 * model-selection rules (which the trainer's inner CV score, being the score it maximised, cannot do fairly).
 *
 * <pre>
 * java -cp ... org.verbatim.bench.SupervisedNestedCv [--outer 5] [--outer-seed 1] [--threads 2]
 *     --variants default,c14,...  DATASET_DIR...
 * </pre>
 *
 * Variants: {@code default} (the {@link ThemeOptions} defaults), {@code +nb-svm} (NB-SVM added to the kind grid),
 * {@code tol0.01} (solver tolerance),
 * {@code c64} (cost 64 added for the logistic kinds), {@code c025} (cost 1/4 added), {@code c025x} (costs
 * 1/4, 1, 4), {@code c05x} (costs 1/2, 1, 4), {@code c14} (costs 1, 4), {@code c16} (costs 1, 4, 16), {@code grid-before} (costs 1, 4 and SVM 1/16, 1/4, 1), {@code c1} (cost 1 only for every kind), {@code c12} (costs 1, 2 for every kind), {@code svm1}, {@code svm05}, {@code svm025} (the SVM kinds' single cost), {@code s2} (SVM costs 1/16, 1/4), {@code s2h} (SVM costs 1/8, 1/2), {@code f10}
 * (10 inner folds), {@code f3}, {@code f4} (the default), {@code f5} (the default before); parts combine with {@code +}, e.g. {@code c14+nb-svm}. Prints one
 * JSON line per dataset and variant. Never reads {@code test.csv}.
 */
public final class SupervisedNestedCv {

  private SupervisedNestedCv() {}

  public static void main(String[] args) throws Exception {
    int outer = 5;
    long outerSeed = 1;
    int threads = 2;
    List<String> variants = List.of("default");
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--outer" -> outer = Integer.parseInt(args[++i]);
        case "--outer-seed" -> outerSeed = Long.parseLong(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--variants" -> variants = Arrays.asList(args[++i].split(","));
        default -> dirs.add(Path.of(args[i]));
      }
    }
    for (Path dir : dirs) {
      List<LabelledComment> train = SupervisedDev.read(dir.resolve("train.csv"));
      List<Set<String>> gold = train.stream().map(c -> Set.copyOf(c.labels())).toList();
      Folds folds = Folds.kFold(train.size(), outer, outerSeed);
      for (String v : variants) {
        ThemeOptions opts = options(v, threads);
        List<Set<String>> oof = new ArrayList<>(Collections.nCopies(train.size(), Set.<String>of()));
        List<String> kinds = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int f = 0; f < folds.k(); f++) {
          List<LabelledComment> tr = folds.trainIndices(f).stream().map(train::get).toList();
          List<Integer> va = folds.testIndices(f);
          LinearThemeClassifier m = ThemeTrainer.create(opts).train(tr);
          kinds.add(m.model().kind().id() + "/" + m.report().thresholdRule().id() + "/" + m.report().thresholdWeight());
          int[][] pred = m.predictIndexes(va.stream().map(i -> train.get(i).text()).toList());
          for (int k = 0; k < va.size(); k++) {
            Set<String> s = new java.util.HashSet<>();
            for (int l : pred[k]) {
              s.add(m.labels().get(l));
            }
            oof.set(va.get(k), Set.copyOf(s));
          }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        MultiLabelReport r = MultiLabelMetrics.compute(gold, oof);
        System.out.println(String.format(Locale.ROOT,
            "{\"dataset\":\"%s\",\"variant\":\"%s\",\"nested_micro_f1\":%.4f,\"nested_macro_f1\":%.4f,"
                + "\"seconds\":%.1f,\"chosen\":\"%s\"}",
            dir.getFileName(), v, r.microF1(), r.macroF1(), wall, String.join(" ", kinds)));
      }
    }
  }

  static ThemeOptions options(String variant, int threads) {
    ThemeOptions.Builder b = ThemeOptions.builder().threads(threads);
    for (String part : variant.split("\\+")) {
      switch (part) {
        case "default" -> { }
        case "nb-svm" -> b.kinds(List.of(ClassifierKind.NB_LOGISTIC, ClassifierKind.SVM, ClassifierKind.NB_SVM));
        case "tol0.01" -> b.tolerance(0.01);
        case "c64" -> b.costs(List.of(1.0, 4.0, 16.0, 64.0)).svmCosts(ThemeOptions.DEFAULT_SVM_COSTS);
        case "c025" -> b.costs(List.of(0.25, 1.0, 4.0, 16.0)).svmCosts(ThemeOptions.DEFAULT_SVM_COSTS);
        case "c025x" -> b.costs(List.of(0.25, 1.0, 4.0)).svmCosts(ThemeOptions.DEFAULT_SVM_COSTS);
        case "grid-before" -> b.costs(List.of(1.0, 4.0)).svmCosts(List.of(0.0625, 0.25, 1.0));
        case "c1" -> b.costs(List.of(1.0));
        case "c12" -> b.costs(List.of(1.0, 2.0));
        case "svm1" -> b.svmCosts(List.of(1.0));
        case "svm025" -> b.svmCosts(List.of(0.25));
        case "svm05" -> b.svmCosts(List.of(0.5));
        case "s2" -> b.svmCosts(List.of(0.0625, 0.25));
        case "s2h" -> b.svmCosts(List.of(0.125, 0.5));
        case "c16" -> b.costs(List.of(1.0, 4.0, 16.0)).svmCosts(ThemeOptions.DEFAULT_SVM_COSTS);
        case "c14" -> b.costs(List.of(1.0, 4.0)).svmCosts(ThemeOptions.DEFAULT_SVM_COSTS);
        case "c05x" -> b.costs(List.of(0.5, 1.0, 4.0)).svmCosts(ThemeOptions.DEFAULT_SVM_COSTS);
        case "f10" -> b.folds(10);
        case "f3" -> b.folds(3);
        case "f4" -> b.folds(4);
        case "f5" -> b.folds(5);
        default -> throw new IllegalArgumentException("unknown variant part " + part);
      }
    }
    return b.build();
  }
}
