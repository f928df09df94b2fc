package org.verbatim.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Chance-corrected agreement between coders: Cohen's kappa and Krippendorff's alpha for nominal data.
 *
 * <h2>Cohen's kappa (Cohen 1960)</h2>
 * For two coders who each assign one category to every one of n units,
 * <pre>
 *   κ = (p_o − p_e) / (1 − p_e),   p_o = (1/n) Σ_c n_cc,   p_e = (1/n²) Σ_c n_c· n_·c
 * </pre>
 * where {@code n_ck} counts units put in category c by the first coder and k by the second, and
 * {@code n_c·}, {@code n_·c} are the row and column totals (J. Cohen, "A coefficient of agreement for
 * nominal scales", Educational and Psychological Measurement 20(1):37–46, 1960). For a 2×2 table with
 * cells a (both yes), b (first only), c (second only), d (both no):
 * {@code p_o = (a+d)/n}, {@code p_e = ((a+b)(a+c) + (c+d)(b+d))/n²}. When {@code p_e = 1} (both coders use
 * one and the same category throughout) or n = 0, κ is undefined and these methods return {@code NaN}.
 *
 * <h2>Krippendorff's alpha, nominal (Krippendorff 2011)</h2>
 * Following K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011, Annenberg School for
 * Communication, University of Pennsylvania, https://repository.upenn.edu/asc_papers/43): for each unit u
 * let m_u be the number of coders who coded it; units with m_u &lt; 2 are not pairable and are dropped.
 * The coincidence matrix is {@code o_ck = Σ_u (number of ordered pairs of values (c, k) from different
 * coders in u) / (m_u − 1)}, with marginals {@code n_c = Σ_k o_ck} and {@code n = Σ_c n_c} (the number of
 * pairable values). For nominal data (difference 0 if equal, 1 otherwise)
 * <pre>
 *   α = 1 − D_o / D_e = 1 − (n − 1) · (n − Σ_c o_cc) / (n² − Σ_c n_c²)
 * </pre>
 * α is undefined ({@code NaN}) when the expected disagreement is 0, i.e. when all pairable values are in
 * one category, or when fewer than two values are pairable. Missing values are allowed.
 *
 * <pre>{@code
 * Agreement.cohenKappa(20, 5, 10, 15);          // 2x2 table: p_o = 0.70, p_e = 0.50, kappa = 0.40
 * int M = Agreement.MISSING;
 * Agreement.krippendorffAlphaNominal(new int[][] {
 *     {1, 2, 3, M},        // coder A, units 1..4
 *     {1, 2, 2, 4}});      // coder B
 * // Do not use 0 or -1 for a missing value: every int except MISSING is a category.
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Agreement {

  /** Marks a unit that a coder did not code in {@link #krippendorffAlphaNominal(int[][])}. */
  public static final int MISSING = Integer.MIN_VALUE;

  private Agreement() {}

  /**
   * Cohen's kappa of a 2×2 table of binary decisions.
   *
   * @param bothYes units both coders marked present (a)
   * @param firstOnly units only the first coder marked present (b)
   * @param secondOnly units only the second coder marked present (c)
   * @param bothNo units both coders marked absent (d)
   * @return κ, or {@code NaN} if it is undefined
   * @throws IllegalArgumentException if a count is negative
   */
  public static double cohenKappa(long bothYes, long firstOnly, long secondOnly, long bothNo) {
    if (bothYes < 0 || firstOnly < 0 || secondOnly < 0 || bothNo < 0) {
      throw new IllegalArgumentException("counts must be >= 0: " + bothYes + ", " + firstOnly + ", "
          + secondOnly + ", " + bothNo);
    }
    double n = (double) bothYes + firstOnly + secondOnly + bothNo;
    if (n == 0) {
      return Double.NaN;
    }
    double po = (bothYes + bothNo) / n;
    double pe = ((double) (bothYes + firstOnly) * (bothYes + secondOnly)
        + (double) (secondOnly + bothNo) * (firstOnly + bothNo)) / (n * n);
    return pe == 1.0 ? Double.NaN : (po - pe) / (1.0 - pe);
  }

  /**
   * Cohen's kappa of two coders' nominal codes, one per unit.
   *
   * @param first the first coder's category of each unit
   * @param second the second coder's category of each unit
   * @return κ, or {@code NaN} if it is undefined
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public static double cohenKappa(int[] first, int[] second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.length != second.length) {
      throw new IllegalArgumentException(
          "both coders must code the same units: " + first.length + " != " + second.length);
    }
    int n = first.length;
    if (n == 0) {
      return Double.NaN;
    }
    Map<Integer, long[]> marginals = new HashMap<>();
    long agree = 0;
    for (int i = 0; i < n; i++) {
      marginals.computeIfAbsent(first[i], k -> new long[2])[0]++;
      marginals.computeIfAbsent(second[i], k -> new long[2])[1]++;
      if (first[i] == second[i]) {
        agree++;
      }
    }
    double po = (double) agree / n;
    double pe = 0.0;
    for (long[] m : marginals.values()) {
      pe += (double) m[0] * m[1];
    }
    pe /= (double) n * n;
    return pe == 1.0 ? Double.NaN : (po - pe) / (1.0 - pe);
  }

  /**
   * Krippendorff's alpha for nominal data, any number of coders, missing values allowed.
   *
   * @param codes {@code codes[coder][unit]}: the category each coder gave each unit, or {@link #MISSING};
   *     every row has the same length
   * @return α, or {@code NaN} if it is undefined
   * @throws NullPointerException if {@code codes} or a row is null
   * @throws IllegalArgumentException if the rows differ in length
   */
  public static double krippendorffAlphaNominal(int[][] codes) {
    Objects.requireNonNull(codes, "codes");
    if (codes.length == 0) {
      return Double.NaN;
    }
    int units = Objects.requireNonNull(codes[0], "codes[0]").length;
    for (int c = 0; c < codes.length; c++) {
      Objects.requireNonNull(codes[c], "codes[" + c + "]");
      if (codes[c].length != units) {
        throw new IllegalArgumentException("every coder row must have " + units + " units: codes[" + c
            + "] has " + codes[c].length);
      }
    }
    Map<Integer, Double> totals = new HashMap<>();   // n_c
    double diagonal = 0.0;                           // sum_c o_cc
    Map<Integer, Integer> inUnit = new HashMap<>();
    for (int u = 0; u < units; u++) {
      inUnit.clear();
      int mu = 0;
      for (int[] coder : codes) {
        if (coder[u] != MISSING) {
          inUnit.merge(coder[u], 1, Integer::sum);
          mu++;
        }
      }
      if (mu < 2) {
        continue;
      }
      for (Map.Entry<Integer, Integer> e : inUnit.entrySet()) {
        int k = e.getValue();
        // ordered pairs (c, c) from different coders: k(k-1); each unit's pairs are weighted 1/(m_u - 1)
        diagonal += (double) k * (k - 1) / (mu - 1);
        totals.merge(e.getKey(), (double) k, Double::sum);
      }
    }
    double[] nc = new double[totals.size()];
    int i = 0;
    for (double v : totals.values()) {
      nc[i++] = v;
    }
    return alphaFromCoincidences(nc, diagonal);
  }

  /**
   * Krippendorff's nominal alpha for two coders making binary decisions on every unit, from the 2×2
   * table (same cells as {@link #cohenKappa(long, long, long, long)}). Each unit contributes the ordered
   * pairs (x, y) and (y, x), so {@code o_11 = 2a}, {@code o_00 = 2d}, {@code o_01 = o_10 = b + c},
   * {@code n = 2(a+b+c+d)}.
   *
   * @return α, or {@code NaN} if it is undefined
   * @throws IllegalArgumentException if a count is negative
   */
  public static double krippendorffAlphaBinary(long bothYes, long firstOnly, long secondOnly, long bothNo) {
    if (bothYes < 0 || firstOnly < 0 || secondOnly < 0 || bothNo < 0) {
      throw new IllegalArgumentException("counts must be >= 0: " + bothYes + ", " + firstOnly + ", "
          + secondOnly + ", " + bothNo);
    }
    double n1 = 2.0 * bothYes + firstOnly + secondOnly;
    double n0 = 2.0 * bothNo + firstOnly + secondOnly;
    return alphaFromCoincidences(new double[] {n0, n1}, 2.0 * bothYes + 2.0 * bothNo);
  }

  /** {@code 1 - (n-1)(n - diagonal) / (n² - Σ n_c²)}, NaN when undefined. */
  private static double alphaFromCoincidences(double[] nc, double diagonal) {
    double n = 0.0;
    double sumSquares = 0.0;
    for (double v : nc) {
      n += v;
      sumSquares += v * v;
    }
    double expected = n * n - sumSquares;
    if (n < 2 || expected <= 0.0) {
      return Double.NaN;
    }
    return 1.0 - (n - 1.0) * (n - diagonal) / expected;
  }
}
