package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgreementTest {

  private static final int M = Agreement.MISSING;

  @Test
  void cohenKappaOfATwoByTwoTable() {
    // a = 20 both yes, b = 5 first only, c = 10 second only, d = 15 both no; n = 50
    // p_o = (20 + 15) / 50 = 0.70
    // first coder yes 25, no 25; second coder yes 30, no 20
    // p_e = (25 * 30 + 25 * 20) / 50^2 = 1250 / 2500 = 0.50
    // kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
    assertEquals(0.40, Agreement.cohenKappa(20, 5, 10, 15), 1e-12);
    // Same table as per-unit codes.
    int[] first = new int[50];
    int[] second = new int[50];
    for (int i = 0; i < 50; i++) {
      first[i] = i < 25 ? 1 : 0;                       // units 0-19 both yes, 20-24 first only
      second[i] = i < 20 || (i >= 25 && i < 35) ? 1 : 0;   // 25-34 second only, 35-49 both no
    }
    assertEquals(0.40, Agreement.cohenKappa(first, second), 1e-12);
  }

  @Test
  void cohenKappaWithThreeCategories() {
    // A = 0 0 1 1 2 2, B = 0 1 1 1 2 0 -> agreements at units 1, 3, 4, 5: p_o = 4/6
    // A marginals 2, 2, 2; B marginals 2, 3, 1 -> p_e = (2*2 + 2*3 + 2*1) / 36 = 1/3
    // kappa = (2/3 - 1/3) / (1 - 1/3) = 0.5
    assertEquals(0.5, Agreement.cohenKappa(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}), 1e-12);
  }

  @Test
  void cohenKappaEdgeCases() {
    assertEquals(1.0, Agreement.cohenKappa(3, 0, 0, 2), 1e-12);   // perfect agreement, p_e = 13/25
    // Chance level: p_o = p_e. a=1, b=1, c=1, d=1 -> p_o = 1/2, p_e = (2*2 + 2*2)/16 = 1/2 -> 0
    assertEquals(0.0, Agreement.cohenKappa(1, 1, 1, 1), 1e-12);
    // Total disagreement with balanced marginals: p_o = 0, p_e = 1/2 -> -1
    assertEquals(-1.0, Agreement.cohenKappa(0, 2, 2, 0), 1e-12);
    assertTrue(Double.isNaN(Agreement.cohenKappa(0, 0, 0, 7)), "one category throughout: p_e = 1");
    assertTrue(Double.isNaN(Agreement.cohenKappa(0, 0, 0, 0)), "no units");
    assertTrue(Double.isNaN(Agreement.cohenKappa(new int[] {2, 2}, new int[] {2, 2})));
    assertThrows(IllegalArgumentException.class, () -> Agreement.cohenKappa(-1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Agreement.cohenKappa(new int[1], new int[2]));
  }

  @Test
  void krippendorff2011NominalExampleWithMissingData() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units,
    // values 1-5, missing data; the published result is alpha = 0.743.
    int[][] data = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},   // observer A
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},   // observer B
        {M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},   // observer C
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M}};  // observer D
    // Unit 12 has one value and is dropped; n = 40 pairable values.
    // Sum of o_cc = 32; n_c = 9, 13, 10, 5, 3 for values 1..5; sum n_c^2 = 384.
    // alpha = 1 - (n - 1)(n - sum o_cc) / (n^2 - sum n_c^2) = 1 - 39 * 8 / (1600 - 384) = 1 - 312/1216
    double alpha = Agreement.krippendorffAlphaNominal(data);
    assertEquals(1.0 - 312.0 / 1216.0, alpha, 1e-12);
    assertEquals(0.743, Math.round(alpha * 1000) / 1000.0, 0.0);
  }

  @Test
  void krippendorff2011BinaryTwoObserverExample() {
    // Krippendorff (2011), section A: two observers, binary data, 10 units; published alpha = 0.095.
    int[][] data = {
        {0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
        {1, 1, 1, 0, 0, 1, 0, 0, 0, 0}};
    // both yes 1 (unit 2), A only 1 (unit 9), B only 3 (units 1, 3, 6), both no 5.
    // n = 20, n_1 = 2*1 + 1 + 3 = 6, n_0 = 2*5 + 4 = 14, disagreeing pairs o_01 = 4
    // alpha = 1 - (n - 1) * o_01 / (n_0 * n_1) = 1 - 19 * 4 / 84 = 0.0952
    double expected = 1.0 - 76.0 / 84.0;
    assertEquals(expected, Agreement.krippendorffAlphaNominal(data), 1e-12);
    assertEquals(expected, Agreement.krippendorffAlphaBinary(1, 1, 3, 5), 1e-12);
    assertEquals(0.095, Math.round(expected * 1000) / 1000.0, 0.0);
  }

  @Test
  void binaryShortcutEqualsTheGeneralFormula() {
    long[][] tables = {{3, 1, 2, 10}, {0, 4, 4, 0}, {7, 0, 0, 9}, {2, 5, 0, 1}};
    for (long[] t : tables) {
      int n = (int) (t[0] + t[1] + t[2] + t[3]);
      int[][] codes = new int[2][n];
      int u = 0;
      for (int k = 0; k < 4; k++) {
        for (int i = 0; i < t[k]; i++, u++) {
          codes[0][u] = k <= 1 ? 1 : 0;   // k = 0 both yes, 1 first only
          codes[1][u] = k == 0 || k == 2 ? 1 : 0;
        }
      }
      assertEquals(Agreement.krippendorffAlphaNominal(codes),
          Agreement.krippendorffAlphaBinary(t[0], t[1], t[2], t[3]), 1e-12, java.util.Arrays.toString(t));
    }
  }

  @Test
  void alphaEdgeCases() {
    assertEquals(1.0, Agreement.krippendorffAlphaNominal(new int[][] {{1, 2, 3}, {1, 2, 3}}), 1e-12);
    assertTrue(Double.isNaN(Agreement.krippendorffAlphaNominal(new int[][] {{4, 4}, {4, 4}})), "one value");
    assertTrue(Double.isNaN(Agreement.krippendorffAlphaNominal(new int[][] {{1, M}, {M, 2}})), "nothing pairable");
    assertTrue(Double.isNaN(Agreement.krippendorffAlphaNominal(new int[0][])));
    // A unit coded by only one coder does not change alpha.
    double base = Agreement.krippendorffAlphaNominal(new int[][] {{1, 2, 1, 2}, {1, 2, 2, 2}});
    double withLone = Agreement.krippendorffAlphaNominal(new int[][] {{1, 2, 1, 2, 7}, {1, 2, 2, 2, M}});
    assertEquals(base, withLone, 1e-12);
    // Negative categories are ordinary values.
    assertEquals(1.0, Agreement.krippendorffAlphaNominal(new int[][] {{-1, 0}, {-1, 0}}), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> Agreement.krippendorffAlphaNominal(new int[][] {{1, 2}, {1}}));
    assertThrows(NullPointerException.class, () -> Agreement.krippendorffAlphaNominal(new int[][] {{1}, null}));
  }
}
