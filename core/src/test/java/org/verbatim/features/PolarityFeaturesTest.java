package org.verbatim.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verbatim.classify.SentimentLexicon;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Clause;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;
import org.verbatim.train.PolarityExample;
import org.verbatim.train.TrainingData;

class PolarityFeaturesTest {

  private static final TextPipeline PIPELINE = RulePipeline.create();

  /** The theme association learned from the restaurant fixture, as the trainer learns it. */
  private static ThemeAssociation association() {
    Map<String, Set<String>> themes = new LinkedHashMap<>();
    for (PolarityExample e : TrainingData.restaurant()) {
      themes.computeIfAbsent(e.text(), t -> new LinkedHashSet<>()).add(e.themeId());
    }
    List<AnalyzedText> docs = new ArrayList<>();
    themes.keySet().forEach(t -> docs.add(PIPELINE.analyze(t)));
    return ThemeAssociation.learn(docs, new ArrayList<>(themes.values()));
  }

  private static String span(AnalyzedText a, String text, int clause) {
    Clause cl = a.clauses().get(clause);
    return text.substring(a.tokens().get(cl.firstToken()).start(), a.tokens().get(cl.endToken() - 1).end());
  }

  @Test
  void contrastGivesEachThemeItsOwnEvidenceClause() {
    PolarityFeatures fx = new PolarityFeatures(association(), SentimentLexicon.english(), PolarityFeature.defaults());
    String text = "The food was great but the staff were rude.";
    AnalyzedText a = PIPELINE.analyze(text);
    List<Integer> staff = fx.evidence(a, "staff");
    assertEquals(1, staff.size());
    assertEquals("but the staff were rude.", span(a, text, staff.get(0)));
    List<Integer> food = fx.evidence(a, "food");
    assertEquals(1, food.size());
    assertTrue(span(a, text, food.get(0)).startsWith("The food was great"), span(a, text, food.get(0)));
  }

  @Test
  void withoutEvidenceClausesEveryClauseIsEvidence() {
    PolarityFeatures fx = new PolarityFeatures(association(), SentimentLexicon.english(),
        EnumSet.of(PolarityFeature.LEXICON));
    AnalyzedText a = PIPELINE.analyze("The food was great but the staff were rude.");
    assertEquals(a.clauses().size(), fx.evidence(a, "staff").size());
    assertTrue(a.clauses().size() > 1);
  }

  @Test
  void indexesKeepKnownFeaturesSorted() {
    assertArrayEquals(new int[] {0, 2}, PolarityFeatures.indexes(List.of("c", "x", "a"), Map.of("a", 0, "b", 1, "c", 2)));
  }

  @Test
  void associationRoundTripsThroughItsRatios() {
    ThemeAssociation a = association();
    assertEquals(a, ThemeAssociation.of(a.ratios()));
    assertTrue(a.knows("staff") && a.knows("food"));
  }
}
