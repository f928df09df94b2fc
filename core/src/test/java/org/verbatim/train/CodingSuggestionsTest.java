package org.verbatim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearThemeClassifier;

class CodingSuggestionsTest {

  private static final String[] WAIT = {"we waited weeks for a call back", "kept waiting for hours again",
      "the wait was far too long", "nobody rang back after the delay"};
  private static final String[] KIND = {"she was so kind and caring", "a warm and caring worker",
      "really kind to my mum", "caring staff who were kind"};
  private static final String[] OTHER = {"the car park was full", "nothing to add", "the building was cold"};

  private static LinearThemeClassifier model() {
    Random r = new Random(1);
    List<LabelledComment> data = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      int k = r.nextInt(3);
      String text = k == 0 ? WAIT[r.nextInt(4)] : k == 1 ? KIND[r.nextInt(4)] : OTHER[r.nextInt(3)];
      data.add(new LabelledComment("c" + i, text, k == 0 ? List.of("reliability") : k == 1 ? List.of("empathy") : List.of()));
    }
    return ThemeTrainer.create(ThemeOptions.builder().kind(ClassifierKind.NB_LOGISTIC).folds(3).seed(3).threads(1)
        .build()).train(data);
  }

  @Test
  void uncertaintyPrefersCommentsNearAThresholdSkipsDuplicatesAndEmptiesAndCoversEveryTheme() {
    LinearThemeClassifier m = model();
    List<String> pool = List.of(
        "we waited weeks for a call back",              // clearly reliability
        "she was so kind and caring",                   // clearly empathy
        "the worker was kind but we waited a bit",      // mixed, nearer the thresholds
        "the worker was kind but we waited a bit!",     // a near-duplicate of the one above
        "",                                             // nothing to code
        "---",
        "a caring person though slow to call",
        "the building was cold");
    List<CodingSuggestions.Suggestion> s =
        CodingSuggestions.choose(m, pool, 10, CodingSuggestions.Strategy.UNCERTAINTY, 1L);
    Set<Integer> chosen = new HashSet<>();
    s.forEach(x -> chosen.add(x.index()));
    assertEquals(s.size(), chosen.size(), "no comment twice");
    assertFalse(chosen.contains(4) || chosen.contains(5), "empty comments are not suggested");
    assertFalse(chosen.contains(2) && chosen.contains(3), "near-duplicates are not both suggested");
    assertEquals(5, s.size(), "8 comments minus 2 empty minus 1 near-duplicate");
    Set<String> themes = new HashSet<>();
    s.forEach(x -> themes.add(x.theme()));
    assertEquals(Set.of("empathy", "reliability"), themes, "the themes take turns");
    // within each theme, the margins grow in absolute value: the most uncertain first
    for (String t : themes) {
      double previous = -1;
      for (CodingSuggestions.Suggestion x : s) {
        if (x.theme().equals(t)) {
          assertTrue(Math.abs(x.margin()) >= previous, "theme " + t + ": " + s);
          previous = Math.abs(x.margin());
          assertEquals(m.margins(pool.get(x.index()))[m.labels().indexOf(t)], x.margin(), 1e-12);
        }
      }
    }
    assertEquals(s, CodingSuggestions.choose(m, pool, 10, CodingSuggestions.Strategy.UNCERTAINTY, 99L),
        "uncertainty sampling does not depend on the seed");
  }

  @Test
  void randomIsASeededSampleWithoutRepeats() {
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      pool.add("comment " + i);
    }
    List<CodingSuggestions.Suggestion> a = CodingSuggestions.choose(null, pool, 20, CodingSuggestions.Strategy.RANDOM, 5L);
    assertEquals(a, CodingSuggestions.choose(null, pool, 20, CodingSuggestions.Strategy.RANDOM, 5L));
    assertEquals(20, new HashSet<>(a.stream().map(CodingSuggestions.Suggestion::index).toList()).size());
    assertTrue(!a.equals(CodingSuggestions.choose(null, pool, 20, CodingSuggestions.Strategy.RANDOM, 6L)));
    assertEquals(50, CodingSuggestions.choose(null, pool, 80, CodingSuggestions.Strategy.RANDOM, 5L).size());
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class,
        () -> CodingSuggestions.choose(null, List.of("a"), 0, CodingSuggestions.Strategy.RANDOM, 1L));
    assertThrows(NullPointerException.class,
        () -> CodingSuggestions.choose(null, List.of("a"), 1, CodingSuggestions.Strategy.UNCERTAINTY, 1L));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CodingSuggestions.Strategy.parse("smart"));
    assertTrue(e.getMessage().contains("uncertainty or random"));
  }
}
