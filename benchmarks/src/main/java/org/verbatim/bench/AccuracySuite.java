package org.verbatim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.verbatim.Classification;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.eval.Evaluation;
import org.verbatim.eval.EvaluationOptions;
import org.verbatim.eval.Evaluator;
import org.verbatim.eval.Folds;
import org.verbatim.eval.MultiLabelMetrics;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.io.LabelFiles;
import org.verbatim.text.Profile;
import org.verbatim.train.LabelledComment;

/**
 * The accuracy suite: for every dataset folder under the data folder, each of our configurations that applies
 * is cross-validated on train.csv, fitted on all of train.csv and scored on test.csv (with bootstrap confidence
 * intervals), timed, and trained again on 10/25/50/100% of train.csv for a learning curve; the peers
 * (scikit-learn, fastText) run on the same data in the same run when Debian's python3 has them. Optionally, a
 * zero-shot evaluation of the default social-care codebook against hand-coded gold ({@link ZeroShotGold}).
 *
 * <p>Output per dataset, in {@code OUT/<dataset>/}: {@code accuracy.json}, {@code accuracy.md},
 * {@code learning-curve.svg}, our predictions ({@code <system>.pred.csv}, ids and labels only) and the peers'
 * files under {@code peers/}; across datasets {@code OUT/summary.md} and {@code OUT/summary.json}.
 *
 * <p>Run from the project root: {@code java -cp benchmarks/target/benchmarks.jar
 * org.verbatim.bench.AccuracySuite --data ../shared/datasets --out benchmarks/results} (options in
 * {@link AccuracySettings#fromArgs}). Nothing is tuned on test.csv: model selection happens inside the fit on
 * train, and the "primary" system compared with the peers is the one with the best cross-validated micro F1.
 */
public final class AccuracySuite {

  private AccuracySuite() {}

  public static void main(String[] args) throws Exception {
    Machine.quietLogging();
    AccuracySettings settings = AccuracySettings.fromArgs(args);
    run(settings, defaultConfigurations(settings.trainThreads()));
  }

  /**
   * Our configurations: zero-shot on both profiles; the trainer's default ({@code verbatim-default}: every
   * {@link org.verbatim.train.ThemeOptions} default, NB-LR and the SVM compared by cross-validation), the
   * single kinds NB-logistic and logistic; NB-logistic with the codebook's cue counts as features; and the hybrid
   * of NB-logistic and the codebook. Trainers use {@code trainThreads} threads.
   */
  public static List<Configuration> defaultConfigurations(int trainThreads) {
    List<Configuration> out = new ArrayList<>();
    out.add(new ZeroShotConfiguration(Profile.FAST));
    out.add(new ZeroShotConfiguration(Profile.FULL));
    out.add(SupervisedConfiguration.defaults(trainThreads));
    out.add(SupervisedConfiguration.of(ClassifierKind.NB_LOGISTIC, SupervisedConfiguration.Variant.PLAIN, trainThreads));
    out.add(SupervisedConfiguration.of(ClassifierKind.LOGISTIC, SupervisedConfiguration.Variant.PLAIN, trainThreads));
    out.add(SupervisedConfiguration.of(ClassifierKind.NB_LOGISTIC, SupervisedConfiguration.Variant.CUE_FEATURES,
        trainThreads));
    out.add(SupervisedConfiguration.of(ClassifierKind.NB_LOGISTIC, SupervisedConfiguration.Variant.HYBRID,
        trainThreads));
    return out;
  }

