package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DecisionRuleTest {

  @Test
  void decisionRules() {
    double[] s = {0.1, -2, 3, 0.5};
    double[] th = {0, 0, 0, 0};
    assertArrayEquals(new int[] {2, 3, 0}, DecisionRule.decide(s, th, null, false, 0, false));
    assertArrayEquals(new int[] {2, 3}, DecisionRule.decide(s, th, null, false, 2, false));
    assertArrayEquals(new int[] {2}, DecisionRule.decide(s, th, new boolean[] {false, true, true, false}, false, 0, false));
    double[] low = {-1, -2, -0.5, -3};
    assertArrayEquals(new int[0], DecisionRule.decide(low, th, null, false, 0, false));
    assertArrayEquals(new int[] {2}, DecisionRule.decide(low, th, null, true, 0, false));
  }

  @Test
  void rankingByScoreOrByMargin() {
    double[] s = {2.0, 0.5};
    double[] th = {1.8, -3.0};
    assertArrayEquals(new int[] {1}, DecisionRule.decide(s, th, null, false, 1, false), "margin 3.5 beats 0.2");
    assertArrayEquals(new int[] {0}, DecisionRule.decide(s, th, null, false, 1, true), "score 2.0 beats 0.5");
    double[] none = {-1.0, -2.0};
    double[] th2 = {0.0, -2.5};
    assertArrayEquals(new int[] {1}, DecisionRule.decide(none, th2, null, true, 0, false));
    assertArrayEquals(new int[] {1}, DecisionRule.decide(none, th2, null, true, 0, true), "label 1 passes");
    double[] th3 = {0.0, 0.0};
    assertArrayEquals(new int[] {0}, DecisionRule.decide(none, th3, null, true, 0, true));
  }

  @Test
  void aRuleAppliesItsThresholdsAndRanking() {
    DecisionRule rule = DecisionRule.of(new double[] {0.0, 0.5}, null, true, 1, Ranking.MARGIN);
    assertArrayEquals(new int[] {1}, rule.decide(new double[] {-1.0, 0.2}), "none passes: the larger margin is forced");
    assertArrayEquals(new int[] {0}, rule.decide(new double[] {3.0, 0.6}), "both pass, capped at one: margin 3 beats 0.1");
    DecisionRule byScore = DecisionRule.of(new double[] {1.8, -3.0}, null, false, 1, Ranking.SCORE);
    assertArrayEquals(new int[] {0}, byScore.decide(new double[] {2.0, 0.5}));
  }
}
