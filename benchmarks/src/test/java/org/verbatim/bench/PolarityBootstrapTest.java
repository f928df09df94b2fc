package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;
import org.verbatim.eval.DocumentTheme;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.eval.PolarityReport;

class PolarityBootstrapTest {

  private static DocumentTheme k(String doc, String theme) {
    return new DocumentTheme(doc, theme);
  }

  @Test
  void allRightGivesADegenerateIntervalAtOne() {
    Map<DocumentTheme, Polarity> gold = new LinkedHashMap<>();
    gold.put(k("a", "food"), Polarity.POSITIVE);
    gold.put(k("b", "staff"), Polarity.NEGATIVE);
    gold.put(k("c", "food"), Polarity.NEUTRAL);
    PolarityBootstrap.Intervals ci = PolarityBootstrap.intervals(gold, gold, 200, 1L, 0.95);
    assertEquals(1.0, ci.accuracy().lower());
    assertEquals(1.0, ci.accuracy().upper());
    assertEquals(1.0, ci.macroF1().upper());
  }

  @Test
  void resamplesCommentsNotPairs() {
    // comment a: three pairs, all right; comment b: one pair, wrong. Drawing two comments gives accuracy
    // 1 (a, a), 3/4 (a, b) or 0 (b, b), each pair of draws with probability at least 1/4, so the 95% bounds are
    // exactly 0 and 1; resampling the four pairs independently would almost never give 0.
    Map<DocumentTheme, Polarity> gold = new LinkedHashMap<>();
    gold.put(k("a", "food"), Polarity.POSITIVE);
    gold.put(k("a", "staff"), Polarity.NEGATIVE);
    gold.put(k("a", "price"), Polarity.NEUTRAL);
    gold.put(k("b", "food"), Polarity.POSITIVE);
    Map<DocumentTheme, Polarity> pred = new LinkedHashMap<>(gold);
    pred.put(k("b", "food"), Polarity.NEGATIVE);
    PolarityBootstrap.Intervals ci = PolarityBootstrap.intervals(gold, pred, 1000, 7L, 0.95);
    assertEquals(0.0, ci.accuracy().lower());
    assertEquals(1.0, ci.accuracy().upper());
  }

  @Test
  void containsThePointEstimateAndRepeatsForASeed() {
    Map<DocumentTheme, Polarity> gold = new LinkedHashMap<>();
    Map<DocumentTheme, Polarity> pred = new LinkedHashMap<>();
    Polarity[] values = {Polarity.POSITIVE, Polarity.NEGATIVE, Polarity.NEUTRAL};
    for (int i = 0; i < 120; i++) {
      Polarity g = values[i % 3];
      gold.put(k("d" + i, "t" + (i % 2)), g);
      if (i % 5 != 0) {   // a fifth wrong, a few missing
        pred.put(k("d" + i, "t" + (i % 2)), g);
      } else if (i % 10 == 0) {
        pred.put(k("d" + i, "t" + (i % 2)), values[(i + 1) % 3]);
      }
    }
    PolarityReport point = PolarityMetrics.compute(gold, pred);
    PolarityBootstrap.Intervals a = PolarityBootstrap.intervals(gold, pred, 500, 42L, 0.95);
    PolarityBootstrap.Intervals b = PolarityBootstrap.intervals(gold, pred, 500, 42L, 0.95);
    assertEquals(a, b);
    assertTrue(a.accuracy().contains(point.accuracyAll()), a + " vs " + point.accuracyAll());
    assertTrue(a.macroF1().contains(point.macroF1All()), a + " vs " + point.macroF1All());
    assertTrue(a.accuracy().width() > 0.0);
  }

  @Test
  void refusesBadArguments() {
    Map<DocumentTheme, Polarity> one = Map.of(k("a", "food"), Polarity.POSITIVE);
    assertThrows(IllegalArgumentException.class, () -> PolarityBootstrap.intervals(Map.of(), Map.of(), 10, 1L, 0.95));
    assertThrows(IllegalArgumentException.class, () -> PolarityBootstrap.intervals(one, one, 0, 1L, 0.95));
    assertThrows(IllegalArgumentException.class, () -> PolarityBootstrap.intervals(one, one, 10, 1L, 1.0));
  }
}
