package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.verbatim.Polarity;
import org.verbatim.eval.AgreementReport;
import org.verbatim.eval.CoderAgreement;
import org.verbatim.eval.EvaluationOptions;
import org.verbatim.io.AtomicOutput;
import org.verbatim.io.CodedDataException;
import org.verbatim.io.Coding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim agree}: inter-coder agreement between two or more codings of the same comments: per-theme percent
 * agreement, Cohen's kappa, Fleiss' kappa and Krippendorff's alpha with bootstrap intervals, polarity agreement on
 * the themes the coders share, and the list of disagreements (ids and themes; text only with {@code --show-text}).
 */
@Command(
    name = "agree",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:an input or output file cannot be used (message: verbatim: error: ...)",
      "2:the command line is wrong or incomplete"
    },
    sortOptions = false,
    description = {
      "Agreement between coders who coded the same comments (each file: id and labels columns, themes joined by ';';",
      "polarity in a 'polarity' column as theme:polarity;... or in a long-form id,theme,polarity file given with --polarity).",
      "Prints per-theme percent agreement, Cohen's kappa (two coders), Fleiss' kappa and Krippendorff's alpha with 95%%",
      "bootstrap intervals, the same pooled over every comment x theme decision, polarity agreement on the themes coders",
      "share, and every disagreement by id and theme. A comment missing from a coder's file counts as not coded by that coder."
    })
final class AgreeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
      description = "One coder's file; give it once per coder (at least two).")
  List<Path> inputs;

  @Option(names = "--polarity", paramLabel = "FILE",
      description = "A long-form id,theme,polarity file per coder, in the order of the --input files.")
  List<Path> polarityFiles;

  @Option(names = "--name", paramLabel = "NAME",
      description = "The coders' names, in the order of the --input files (default: the file names).")
  List<String> names;

  @Option(names = "--themes", paramLabel = "ID,...", split = ",",
      description = "Themes to include even if no coder used them (each adds agreeing 'absent' decisions).")
  List<String> extraThemes;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures and disagreements as JSON.")
  Path json;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the Markdown report to FILE instead of the screen.")
  Path output;

  @Option(names = "--show-text", description = "Show each disagreement's comment text (from a 'text' or 'comment' column).")
  boolean showText;

  @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples, 0 for none (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (inputs.size() < 2) {
        throw new CommandFailure(Main.USAGE_ERROR, "give --input at least twice, once per coder");
      }
      if (polarityFiles != null && polarityFiles.size() != inputs.size()) {
        throw new CommandFailure(Main.USAGE_ERROR, "give --polarity once per --input (" + inputs.size() + "), got "
            + polarityFiles.size());
      }
      if (names != null && names.size() != inputs.size()) {
        throw new CommandFailure(Main.USAGE_ERROR, "give --name once per --input (" + inputs.size() + "), got " + names.size());
      }
      if (resamples < 0) {
        throw new CommandFailure(Main.USAGE_ERROR, "--resamples must be >= 0: " + resamples);
      }
      List<String> coderNames = new ArrayList<>();
      List<Map<String, Set<String>>> themes = new ArrayList<>();
      List<Map<String, Map<String, Polarity>>> polarities = new ArrayList<>();
      Map<String, String> texts = new LinkedHashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        Path in = inputs.get(i);
        if (!Files.isRegularFile(in)) {
          throw new CommandFailure(Main.DATA_ERROR, in + ": no such file");
        }
        Path pol = polarityFiles == null ? null : polarityFiles.get(i);
        if (pol != null && !Files.isRegularFile(pol)) {
          throw new CommandFailure(Main.DATA_ERROR, pol + ": no such file");
        }
        Coding c = Coding.read(in, pol);
        String name = names != null ? names.get(i) : stem(in);
        if (coderNames.contains(name)) {
          name = name + "#" + (i + 1);
        }
        coderNames.add(name);
        themes.add(c.themes());
        polarities.add(c.polarities());
        c.texts().forEach(texts::putIfAbsent);
      }
      if (showText && texts.isEmpty()) {
        throw new CommandFailure(Main.USAGE_ERROR, "--show-text needs a 'text' or 'comment' column in one of the input files");
      }
      EvaluationOptions opts = EvaluationOptions.defaults().withSeed(seed).withBootstrapResamples(resamples)
          .withExtraLabels(extraThemes == null ? List.of() : extraThemes.stream().map(String::strip).toList());
      AgreementReport r = CoderAgreement.compute(coderNames, themes, polarities, opts);
      String md = "# Agreement between " + String.join(", ", coderNames) + "\n\n" + r.toMarkdown(showText ? texts : Map.of());
      if (output != null) {
        AtomicOutput.write(output, md.getBytes(StandardCharsets.UTF_8));
        out.printf("alpha %s over %d comments -> %s%n", fmt(r.krippendorffAlpha()), r.documents(), output);
      } else {
        out.print(md);
      }
      out.flush();
      if (json != null) {
        r.writeJson(json);
      }
      return 0;
    } catch (CommandFailure | IllegalArgumentException | CodedDataException | IOException e) {
      return CommandFailure.report(err, e);
    }
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", v);
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
