package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Field-by-field agreement with the peer scorer {@code metrics.py} on the fixture in
 * {@code src/test/resources/eval/} (see the README there for how the expected JSON was produced).
 */
class MetricsPyAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void matchesMetricsPyWithoutExtraLabels() throws Exception {
    Evaluation ev = Evaluator.scoreFiles(copy("gold.csv"), copy("pred.csv"), null);
    assertSameAsPeer(expected("expected-metrics.json"), ev.metrics());
  }

  @Test
  void matchesMetricsPyWithLabelsFrom() throws Exception {
    Evaluation ev = Evaluator.scoreFiles(copy("gold.csv"), copy("pred.csv"), copy("train.csv"));
    assertSameAsPeer(expected("expected-metrics-labels-from.json"), ev.metrics());
    assertTrue(ev.options().extraLabels().contains("trust"), "labels-from labels are recorded in the options");
  }

  @Test
  void fixtureCoversTheAdvertisedCases() throws Exception {
    // Guards the fixture itself: if someone edits it, the cases the README lists must still be there.
    MultiLabelReport r = Evaluator.scoreFiles(copy("gold.csv"), copy("pred.csv"), null).metrics();
    assertEquals(1, r.nMissingPred());
    assertEquals(1, r.nExtraPred());
    assertEquals(0, r.perLabel().get("humour").support(), "a label that is only predicted");
    assertTrue(r.nGoldEmpty() > 0);
    assertTrue(r.perLabel().containsKey("Respect") && r.perLabel().containsKey("respect"), "case-sensitive");
    assertEquals("équité", r.labels().get(r.labels().size() - 1), "code-point order puts é last");
  }

  private static void assertSameAsPeer(JsonNode expected, MultiLabelReport report) throws Exception {
    JsonNode ours = JSON.readTree(report.toJson());
    List<String> expectedKeys = fieldNames(expected);
    List<String> ourKeysInOrder = new ArrayList<>(fieldNames(ours));
    ourKeysInOrder.retainAll(expectedKeys);
    assertEquals(expectedKeys, ourKeysInOrder, "same keys in the same order as metrics.py");
    for (String key : expectedKeys) {
      if (key.equals("per_label")) {
        continue;
      }
      assertField(key, expected.get(key), ours.get(key), key.equals("hamming_loss") ? 5 : 4);
    }
    JsonNode expLabels = expected.get("per_label");
    JsonNode ourLabels = ours.get("per_label");
    assertEquals(fieldNames(expLabels), fieldNames(ourLabels), "same labels in the same order");
    for (String label : fieldNames(expLabels)) {
      for (String key : fieldNames(expLabels.get(label))) {
        assertField("per_label." + label + "." + key, expLabels.get(label).get(key),
            ourLabels.get(label).get(key), 4);
      }
    }
  }

  private static void assertField(String name, JsonNode expected, JsonNode ours, int decimals) {
    assertNotNull(ours, () -> "missing field " + name);
    if (expected.isIntegralNumber()) {
      assertTrue(ours.isIntegralNumber(), () -> name + " should be an integer: " + ours);
      assertEquals(expected.longValue(), ours.longValue(), name);
    } else {
      // metrics.py applies Python's round(x, d): half-even on the exact binary value, then the nearest double.
      double rounded = new BigDecimal(ours.doubleValue()).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
      assertEquals(expected.doubleValue(), rounded, 0.0, () -> name + " (unrounded " + ours.doubleValue() + ")");
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  private Path copy(String name) throws Exception {
    Path target = dir.resolve(name);
    try (InputStream in = MetricsPyAgreementTest.class.getResourceAsStream("/eval/" + name)) {
      assertNotNull(in, "test resource eval/" + name);
      Files.copy(in, target);
    }
    return target;
  }

  private static JsonNode expected(String name) throws Exception {
    try (InputStream in = MetricsPyAgreementTest.class.getResourceAsStream("/eval/" + name)) {
      assertNotNull(in, "test resource eval/" + name);
      return JSON.readTree(in);
    }
  }
}
