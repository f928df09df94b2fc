package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Polarity;

class ZeroShotGoldTest {

  private static final String GOLD = "dataset,id,labels,polarity\n"
      + "tiny,t0,listening,listening:positive\n"
      + "tiny,t1,reliability,reliability:negative\n"
      + "tiny,t2,listening;reliability,listening:negative;reliability:mixed\n"
      + "tiny,t4,,\n";

  @Test
  void joinsTextsByDatasetAndId(@TempDir Path tmp) throws IOException {
    Path data = tmp.resolve("data");
    AccuracySuiteTest.tinyDataset(data, "tiny");
    Path gold = tmp.resolve("labels.csv");
    Files.writeString(gold, GOLD);
    List<ZeroShotGold.Row> rows = ZeroShotGold.read(gold, data);
    assertEquals(4, rows.size());
    assertEquals("tiny/t2", rows.get(2).key());
    assertTrue(rows.get(2).text().startsWith("\""), "text of t2 comes from train.csv");
    assertEquals(Map.of("listening", Polarity.NEGATIVE, "reliability", Polarity.MIXED), rows.get(2).polarity());
    assertTrue(rows.get(3).labels().isEmpty());
  }

  @Test
  void badRowsAreNamedByFileAndLine(@TempDir Path tmp) throws IOException {
    Path data = tmp.resolve("data");
    AccuracySuiteTest.tinyDataset(data, "tiny");
    Path gold = tmp.resolve("labels.csv");
    for (String bad : List.of(
        "tiny,t0,listening,listening:positive\ntiny,t999,listening,listening:positive\n",   // not in train.csv
        "tiny,t0,listening,listening:positive\ntiny,t1,listening,respect:positive\n",       // theme not labelled
        "tiny,t0,listening,listening:positive\ntiny,t1,listening,listening:glad\n",         // bad polarity
        "tiny,t0,listening,listening:positive\nother,t1,listening,listening:positive\n")) { // unknown dataset
      Files.writeString(gold, "dataset,id,labels,polarity\n" + bad);
      IOException e = assertThrows(IOException.class, () -> ZeroShotGold.read(gold, data));
      assertTrue(e.getMessage().contains(gold + ": line 3"), e.getMessage());
    }
  }

  @Test
  void writesScoresAndPolarityForBothProfiles(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    AccuracySuiteTest.tinyDataset(data, "tiny");
    Path gold = tmp.resolve("labels.csv");
    Files.writeString(gold, GOLD);
    AccuracySettings s = AccuracySettings.fromArgs(new String[] {
      "--data", data.toString(), "--out", tmp.toString(), "--peers", "none", "--bootstrap", "20",
      "--zero-shot-gold", gold.toString()});
    List<ZeroShotGold.Line> lines = ZeroShotGold.runAll(s, Optional.empty(), tmp);
    assertEquals(2, lines.size());
    assertEquals("labels", lines.get(0).set());
    Path out = tmp.resolve("zero-shot-labels");
    JsonNode json = AccuracyReport.read(out.resolve("accuracy.json"));
    assertEquals(4, json.get("n_comments").asInt());
    assertEquals(2, json.get("systems").size());
    for (JsonNode sys : json.get("systems")) {
      assertEquals(4, sys.get("scores").get("metrics").get("n_docs").asInt());
      assertEquals(4, sys.get("polarity").get("n_gold_pairs").asInt());
    }
    String md = Files.readString(out.resolve("accuracy.md"));
    assertTrue(md.contains("| verbatim-zero-shot-fast |"), md);
    assertTrue(md.contains("Keyword floor not run"), md);
    assertFalse(md.contains("Visit"), "the report must not quote comment text");
  }

  @Test
  void bundledNamesTheProjectsCodedSets() {
    List<ZeroShotGold.GoldSet> sets = ZeroShotGold.goldSets(List.of("bundled", "/x/final.csv"));
    assertEquals(List.of("final", "holdout", "devset", "final-2"), sets.stream().map(ZeroShotGold.GoldSet::name).toList());
    assertEquals("/org/verbatim/bench/coded/final.csv", sets.get(0).source());
  }
}
