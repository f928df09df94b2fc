package org.verbatim.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.verbatim.Polarity;

/**
 * Agreement between two or more coders who coded the same comments with themes (and optionally a polarity per
 * theme): per theme, pooled over every document x theme decision, and on polarity.
 *
 * <h2>Units and values</h2>
 * The documents are the union of the coders' ids (first coder's order first); the theme universe is the union of
 * every coder's themes and {@code options.extraLabels()}. For a theme, each document is a unit and each coder's
 * value is 1 (coded the theme), 0 (coded the document without it) or missing (the coder's file lacks the
 * document). The pooled statistics take every (document, theme) pair as a unit. For polarity, the units are the
 * (document, theme) pairs that at least two coders coded with a polarity, the values the four polarities, and a
 * coder without the theme or without a polarity for it is missing.
 *
 * <h2>Statistics</h2>
 * With {@code m_u} values in unit u, {@code n_uc} of them in category c:
 * <ul>
 *   <li><b>percent agreement</b>: the mean over units with {@code m_u >= 2} of the share of agreeing coder pairs,
 *       {@code Σ_c n_uc(n_uc − 1) / (m_u(m_u − 1))} (for two coders, the share of units they agree on);
 *   <li><b>Cohen's kappa</b> (two coders, units both coded): {@code (p_o − p_e)/(1 − p_e)} with
 *       {@code p_e = Σ_c p_1c p_2c} from each coder's own marginals (Cohen 1960); NaN with three or more coders;
 *   <li><b>Fleiss' kappa</b> (units every one of the k coders coded; J. L. Fleiss, "Measuring nominal scale
 *       agreement among many raters", Psychological Bulletin 76(5):378–382, 1971): {@code (P̄ − P̄_e)/(1 − P̄_e)}
 *       with {@code P̄} the mean of {@code Σ_c n_uc(n_uc − 1)/(k(k − 1))} and {@code P̄_e = Σ_c p_c²}, {@code p_c}
 *       the share of all values in c (for two coders this is Scott's pi);
 *   <li><b>Krippendorff's alpha</b>, nominal, missing values allowed, as in {@link Agreement}
 *       (Krippendorff 2011).
 * </ul>
 * A statistic is NaN when undefined (no unit, or one category only). Intervals are percentile-bootstrap intervals
 * over documents ({@link Bootstrap}'s draws and quantiles: B resamples of N documents with replacement from one
 * {@link SplittableRandom} seeded with {@code options.seed()}); resamples where a statistic is undefined are left
 * out of its interval, and a statistic undefined in every resample has none.
 *
 * <pre>{@code
 * AgreementReport r = CoderAgreement.compute(List.of("A", "B"), List.of(themesA, themesB),
 *     List.of(polaritiesA, polaritiesB), EvaluationOptions.defaults());
 * r.themes().get("respect").cohenKappa();
 * }</pre>
 *
 * <p>Stateless and thread-safe. The work is about {@code B · documents · themes · coders}.
 */
public final class CoderAgreement {

  private static final int MISSING = -1;
  private static final Polarity[] POLARITIES = Polarity.values();

  private CoderAgreement() {}