  /**
   * Runs the suite and writes its files.
   *
   * @return the per-dataset results
   * @throws IOException if a dataset cannot be read or a result cannot be written
   */
  public static List<DatasetResult> run(AccuracySettings s, List<Configuration> configurations)
      throws IOException, InterruptedException {
    Files.createDirectories(s.out());
    List<Configuration> configs = configurations.stream()
        .filter(c -> s.systems().isEmpty() || s.systems().contains(c.name())).toList();
    Optional<Peers> peers = Optional.empty();
    if (s.peers() != Peers.Selection.NONE) {
      peers = Peers.locate(s.peersDir());
    }
    List<DatasetResult> results = new ArrayList<>();
    for (Path dir : Dataset.discover(s.data())) {
      if (!s.datasets().isEmpty() && !s.datasets().contains(dir.getFileName().toString())) {
        continue;
      }
      Dataset d = Dataset.load(dir);
      log("dataset %s: %d train, %d test, %d labels", d.name(), d.train().size(), d.test().size(), d.trainLabels().size());
      DatasetResult r = runDataset(s, d, configs, peers);
      AccuracyReport.write(s, r, s.out().resolve(d.name()));
      results.add(r);
    }
    if (results.isEmpty()) {
      log("no dataset folder with train.csv and test.csv under %s", s.data());
    }
    List<ZeroShotGold.Line> zeroShot = s.zeroShotGold().isEmpty() ? List.of() : ZeroShotGold.runAll(s, peers, s.out());
    AccuracyReport.writeSummary(s, results, zeroShot, s.out());
    return results;
  }

  static DatasetResult runDataset(AccuracySettings s, Dataset d, List<Configuration> configs, Optional<Peers> peers)
      throws IOException, InterruptedException {
    Path outDir = s.out().resolve(d.name());
    Files.createDirectories(outDir);
    List<SystemResult> systems = new ArrayList<>();
    List<DatasetResult.Skipped> skipped = new ArrayList<>();
    for (Configuration c : configs) {
      Optional<String> reason = c.skipReason(d);
      if (reason.isPresent()) {
        log("  %s skipped: %s", c.name(), reason.get());
        skipped.add(new DatasetResult.Skipped(c.name(), reason.get()));
        continue;
      }
      systems.add(runSystem(s, d, c, outDir));
    }
    List<Peers.Run> peerRuns = new ArrayList<>();
    if (s.peers() != Peers.Selection.NONE) {
      if (peers.isEmpty()) {
        skipped.add(new DatasetResult.Skipped("peers", "python3 with scikit-learn not available"));
      } else {
        // the peers append to peers.jsonl: start it afresh for this run
        Files.deleteIfExists(outDir.resolve("peers").resolve("peers.jsonl"));
        for (Peers.Spec spec : Peers.specs(s.peers())) {
          if (!peers.get().canRun(spec)) {
            skipped.add(new DatasetResult.Skipped(spec.system(), "python3-fasttext not installed"));
            continue;
          }
          log("  peer %s", spec.system());
          try {
            peerRuns.add(peers.get().run(spec, d.dir(), outDir.resolve("peers"),
                List.of("--min-throughput-docs", Integer.toString(s.throughputN()),
                    "--single-n", Integer.toString(s.singleN()))));
          } catch (IOException e) {
            log("  peer %s failed: %s", spec.system(), e.getMessage());
            skipped.add(new DatasetResult.Skipped(spec.system(), "failed: " + e.getMessage()));
          }
        }
      }
    }
    return new DatasetResult(d.name(), d.train().size(), d.test().size(), d.trainLabels().size(), systems, peerRuns,
        skipped);
  }

