package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.classify.PolarityModel;
import org.verbatim.codebook.CodebookException;
import org.verbatim.features.ClassifierFeatures;
import org.verbatim.io.CodedData;
import org.verbatim.model.ModelWriter;
import org.verbatim.train.PolarityExample;
import org.verbatim.train.PolarityOptions;
import org.verbatim.train.PolarityTrainer;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;
import org.verbatim.train.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim train}: learns a theme model from coded comments, choosing its settings by k-fold
 * cross-validation on that file only, and writes it as a model file.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the input, codebook, model or output cannot be used (message: verbatim: error: ...)",
      "2:the command line is wrong or incomplete"
    },
    sortOptions = false,
    description = {
      "Trains a theme model on coded comments (themes in a 'labels' column, joined by ';') and writes a model file.",
      "Settings (regularisation, thresholds, at-least-one and at-most-K rules) are chosen by k-fold cross-validation "
          + "on the input only; the same data, options and seed give the same model.",
      "With polarity codes (a 'polarity' column, or --polarity FILE) it also trains a polarity model per (comment, theme), "
          + "stored in the same file: classify then gives each theme the learned polarity."
    })
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "Coded comments, CSV or JSONL.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The model file to write (a zip).")
  Path output;

  @Option(names = {"-c", "--codebook"}, paramLabel = "PATH",
      description = "A codebook whose cue hits become extra features; classify and evaluate then need it again.")
  Path codebook;

  @Option(names = "--folds", defaultValue = "" + ThemeOptions.DEFAULT_FOLDS, description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the folds and solvers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--kind", paramLabel = "KIND",
      description = "logistic, nb-logistic, svm or nb-svm (default: nb-logistic and svm, chosen by cross-validation).")
  String kind;

  @Mixin CodedInput coded;

  @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Training threads (default: processors).")
  Integer threads;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (!Files.isRegularFile(input)) {
        throw new CommandFailure(Main.DATA_ERROR, input + ": no such file");
      }
      ThemeOptions options = options(folds, seed, kind, codebook, threads);
      CodedData data = coded.read(input, err);
      long t0 = System.nanoTime();
      LinearThemeClassifier model = ThemeTrainer.create(options).train(data.comments());
      double seconds = (System.nanoTime() - t0) / 1e9;
      PolarityModel polarity = null;
      double polaritySeconds = 0;
      if (data.hasPolarity()) {
        long p0 = System.nanoTime();
        polarity = trainPolarity(data, seed);
        polaritySeconds = (System.nanoTime() - p0) / 1e9;
        model = model.withPolarity(polarity);
      }
      ModelWriter.write(model, output);
      TrainingReport r = model.report();
      out.printf(Locale.ROOT, "trained %s on %d comments, %d themes (%d with a model), %d features%n",
          model.info().kind(), r.comments(), r.labels().size(), r.active().stream().filter(x -> x).count(), r.featureCount());
      out.printf(Locale.ROOT, "cross-validated (%d folds, seed %d): micro-F1 %.4f, macro-F1 %.4f%n", folds, seed, r.cvMicroF1(), r.cvMacroF1());
      out.printf(Locale.ROOT, "chosen: cost %s, thresholds %s, at least one %s, at most %s labels%n",
          r.cost() == 0 ? "per label" : Double.toString(r.cost()), r.thresholdRule(), r.atLeastOne(),
          r.maxLabels() <= 0 ? "any" : Integer.toString(r.maxLabels()));
      if (polarity != null) {
        List<String> classes = new ArrayList<>();
        polarity.classes().forEach(c -> classes.add(c.id()));
        out.printf(Locale.ROOT, "polarity: trained on %d (comment, theme) pairs, classes %s; cross-validated macro-F1 %.4f "
            + "(lambda %s), %.1f s%n", polarity.trainingPairs(), String.join(", ", classes), polarity.cvMacroF1(),
            polarity.lambda(), polaritySeconds);
      }
      out.printf(Locale.ROOT, "tune %.1f s, train %.1f s, total %.1f s -> %s%n", r.tuneSeconds(), r.trainSeconds(),
          seconds + polaritySeconds, output);
      out.flush();
      return 0;
    } catch (CommandFailure | IllegalArgumentException | CodebookException | IOException e) {
      return CommandFailure.report(err, e);
    }
  }

  /** The polarity options of {@code train} and {@code evaluate --folds}: the defaults with the command's seed. */
  static PolarityOptions polarityOptions(long seed) {
    return PolarityOptions.builder().seed(seed).build();
  }

  /** Trains the polarity model on the coded (comment, theme, polarity) triples with {@link #polarityOptions}. */
  static PolarityModel trainPolarity(CodedData data, long seed) throws CommandFailure {
    List<PolarityExample> examples = data.polarityExamples();
    try {
      return PolarityTrainer.create(polarityOptions(seed)).train(examples);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(Main.DATA_ERROR, "cannot train a polarity model on the " + examples.size()
          + " coded (comment, theme) pairs: " + e.getMessage() + " (use --no-polarity to train themes only)");
    }
  }

  /** Training options from the command line, shared with {@code evaluate --folds}. */
  static ThemeOptions options(int folds, long seed, String kind, Path codebook, Integer threads)
      throws CodebookException, IOException {
    ThemeOptions.Builder b = ThemeOptions.builder().folds(folds).seed(seed)
        .threads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    if (kind != null) {
      b.kind(ClassifierKind.parse(kind));
    }
    if (codebook != null) {
      ThemeClassifier cb = ClassifierFactory.cues(codebook);
      b.extraFeatures(ClassifierFeatures.of(cb));
    }
    return b.build();
  }
}
