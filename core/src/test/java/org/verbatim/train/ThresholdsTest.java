package org.verbatim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

  @Test
  void bestThresholdImprovesF1OverZero() {
    double[] s = {0.9, 0.8, -0.2, -0.3, -0.4, -1.0};
    boolean[] y = {true, true, true, true, false, false};
    double[] best = Thresholds.best(s, y);
    assertTrue(best[0] < -0.3 && best[0] > -0.4, "threshold " + best[0]);
    assertEquals(1.0, best[1], 1e-12);
    assertEquals(1.0, f1(s, y, best[0]), 1e-12);
    assertTrue(f1(s, y, 0.0) < 0.7);
  }

  @Test
  void tiesAreCutTogether() {
    double[] s = {1, 1, 1, 0};
    boolean[] y = {true, false, false, true};
    double t = Thresholds.best(s, y)[0];
    assertTrue(t < 0 || t > 1 || t == 0.5, "never between tied scores");
  }

  @Test
  void noPositiveGivesInfinity() {
    assertEquals(Double.POSITIVE_INFINITY, Thresholds.best(new double[] {1, 2}, new boolean[] {false, false})[0]);
  }

  @Test
  void decisionRules() {
    double[] s = {0.1, -2, 3, 0.5};
    double[] th = {0, 0, 0, 0};
    assertArrayEquals(new int[] {2, 3, 0}, Thresholds.decide(s, th, null, false, 0, false));
    assertArrayEquals(new int[] {2, 3}, Thresholds.decide(s, th, null, false, 2, false));
    assertArrayEquals(new int[] {2}, Thresholds.decide(s, th, new boolean[] {false, true, true, false}, false, 0, false));
    double[] low = {-1, -2, -0.5, -3};
    assertArrayEquals(new int[0], Thresholds.decide(low, th, null, false, 0, false));
    assertArrayEquals(new int[] {2}, Thresholds.decide(low, th, null, true, 0, false));
  }

  @Test
  void rankingByScoreOrByMargin() {
    double[] s = {2.0, 0.5};
    double[] th = {1.8, -3.0};
    assertArrayEquals(new int[] {1}, Thresholds.decide(s, th, null, false, 1, false), "margin 3.5 beats 0.2");
    assertArrayEquals(new int[] {0}, Thresholds.decide(s, th, null, false, 1, true), "score 2.0 beats 0.5");
    double[] none = {-1.0, -2.0};
    double[] th2 = {0.0, -2.5};
    assertArrayEquals(new int[] {1}, Thresholds.decide(none, th2, null, true, 0, false));
    assertArrayEquals(new int[] {1}, Thresholds.decide(none, th2, null, true, 0, true), "label 1 passes");
    double[] th3 = {0.0, 0.0};
    assertArrayEquals(new int[] {0}, Thresholds.decide(none, th3, null, true, 0, true));
  }

  @Test
  void perLabelThresholdsShrinkTowardsTheGlobalOne() {
    double[][] s = {{3, 2, 1, 0, -1, -2}, {0.5, 0.4, 0.3, -3, -4, -5}};
    boolean[][] y = {{true, true, true, true, true, false}, {true, false, false, false, false, false}};
    double g = Thresholds.global(s, y);
    double[] best = Thresholds.perLabel(s, y, 1);
    for (int l = 0; l < 2; l++) {
      assertEquals(Thresholds.best(s[l], y[l])[0], best[l], 1e-12);
    }
    double[] own = Thresholds.forRule(ThresholdRule.PER_LABEL, g, best, 1.0, 2);
    double[] half = Thresholds.forRule(ThresholdRule.PER_LABEL, g, best, 0.5, 2);
    for (int l = 0; l < 2; l++) {
      assertEquals(0.5 * (own[l] + g), half[l], 1e-12);
    }
    assertTrue(own[0] != own[1], "the labels need different thresholds");
    double[] rare = Thresholds.forRule(ThresholdRule.PER_LABEL, g, Thresholds.perLabel(s, y, 2), 1.0, 2);
    assertTrue(Double.isNaN(Thresholds.perLabel(s, y, 2)[1]));
    assertEquals(g, rare[1], 1e-12, "a label with fewer positives than the minimum uses the global threshold");
    assertArrayEquals(new double[] {g, g}, Thresholds.forRule(ThresholdRule.GLOBAL, g, best, 0.5, 2));
    assertArrayEquals(new double[] {0, 0}, Thresholds.forRule(ThresholdRule.NONE, g, best, 0.5, 2));
  }

  @Test
  void sortIsStableAndDescending() {
    double[] s = {0.5, 2, 0.5, -1, 2, 7};
    assertArrayEquals(new int[] {5, 1, 4, 0, 2, 3}, Thresholds.sortDescending(s));
  }

  private static double f1(double[] s, boolean[] y, double t) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < s.length; i++) {
      boolean p = s[i] >= t;
      if (p && y[i]) {
        tp++;
      } else if (p) {
        fp++;
      } else if (y[i]) {
        fn++;
      }
    }
    return 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
