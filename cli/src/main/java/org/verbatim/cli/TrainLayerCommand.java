package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.WordLayer;
import org.verbatim.codebook.CodebookException;
import org.verbatim.io.AtomicOutput;
import org.verbatim.io.CodedData;
import org.verbatim.train.WordLayerTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim train-layer}: trains a learned layer over a codebook's cues ({@link WordLayer}) from coded comments,
 * as the bundled codebook's layer was trained, for {@code classify --codebook PATH --layer FILE}.
 */
@Command(
    name = "train-layer",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the input, codebook or output cannot be used (message: verbatim: error: ...)",
      "2:the command line is wrong or incomplete"
    },
    sortOptions = false,
    description = {
      "Trains a learned layer over a codebook's cues on coded comments (themes in a 'labels' column, joined by ';';"
          + " polarity codes, if any, train its complaint model and its learned polarity of the tags) and writes it as"
          + " a text file.",
      "The layer adds a theme the cues missed when the words of a comment and the cues' scores make it probable;"
          + " use it with: verbatim classify --codebook PATH --layer FILE (the bundled codebook has its own layer)."
    })
final class TrainLayerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "Coded comments, CSV or JSONL.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The layer file to write (text).")
  Path output;

  @Option(names = {"-c", "--codebook"}, paramLabel = "PATH",
      description = "The codebook whose cues the layer sits on (default: the bundled social-care codebook).")
  Path codebook;

  @Option(names = "--threshold", defaultValue = "0.4",
      description = "Probability at which the layer tags a theme the cues missed (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--rules-polarity",
      description = "Fit no learned polarity: the tags keep the polarity of the cues' rules (and, for a layer tag"
          + " without cues, of the complaint model); writes a version 1 layer file.")
  boolean rulesPolarity;

  @Option(names = "--single-words",
      description = "Single words only as features: no pairs of adjacent words (by default a pair that at least 2"
          + " comments contain is a feature too).")
  boolean singleWords;

  @Option(names = "--no-ratio-scaling",
      description = "Plain present-or-absent words: do not scale each theme's words by their log-count ratios (how"
          + " much more often the theme's comments hold them than the others, as in NB-SVM; on by default).")
  boolean noRatioScaling;

  @Option(names = "--prefix-length", defaultValue = "0", paramLabel = "N",
      description = "Word beginnings of N characters (2 to 20) are features too (\"list*\" for listened, listening,"
          + " listenin), so word forms and misspellings the coded comments lack still count: more recall, less"
          + " precision; 0 for none (default: ${DEFAULT-VALUE}).")
  int prefixLength;

  @Mixin CodedInput coded;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (!Files.isRegularFile(input)) {
        throw new CommandFailure(Main.DATA_ERROR, input + ": no such file");
      }
      WordLayerTrainer.Options defaults = WordLayerTrainer.Options.DEFAULTS;
      WordLayerTrainer.Options options;
      try {
        options = new WordLayerTrainer.Options(defaults.lambda(), defaults.epochs(), defaults.minCount(), threshold);
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(Main.USAGE_ERROR, "--threshold: " + e.getMessage());
      }
      if (prefixLength != 0 && (prefixLength < 2 || prefixLength > 20)) {
        throw new CommandFailure(Main.USAGE_ERROR, "--prefix-length: expected 0 (none) or 2 to 20, got "
            + prefixLength);
      }
      CodebookClassifier cues = (CodebookClassifier) ClassifierFactory.cues(codebook);
      CodedData data = coded.read(input, err);
      long t0 = System.nanoTime();
      WordLayer layer;
      try {
        WordLayerTrainer trainer = WordLayerTrainer.create(options);
        trainer = singleWords ? trainer.withoutPairs() : trainer;
        trainer = noRatioScaling ? trainer.withoutRatioScaling() : trainer;
        trainer = prefixLength == 0 ? trainer.withoutPrefixes() : trainer.withPrefixes(prefixLength);
        layer = (rulesPolarity ? trainer.withoutPolarity() : trainer).train(cues, data.comments(), data.polarities());
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(Main.DATA_ERROR, input + ": " + e.getMessage());
      }
      StringWriter text = new StringWriter();
      layer.write(text);
      AtomicOutput.write(output, text.toString().getBytes(StandardCharsets.UTF_8));
      out.printf(Locale.ROOT, "trained a word layer over codebook '%s' on %d comments: %d words, threshold %s, %s, %.1f s"
          + " -> %s%n", cues.codebook().id(), data.comments().size(), layer.words().size(), layer.threshold(),
          layer.polarity().map(p -> "learned polarity (gate " + p.gate() + ")").orElse("rule polarity"),
          (System.nanoTime() - t0) / 1e9, output);
      out.flush();
      return 0;
    } catch (CommandFailure | IllegalArgumentException | CodebookException | IOException e) {
      return CommandFailure.report(err, e);
    }
  }
}
