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
  }
}
