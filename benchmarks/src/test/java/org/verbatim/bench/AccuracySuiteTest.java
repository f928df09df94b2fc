package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracySuiteTest {

  private static final String[] LISTENING = {
    "She listened to every word we said.", "Nobody listened to my mother.", "He really listened this time.",
    "They never listened to us at the meeting."};
  private static final String[] RELIABILITY = {
    "The carer was late again.", "Always on time, every visit.", "We waited three hours for a call back.",
    "The visit was late and cut short."};

  /** 60 rows: 40 train, 20 test; labels listening and/or reliability (both are default codebook theme ids). */
  static Path tinyDataset(Path root, String name) throws IOException {
    Path dir = root.resolve(name);
    Files.createDirectories(dir);
    List<String> train = new ArrayList<>(List.of("id,text,labels"));
    List<String> test = new ArrayList<>(List.of("id,text,labels"));
    for (int i = 0; i < 60; i++) {
      String text;
      String labels;
      switch (i % 3) {
        case 0 -> {
          text = LISTENING[i % LISTENING.length] + " Visit " + i + ".";
          labels = "listening";
        }
        case 1 -> {
          text = RELIABILITY[i % RELIABILITY.length] + " Visit " + i + ".";
          labels = "reliability";
        }
        default -> {
          text = "\"" + LISTENING[i % LISTENING.length] + " " + RELIABILITY[i % RELIABILITY.length] + "\", visit " + i;
          labels = "listening;reliability";
        }
      }
      String row = "t" + i + ",\"" + text.replace("\"", "\"\"") + "\"," + labels;
      (i < 40 ? train : test).add(row);
    }
    Files.write(dir.resolve("train.csv"), train, StandardCharsets.UTF_8);
    Files.write(dir.resolve("test.csv"), test, StandardCharsets.UTF_8);
    return dir;
  }

  private static AccuracySettings settings(Path data, Path out) {
    return AccuracySettings.fromArgs(new String[] {
      "--data", data.toString(), "--out", out.toString(), "--peers", "none", "--folds", "3", "--bootstrap", "50",
      "--throughput-n", "40", "--single-n", "20"});
  }

  @Test
  void writesJsonMarkdownAndLearningCurveForATinyDataset(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    tinyDataset(data, "tiny");
    Files.createDirectories(data.resolve("not-a-dataset"));   // no train.csv/test.csv: ignored
    Path out = tmp.resolve("out");

    List<DatasetResult> results = AccuracySuite.run(settings(data, out), AccuracySuite.defaultConfigurations(1));

    assertEquals(1, results.size());
    Path dir = out.resolve("tiny");
    JsonNode json = AccuracyReport.read(dir.resolve("accuracy.json"));
    assertEquals("tiny", json.get("dataset").asText());
    assertEquals(40, json.get("n_train").asInt());
    assertEquals(20, json.get("n_test").asInt());
    JsonNode systems = json.get("systems");
    List<String> names = new ArrayList<>();
    systems.forEach(s -> names.add(s.get("system").asText()));
    assertEquals(List.of("verbatim-zero-shot-fast", "verbatim-zero-shot-full", "verbatim-default", "verbatim-nb-logistic",
        "verbatim-logistic", "verbatim-nb-logistic+cues", "verbatim-hybrid-nb-logistic"), names);
    for (JsonNode s : systems) {
      String name = s.get("system").asText();
      JsonNode m = s.get("test").get("metrics");
      assertEquals(20, m.get("n_docs").asInt(), name);
      for (String k : List.of("micro_f1", "macro_f1", "hamming_loss", "subset_accuracy")) {
        double v = m.get(k).asDouble();
        assertTrue(v >= 0 && v <= 1, name + " " + k + " = " + v);
      }
      JsonNode ci = s.get("test").get("confidence_intervals");
      assertTrue(ci != null && ci.has("micro_f1"), name + " has no bootstrap interval");
      if (!name.contains("zero-shot")) {
        assertEquals(3, s.get("cv").get("folds").asInt(), name);
        assertTrue(s.get("tune_seconds").asDouble() > 0, name + " reports no tuning time");
      }
      assertTrue(s.get("throughput_batch_cps").asDouble() > 0, name);
      JsonNode curve = s.get("learning_curve");
      // a point too small to train (4 comments for a 5-fold trainer) is replaced by a note
      long skippedPoints = 0;
      for (JsonNode n : s.get("notes")) {
        skippedPoints += n.asText().startsWith("learning curve at") ? 1 : 0;
      }
      assertEquals(4, curve.size() + skippedPoints, name);
      assertEquals(40, curve.get(curve.size() - 1).get("n_train").asInt(), name);
      for (int i = 1; i < curve.size(); i++) {
        assertTrue(curve.get(i).get("n_train").asInt() > curve.get(i - 1).get("n_train").asInt(), name);
      }
      assertTrue(Files.isRegularFile(dir.resolve(name + ".pred.csv")), name);
    }
    String md = Files.readString(dir.resolve("accuracy.md"));
    assertTrue(md.contains("| " + systems.get(0).get("system").asText() + " |"), md);
    assertTrue(md.contains("## Learning curve"), md);
    String svg = Files.readString(dir.resolve(AccuracyReport.CURVE_SVG));
    assertTrue(svg.contains("<svg"), "not an SVG file");
    assertTrue(Files.isRegularFile(out.resolve("summary.md")));
    assertTrue(Files.readString(out.resolve("summary.md")).contains("| tiny |"));
  }

  @Test
  void zeroShotIsSkippedWhenLabelsAreNotCodebookThemes(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    Path dir = tinyDataset(data, "foreign");
    for (String f : List.of("train.csv", "test.csv")) {
      Path p = dir.resolve(f);
      Files.writeString(p, Files.readString(p).replace(",listening", ",Staff attitude"));
    }
    Path out = tmp.resolve("out");
    List<DatasetResult> results = AccuracySuite.run(settings(data, out),
        List.of(new ZeroShotConfiguration(org.verbatim.text.Profile.FAST)));
    DatasetResult r = results.get(0);
    assertTrue(r.systems().isEmpty());
    assertEquals(List.of("verbatim-zero-shot-fast"), r.skipped().stream().map(DatasetResult.Skipped::system).toList());
    JsonNode json = AccuracyReport.read(out.resolve("foreign").resolve("accuracy.json"));
    assertEquals("verbatim-zero-shot-fast", json.get("skipped").get(0).get("system").asText());
    assertFalse(Files.exists(out.resolve("foreign").resolve(AccuracyReport.CURVE_SVG)));
  }

  @Test
  void settingsRejectBadValues() {
    for (String[] bad : List.of(
        new String[] {"--folds", "1"},
        new String[] {"--curve", "0.5,0.25"},
        new String[] {"--curve", "0,1"},
        new String[] {"--peers", "some"},
        new String[] {"--bootstrap", "-1"},
        new String[] {"--unknown", "x"})) {
      try {
        AccuracySettings.fromArgs(bad);
      } catch (IllegalArgumentException e) {
        continue;
      }
      throw new AssertionError("accepted " + String.join(" ", bad));
    }
    AccuracySettings ok = AccuracySettings.fromArgs(new String[] {"--curve", "none", "--datasets", "a, b"});
    assertTrue(ok.curve().isEmpty());
    assertEquals(Set.of("a", "b"), ok.datasets());
  }
}
