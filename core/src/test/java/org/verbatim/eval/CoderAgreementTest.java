package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;

class CoderAgreementTest {

  private static final EvaluationOptions NO_BOOT = EvaluationOptions.defaults().withBootstrapResamples(0);

  /** One coder's theme sets from a 0/1 (or -1 = missing document) row for theme "t". */
  private static Map<String, Set<String>> coder(int... values) {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] >= 0) {
        m.put("d" + i, values[i] == 1 ? Set.of("t") : Set.of());
      }
    }
    return m;
  }

  @Test
  void krippendorff2011BinaryExampleAndHandComputedKappas() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: two observers, 10 units,
    // binary; published alpha = 0.095.
    AgreementReport r = CoderAgreement.compute(List.of("A", "B"),
        List.of(coder(0, 1, 0, 0, 0, 0, 0, 0, 1, 0), coder(1, 1, 1, 0, 0, 1, 0, 0, 0, 0)), List.of(), NO_BOOT);
    AgreementStats t = r.themes().get("t");
    assertEquals(0.095, Math.round(t.krippendorffAlpha() * 1000) / 1000.0, 0.0);
    assertEquals(1.0 - 19.0 * 4 / 84, t.krippendorffAlpha(), 1e-12);
    // both yes 1, A only 1, B only 3, both no 5: p_o = 0.6, p_e = (2*4 + 8*6)/100 = 0.56
    assertEquals((0.6 - 0.56) / 0.44, t.cohenKappa(), 1e-12);
    // Scott's pi (Fleiss with two coders): p_1 = 6/20, P_e = 0.09 + 0.49 = 0.58
    assertEquals((0.6 - 0.58) / 0.42, t.fleissKappa(), 1e-12);
    assertEquals(0.6, t.percentAgreement(), 1e-12);
    assertEquals(List.of(2, 4), t.coded());
    assertEquals(10, t.units());
    // one theme only: the pooled figures are the theme's
    assertEquals(t.krippendorffAlpha(), r.krippendorffAlpha(), 1e-12);
    assertEquals(4, r.disagreements().size());
    assertEquals(new AgreementReport.Disagreement("d0", "t", List.of("B"), List.of("A")), r.disagreements().get(0));
  }

  @Test
  void threeCodersHandComputedFleissAndAlpha() {
    // units: (1,1,1), (0,0,0), (1,1,0), (1,0,0)
    AgreementReport r = CoderAgreement.compute(List.of("A", "B", "C"),
        List.of(coder(1, 0, 1, 1), coder(1, 0, 1, 0), coder(1, 0, 0, 0)), List.of(), NO_BOOT);
    AgreementStats t = r.themes().get("t");
    // P_i = 1, 1, 1/3, 1/3 -> P = 2/3; p_1 = 6/12 -> P_e = 1/2; kappa = (2/3 - 1/2) / (1/2) = 1/3
    assertEquals(1.0 / 3, t.fleissKappa(), 1e-12);
    assertEquals(2.0 / 3, t.percentAgreement(), 1e-12);
    // n = 12, sum o_cc = 3 + 3 + 1 + 1 = 8, n_0 = n_1 = 6: alpha = 1 - 11 * 4 / (144 - 72)
    assertEquals(1.0 - 44.0 / 72, t.krippendorffAlpha(), 1e-12);
    assertTrue(Double.isNaN(t.cohenKappa()), "Cohen's kappa is for two coders");
  }

  @Test
  void missingDocumentsAreMissingValuesNotAbsences() {
    // C lacks d1 and d3: alpha uses the values that exist; Fleiss only the units all three coded
    int m = -1;
    AgreementReport r = CoderAgreement.compute(List.of("A", "B", "C"),
        List.of(coder(1, 0, 1, 1, 0), coder(1, 1, 1, 0, 0), coder(1, m, 0, m, 0)), List.of(), NO_BOOT);
    int x = Agreement.MISSING;
    double expected = Agreement.krippendorffAlphaNominal(new int[][] {
        {1, 0, 1, 1, 0}, {1, 1, 1, 0, 0}, {1, x, 0, x, 0}});
    assertEquals(expected, r.themes().get("t").krippendorffAlpha(), 1e-12);
    // Fleiss on d0 (1,1,1), d2 (1,1,0), d4 (0,0,0): P = (1 + 1/3 + 1)/3 = 7/9; p_1 = 5/9
    double pe = (25.0 + 16.0) / 81;
    assertEquals((7.0 / 9 - pe) / (1 - pe), r.themes().get("t").fleissKappa(), 1e-12);
    // d1 and d3: C is in neither list
    assertEquals(List.of("B"), r.disagreements().get(0).codedBy());
    assertEquals(List.of("A"), r.disagreements().get(0).notCodedBy());
  }

  @Test
  void pooledAlphaEqualsTheGeneralFormulaOverDocumentThemeCellsAndKappaMatchesAgreement() {
    List<Map<String, Set<String>>> coders = new ArrayList<>();
    String[][] a = {{"x"}, {"x", "y"}, {}, {"y"}, {"z"}, {"x"}};
    String[][] b = {{"x"}, {"y"}, {"z"}, {"y"}, {"z"}, {}};
    for (String[][] c : List.of(a, b)) {
      Map<String, Set<String>> m = new LinkedHashMap<>();
      for (int i = 0; i < c.length; i++) {
        m.put("d" + i, Set.of(c[i]));
      }
      coders.add(m);
    }
    AgreementReport r = CoderAgreement.compute(List.of("a", "b"), coders, List.of(), NO_BOOT);
    String[] themes = {"x", "y", "z"};
    int[][] cells = new int[2][a.length * 3];
    for (int c = 0; c < 2; c++) {
      for (int d = 0; d < a.length; d++) {
        for (int t = 0; t < 3; t++) {
          cells[c][d * 3 + t] = coders.get(c).get("d" + d).contains(themes[t]) ? 1 : 0;
        }
      }
    }
    assertEquals(Agreement.krippendorffAlphaNominal(cells), r.krippendorffAlpha(), 1e-12);
    assertEquals(Agreement.cohenKappa(cells[0], cells[1]), r.overall().cohenKappa(), 1e-12);
    // theme x: a = {0,1,5}, b = {0}: both 1, a only 2, b only 0, neither 3
    assertEquals(Agreement.cohenKappa(1, 2, 0, 3), r.themes().get("x").cohenKappa(), 1e-12);
    assertEquals(List.of("x", "y", "z"), List.copyOf(r.themes().keySet()));
  }

  @Test
  void polarityAgreementOverSharedThemes() {
    Map<String, Set<String>> a = new LinkedHashMap<>();
    Map<String, Set<String>> b = new LinkedHashMap<>();
    Map<String, Map<String, Polarity>> pa = new LinkedHashMap<>();
    Map<String, Map<String, Polarity>> pb = new LinkedHashMap<>();
    Polarity[][] pairs = {
        {Polarity.POSITIVE, Polarity.POSITIVE}, {Polarity.NEGATIVE, Polarity.NEGATIVE},
        {Polarity.NEGATIVE, Polarity.MIXED}, {Polarity.POSITIVE, Polarity.POSITIVE},
        {Polarity.NEGATIVE, Polarity.NEGATIVE}, {Polarity.POSITIVE, null}};   // d5: only a codes the theme
    int[] first = new int[5];
    int[] second = new int[5];
    for (int i = 0; i < pairs.length; i++) {
      a.put("d" + i, Set.of("t"));
      pa.put("d" + i, Map.of("t", pairs[i][0]));
      b.put("d" + i, pairs[i][1] == null ? Set.of() : Set.of("t"));
      pb.put("d" + i, pairs[i][1] == null ? Map.of() : Map.of("t", pairs[i][1]));
      if (i < 5) {
        first[i] = pairs[i][0].ordinal();
        second[i] = pairs[i][1].ordinal();
      }
    }
    AgreementReport r = CoderAgreement.compute(List.of("a", "b"), List.of(a, b), List.of(pa, pb), NO_BOOT);
    AgreementStats p = r.polarity();
    assertEquals(5, p.units(), "the pair only one coder coded is not shared");
    assertEquals(0.8, p.percentAgreement(), 1e-12);
    assertEquals(Agreement.cohenKappa(first, second), p.cohenKappa(), 1e-12);
    assertEquals(Agreement.krippendorffAlphaNominal(new int[][] {first, second}), p.krippendorffAlpha(), 1e-12);
    assertEquals(1, r.polarityDisagreements().size());
    assertEquals(Map.of("a", "negative", "b", "mixed"), r.polarityDisagreements().get(0).polarities());
  }

  @Test
  void bootstrapIntervalsAreDeterministicAndContainTheEstimate() {
    List<Map<String, Set<String>>> coders = new ArrayList<>();
    java.util.Random rnd = new java.util.Random(3);
    Map<String, Set<String>> a = new LinkedHashMap<>();
    Map<String, Set<String>> b = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      boolean yes = rnd.nextDouble() < 0.3;
      a.put("d" + i, yes ? Set.of("t") : Set.of());
      b.put("d" + i, (yes ^ rnd.nextDouble() < 0.1) ? Set.of("t") : Set.of());
    }
    coders.add(a);
    coders.add(b);
    EvaluationOptions o = EvaluationOptions.defaults().withBootstrapResamples(300).withSeed(9);
    AgreementReport r1 = CoderAgreement.compute(List.of("a", "b"), coders, List.of(), o);
    AgreementReport r2 = CoderAgreement.compute(List.of("a", "b"), coders, List.of(), o);
    AgreementStats s = r1.themes().get("t");
    for (String stat : List.of("percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha")) {
      Interval ci = s.intervals().get(stat);
      assertEquals(ci, r2.themes().get("t").intervals().get(stat), stat);
      assertTrue(ci.width() > 0 && ci.width() < 0.5, stat + " " + ci);
    }
    assertTrue(s.intervals().get("cohen_kappa").contains(s.cohenKappa()));
    assertTrue(s.intervals().get("krippendorff_alpha").contains(s.krippendorffAlpha()));
  }

  @Test
  void jsonHasAlphaAndPerThemeKappaAndUndefinedIsNull() throws Exception {
    AgreementReport r = CoderAgreement.compute(List.of("A", "B"),
        List.of(coder(1, 0, 1), coder(1, 0, 0)), List.of(),
        NO_BOOT.withExtraLabels(List.of("unused")));
    JsonNode j = new ObjectMapper().readTree(r.toJson());
    assertEquals(r.krippendorffAlpha(), j.get("krippendorff_alpha").asDouble(), 1e-12);
    assertEquals(r.themes().get("t").cohenKappa(), j.get("themes").get("t").get("cohen_kappa").asDouble(), 1e-12);
    assertTrue(j.get("themes").get("unused").get("cohen_kappa").isNull(), "a theme nobody coded has no kappa");
    assertEquals("d2", j.get("disagreements").get(0).get("id").asText());
    String md = r.toMarkdown();
    assertTrue(md.contains("| unused | 3 | 0 / 0 | 1.000 | n/a |"), md);
    assertTrue(r.toMarkdown(Map.of("d2", "a | text")).contains("| d2 | t | A | B | a \\| text |"));
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> CoderAgreement.compute(List.of("A"), List.of(coder(1)), List.of(), NO_BOOT));
    assertThrows(IllegalArgumentException.class,
        () -> CoderAgreement.compute(List.of("A", "A"), List.of(coder(1), coder(1)), List.of(), NO_BOOT));
    Map<String, Map<String, Polarity>> bad = Map.of("d0", Map.of("other", Polarity.POSITIVE));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoderAgreement.compute(
        List.of("A", "B"), List.of(coder(1), coder(1)), List.of(bad, Map.of()), NO_BOOT));
    assertTrue(e.getMessage().contains("'other'") && e.getMessage().contains("'d0'"), e.getMessage());
  }
}
