package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;

class ConfusionTest {

  @Test
  void perThemeCountsAndCoConfusionByHand() {
    List<Set<String>> gold = List.of(Set.of("a", "b"), Set.of("a"), Set.of(), Set.of("c"));
    List<Set<String>> pred = List.of(Set.of("a", "c"), Set.of("b"), Set.of("b"), Set.of());
    ThemeConfusion c = ThemeConfusion.of(Alignment.of(gold, pred), Set.of("d"));
    assertEquals(new ThemeConfusion.Counts(1, 0, 1, 2), c.perTheme().get("a"));
    assertEquals(new ThemeConfusion.Counts(0, 2, 1, 1), c.perTheme().get("b"));
    assertEquals(new ThemeConfusion.Counts(0, 1, 1, 2), c.perTheme().get("c"));
    assertEquals(new ThemeConfusion.Counts(0, 0, 0, 4), c.perTheme().get("d"));
    // doc0: b missed, c predicted; doc1: a missed, b predicted; doc2: b predicted, nothing missed; doc3: c missed
    assertEquals(Map.of("c", 1), c.coConfusion().get("b"));
    assertEquals(Map.of("b", 1), c.coConfusion().get("a"));
    assertEquals(Map.of(ThemeConfusion.NONE, 1), c.coConfusion().get("c"));
    assertEquals(Map.of("b", 1), c.coConfusion().get(ThemeConfusion.NONE));
    assertEquals(List.of("a", "b", "c", ThemeConfusion.NONE), List.copyOf(c.coConfusion().keySet()));
    String md = c.toMarkdown();
    assertTrue(md.contains("| b | 0 | 2 | 1 | 1 |"), md);
    assertTrue(md.contains("| coded \\ predicted | b | c | (none) |"), md);
    assertTrue(c.toJson().contains("\"co_confusion\""));
  }

  @Test
  void polarityMatrixAndIntervals() {
    List<Map<String, Polarity>> gold = List.of(
        Map.of("a", Polarity.POSITIVE, "b", Polarity.NEGATIVE), Map.of("a", Polarity.NEGATIVE),
        Map.of("a", Polarity.MIXED), Map.of("b", Polarity.POSITIVE));
    List<Map<String, Polarity>> pred = List.of(
        Map.of("a", Polarity.POSITIVE, "b", Polarity.POSITIVE), Map.of("a", Polarity.NEGATIVE),
        Map.of(), Map.of("b", Polarity.POSITIVE, "c", Polarity.NEGATIVE));
    PolarityConfusion pc = PolarityConfusion.of(gold, pred, EvaluationOptions.defaults().withBootstrapResamples(200));
    assertEquals(2, pc.matrix().get("positive").get("positive"));
    assertEquals(1, pc.matrix().get("negative").get("positive"));
    assertEquals(1, pc.matrix().get("negative").get("negative"));
    assertEquals(1, pc.matrix().get("mixed").get(PolarityConfusion.MISSED));
    assertEquals(0.75, pc.scores().accuracyFound(), 1e-12);   // 3 of the 4 found pairs
    assertEquals(0.6, pc.scores().accuracyAll(), 1e-12);      // 3 of 5 coded pairs
    Interval ci = pc.intervals().get("accuracy_found");
    assertTrue(ci.contains(0.75) && ci.width() > 0, ci.toString());
    assertEquals(pc.intervals(), PolarityConfusion.of(gold, pred,
        EvaluationOptions.defaults().withBootstrapResamples(200)).intervals(), "same seed, same intervals");
    assertTrue(PolarityConfusion.of(gold, pred, EvaluationOptions.defaults().withBootstrapResamples(0))
        .intervals().isEmpty());
    assertTrue(pc.toMarkdown().contains("| negative | 1 | 1 | 0 | 0 | 0 |"), pc.toMarkdown());
  }

  @Test
  void errorsSortedByScoreWithEvidenceAndMissesLast() {
    List<Set<String>> gold = List.of(Set.of("a"), Set.of("b"), Set.of());
    List<Classification> pred = List.of(
        new Classification(List.of(new ThemeTag("a", 0.9, Polarity.POSITIVE, List.of(new Evidence(0, 3))))),
        new Classification(List.of(new ThemeTag("c", 0.6, Polarity.NEGATIVE, List.of(new Evidence(4, 9))))),
        new Classification(List.of(new ThemeTag("a", 0.8, Polarity.MIXED, List.of(new Evidence(1, 2))))));
    List<PredictionErrors.Error> e = PredictionErrors.of(List.of("x", "y", "z"), gold, pred, null);
    assertEquals(3, e.size());
    assertEquals("z", e.get(0).id());
    assertEquals(PredictionErrors.Kind.FALSE_POSITIVE, e.get(0).kind());
    assertEquals(List.of(new Evidence(1, 2)), e.get(0).evidence());
    assertEquals("c", e.get(1).theme());
    assertEquals(PredictionErrors.Kind.FALSE_NEGATIVE, e.get(2).kind());
    assertTrue(Double.isNaN(e.get(2).score()));
    List<PredictionErrors.Error> scored = PredictionErrors.of(List.of("x", "y", "z"), gold, pred, (d, t) -> 0.7);
    assertEquals("b", scored.get(1).theme(), "a near miss scored 0.7 sorts between 0.8 and 0.6");
    assertNull(scored.get(1).polarity().orElse(null));
  }
}
