package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.io.CodedDataException;

class EvaluatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  // Same documents as MultiLabelMetricsTest:
  // gold:  d0 {a,b}  d1 {a}    d2 {}  d3 {c}  d4 {}
  // pred:  d0 {a}    d1 {a,c}  d2 {}  d3 {b}  d4 {d}
  // plus the extra label e, never used.
  private static Evaluation example(int resamples) {
    return Evaluator.evaluate(MultiLabelMetricsTest.GOLD, MultiLabelMetricsTest.PRED,
        EvaluationOptions.defaults().withExtraLabels(Set.of("e")).withBootstrapResamples(resamples));
  }

  @Test
  void kappaPerLabelAndPooledAlphaByHand() {
    Evaluation ev = example(200);
    // a: both yes 2, gold only 0, pred only 0, both no 3 -> p_o = 1, p_e = (2*2 + 3*3)/25 -> kappa 1
    assertEquals(1.0, ev.kappa().get("a"), 1e-12);
    // b: both yes 0, gold only 1 (d0), pred only 1 (d3), both no 3
    //    p_o = 3/5, p_e = (1*1 + 4*4)/25 = 17/25 -> kappa = (15/25 - 17/25) / (8/25) = -0.25
    assertEquals(-0.25, ev.kappa().get("b"), 1e-12);
    assertEquals(-0.25, ev.kappa().get("c"), 1e-12);   // symmetric to b
    // d: pred only 1 (d4), both no 4 -> p_o = 4/5, p_e = (0*1 + 5*4)/25 = 4/5 -> kappa 0
    assertEquals(0.0, ev.kappa().get("d"), 1e-12);
    // e: absent everywhere -> p_e = 1, undefined
    assertTrue(Double.isNaN(ev.kappa().get("e")));
    // alpha over 5 documents x 5 labels = 25 decisions: both yes 2, gold only 2, pred only 3, both no 18
    // n = 50, n_1 = 2*2 + 5 = 9, n_0 = 2*18 + 5 = 41; alpha = 1 - 49 * 5 / (41 * 9) = 1 - 245/369
    assertEquals(1.0 - 245.0 / 369.0, ev.krippendorffAlpha(), 1e-12);
    assertEquals(MultiLabelMetrics.compute(MultiLabelMetricsTest.GOLD, MultiLabelMetricsTest.PRED, Set.of("e")),
        ev.metrics());
    assertEquals(200, ev.intervals().resamples());
  }

  @Test
  void markdownHasAThemeTableAndSummary() {
    Evaluation ev = example(100);
    String md = ev.toMarkdown();
    assertTrue(md.startsWith("| Theme | Precision | Recall | F1 | Support | Kappa |\n"), md);
    ConfidenceIntervals.LabelIntervals b = ev.intervals().perLabel().get("b");
    // b: precision 0, recall 0, F1 0 with its intervals, support 1, kappa -0.25
    String expectedB = String.format(java.util.Locale.ROOT,
        "| b | 0.000 [%.3f, %.3f] | 0.000 [%.3f, %.3f] | 0.000 [%.3f, %.3f] | 1 | -0.250 |",
        b.precision().lower(), b.precision().upper(), b.recall().lower(), b.recall().upper(),
        b.f1().lower(), b.f1().upper());
    assertTrue(md.contains(expectedB + "\n"), md);
    assertTrue(md.contains("| 0 | n/a |\n"), "label e: support 0, undefined kappa\n" + md);
    assertTrue(md.contains("| Hamming loss | 0.2000 |"), md);          // 5 / (5 * 5)
    assertTrue(md.contains("| Subset accuracy | 0.200 |"), md);
    assertTrue(md.contains(String.format(java.util.Locale.ROOT, "| Krippendorff's alpha (document x label) | %.3f |",
        1.0 - 245.0 / 369.0)), md);
    assertTrue(md.contains("| Micro F1 | 0.444 ["), md);
    assertTrue(md.contains("95% percentile-bootstrap confidence interval over documents (100 resamples, seed 42)"), md);
    assertEquals(5 + 2, md.lines().takeWhile(l -> !l.isEmpty()).count(), "header, rule and one row per label");
  }

  @Test
  void markdownWithoutIntervalsAndWithAwkwardLabels() {
    Evaluation ev = Evaluator.evaluate(List.of(Set.of("a|b")), List.of(Set.of("a|b")),
        EvaluationOptions.defaults().withBootstrapResamples(0));
    assertNull(ev.intervals());
    String md = ev.toMarkdown();
    assertTrue(md.contains("| a\\|b | 1.000 | 1.000 | 1.000 | 1 | n/a |"), md);   // kappa: one doc, p_e = 1
    assertTrue(md.contains("No confidence intervals"), md);
    assertFalse(ev.toJson().contains("confidence_intervals"), "omitted when absent");
  }

  @Test
  void writeJsonReplacesTheFileAtomicallyAndWritesNullForNaN() throws Exception {
    Path out = dir.resolve("scores.json");
    Files.writeString(out, "old content");
    Evaluation ev = example(50);
    ev.writeJson(out);
    JsonNode root = JSON.readTree(out.toFile());
    assertEquals(4.0 / 9, root.get("metrics").get("micro_f1").doubleValue(), 1e-15);
    assertTrue(root.get("kappa").get("e").isNull(), "NaN kappa is written as null");
    assertEquals(-0.25, root.get("kappa").get("b").doubleValue(), 1e-12);
    assertEquals(0.95, root.get("confidence_intervals").get("level").doubleValue(), 0.0);
    assertEquals(50, root.get("confidence_intervals").get("resamples").intValue());
    assertTrue(root.get("confidence_intervals").get("per_label").get("a").get("f1").has("lower"));
    assertEquals("e", root.get("options").get("extra_labels").get(0).textValue());
    assertEquals(1.0 - 245.0 / 369.0, root.get("krippendorff_alpha").doubleValue(), 1e-12);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(out), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void writeJsonFailureLeavesNothing() {
    Path out = dir.resolve("missing-dir").resolve("scores.json");
    assertThrows(IOException.class, () -> example(10).writeJson(out));
    assertFalse(Files.exists(out.getParent()));
  }

  @Test
  void scoreFilesTreatsAMissingPredictionAsEmpty() throws Exception {
    Path gold = write("gold.csv", "id,text,labels\nx,Fine,a\ny,Fine too,b;a\nz,Nothing,\n");
    Path pred = write("pred.csv", "id,labels\ny,b\nx,a\n");
    Evaluation ev = Evaluator.scoreFiles(gold, pred, null);
    MultiLabelReport r = ev.metrics();
    assertEquals(3, r.nDocs());
    assertEquals(1, r.nMissingPred());        // z
    assertEquals(1, r.nPredEmpty());          // z, whose missing prediction is read as empty
    // x exact, y misses a, z both empty -> subset 2/3; samples (1 + 2*1/3 + 1) / 3
    assertEquals(2.0 / 3, r.subsetAccuracy(), 1e-12);
    assertEquals((1 + 2.0 / 3 + 1) / 3, r.samplesF1(), 1e-12);
    assertEquals(Bootstrap.DEFAULT_RESAMPLES, ev.intervals().resamples());
  }

  @Test
  void scoreFilesRejectsADuplicateIdNamingFileAndId() throws Exception {
    Path gold = write("gold.csv", "id,text,labels\nr1,private words,a\nr2,more words,b\nr1,secret words,a\n");
    Path pred = write("pred.csv", "id,labels\nr1,a\n");
    CodedDataException e = assertThrows(CodedDataException.class, () -> Evaluator.scoreFiles(gold, pred, null));
    assertTrue(e.getMessage().contains("gold.csv:4:"), e.getMessage());
    assertTrue(e.getMessage().contains("duplicate id 'r1' (first on line 2)"), e.getMessage());
    assertFalse(e.getMessage().contains("words"), "no comment text in the message");
    assertEquals(4, e.line());

    Path dupPred = write("pred2.csv", "id,labels\nr1,a\n r1 ,b\n");
    CodedDataException e2 = assertThrows(CodedDataException.class,
        () -> Evaluator.scoreFiles(write("g.csv", "id,labels\nr1,a\n"), dupPred, null));
    assertTrue(e2.getMessage().contains("pred2.csv:3: duplicate id 'r1'"), "ids are stripped: " + e2.getMessage());
  }

  @Test
  void scoreFilesMergesLabelsFromWithOptions() throws Exception {
    Path gold = write("gold.csv", "id,labels\n1,a\n");
    Path train = write("train.csv", "id,labels\n1,b\n1,c\n");   // duplicate ids allowed in a labels-from file
    Evaluation ev = Evaluator.scoreFiles(gold, gold, train,
        EvaluationOptions.defaults().withExtraLabels(Set.of("d")).withBootstrapResamples(0));
    assertEquals(List.of("a", "b", "c", "d"), ev.metrics().labels());
    assertEquals(Set.of("b", "c", "d"), ev.options().extraLabels());
    assertEquals(1.0 / 4, ev.metrics().macroF1(), 1e-12);   // a scores 1, the three unused labels 0
  }

  @Test
  void optionsValidate() {
    assertThrows(IllegalArgumentException.class, () -> EvaluationOptions.defaults().withBootstrapResamples(-1));
    assertThrows(IllegalArgumentException.class, () -> EvaluationOptions.defaults().withConfidenceLevel(0.0));
    assertThrows(NullPointerException.class,
        () -> EvaluationOptions.defaults().withExtraLabels(java.util.Arrays.asList("a", null)));
    EvaluationOptions o = EvaluationOptions.defaults();
    assertEquals(1000, o.bootstrapResamples());
    assertEquals(42L, o.seed());
    assertEquals(0.95, o.confidenceLevel());
    assertEquals(o, o.withSeed(42L));
  }

  @Test
  void noDocumentsStillEvaluates() {
    Evaluation ev = Evaluator.evaluate(List.of(), List.of(), EvaluationOptions.defaults());
    assertNull(ev.intervals(), "nothing to resample");
    assertTrue(Double.isNaN(ev.krippendorffAlpha()));
    assertNotNull(ev.toMarkdown());
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
