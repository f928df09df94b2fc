package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;

class PolarityMetricsTest {

  private static DocumentTheme p(String doc, String theme) {
    return new DocumentTheme(doc, theme);
  }

  @Test
  void handComputedExample() {
    Map<DocumentTheme, Polarity> gold = Map.of(
        p("d1", "respect"), Polarity.POSITIVE,
        p("d1", "power"), Polarity.NEGATIVE,
        p("d2", "listening"), Polarity.NEGATIVE,
        p("d3", "clarity"), Polarity.POSITIVE,      // not predicted
        p("d4", "support"), Polarity.MIXED);
    Map<DocumentTheme, Polarity> pred = Map.of(
        p("d1", "respect"), Polarity.POSITIVE,      // right
        p("d1", "power"), Polarity.POSITIVE,        // wrong
        p("d2", "listening"), Polarity.NEGATIVE,    // right
        p("d4", "support"), Polarity.NEGATIVE,      // wrong
        p("d9", "honesty"), Polarity.POSITIVE);     // not in gold: ignored
    PolarityReport r = PolarityMetrics.compute(gold, pred);
    assertEquals(5, r.goldPairs());
    assertEquals(5, r.predictedPairs());
    assertEquals(4, r.foundPairs());
    assertEquals(2, r.correct());
    assertEquals(2.0 / 4, r.accuracyFound(), 1e-12);
    assertEquals(2.0 / 5, r.accuracyAll(), 1e-12);
    // Found pairs, classes {positive, negative, mixed}:
    //   positive tp 1, fp 1 (power), fn 0 -> 2/3;  negative tp 1, fp 1 (support), fn 1 (power) -> 2/4;
    //   mixed tp 0, fp 0, fn 1 -> 0.  Macro = (2/3 + 1/2 + 0) / 3
    assertEquals((2.0 / 3 + 0.5) / 3, r.macroF1Found(), 1e-12);
    // All gold pairs: clarity's missing prediction adds fn 1 to positive -> 2/4; negative 2/4; mixed 0.
    assertEquals((0.5 + 0.5) / 3, r.macroF1All(), 1e-12);
  }

  @Test
  void listFormMatchesDocumentsByPosition() {
    List<Map<String, Polarity>> gold = List.of(
        Map.of("respect", Polarity.POSITIVE), Map.of(), Map.of("power", Polarity.NEGATIVE));
    List<Map<String, Polarity>> pred = List.of(
        Map.of("respect", Polarity.POSITIVE), Map.of("power", Polarity.NEGATIVE), Map.of());
    PolarityReport r = PolarityMetrics.compute(gold, pred);
    // Document 1's "power" is not a gold pair; document 2's gold "power" has no prediction.
    assertEquals(2, r.goldPairs());
    assertEquals(1, r.foundPairs());
    assertEquals(1.0, r.accuracyFound(), 0.0);
    assertEquals(0.5, r.accuracyAll(), 0.0);
    // all: positive tp 1 -> 1; negative tp 0, fn 1 -> 0 ; found: only positive -> 1
    assertEquals(0.5, r.macroF1All(), 1e-12);
    assertEquals(1.0, r.macroF1Found(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> PolarityMetrics.compute(gold, List.of()));
  }

  @Test
  void nothingFoundGivesZerosNotNaN() {
    PolarityReport r = PolarityMetrics.compute(Map.of(p("d", "t"), Polarity.NEUTRAL), Map.of());
    assertEquals(0, r.foundPairs());
    assertEquals(0.0, r.accuracyFound());
    assertEquals(0.0, r.macroF1Found());
    assertEquals(0.0, r.accuracyAll());
    assertEquals(0.0, r.macroF1All());
    PolarityReport empty = PolarityMetrics.compute(Map.of(), Map.of());
    assertEquals(0.0, empty.accuracyAll());
    assertTrue(empty.toJson().contains("\"accuracy_found\":0.0"), empty.toJson());
  }
}