  static SystemResult runSystem(AccuracySettings s, Dataset d, Configuration c, Path outDir) throws IOException {
    List<String> notes = new ArrayList<>();
    List<Set<String>> trainGold = d.train().stream().map(x -> (Set<String>) new TreeSet<>(x.labels())).toList();
    List<Set<String>> testGold = d.test().stream().map(x -> (Set<String>) new TreeSet<>(x.labels())).toList();
    List<String> testTexts = d.test().stream().map(LabelledComment::text).toList();

    // 1. cross-validation on train (or, for zero-shot, the score on all of train)
    MultiLabelReport cv = null;
    int cvFolds = 0;
    if (c.trains() && s.folds() >= 2 && d.train().size() >= s.folds()) {
      log("  %s: %d-fold cross-validation on train", c.name(), s.folds());
      Folds folds = Folds.kFold(d.train().size(), s.folds(), s.seed());
      List<Set<String>> oof = new ArrayList<>(Collections.nCopies(d.train().size(), Set.<String>of()));
      for (int f = 0; f < folds.k(); f++) {
        List<LabelledComment> tr = folds.trainIndices(f).stream().map(d.train()::get).toList();
        List<Integer> va = folds.testIndices(f);
        ThemeClassifier fc = c.fit(tr, s.seed()).classifier();
        List<Classification> pred = fc.classifyAll(va.stream().map(i -> d.train().get(i).text()).toList());
        for (int k = 0; k < va.size(); k++) {
          oof.set(va.get(k), Set.copyOf(pred.get(k).themeIds()));
        }
      }
      cv = MultiLabelMetrics.compute(trainGold, oof);
      cvFolds = folds.k();
    } else if (!c.trains() && s.folds() != 0) {
      ThemeClassifier zc = c.fit(d.train(), s.seed()).classifier();
      cv = MultiLabelMetrics.compute(trainGold, labelSets(zc.classifyAll(d.train().stream().map(LabelledComment::text).toList())));
    }

    // 2. fit on all of train, score on test
    log("  %s: fit on train, score on test", c.name());
    Configuration.Fitted fitted = c.fit(d.train(), s.seed());
    List<Set<String>> testPred = labelSets(fitted.classifier().classifyAll(testTexts));
    Evaluation test = Evaluator.evaluate(testGold, testPred,
        EvaluationOptions.defaults().withBootstrapResamples(s.bootstrap()).withSeed(s.seed()));
    LabelFiles.writePredictions(outDir.resolve(c.name() + ".pred.csv"),
        d.test().stream().map(LabelledComment::id).toList(), testPred);

    // 3. throughput, one thread, as the peers measure theirs
    ThroughputProbe.Result tp = ThroughputProbe.measure(fitted.classifier(), testTexts, s.throughputN(), s.singleN(), 3);

    // 4. learning curve on nested seeded subsets of train, scored on test
    List<LearningCurveChart.Point> curve = new ArrayList<>();
    if (!s.curve().isEmpty()) {
      List<LabelledComment> shuffled = new ArrayList<>(d.train());
      Collections.shuffle(shuffled, new Random(s.seed()));
      for (double f : s.curve()) {
        int n = Math.max(1, (int) Math.round(f * d.train().size()));
        if (!c.trains() || n == d.train().size()) {
          curve.add(new LearningCurveChart.Point(f, n, test.metrics().microF1(), test.metrics().macroF1()));
          continue;
        }
        try {
          ThemeClassifier lc = c.fit(shuffled.subList(0, n), s.seed()).classifier();
          MultiLabelReport r = MultiLabelMetrics.compute(testGold, labelSets(lc.classifyAll(testTexts)));
          curve.add(new LearningCurveChart.Point(f, n, r.microF1(), r.macroF1()));
        } catch (IllegalArgumentException e) {
          notes.add(String.format(Locale.ROOT, "learning curve at %.0f%% (%d comments) not trained: %s", f * 100, n,
              e.getMessage()));
        }
      }
    }
    log("  %s: test micro F1 %.4f, macro F1 %.4f, batch %.0f c/s", c.name(), test.metrics().microF1(),
        test.metrics().macroF1(), tp.batchCps());
    return new SystemResult(c.name(), cv, cvFolds, test,
        new SystemResult.Fitted(fitted.trainSeconds(), fitted.tuneSeconds(), fitted.loadSeconds(), fitted.chosen()),
        tp, curve, notes);
  }

  static List<Set<String>> labelSets(List<Classification> cs) {
    return cs.stream().map(c -> Set.copyOf(c.themeIds())).toList();
  }

  static void log(String format, Object... args) {
    System.err.println(String.format(Locale.ROOT, format, args));
  }
}
