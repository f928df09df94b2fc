package org.verbatim.train;

import org.verbatim.classify.ClassifierKind;
import org.verbatim.features.FeatureOptions;
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
    assertEquals(4, o.folds());
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
    assertEquals(ClassifierKind.NB_SVM, ClassifierKind.parse("nb_svm"));
    assertEquals("nb-svm", ClassifierKind.NB_SVM.id());
    assertMessage("nb-svm", () -> ClassifierKind.parse("rbf-svm"));
  }

  @Test
  void kindGridDefaultsToNbLogisticAndSvmAndKindNarrowsIt() {
    TrainingOptions d = TrainingOptions.builder().build();
    assertEquals(List.of(ClassifierKind.NB_LOGISTIC, ClassifierKind.SVM), d.kindGrid());
    assertEquals(ClassifierKind.NB_LOGISTIC, d.kind());
    assertEquals("nb-logistic,svm", d.toProperties().get("kindGrid"));
    assertEquals(TrainingOptions.DEFAULT_SVM_COSTS, d.costGrid(ClassifierKind.SVM));
    assertEquals(TrainingOptions.DEFAULT_COSTS, d.costGrid(ClassifierKind.NB_LOGISTIC));
    TrainingOptions one = TrainingOptions.builder().kind(ClassifierKind.SVM).build();
    assertEquals(List.of(ClassifierKind.SVM), one.kindGrid());
    // plain logistic regression (no naive-Bayes scaling) gets the wider grid unless one is given
    assertEquals(TrainingOptions.DEFAULT_PLAIN_COSTS,
        TrainingOptions.builder().kind(ClassifierKind.LOGISTIC).build().costGrid(ClassifierKind.LOGISTIC));
    assertEquals(TrainingOptions.DEFAULT_PLAIN_COSTS, TrainingOptions.builder()
        .kindGrid(List.of(ClassifierKind.NB_LOGISTIC, ClassifierKind.LOGISTIC)).build().costGrid());
    assertEquals(List.of(1.0, 4.0), TrainingOptions.builder().costGrid(List.of(4.0, 1.0))
        .kind(ClassifierKind.LOGISTIC).build().costGrid());
    assertEquals(TrainingOptions.DEFAULT_COSTS, d.toBuilder().kind(ClassifierKind.LOGISTIC).build().costGrid(),
        "a grid already resolved is kept");
    TrainingOptions grid = TrainingOptions.builder().kindGrid(List.of(ClassifierKind.NB_SVM, ClassifierKind.LOGISTIC)).cost(2.0).build();
    assertEquals(ClassifierKind.NB_SVM, grid.kind());
    assertEquals(List.of(2.0), grid.svmCostGrid(), "cost(...) sets the grid of every kind");
    assertEquals(ClassifierKind.LOGISTIC, grid.withChosenKind(ClassifierKind.LOGISTIC).kind());
    assertEquals(grid.kindGrid(), grid.withChosenKind(ClassifierKind.LOGISTIC).kindGrid());
    assertMessage("kindGrid", () -> grid.withChosenKind(ClassifierKind.SVM));
    assertMessage("kindGrid", () -> TrainingOptions.builder().kindGrid(List.of()).build());
    assertMessage("kindGrid", () -> TrainingOptions.builder().kindGrid(List.of(ClassifierKind.SVM, ClassifierKind.SVM)).build());
    assertMessage("svmCostGrid", () -> TrainingOptions.builder().svmCostGrid(List.of(0.0)).build());
    assertMessage("interpolationGrid", () -> TrainingOptions.builder().kindGrid(List.of(ClassifierKind.NB_LOGISTIC, ClassifierKind.SVM))
        .interpolationGrid(List.of(0.5, 1.0)).build());
    TrainingOptions nb = TrainingOptions.builder().kindGrid(List.of(ClassifierKind.NB_LOGISTIC, ClassifierKind.NB_SVM))
        .interpolationGrid(List.of(0.5, 1.0)).build();
    assertEquals(List.of(0.5, 1.0), nb.interpolationGrid());
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().contains(part), ex.getMessage());
  }
}