  /**
   * Computes agreement.
   *
   * @param names the coders' names, distinct, at least two
   * @param themes per coder, per document id, the themes coded
   * @param polarities per coder, per document id, the polarity of some coded themes; an empty list, or empty
   *     maps, when polarity was not coded
   * @param options bootstrap resamples (0 for no intervals), seed and level; extra labels join the universe
   * @throws NullPointerException if an argument, an id, a set or a label is null
   * @throws IllegalArgumentException if there are fewer than two coders, names repeat, the lists differ in size,
   *     no document is coded, or a polarity is given for a theme the coder did not code
   */
  public static AgreementReport compute(List<String> names, List<? extends Map<String, ? extends Set<String>>> themes,
      List<? extends Map<String, ? extends Map<String, Polarity>>> polarities, EvaluationOptions options) {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(themes, "themes");
    Objects.requireNonNull(polarities, "polarities");
    Objects.requireNonNull(options, "options");
    int k = names.size();
    if (k < 2) {
      throw new IllegalArgumentException("agreement needs at least two coders: " + k);
    }
    if (new HashSet<>(names).size() != k) {
      throw new IllegalArgumentException("coder names must be distinct: " + names);
    }
    if (themes.size() != k || !(polarities.isEmpty() || polarities.size() == k)) {
      throw new IllegalArgumentException("one theme map (and one polarity map, if any) per coder: " + k + " names, "
          + themes.size() + " theme maps, " + polarities.size() + " polarity maps");
    }
    LinkedHashSet<String> docSet = new LinkedHashSet<>();
    TreeSet<String> universe = new TreeSet<>(LabelSets.CODE_POINT_ORDER);
    universe.addAll(options.extraLabels());
    for (Map<String, ? extends Set<String>> coder : themes) {
      for (Map.Entry<String, ? extends Set<String>> e : coder.entrySet()) {
        docSet.add(Objects.requireNonNull(e.getKey(), "id"));
        for (String l : Objects.requireNonNull(e.getValue(), e.getKey())) {
          universe.add(Objects.requireNonNull(l, "label"));
        }
      }
    }
    for (int c = 0; c < polarities.size(); c++) {
      for (Map.Entry<String, ? extends Map<String, Polarity>> e : polarities.get(c).entrySet()) {
        Set<String> coded = themes.get(c).get(e.getKey());
        for (String theme : e.getValue().keySet()) {
          if (coded == null || !coded.contains(theme)) {
            throw new IllegalArgumentException("coder " + names.get(c) + " gives a polarity for theme '" + theme
                + "' of id '" + e.getKey() + "' without coding the theme");
          }
        }
      }
    }
    if (docSet.isEmpty()) {
      throw new IllegalArgumentException("no coded document");
    }
    List<String> docs = new ArrayList<>(docSet);
    List<String> labels = new ArrayList<>(universe);
    int nd = docs.size();
    int nt = labels.size();
    // presence[c][d * nt + t]: 1, 0 or MISSING
    int[][] presence = new int[k][nd * nt];
    for (int c = 0; c < k; c++) {
      Map<String, ? extends Set<String>> coder = themes.get(c);
      for (int d = 0; d < nd; d++) {
        Set<String> s = coder.get(docs.get(d));
        for (int t = 0; t < nt; t++) {
          presence[c][d * nt + t] = s == null ? MISSING : s.contains(labels.get(t)) ? 1 : 0;
        }
      }
    }
    // polarity units: (document, theme) pairs with a polarity from at least two coders
    List<int[]> polarityUnits = new ArrayList<>();   // {d, t, value of coder 0, ..., value of coder k-1}
    boolean anyPolarity = false;
    for (int d = 0; d < nd; d++) {
      for (int t = 0; t < nt; t++) {
        int[] unit = new int[k + 2];
        unit[0] = d;
        unit[1] = t;
        int m = 0;
        for (int c = 0; c < k; c++) {
          unit[c + 2] = MISSING;
          if (polarities.isEmpty()) {
            continue;
          }
          Map<String, Polarity> p = polarities.get(c).get(docs.get(d));
          Polarity v = p == null ? null : p.get(labels.get(t));
          if (v != null) {
            unit[c + 2] = v.ordinal();
            anyPolarity = true;
            m++;
          }
        }
        if (m >= 2) {
          polarityUnits.add(unit);
        }
      }
    }
    Data data = new Data(k, nd, nt, presence, polarityUnits);
    Tally[] themeTallies = data.themeTallies(null);
    Tally pooled = Tally.sum(k, 2, themeTallies);
    Tally polarityTally = anyPolarity ? data.polarityTally(null) : null;

    int b = options.bootstrapResamples();
    int ns = 4;   // statistics per tally
    double[][][] themeBoot = new double[nt][ns][b];
    double[][] pooledBoot = new double[ns][b];
    double[][] polarityBoot = new double[ns][b];
    SplittableRandom rng = new SplittableRandom(options.seed());
    int[] weights = new int[nd];
    for (int r = 0; r < b; r++) {
      Arrays.fill(weights, 0);
      for (int i = 0; i < nd; i++) {
        weights[rng.nextInt(nd)]++;
      }
      Tally[] tt = data.themeTallies(weights);
      for (int t = 0; t < nt; t++) {
        tt[t].into(themeBoot[t], r);
      }
      Tally.sum(k, 2, tt).into(pooledBoot, r);
      if (anyPolarity) {
        data.polarityTally(weights).into(polarityBoot, r);
      }
    }
    double level = options.confidenceLevel();
    Map<String, AgreementStats> perTheme = new LinkedHashMap<>();
    for (int t = 0; t < nt; t++) {
      List<Integer> coded = new ArrayList<>(k);
      for (int c = 0; c < k; c++) {
        int yes = 0;
        for (int d = 0; d < nd; d++) {
          yes += presence[c][d * nt + t] == 1 ? 1 : 0;
        }
        coded.add(yes);
      }
      perTheme.put(labels.get(t), themeTallies[t].stats(coded, b > 0 ? themeBoot[t] : null, level));
    }
    List<Integer> docsCoded = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      docsCoded.add(themes.get(c).size() * nt);
    }
    AgreementStats overall = pooled.stats(docsCoded, b > 0 ? pooledBoot : null, level);
    AgreementStats polarity = null;
    if (anyPolarity) {
      List<Integer> withPolarity = new ArrayList<>(k);
      for (int c = 0; c < k; c++) {
        int n = 0;
        for (int[] u : polarityUnits) {
          n += u[c + 2] != MISSING ? 1 : 0;
        }
        withPolarity.add(n);
      }
      polarity = polarityTally.stats(withPolarity, b > 0 ? polarityBoot : null, level);
    }
    return new AgreementReport(names, nd, perTheme, overall, polarity,
        disagreements(names, docs, labels, presence), polarityDisagreements(names, docs, labels, polarityUnits),
        options);
  }

  private static List<AgreementReport.Disagreement> disagreements(
      List<String> names, List<String> docs, List<String> labels, int[][] presence) {
    int nt = labels.size();
    List<AgreementReport.Disagreement> out = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      for (int t = 0; t < nt; t++) {
        List<String> yes = new ArrayList<>();
        List<String> no = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
          int v = presence[c][d * nt + t];
          if (v == 1) {
            yes.add(names.get(c));
          } else if (v == 0) {
            no.add(names.get(c));
          }
        }
        if (!yes.isEmpty() && !no.isEmpty()) {
          out.add(new AgreementReport.Disagreement(docs.get(d), labels.get(t), yes, no));
        }
      }
    }
    return out;
  }

  private static List<AgreementReport.PolarityDisagreement> polarityDisagreements(
      List<String> names, List<String> docs, List<String> labels, List<int[]> units) {
    List<AgreementReport.PolarityDisagreement> out = new ArrayList<>();
    for (int[] u : units) {
      Map<String, String> values = new LinkedHashMap<>();
      Set<Integer> distinct = new HashSet<>();
      for (int c = 0; c < names.size(); c++) {
        if (u[c + 2] != MISSING) {
          values.put(names.get(c), POLARITIES[u[c + 2]].id());
          distinct.add(u[c + 2]);
        }
      }
      if (distinct.size() > 1) {
        out.add(new AgreementReport.PolarityDisagreement(docs.get(u[0]), labels.get(u[1]), values));
      }
    }
    return out;
  }

  /** The coded values in index form. */
  private record Data(int k, int nd, int nt, int[][] presence, List<int[]> polarityUnits) {

    /** Per theme, the tally of every document, each counted {@code weights[d]} times (once when null). */
    Tally[] themeTallies(int[] weights) {
      Tally[] out = new Tally[nt];
      for (int t = 0; t < nt; t++) {
        out[t] = new Tally(k, 2);
      }
      int[] values = new int[k];
      for (int d = 0; d < nd; d++) {
        int w = weights == null ? 1 : weights[d];
        if (w == 0) {
          continue;
        }
        for (int t = 0; t < nt; t++) {
          for (int c = 0; c < k; c++) {
            values[c] = presence[c][d * nt + t];
          }
          out[t].add(values, w);
        }
      }
      return out;
    }

    Tally polarityTally(int[] weights) {
      Tally out = new Tally(k, POLARITIES.length);
      int[] values = new int[k];
      for (int[] u : polarityUnits) {
        int w = weights == null ? 1 : weights[u[0]];
        if (w > 0) {
          System.arraycopy(u, 2, values, 0, k);
          out.add(values, w);
        }
      }
      return out;
    }
  }

  /** Weighted sums from which the four statistics follow; one per set of units. */
  static final class Tally {
    private final int k;
    private final int categories;
    // percent agreement
    private double pairAgree;
    private double pairUnits;
    // Krippendorff: sum_c o_cc and n_c over pairable values
    private double diagonal;
    private final double[] alphaTotals;
    // Fleiss: units coded by all k coders
    private double fleissUnits;
    private double fleissAgree;
    private final double[] fleissTotals;
    // Cohen (k == 2): units both coded
    private double cohenUnits;
    private double cohenAgree;
    private final double[] first;
    private final double[] second;
    private final int[] counts;

    Tally(int k, int categories) {
      this.k = k;
      this.categories = categories;
      alphaTotals = new double[categories];
      fleissTotals = new double[categories];
      first = new double[categories];
      second = new double[categories];
      counts = new int[categories];
    }

    static Tally sum(int k, int categories, Tally[] parts) {
      Tally s = new Tally(k, categories);
      for (Tally p : parts) {
        s.pairAgree += p.pairAgree;
        s.pairUnits += p.pairUnits;
        s.diagonal += p.diagonal;
        s.fleissUnits += p.fleissUnits;
        s.fleissAgree += p.fleissAgree;
        s.cohenUnits += p.cohenUnits;
        s.cohenAgree += p.cohenAgree;
        for (int c = 0; c < categories; c++) {
          s.alphaTotals[c] += p.alphaTotals[c];
          s.fleissTotals[c] += p.fleissTotals[c];
          s.first[c] += p.first[c];
          s.second[c] += p.second[c];
        }
      }
      return s;
    }

    /** Adds one unit whose coder values are {@code values} (category index or MISSING), {@code w} times. */
    void add(int[] values, int w) {
      Arrays.fill(counts, 0);
      int m = 0;
      for (int v : values) {
        if (v != MISSING) {
          counts[v]++;
          m++;
        }
      }
      if (m < 2) {
        return;
      }
      double sameOrdered = 0;   // ordered pairs of values from different coders that agree
      for (int c = 0; c < categories; c++) {
        sameOrdered += (double) counts[c] * (counts[c] - 1);
      }
      pairAgree += w * sameOrdered / ((double) m * (m - 1));
      pairUnits += w;
      diagonal += w * sameOrdered / (m - 1);
      for (int c = 0; c < categories; c++) {
        alphaTotals[c] += (double) w * counts[c];
      }
      if (m == k) {
        fleissUnits += w;
        fleissAgree += w * sameOrdered / ((double) k * (k - 1));
        for (int c = 0; c < categories; c++) {
          fleissTotals[c] += (double) w * counts[c];
        }
        if (k == 2) {
          cohenUnits += w;
          cohenAgree += values[0] == values[1] ? w : 0;
          first[values[0]] += w;
          second[values[1]] += w;
        }
      }
    }

    double percentAgreement() {
      return pairUnits == 0 ? Double.NaN : pairAgree / pairUnits;
    }

    double cohenKappa() {
      if (k != 2 || cohenUnits == 0) {
        return Double.NaN;
      }
      double pe = 0;
      for (int c = 0; c < categories; c++) {
        pe += first[c] * second[c];
      }
      pe /= cohenUnits * cohenUnits;
      return pe >= 1.0 ? Double.NaN : (cohenAgree / cohenUnits - pe) / (1.0 - pe);
    }

    double fleissKappa() {
      if (fleissUnits == 0) {
        return Double.NaN;
      }
      double all = fleissUnits * k;
      double pe = 0;
      for (int c = 0; c < categories; c++) {
        double p = fleissTotals[c] / all;
        pe += p * p;
      }
      return pe >= 1.0 ? Double.NaN : (fleissAgree / fleissUnits - pe) / (1.0 - pe);
    }

    double krippendorffAlpha() {
      double n = 0;
      double squares = 0;
      for (double v : alphaTotals) {
        n += v;
        squares += v * v;
      }
      double expected = n * n - squares;
      return n < 2 || expected <= 0 ? Double.NaN : 1.0 - (n - 1.0) * (n - diagonal) / expected;
    }

    void into(double[][] boot, int r) {
      boot[0][r] = percentAgreement();
      boot[1][r] = cohenKappa();
      boot[2][r] = fleissKappa();
      boot[3][r] = krippendorffAlpha();
    }

    AgreementStats stats(List<Integer> coded, double[][] boot, double level) {
      Map<String, Interval> ci = new LinkedHashMap<>();
      if (boot != null) {
        String[] names = {"percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha"};
        for (int s = 0; s < names.length; s++) {
          double[] defined = Arrays.stream(boot[s]).filter(v -> !Double.isNaN(v)).toArray();
          if (defined.length > 0) {
            ci.put(names[s], Bootstrap.interval(defined, level));
          }
        }
      }
      return new AgreementStats((int) pairUnits, coded, percentAgreement(), cohenKappa(), fleissKappa(),
          krippendorffAlpha(), ci);
    }
  }
}
