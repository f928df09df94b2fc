package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEvaluateCommandTest {

  @TempDir Path tmp;

  /** A small coded set: waiting complaints, kindness praise, both, neither. */
  private Path coded(String name, int n, long seed) throws IOException {
    String[] waiting = {"we waited weeks for a call back", "kept waiting for hours again", "the wait was far too long",
        "nobody rang back after the delay"};
    String[] kind = {"she was so kind and caring", "a warm and caring worker", "really kind to my mum",
        "caring staff who were kind"};
    String[] other = {"the car park was full", "nothing to add", "the building was cold", "n/a"};
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("id,text,labels,polarity\n");
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(4);
      String text;
      String labels;
      String pol;
      switch (k) {
        case 0 -> { text = waiting[r.nextInt(4)]; labels = "reliability"; pol = "reliability:negative"; }
        case 1 -> { text = kind[r.nextInt(4)]; labels = "empathy"; pol = "empathy:positive"; }
        case 2 -> { text = kind[r.nextInt(4)] + " but " + waiting[r.nextInt(4)]; labels = "empathy;reliability";
          pol = "empathy:positive;reliability:negative"; }
        default -> { text = other[r.nextInt(4)]; labels = ""; pol = ""; }
      }
      sb.append("c").append(i).append(",\"").append(text).append("\",").append(labels).append(',').append(pol).append('\n');
    }
    Path p = tmp.resolve(name);
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  private static List<org.verbatim.io.FeedbackRecord> records(Path file) throws IOException {
    List<org.verbatim.io.FeedbackRecord> out = new java.util.ArrayList<>();
    try (org.verbatim.io.FeedbackReader r = org.verbatim.io.FeedbackReader.open(file)) {
      for (org.verbatim.io.FeedbackRecord x = r.next(); x != null; x = r.next()) {
        out.add(x);
      }
    }
    return out;
  }

  @Test
  void trainALayerThenClassifyAndEvaluateWithIt() throws Exception {
    // "rang" and "call back" are no reliability cues of a codebook that knows only "late"
    Path yaml = Files.writeString(tmp.resolve("tiny.yaml"), String.join("\n",
        "format: verbatim-codebook/1", "id: tiny", "name: Tiny", "version: '1'", "language: en",
        "description: two themes", "themes:",
        "  - id: reliability", "    name: Reliability", "    definition: Turning up and getting back.",
        "    cues: [\"late\"]",
        "  - id: empathy", "    name: Empathy", "    definition: Warmth.", "    cues: [\"warm\"]", ""),
        StandardCharsets.UTF_8);
    Path train = coded("train.csv", 200, 3);
    Path layer = tmp.resolve("layer.tsv");
    CliRunner.Result t = CliRunner.run("train-layer", "--input", train.toString(), "--output", layer.toString(),
        "--codebook", yaml.toString());
    assertEquals(0, t.exit(), t.err());
    assertTrue(t.out().contains("on 200 comments") && t.out().contains("threshold "
        + org.verbatim.train.WordLayerTrainer.Options.DEFAULTS.threshold()), t.out());
    org.verbatim.classify.WordLayer read;
    try (var r = Files.newBufferedReader(layer)) {
      read = org.verbatim.classify.WordLayer.read(r, layer.toString());
    }
    assertEquals(List.of("reliability", "empathy"), read.themes());
    assertTrue(read.polarity().isPresent() && t.out().contains("learned polarity"), "trained by default: " + t.out());
    Path rules = tmp.resolve("rules.tsv");
    CliRunner.Result tr = CliRunner.run("train-layer", "--input", train.toString(), "--output", rules.toString(),
        "--codebook", yaml.toString(), "--rules-polarity");
    assertEquals(0, tr.exit(), tr.err());
    assertTrue(tr.out().contains("rule polarity"), tr.out());
    assertTrue(Files.readString(rules).startsWith(org.verbatim.classify.WordLayer.MAGIC_V1 + "\n"),
        "without a learned polarity, a version 1 file");

    Path test = coded("test.csv", 60, 4);
    Path with = tmp.resolve("with.csv");
    Path without = tmp.resolve("without.csv");
    assertEquals(0, CliRunner.run("classify", "--input", test.toString(), "--output", with.toString(), "--codebook",
        yaml.toString(), "--layer", layer.toString(), "--column-prefix", "vb_", "--quiet").exit());
    assertEquals(0, CliRunner.run("classify", "--input", test.toString(), "--output", without.toString(), "--codebook",
        yaml.toString(), "--column-prefix", "vb_", "--quiet").exit());
    org.verbatim.classify.CodebookClassifier cues = org.verbatim.classify.CodebookClassifier.create(
        org.verbatim.codebook.CodebookLoader.load(yaml), org.verbatim.text.RulePipeline.create());
    org.verbatim.ThemeClassifier layered = cues.withLayer(read);
    List<org.verbatim.io.FeedbackRecord> a = records(with);
    List<org.verbatim.io.FeedbackRecord> b = records(without);
    int added = 0;
    for (int i = 0; i < a.size(); i++) {
      String text = a.get(i).get("text").orElseThrow();
      String themes = a.get(i).get("vb_themes").orElseThrow();
      assertEquals(String.join(";", layered.classify(text).themeIds()), themes, "row " + i);
      added += themes.length() > b.get(i).get("vb_themes").orElseThrow().length() ? 1 : 0;
    }
    assertTrue(added > 0, "the layer adds reliability where the cues find no 'late'");
    CliRunner.Result e = CliRunner.run("evaluate", "--input", test.toString(), "--codebook", yaml.toString(), "--layer",
        layer.toString(), "--resamples", "0");
    assertEquals(0, e.exit(), e.err());

    // a layer of other themes, a missing file, and --layer with --cues-only are refused with what is wrong
    CliRunner.Result other = CliRunner.run("classify", "--input", test.toString(), "--output",
        tmp.resolve("o.csv").toString(), "--layer", layer.toString(), "--column-prefix", "vb_");
    assertEquals(1, other.exit());
    assertTrue(other.err().contains(layer.toString()) && other.err().contains("train-layer"), other.err());
    CliRunner.Result missing = CliRunner.run("classify", "--input", test.toString(), "--output",
        tmp.resolve("o.csv").toString(), "--layer", tmp.resolve("none.tsv").toString(), "--column-prefix", "vb_");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("none.tsv: no such file"), missing.err());
    assertEquals(2, CliRunner.run("classify", "--input", test.toString(), "--layer", layer.toString(),
        "--cues-only").exit());
    CliRunner.Result unknown = CliRunner.run("train-layer", "--input", train.toString(), "--output",
        tmp.resolve("l2.tsv").toString(), "--codebook", Files.writeString(tmp.resolve("one.yaml"),
            Files.readString(yaml).replace("  - id: empathy\n    name: Empathy\n    definition: Warmth.\n    cues: [\"warm\"]\n", "")).toString());
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("'empathy'") && unknown.err().contains("train.csv"), unknown.err());
  }

  @Test
  void trainThenEvaluateAndClassifyWithTheModel() throws IOException {
    Path train = coded("train.csv", 160, 1);
    Path test = coded("test.csv", 60, 2);
    Path model = tmp.resolve("model.zip");
    CliRunner.Result t = CliRunner.run("train", "--input", train.toString(), "--output", model.toString(), "--folds", "3", "--threads", "1");
    assertEquals(0, t.exit(), t.err());
    assertTrue(Files.isRegularFile(model));
    assertTrue(t.out().contains("cross-validated (3 folds, seed 42)"), t.out());

    Path json = tmp.resolve("eval.json");
    Path pred = tmp.resolve("pred.csv");
    CliRunner.Result e = CliRunner.run("evaluate", "--model", model.toString(), "--input", test.toString(),
        "--json", json.toString(), "--predictions", pred.toString(), "--resamples", "50");
    assertEquals(0, e.exit(), e.err());
    assertTrue(e.out().contains("| reliability |"), e.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    double micro = root.get("themes").get("metrics").get("micro_f1").asDouble();
    assertTrue(micro > 0.9, "a separable toy set is learned: micro-F1 " + micro);
    assertTrue(root.has("polarity"), "polarity is scored when the file has a polarity column");
    List<String> lines = Files.readAllLines(pred);
    assertEquals(61, lines.size(), "one prediction per comment plus the header");
    assertEquals("id,labels", lines.get(0));

    Path out = tmp.resolve("classified.csv");
    CliRunner.Result c = CliRunner.run("classify", "--input", test.toString(), "--output", out.toString(),
        "--model", model.toString(), "--column-prefix", "vb_", "--quiet");
    assertEquals(0, c.exit(), c.err());
    assertEquals(61, Files.readAllLines(out).size(), "one output row per input row plus the header");
  }

  @Test
  void evaluateWritesConfusionTablesPolarityIntervalsAndTheErrorsSortedByScore() throws IOException {
    Path train = coded("train-e.csv", 160, 11);
    Path model = tmp.resolve("model-e.zip");
    assertEquals(0, CliRunner.run("train", "--input", train.toString(), "--output", model.toString(), "--folds", "3",
        "--threads", "1").exit());
    // a test file whose codes are partly wrong, so that the model makes errors against them
    List<String> lines = Files.readAllLines(coded("test-e.csv", 40, 12), StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      sb.append(i % 5 == 0 ? l.replace(",reliability,reliability:negative", ",power,power:negative") : l).append('\n');
    }
    Path test = tmp.resolve("test-e-noisy.csv");
    Files.writeString(test, sb.toString(), StandardCharsets.UTF_8);
    Path errors = tmp.resolve("errors.csv");
    Path json = tmp.resolve("e.json");
    CliRunner.Result e = CliRunner.run("evaluate", "--model", model.toString(), "--input", test.toString(),
        "--errors", errors.toString(), "--json", json.toString(), "--resamples", "100");
    assertEquals(0, e.exit(), e.err());
    assertTrue(e.out().contains("## Confusion") && e.out().contains("| Theme | TP | FP | FN | TN |"), e.out());
    assertTrue(e.out().contains("## Polarity confusion"), e.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    JsonNode rel = root.get("confusion").get("per_theme").get("reliability");
    int n = rel.get("tp").asInt() + rel.get("fp").asInt() + rel.get("fn").asInt() + rel.get("tn").asInt();
    assertEquals(40, n, "the four counts cover every comment");
    assertTrue(root.get("polarityConfusion").get("intervals").has("accuracy_found"));
    List<String> rows = Files.readAllLines(errors, StandardCharsets.UTF_8);
    assertEquals("id,theme,error,score,polarity,evidence,evidence_text", rows.get(0));
    int fp = root.get("themes").get("metrics").get("fp").asInt();
    int fn = root.get("themes").get("metrics").get("fn").asInt();
    assertEquals(1 + fp + fn, rows.size(), "one row per false positive and false negative");
    assertTrue(fp > 0 && fn > 0, "the relabelled comments give both kinds of error");
    double previous = Double.POSITIVE_INFINITY;
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      if (f[1].equals("power")) {   // a theme the model never saw: no score, listed last
        assertEquals("", f[3], row);
        previous = Double.NEGATIVE_INFINITY;
        continue;
      }
      double score = Double.parseDouble(f[3]);   // a model scores its misses too
      assertTrue(score <= previous, "sorted by score: " + rows);
      previous = score;
      if (f[2].equals("false_positive")) {
        assertTrue(f[5].matches("\\d+-\\d+(;\\d+-\\d+)*"), "evidence spans: " + row);
        assertTrue(score >= 0.5, row);
      } else {
        assertEquals("false_negative", f[2]);
        assertTrue(score < 0.5, "a miss scores below the threshold: " + row);
      }
    }
  }

  /**
   * Splits a coded file into an id,text,labels file and a long-form id,theme,polarity file (the layout of the
   * datasets' *_polarity.csv), adding rows of an id that is not in the comments and with an empty value.
   */
  private Path[] longForm(Path coded, String name) throws IOException {
    List<String> lines = Files.readAllLines(coded, StandardCharsets.UTF_8);
    StringBuilder comments = new StringBuilder("id,text,labels\n");
    StringBuilder pol = new StringBuilder("id,theme,polarity\n");
    for (String line : lines.subList(1, lines.size())) {
      int cut = line.lastIndexOf(',');
      comments.append(line, 0, cut).append('\n');
      String id = line.substring(0, line.indexOf(','));
      for (String pair : line.substring(cut + 1).split(";")) {
        if (!pair.isEmpty()) {
          String[] tp = pair.split(":");
          // signed scores for one theme, names for the other: both forms are read
          String value = tp[0].equals("reliability") ? (tp[1].equals("negative") ? "-2" : "1") : tp[1].toUpperCase(java.util.Locale.ROOT);
          pol.append(id).append(',').append(tp[0]).append(',').append(value).append('\n');
        }
      }
    }
    pol.append("elsewhere-1,empathy,positive\n").append("c0,reliability,\n");
    Path c = tmp.resolve(name + ".csv");
    Path p = tmp.resolve(name + "_polarity.csv");
    Files.writeString(c, comments.toString(), StandardCharsets.UTF_8);
    Files.writeString(p, pol.toString(), StandardCharsets.UTF_8);
    return new Path[] {c, p};
  }

  @Test
  void polarityCodesInALongFormFileTrainAPolarityModelThatTravelsWithTheThemes() throws IOException {
    Path[] train = longForm(coded("train-all.csv", 160, 5), "train");
    Path[] test = longForm(coded("test-all.csv", 60, 6), "test");
    Path model = tmp.resolve("polarity-model.zip");
    CliRunner.Result t = CliRunner.run("train", "--input", train[0].toString(), "--polarity", train[1].toString(),
        "--output", model.toString(), "--folds", "3", "--threads", "1");
    assertEquals(0, t.exit(), t.err());
    assertTrue(t.out().contains("polarity: trained on"), t.out());
    assertTrue(t.err().contains("2 rows of") && t.err().contains("were skipped"), t.err());

    Path json = tmp.resolve("polarity-eval.json");
    CliRunner.Result e = CliRunner.run("evaluate", "--model", model.toString(), "--input", test[0].toString(),
        "--polarity", test[1].toString(), "--json", json.toString(), "--resamples", "0");
    assertEquals(0, e.exit(), e.err());
    assertTrue(e.out().contains("Polarity given the coded themes"), e.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    double given = root.get("polarityGivenThemes").get("accuracy_all").asDouble();
    double found = root.get("polarity").get("accuracy_found").asDouble();
    assertTrue(given > 0.9 && found > 0.9, "polarity is learned from the codes: given " + given + ", found " + found);

    // classify: the tags carry the learned polarity (praise of kindness, complaints of waiting)
    Path out = tmp.resolve("polarity-classified.csv");
    CliRunner.Result c = CliRunner.run("classify", "--input", test[0].toString(), "--output", out.toString(),
        "--model", model.toString(), "--quiet");
    assertEquals(0, c.exit(), c.err());
    String classified = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(classified.contains("empathy:positive") && classified.contains("reliability:negative"), classified);

    // --no-polarity trains the themes only
    Path themesOnly = tmp.resolve("themes-only.zip");
    CliRunner.Result n = CliRunner.run("train", "--input", train[0].toString(), "--polarity", train[1].toString(),
        "--no-polarity", "--output", themesOnly.toString(), "--folds", "3", "--threads", "1");
    assertEquals(0, n.exit(), n.err());
    assertFalse(n.out().contains("polarity: trained on"), n.out());
  }

  @Test
  void aBadPolarityFileIsAClearError() throws IOException {
    Path[] train = longForm(coded("train-bad.csv", 40, 7), "bad");
    Files.writeString(train[1], "id,theme,polarity\nc0,empathy,positive\nc1,empathy,splendid\n", StandardCharsets.UTF_8);
    CliRunner.Result r = CliRunner.run("train", "--input", train[0].toString(), "--polarity", train[1].toString(),
        "--output", tmp.resolve("bad.zip").toString(), "--folds", "3", "--threads", "1");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("bad_polarity.csv:3") && r.err().contains("splendid"), r.err());
    assertFalse(Files.exists(tmp.resolve("bad.zip")));

    Files.writeString(train[1], "id,topic,polarity\nc0,empathy,positive\n", StandardCharsets.UTF_8);
    CliRunner.Result h = CliRunner.run("evaluate", "--input", train[0].toString(), "--polarity", train[1].toString(),
        "--resamples", "0");
    assertEquals(1, h.exit());
    assertTrue(h.err().contains("bad_polarity.csv:1") && h.err().contains("column 'theme'"), h.err());
  }

  @Test
  void crossValidationAndZeroShotEvaluation() throws IOException {
    Path data = coded("all.csv", 120, 3);
    CliRunner.Result cv = CliRunner.run("evaluate", "--folds", "3", "--input", data.toString(), "--resamples", "0", "--threads", "1");
    assertEquals(0, cv.exit(), cv.err());
    assertTrue(cv.out().contains("3-fold cross-validation"), cv.out());
    CliRunner.Result zs = CliRunner.run("evaluate", "--input", data.toString(), "--resamples", "0");
    assertEquals(0, zs.exit(), zs.err());
    assertTrue(zs.out().contains("(zero-shot)"), zs.out());
    assertTrue(zs.out().contains("Polarity: accuracy"), zs.out());
  }

  @Test
  void badInputsAreClearErrors() throws IOException {
    Path noLabels = tmp.resolve("nolabels.csv");
    Files.writeString(noLabels, "id,text\n1,hello\n", StandardCharsets.UTF_8);
    CliRunner.Result r = CliRunner.run("train", "--input", noLabels.toString(), "--output", tmp.resolve("m.zip").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no 'labels' column") && r.err().contains("--labels-column"), r.err());
    assertFalse(Files.exists(tmp.resolve("m.zip")));

    Path badPolarity = tmp.resolve("badpol.csv");
    Files.writeString(badPolarity, "id,text,labels,polarity\n1,hello,empathy,empathy:great\n", StandardCharsets.UTF_8);
    CliRunner.Result p = CliRunner.run("evaluate", "--input", badPolarity.toString(), "--resamples", "0");
    assertEquals(1, p.exit());
    assertTrue(p.err().contains("badpol.csv:2"), p.err());

    Path notAModel = tmp.resolve("model.zip");
    Files.writeString(notAModel, "not a zip", StandardCharsets.UTF_8);
    CliRunner.Result m = CliRunner.run("evaluate", "--model", notAModel.toString(), "--input", coded("x.csv", 10, 4).toString());
    assertEquals(1, m.exit());
    assertTrue(m.err().contains("model.zip"), m.err());

    CliRunner.Result both = CliRunner.run("evaluate", "--model", notAModel.toString(), "--folds", "3", "--input", badPolarity.toString());
    assertEquals(2, both.exit());

    // zero-shot on labels the codebook has none of would print a table of zeros: it says why instead
    Path other = tmp.resolve("other.csv");
    Files.writeString(other, "id,text,labels\n1,The food was cold,food\n2,Parking was hard,parking;access\n",
        StandardCharsets.UTF_8);
    CliRunner.Result none = CliRunner.run("evaluate", "--input", other.toString(), "--resamples", "0");
    assertEquals(1, none.exit());
    assertTrue(none.err().startsWith("verbatim: error: ") && none.err().contains("access, food, parking")
        && none.err().contains("--codebook"), none.err());
    assertTrue(none.out().isEmpty(), none.out());
  }

  /**
   * {@code --model social-care} names the bundled model when no such file exists: classify and evaluate run it as a
   * hybrid with the default codebook (evidence in the output); a missing model file's error names the bundled ones.
   */
  @Test
  void theBundledSocialCareModelIsGivenByName() throws IOException {
    Path in = tmp.resolve("comments.csv");
    Files.writeString(in, "id,text,labels\n1,\"The social worker never listened and was rude to my mum.\",listening;respect\n"
        + "2,Parking was fine.,\n", StandardCharsets.UTF_8);
    Path out = tmp.resolve("out.csv");
    CliRunner.Result c = CliRunner.run("classify", "--input", in.toString(), "--output", out.toString(),
        "--model", "social-care");
    assertEquals(0, c.exit(), c.err());
    List<String> rows = Files.readAllLines(out);
    assertEquals(3, rows.size(), rows.toString());
    assertTrue(rows.get(1).startsWith("1,") && rows.get(1).contains("listening"), rows.get(1));
    assertTrue(rows.get(1).contains("listening: "), "evidence words from the hybrid's codebook: " + rows.get(1));
    CliRunner.Result e = CliRunner.run("evaluate", "--model", "social-care", "--input", in.toString(),
        "--resamples", "0");
    assertEquals(0, e.exit(), e.err());
    assertTrue(e.out().contains("model social-care (hybrid)"), e.out());
    CliRunner.Result missing = CliRunner.run("classify", "--input", in.toString(), "--output", out.toString(),
        "--model", tmp.resolve("no-such-model.zip").toString());
    assertEquals(1, missing.exit(), missing.err());
    assertTrue(missing.err().contains("no such model file (bundled models, given by name: social-care)"), missing.err());
  }
}
