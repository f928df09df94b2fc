package org.verbatim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.features.FeatureOptions;

class ThemeOptionsTest {

  @Test
  void defaultsAreValidAndGridIsSorted() {
    ThemeOptions o = ThemeOptions.builder().costs(List.of(16.0, 1.0, 4.0, 1.0)).build();
    assertEquals(List.of(1.0, 4.0, 16.0), o.costs());
    assertEquals(4, o.folds());
    assertEquals(o, o.toBuilder().build());
    assertEquals("nb-logistic", o.toProperties().get("kind"));
  }

  @Test
  void rejectsOutOfRangeValuesNamingTheField() {
    assertMessage("folds", () -> ThemeOptions.builder().folds(1).build());
    assertMessage("costs", () -> ThemeOptions.builder().costs(List.of(-1.0)).build());
    assertMessage("costs", () -> ThemeOptions.builder().costs(List.of()).build());
    assertMessage("maxLabels", () -> ThemeOptions.builder().maxLabels(-2).build());
    assertMessage("threads", () -> ThemeOptions.builder().threads(0).build());
    assertMessage("language", () -> ThemeOptions.builder().language("English").build());
    assertMessage("tolerance", () -> ThemeOptions.builder().tolerance(0).build());
    assertMessage("minExamples", () -> ThemeOptions.builder().minExamples(0).build());
    assertMessage("minDf", () -> new FeatureOptions(1, 2, 0, 0, 0, FeatureOptions.Weighting.TFIDF, true, FeatureOptions.Negation.OFF));
    assertMessage("char n-gram", () -> new FeatureOptions(1, 2, 3, 2, 1, FeatureOptions.Weighting.TFIDF, true, FeatureOptions.Negation.OFF));
    assertThrows(NullPointerException.class, () -> ThemeOptions.builder().kind(null));
  }

  @Test
  void parsesIds() {
    assertEquals(ClassifierKind.NB_LOGISTIC, ClassifierKind.parse("NB_logistic"));
    assertMessage("nb-svm", () -> ClassifierKind.parse("maxent"));
    assertEquals(ThresholdRule.PER_LABEL, ThresholdRule.parse("per-label"));
    assertEquals(ClassifierKind.NB_SVM, ClassifierKind.parse("nb_svm"));
    assertEquals("nb-svm", ClassifierKind.NB_SVM.id());
    assertMessage("nb-svm", () -> ClassifierKind.parse("rbf-svm"));
  }

  @Test
  void kindGridDefaultsToNbLogisticAndSvmAndKindNarrowsIt() {
    ThemeOptions d = ThemeOptions.builder().build();
    assertEquals(List.of(ClassifierKind.NB_LOGISTIC, ClassifierKind.SVM), d.kinds());
    assertEquals(ClassifierKind.NB_LOGISTIC, d.kind());
    assertEquals("nb-logistic,svm", d.toProperties().get("kindGrid"));
    assertEquals(ThemeOptions.DEFAULT_SVM_COSTS, d.costs(ClassifierKind.SVM));
    assertEquals(ThemeOptions.DEFAULT_COSTS, d.costs(ClassifierKind.NB_LOGISTIC));
    ThemeOptions one = ThemeOptions.builder().kind(ClassifierKind.SVM).build();
    assertEquals(List.of(ClassifierKind.SVM), one.kinds());
    // plain logistic regression (no naive-Bayes scaling) gets the wider grid unless one is given
    assertEquals(ThemeOptions.DEFAULT_PLAIN_COSTS,
        ThemeOptions.builder().kind(ClassifierKind.LOGISTIC).build().costs(ClassifierKind.LOGISTIC));
    assertEquals(ThemeOptions.DEFAULT_PLAIN_COSTS, ThemeOptions.builder()
        .kinds(List.of(ClassifierKind.NB_LOGISTIC, ClassifierKind.LOGISTIC)).build().costs());
    assertEquals(List.of(1.0, 4.0), ThemeOptions.builder().costs(List.of(4.0, 1.0))
        .kind(ClassifierKind.LOGISTIC).build().costs());
    assertEquals(ThemeOptions.DEFAULT_COSTS, d.toBuilder().kind(ClassifierKind.LOGISTIC).build().costs(),
        "a grid already resolved is kept");
    ThemeOptions grid = ThemeOptions.builder().kinds(List.of(ClassifierKind.NB_SVM, ClassifierKind.LOGISTIC)).cost(2.0).build();
    assertEquals(ClassifierKind.NB_SVM, grid.kind());
    assertEquals(List.of(2.0), grid.svmCosts(), "cost(...) sets the grid of every kind");
    assertEquals(ClassifierKind.LOGISTIC, grid.withChosenKind(ClassifierKind.LOGISTIC).kind());
    assertEquals(grid.kinds(), grid.withChosenKind(ClassifierKind.LOGISTIC).kinds());
    assertMessage("kinds", () -> grid.withChosenKind(ClassifierKind.SVM));
    assertMessage("kinds", () -> ThemeOptions.builder().kinds(List.of()).build());
    assertMessage("kinds", () -> ThemeOptions.builder().kinds(List.of(ClassifierKind.SVM, ClassifierKind.SVM)).build());
    assertMessage("svmCosts", () -> ThemeOptions.builder().svmCosts(List.of(0.0)).build());
  }

  @Test
  void provenanceRecordsTheFixedPartsOfTheMethod() {
    java.util.Map<String, String> p = ThemeOptions.defaults().toProperties();
    assertEquals("dual-cd", p.get("solver"));
    assertEquals("1.0", p.get("interpolationGrid"));
    assertEquals("margin", p.get("rankingGrid"));
    assertEquals("0.25,0.5,0.75,1.0", p.get("thresholdWeightGrid"));
    assertEquals("micro-f1", p.get("selection"));
    assertEquals("simple-v1", p.get("tokenizer"));
    assertEquals(29, p.size(), "every key earlier versions wrote: " + p.keySet());
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().contains(part), ex.getMessage());
  }
}
