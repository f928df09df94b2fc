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
