package org.verbatim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearThemeClassifier;

class DualSvmTest {

  /** Two features; class +1 has feature 0 large, class -1 feature 1 large; rows are separable with margin. */
  private static Csr toy() {
    float[][] rows = {
      {2.0f, 0.1f}, {1.5f, 0.3f}, {1.8f, 0.0f}, {1.2f, 0.2f},
      {0.1f, 2.0f}, {0.3f, 1.6f}, {0.0f, 1.1f}, {0.2f, 1.9f},
    };
    int[] ptr = new int[rows.length + 1];
    int[] col = new int[rows.length * 2];
    float[] val = new float[rows.length * 2];
    for (int i = 0; i < rows.length; i++) {
      ptr[i + 1] = ptr[i] + 2;
      for (int j = 0; j < 2; j++) {
        col[2 * i + j] = j;
        val[2 * i + j] = rows[i][j];
      }
    }
    return new Csr(rows.length, 2, ptr, col, val);
  }

  private static final byte[] Y = {1, 1, 1, 1, -1, -1, -1, -1};

  private static double margin(Csr x, int i, double[] w) {
    double s = w[x.cols];
    for (int k = x.rowPtr[i]; k < x.rowPtr[i + 1]; k++) {
      s += x.val[k] * w[x.col[k]];
    }
    return s;
  }

  @Test
  void separatesASeparableSetAndSatisfiesTheOptimalityConditions() {
    Csr x = toy();
    double c = 10.0;
    double[] alpha = new double[x.rows];
    double[] w = new double[x.cols + 1];
    int epochs = DualSvm.fit(x, Y, c, alpha, w, 1e-6, 1000, 3);
    assertTrue(epochs < 1000, "converged in " + epochs + " epochs");
    for (int i = 0; i < x.rows; i++) {
      double m = Y[i] * margin(x, i, w);
      assertTrue(m > 0.5, "row " + i + " functional margin " + m);
      assertTrue(alpha[i] >= 0, "dual feasibility");
      // KKT of the L2-loss dual: alpha_i = 2C max(0, 1 - y_i w.x_i)
      assertEquals(2 * c * Math.max(0, 1 - m), alpha[i], 1e-4, "row " + i);
    }
    assertTrue(w[0] > 0 && w[1] < 0, "feature 0 marks the positives: " + w[0] + ", " + w[1]);
  }

  @Test
  void sameSeedSameWeightsAndWarmStartReachesTheColdSolution() {
    Csr x = toy();
    double[] a1 = new double[x.rows];
    double[] w1 = new double[x.cols + 1];
    DualSvm.fit(x, Y, 1.0, a1, w1, 1e-3, 200, 42);
    double[] a2 = new double[x.rows];
    double[] w2 = new double[x.cols + 1];
    DualSvm.fit(x, Y, 1.0, a2, w2, 1e-3, 200, 42);
    assertArrayEquals(w1, w2);
    assertArrayEquals(a1, a2);
    double[] warm = new double[x.rows];
    double[] ww = new double[x.cols + 1];
    DualSvm.fit(x, Y, 0.05, warm, ww, 1e-8, 5000, 1);
    DualSvm.fit(x, Y, 4.0, warm, ww, 1e-8, 5000, 1);
    double[] cold = new double[x.rows];
    double[] wc = new double[x.cols + 1];
    DualSvm.fit(x, Y, 4.0, cold, wc, 1e-8, 5000, 2);
    assertArrayEquals(wc, ww, 1e-5);
  }

  @Test
  void trainerComparesKindsByCrossValidationAndKeepsTheWinner() {
    List<LabelledComment> data = TrainingData.comments(120, 4);
    ThemeOptions.Builder base = ThemeOptions.builder().folds(3).seed(9).threads(1).costs(List.of(0.5, 2.0));
    double bestScore = Double.NEGATIVE_INFINITY;
    ClassifierKind best = null;
    LinearThemeClassifier bestAlone = null;
    List<ClassifierKind> kinds = List.of(ClassifierKind.LOGISTIC, ClassifierKind.SVM, ClassifierKind.NB_SVM);
    for (ClassifierKind k : kinds) {
      LinearThemeClassifier one = ThemeTrainer.create(base.kind(k).build()).train(data);
      assertEquals(k, one.model().kind());
      if (one.report().cvMicroF1() > bestScore + 1e-12) {
        bestScore = one.report().cvMicroF1();
        best = k;
        bestAlone = one;
      }
    }
    LinearThemeClassifier chosen = ThemeTrainer.create(base.kinds(kinds).build()).train(data);
    assertEquals(best, chosen.model().kind());
    assertEquals(best.id(), chosen.info().kind());
    assertEquals(bestScore, chosen.report().cvMicroF1());
    assertEquals("logistic,svm,nb-svm", chosen.info().properties().get("option.kindGrid"));
    assertEquals(best.id(), chosen.info().properties().get("option.kind"));
    // the winner of the grid is the very model its kind trains alone (features extracted once, same fits)
    assertArrayEquals(bestAlone.model().weights(), chosen.model().weights());
    assertArrayEquals(bestAlone.model().bias(), chosen.model().bias());
    assertArrayEquals(bestAlone.model().thresholds(), chosen.model().thresholds());
    assertEquals(bestAlone.report().grid(), chosen.report().grid());
  }

  @Test
  void svmKindsAreDeterministicBySeed() {
    List<LabelledComment> data = TrainingData.comments(90, 5);
    for (ClassifierKind k : List.of(ClassifierKind.SVM, ClassifierKind.NB_SVM)) {
      ThemeOptions o = ThemeOptions.builder().folds(3).seed(21).threads(1).kind(k).build();
      LinearThemeClassifier a = ThemeTrainer.create(o).train(data);
      LinearThemeClassifier b = ThemeTrainer.create(o.toBuilder().threads(2).build()).train(data);
      assertArrayEquals(a.model().weights(), b.model().weights(), k.id());
      assertArrayEquals(a.model().bias(), b.model().bias(), k.id());
      assertArrayEquals(a.model().thresholds(), b.model().thresholds(), k.id());
      assertEquals(a.report().grid(), b.report().grid(), k.id());
    }
  }
}
