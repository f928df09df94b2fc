package org.verbatim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.verbatim.Classification;
import org.verbatim.Polarity;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.codebook.CodebookException;
import org.verbatim.Evidence;
import org.verbatim.eval.Alignment;
import org.verbatim.eval.Evaluation;
import org.verbatim.eval.EvaluationOptions;
import org.verbatim.eval.Evaluator;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.eval.PolarityConfusion;
import org.verbatim.eval.PolarityReport;
import org.verbatim.eval.PredictionErrors;
import org.verbatim.eval.ThemeConfusion;
import org.verbatim.io.Csv;
import org.verbatim.io.AtomicOutput;
import org.verbatim.io.CodedData;
import org.verbatim.io.LabelFiles;
import org.verbatim.train.CrossValidation;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.ThemeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim evaluate}: scores a classifier against coded comments, with the same conventions as the
 * peers' {@code metrics.py}, plus bootstrap confidence intervals, Cohen's kappa per theme and Krippendorff's
 * alpha, and polarity accuracy when the file has a {@code polarity} column.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the input, codebook, model or output cannot be used (message: verbatim: error: ...)",
      "2:the command line is wrong or incomplete"
    },
    sortOptions = false,
    description = {
      "Scores themes against coded comments (themes in a 'labels' column, joined by ';').",
      "  --model M.zip          a trained model on a held-out file",
      "  --folds K              k-fold cross-validation of training on the file itself",
      "  neither                the codebook classifier (zero-shot; --codebook PATH or the bundled social-care codebook)",
      "Prints a per-theme table (precision, recall, F1 with 95%% bootstrap intervals, support, kappa), micro and macro F1,",
      "Hamming loss, subset accuracy and Krippendorff's alpha; --json writes the same as JSON.",
      "With polarity codes (a 'polarity' column, or --polarity FILE) it also scores polarity over the themes found and over",
      "all coded themes, and, for a model with a learned polarity model, given the coded themes; then a polarity",
      "confusion matrix with bootstrap intervals. Always: per-theme TP/FP/FN/TN and a co-confusion table (which theme was",
      "predicted when another was coded and missed). --errors FILE lists every false positive and false negative."
    })
final class EvaluateCommand implements Callable<Integer> {

