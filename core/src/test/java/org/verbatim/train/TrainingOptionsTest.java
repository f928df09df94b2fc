package org.verbatim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {

  @Test
  void defaultsAreValidAndGridIsSorted() {
    TrainingOptions o = TrainingOptions.builder().costGrid(List.of(16.0, 1.0, 4.0, 1.0)).build();
    assertEquals(List.of(1.0, 4.0, 16.0), o.costGrid());
    assertEquals(5, o.folds());
    assertEquals(o, o.toBuilder().build());
    assertEquals("nb-logistic", o.toProperties().get("kind"));
  }

  @Test
  void rejectsOutOfRangeValuesNamingTheField() {
    assertMessage("folds", () -> TrainingOptions.builder().folds(1).build());
    assertMessage("costGrid", () -> TrainingOptions.builder().costGrid(List.of(-1.0)).build());
    assertMessage("costGrid", () -> TrainingOptions.builder().costGrid(List.of()).build());
    assertMessage("maxLabels", () -> TrainingOptions.builder().maxLabels(-2).build());
    assertMessage("threads", () -> TrainingOptions.builder().threads(0).build());
    assertMessage("language", () -> TrainingOptions.builder().language("English").build());
    assertMessage("maxent", () -> TrainingOptions.builder().kind(ClassifierKind.MAXENT).build());
    assertMessage("minDf", () -> new FeatureOptions(1, 2, 0, 0, 0, FeatureOptions.Weighting.TFIDF, true, FeatureOptions.Negation.OFF));
    assertMessage("char n-gram", () -> new FeatureOptions(1, 2, 3, 2, 1, FeatureOptions.Weighting.TFIDF, true, FeatureOptions.Negation.OFF));
    assertThrows(NullPointerException.class, () -> TrainingOptions.builder().kind(null));
  }

  @Test
  void parsesIds() {
    assertEquals(ClassifierKind.NB_LOGISTIC, ClassifierKind.parse("NB_logistic"));
    assertEquals(Solver.SMILE_LBFGS, Solver.parse("smile-lbfgs"));
    assertEquals(ThresholdRule.PER_LABEL, ThresholdRule.parse("per-label"));
    assertMessage("expected logistic", () -> ClassifierKind.parse("svm"));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().contains(part), ex.getMessage());
  }
}
