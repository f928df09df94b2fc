package org.verbatim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verbatim.Polarity;
import org.verbatim.classify.PolarityModel;
import org.verbatim.eval.DocumentTheme;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.eval.PolarityReport;
import org.verbatim.features.PolarityFeature;
import org.verbatim.train.PolarityOptions;
import org.verbatim.train.PolarityTrainer;

/**
 * Trains the learned (comment, theme) polarity model and scores it next to the aspect-level peer baseline
 * ({@code benchmarks/peers/aspect_baseline.py}) in the same run.
 *
 * <pre>{@code
 * java -cp ... org.verbatim.bench.PolarityDev [--datasets=/work/shared/datasets] [--with-val] [--no-peer] [--dev [--variant=NAME]]
 * }</pre>
 *
 * <p>Default mode: mams-acsa (train, or train+val with {@code --with-val}, scored on test) and nhs-fft-phase1
 * (train.csv pairs, scored on test.csv pairs). {@code --dev} instead trains on mams-acsa train and scores
 * feature ablations on val only (never test), which is how the defaults were chosen. One JSON line per result.
 */
public final class PolarityDev {

  private PolarityDev() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("/work/shared/datasets");
    boolean withVal = false;
    boolean peer = true;
    boolean dev = false;
    String only = null;
    for (String a : args) {
      if (a.startsWith("--datasets=")) {
        data = Path.of(a.substring("--datasets=".length()));
      } else if (a.equals("--with-val")) {
        withVal = true;
      } else if (a.equals("--no-peer")) {
        peer = false;
      } else if (a.startsWith("--variant=")) {
        only = a.substring("--variant=".length());
      } else if (a.equals("--dev")) {
        dev = true;
      } else {
        throw new IllegalArgumentException("unknown argument: " + a);
      }
    }
    Path mams = data.resolve("mams-acsa");
    Path nhs = data.resolve("nhs-fft-phase1");
    if (dev) {
      List<LabelledPair> train = PolarityFiles.mams(mams, "train");
      List<LabelledPair> val = PolarityFiles.mams(mams, "val");
      PolarityOptions d = PolarityOptions.defaults();
      if (only == null || only.equals("defaults")) {
        run("mams-val", "defaults", d, train, val);
      }
      List<Set<PolarityFeature>> variants = List.of(
          EnumSet.of(PolarityFeature.LEXICON, PolarityFeature.THEME_CONJUNCTIONS),
          EnumSet.of(PolarityFeature.EVIDENCE_CLAUSES, PolarityFeature.LEXICON, PolarityFeature.THEME_CONJUNCTIONS),
          EnumSet.of(PolarityFeature.EVIDENCE_CLAUSES, PolarityFeature.THEME_CONJUNCTIONS, PolarityFeature.CONTEXT_WORDS),
          EnumSet.of(PolarityFeature.EVIDENCE_CLAUSES, PolarityFeature.LEXICON, PolarityFeature.CONTEXT_WORDS),
          EnumSet.allOf(PolarityFeature.class));
      String[] names = {"whole-comment", "no-context", "no-lexicon", "no-theme", "with-bigrams"};
      for (int i = 0; i < names.length; i++) {
        if (only == null || only.equals(names[i])) {
          run("mams-val", names[i], d.toBuilder().features(variants.get(i)).build(), train, val);
        }
      }
      return;
    }
    List<LabelledPair> train = new ArrayList<>(PolarityFiles.mams(mams, "train"));
    if (withVal) {
      train.addAll(PolarityFiles.mams(mams, "val"));
    }
    run("mams-acsa", "ours", PolarityOptions.defaults(), train, PolarityFiles.mams(mams, "test"));
    if (peer) {
      peer("mams", mams, withVal);
    }
    run("nhs-fft-phase1", "ours", PolarityOptions.defaults(),
        PolarityFiles.nhsPhase1(nhs, "train"), PolarityFiles.nhsPhase1(nhs, "test"));
    if (peer) {
      peer("nhs", nhs, false);
    }
  }

  private static void run(String dataset, String variant, PolarityOptions options, List<LabelledPair> train,
      List<LabelledPair> test) {
    long t0 = System.nanoTime();
    PolarityModel model = PolarityTrainer.create(options).train(PolarityFiles.examples(train));
    long t1 = System.nanoTime();
    Map<DocumentTheme, Polarity> gold = new HashMap<>();
    Map<DocumentTheme, Polarity> pred = new HashMap<>();
    for (LabelledPair p : test) {
      DocumentTheme key = new DocumentTheme(p.id(), p.example().themeId());
      gold.put(key, p.example().polarity());
      pred.put(key, model.predict(p.example().text(), p.example().themeId()));
    }
    long t2 = System.nanoTime();
    PolarityReport r = PolarityMetrics.compute(gold, pred);
    System.out.println(String.format(Locale.ROOT,
        "{\"system\": \"verbatim-polarity\", \"variant\": \"%s\", \"dataset\": \"%s\", \"train_pairs\": %d, "
            + "\"test_pairs\": %d, \"lambda\": %s, \"cv_macro_f1\": %.4f, \"features\": %d, \"accuracy\": %.4f, "
            + "\"macro_f1\": %.4f, \"train_seconds\": %.2f, \"predict_seconds\": %.3f}",
        variant, dataset, train.size(), test.size(), model.lambda(), model.cvMacroF1(), model.vocabularySize(),
        r.accuracyAll(), r.macroF1All(), (t1 - t0) / 1e9, (t2 - t1) / 1e9));
  }

  private static void peer(String kind, Path dir, boolean withVal) throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    Path script = Path.of("benchmarks/peers/aspect_baseline.py");
    if (!Files.isExecutable(python) || !Files.exists(script)) {
      System.out.println("{\"peer\": \"aspect_baseline\", \"dataset\": \"" + kind
          + "\", \"skipped\": \"needs /usr/bin/python3 and " + script + " (run from the repository root)\"}");
      return;
    }
    List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), kind, dir.toString()));
    if (withVal) {
      cmd.add("--with-val");
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        System.out.println(line);
      }
    }
    int rc = p.waitFor();
    if (rc != 0) {
      System.out.println("{\"peer\": \"aspect_baseline\", \"dataset\": \"" + kind + "\", \"exit\": " + rc + "}");
    }
  }
}