  /** Folds of the settings search inside each training fold of {@code --folds}. */
  private static final int INNER_FOLDS = ThemeOptions.DEFAULT_FOLDS;

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "Coded comments, CSV or JSONL.")
  Path input;

  @Option(names = {"-m", "--model"}, paramLabel = "FILE", description = "A model file written by 'verbatim train', "
      + "or 'social-care' for the bundled social-care model.")
  Path model;

  @Option(names = "--folds", paramLabel = "K", description = "Cross-validate training on the input with K folds instead.")
  Integer folds;

  @Option(names = "--cues-only", description = "Zero-shot with the bundled codebook: its cues alone, without its"
      + " learned layer.")
  boolean cuesOnly;

  @Option(names = "--layer", paramLabel = "FILE", description = "Zero-shot: a learned layer for the codebook (from"
      + " verbatim train-layer), used instead of the bundled one.")
  Path layer;

  @Option(names = {"-c", "--codebook"}, paramLabel = "PATH",
      description = "Zero-shot: the codebook to classify with; with --model: the codebook for evidence and polarity (hybrid); "
          + "with --folds: cue features.")
  Path codebook;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of folds, training and bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--kind", paramLabel = "KIND", description = "With --folds: logistic, nb-logistic, svm or nb-svm (default: chosen by cross-validation).")
  String kind;

  @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples, 0 for none (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Option(names = "--predictions", paramLabel = "FILE", description = "Also write the predictions as an id,labels CSV (metrics.py's format).")
  Path predictions;

  @Option(names = "--errors", paramLabel = "FILE",
      description = "Also write every false positive and false negative (id, theme, score, polarity, evidence spans and "
          + "their words) as CSV, most confident first. The evidence words are quoted from the comments.")
  Path errors;

  @Mixin CodedInput coded;

  @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Threads for training with --folds (default: processors).")
  Integer threads;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      if ((layer != null || cuesOnly) && (model != null || folds != null)) {
        throw new CommandFailure(Main.USAGE_ERROR, (layer != null ? "--layer" : "--cues-only")
            + " is for the zero-shot codebook; with --model or --folds a trained model decides the themes");
      }
      if (model != null && folds != null) {
        throw new CommandFailure(Main.USAGE_ERROR, "give --model or --folds, not both");
      }
      if (!Files.isRegularFile(input)) {
        throw new CommandFailure(Main.DATA_ERROR, input + ": no such file");
      }
      CodedData data = coded.read(input, err);
      List<LabelledComment> comments = data.comments();
      String what;
      List<Classification> predicted;
      // polarity of the coded themes when the classifier can judge a given theme (a learned polarity model)
      List<Map<String, Polarity>> givenThemes = null;
      LinearThemeClassifier scorer = null;   // gives a missed theme's score, for --errors
      long t0 = System.nanoTime();
      if (model != null) {
        ThemeClassifier c = TrainedModels.load(model, codebook, codebook != null);
        predicted = c.classifyAll(texts(comments));
        what = "model " + model.getFileName() + " (" + c.info().kind() + ")";
        LinearThemeClassifier linear = c instanceof HybridThemeClassifier h ? h.model() : (LinearThemeClassifier) c;
        scorer = linear;
        if (data.hasPolarity() && linear.polarityModel().isPresent()) {
          givenThemes = new ArrayList<>(comments.size());
          for (int i = 0; i < comments.size(); i++) {
            givenThemes.add(CrossValidation.judge(linear.polarityModel().get(), comments.get(i).text(), data.polarities().get(i)));
          }
        }
      } else if (folds != null) {
        if (folds < 2 || folds > comments.size()) {
          throw new CommandFailure(Main.USAGE_ERROR, "--folds must be between 2 and the number of comments: " + folds);
        }
        CrossValidation.Result cv = CrossValidation.run(comments, data.polarities(), folds, seed,
            TrainCommand.options(INNER_FOLDS, seed, kind, codebook, threads),
            data.hasPolarity() ? TrainCommand.polarityOptions(seed) : null);
        predicted = cv.predictions();
        givenThemes = cv.polarityGivenThemes();
        what = folds + "-fold cross-validation of training (seed " + seed + ")";
      } else {
        if (layer != null && cuesOnly) {
          throw new CommandFailure(Main.USAGE_ERROR, "--layer and --cues-only exclude each other");
        }
        ThemeClassifier c = ClassifierFactory.create(codebook, ClassifierFactory.Backend.OPENNLP, cuesOnly, layer);
        Set<String> coded = new java.util.TreeSet<>();
        comments.forEach(x -> coded.addAll(x.labels()));
        if (!coded.isEmpty() && java.util.Collections.disjoint(coded, c.info().themes())) {
          // every figure would be zero: the file is coded with other themes than the codebook's
          throw new CommandFailure(Main.DATA_ERROR, input + " is coded with themes the codebook does not have ("
              + String.join(", ", coded.size() > 8 ? new ArrayList<>(coded).subList(0, 8) : coded)
              + (coded.size() > 8 ? ", ..." : "") + "; the codebook's are " + String.join(", ", c.info().themes())
              + "): zero-shot evaluation needs the codebook's theme ids; give --codebook PATH with these themes,"
              + " or train a model on the file (verbatim train) and use evaluate --folds K");
        }
        predicted = c.classifyAll(texts(comments));
        what = "codebook '" + c.info().name() + "' " + c.info().version() + " (zero-shot)";
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      List<Set<String>> gold = new ArrayList<>(comments.size());
      List<Set<String>> pred = new ArrayList<>(comments.size());
      for (int i = 0; i < comments.size(); i++) {
        gold.add(new LinkedHashSet<>(comments.get(i).labels()));
        pred.add(new LinkedHashSet<>(predicted.get(i).themeIds()));
      }
      EvaluationOptions opts = EvaluationOptions.defaults().withSeed(seed).withBootstrapResamples(resamples);
      Evaluation e = Evaluator.evaluate(gold, pred, opts);
      PolarityReport polarity = data.hasPolarity() ? PolarityMetrics.compute(data.polarities(), polarities(predicted)) : null;
      PolarityReport given = givenThemes == null ? null : PolarityMetrics.compute(data.polarities(), givenThemes);
      ThemeConfusion confusion = ThemeConfusion.of(Alignment.of(gold, pred), Set.of());
      PolarityConfusion polarityConfusion = data.hasPolarity()
          ? PolarityConfusion.of(data.polarities(), polarities(predicted), opts) : null;
      out.printf(Locale.ROOT, "# Evaluation of %s on %s (%d comments, %.1f s)%n%n", what, input.getFileName(), comments.size(), seconds);
      out.println(e.toMarkdown());
      out.println("## Confusion");
      out.println();
      out.println(confusion.toMarkdown());
      if (polarity != null) {
        out.printf(Locale.ROOT, "%nPolarity: accuracy %.4f and macro-F1 %.4f over the %d themes found correctly; "
            + "accuracy %.4f and macro-F1 %.4f over all %d coded themes (a missed theme counts as wrong).%n",
            polarity.accuracyFound(), polarity.macroF1Found(), polarity.foundPairs(),
            polarity.accuracyAll(), polarity.macroF1All(), polarity.goldPairs());
        out.println();
        out.println("## Polarity confusion (coded x predicted, over the coded themes)");
        out.println();
        out.print(polarityConfusion.toMarkdown());
      }
      if (given != null) {
        out.printf(Locale.ROOT, "Polarity given the coded themes (the learned polarity model asked about each coded theme, "
            + "as in aspect-based evaluation): accuracy %.4f and macro-F1 %.4f over %d pairs.%n",
            given.accuracyAll(), given.macroF1All(), given.goldPairs());
      }
      out.flush();
      if (json != null) {
        writeJson(e, polarity, given, what, confusion, polarityConfusion);
      }
      if (predictions != null) {
        LabelFiles.writePredictions(predictions, comments.stream().map(LabelledComment::id).toList(), pred);
      }
      if (errors != null) {
        writeErrors(comments, gold, predicted, scorer);
      }
      return 0;
    } catch (CommandFailure | IllegalArgumentException | CodebookException | org.verbatim.model.ModelFormatException
        | IOException e) {
      return CommandFailure.report(err, e);
    }
  }

  private static List<String> texts(List<LabelledComment> comments) {
    List<String> t = new ArrayList<>(comments.size());
    comments.forEach(c -> t.add(c.text()));
    return t;
  }

  private static List<Map<String, Polarity>> polarities(List<Classification> predicted) {
    List<Map<String, Polarity>> out = new ArrayList<>(predicted.size());
    for (Classification c : predicted) {
      Map<String, Polarity> m = new HashMap<>();
      for (ThemeTag t : c.tags()) {
        m.put(t.themeId(), t.polarity());
      }
      out.add(m);
    }
    return out;
  }

  /** The --errors file: every false positive and false negative, most confident first. */
  private void writeErrors(List<LabelledComment> comments, List<Set<String>> gold, List<Classification> predicted,
      LinearThemeClassifier scorer) throws IOException {
    List<String> ids = comments.stream().map(LabelledComment::id).toList();
    Map<Integer, double[]> margins = new HashMap<>();
    List<PredictionErrors.Error> list = PredictionErrors.of(ids, gold, predicted, scorer == null ? null : (d, theme) -> {
      int l = scorer.labels().indexOf(theme);
      if (l < 0) {
        return Double.NaN;   // a theme the model was not trained on
      }
      double m = margins.computeIfAbsent(d, k -> scorer.margins(comments.get(k).text()))[l];
      return 1.0 / (1.0 + Math.exp(-m));
    });
    StringBuilder sb = new StringBuilder(Csv.record(List.of("id", "theme", "error", "score", "polarity", "evidence",
        "evidence_text")));
    for (PredictionErrors.Error x : list) {
      String text = comments.get(x.index()).text();
      StringBuilder spans = new StringBuilder();
      StringBuilder words = new StringBuilder();
      for (Evidence ev : x.evidence()) {
        spans.append(spans.length() == 0 ? "" : ";").append(ev.start()).append('-').append(ev.end());
        words.append(words.length() == 0 ? "" : " | ").append(ev.in(text));
      }
      sb.append(Csv.record(List.of(x.id(), x.theme(), x.kind().id(),
          Double.isNaN(x.score()) ? "" : String.format(Locale.ROOT, "%.4f", x.score()),
          x.polarity().map(Polarity::id).orElse(""), spans.toString(), words.toString())));
    }
    AtomicOutput.write(errors, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void writeJson(Evaluation e, PolarityReport polarity, PolarityReport given, String what,
      ThemeConfusion confusion, PolarityConfusion polarityConfusion) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("evaluated", what);
    root.put("input", input.getFileName().toString());
    root.set("themes", mapper.readTree(e.toJson()));
    if (polarity != null) {
      root.set("polarity", mapper.readTree(polarity.toJson()));
    }
    if (given != null) {
      root.set("polarityGivenThemes", mapper.readTree(given.toJson()));
    }
    root.set("confusion", mapper.readTree(confusion.toJson()));
    if (polarityConfusion != null) {
      root.set("polarityConfusion", mapper.readTree(polarityConfusion.toJson()));
    }
    AtomicOutput.write(json, (mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
        .getBytes(StandardCharsets.UTF_8));
  }
}
