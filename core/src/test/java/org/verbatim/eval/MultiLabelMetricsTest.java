package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MultiLabelMetricsTest {

  private static final double EPS = 1e-12;

  static Set<String> s(String... labels) {
    return Set.of(labels);
  }

  // gold:  d0 {a,b}  d1 {a}    d2 {}  d3 {c}  d4 {}
  // pred:  d0 {a}    d1 {a,c}  d2 {}  d3 {b}  d4 {d}
  static final List<Set<String>> GOLD = List.of(s("a", "b"), s("a"), s(), s("c"), s());
  static final List<Set<String>> PRED = List.of(s("a"), s("a", "c"), s(), s("b"), s("d"));

  @Test
  void handComputedExample() {
    MultiLabelReport r = MultiLabelMetrics.compute(GOLD, PRED);
    // L = {a, b, c, d}
    assertEquals(List.of("a", "b", "c", "d"), r.labels());
    assertEquals(5, r.nDocs());
    assertEquals(4, r.nLabels());
    // a: tp 2 (d0, d1), fp 0, fn 0 -> P = R = F1 = 1
    assertLabel(r.perLabel().get("a"), 1.0, 1.0, 1.0, 2, 2);
    // b: tp 0, fp 1 (d3), fn 1 (d0) -> 0, 0, 0
    assertLabel(r.perLabel().get("b"), 0.0, 0.0, 0.0, 1, 1);
    // c: tp 0, fp 1 (d1), fn 1 (d3) -> 0, 0, 0
    assertLabel(r.perLabel().get("c"), 0.0, 0.0, 0.0, 1, 1);
    // d: only predicted (d4): tp 0, fp 1, fn 0 -> P = 0/1, R = 0/0 -> 0, F1 = 0/1
    assertLabel(r.perLabel().get("d"), 0.0, 0.0, 0.0, 0, 1);
    // TP = 2, FP = 3, FN = 2
    assertEquals(2, r.tp());
    assertEquals(3, r.fp());
    assertEquals(2, r.fn());
    assertEquals(2.0 / 5, r.microPrecision(), EPS);   // 2 / (2 + 3)
    assertEquals(2.0 / 4, r.microRecall(), EPS);      // 2 / (2 + 2)
    assertEquals(4.0 / 9, r.microF1(), EPS);          // 2*2 / (2*2 + 3 + 2)
    assertEquals(1.0 / 4, r.macroPrecision(), EPS);   // (1 + 0 + 0 + 0) / 4
    assertEquals(1.0 / 4, r.macroRecall(), EPS);
    assertEquals(1.0 / 4, r.macroF1(), EPS);
    assertEquals(1.0 / 3, r.macroF1Gold(), EPS);      // (1 + 0 + 0) / 3, d has no support
    assertEquals(0.5, r.weightedF1(), EPS);           // (1*2 + 0*1 + 0*1) / (TP + FN = 4)
    // per document: d0 2*1/(2+1), d1 2*1/(1+2), d2 both empty -> 1, d3 0/(1+1), d4 0/(0+1)
    assertEquals((2.0 / 3 + 2.0 / 3 + 1 + 0 + 0) / 5, r.samplesF1(), EPS);
    assertEquals(5.0 / 20, r.hammingLoss(), EPS);     // (FP + FN) / (N * |L|) = 5 / (5 * 4)
    assertEquals(1.0 / 5, r.subsetAccuracy(), EPS);   // only d2 is exactly right
    assertEquals(2, r.nGoldEmpty());                  // d2, d4
    assertEquals(1, r.nPredEmpty());                  // d2
    assertEquals(4.0 / 5, r.goldCardinality(), EPS);  // (2 + 1 + 0 + 1 + 0) / 5
    assertEquals(5.0 / 5, r.predCardinality(), EPS);  // (1 + 2 + 0 + 1 + 1) / 5
    assertEquals(0, r.nMissingPred());
    assertEquals(0, r.nExtraPred());
  }

  @Test
  void extraLabelsEnlargeTheUniverseOnly() {
    MultiLabelReport r = MultiLabelMetrics.compute(GOLD, PRED, Set.of("e"));
    assertEquals(5, r.nLabels());
    assertEquals(1.0 / 5, r.macroF1(), EPS);          // (1 + 0 + 0 + 0 + 0) / 5
    assertEquals(5.0 / 25, r.hammingLoss(), EPS);     // 5 / (5 * 5)
    assertEquals(4.0 / 9, r.microF1(), EPS);          // micro does not depend on L
    assertEquals(1.0 / 3, r.macroF1Gold(), EPS);      // e has no support
    assertEquals(new LabelStats(0, 0, 0, 0, 0, 0, 0, 0), r.perLabel().get("e"));
  }

  @Test
  void allEmptyIsPerfectForSamplesAndSubsetButZeroForRatios() {
    MultiLabelReport r = MultiLabelMetrics.compute(List.of(s(), s(), s()), List.of(s(), s(), s()));
    assertEquals(0, r.nLabels());
    assertEquals(0.0, r.microPrecision());   // 0 / 0 -> 0
    assertEquals(0.0, r.microRecall());
    assertEquals(0.0, r.microF1());
    assertEquals(0.0, r.macroF1());          // no labels: 0 / 0 -> 0
    assertEquals(0.0, r.macroF1Gold());
    assertEquals(0.0, r.weightedF1());
    assertEquals(1.0, r.samplesF1());        // every row both-empty scores 1
    assertEquals(1.0, r.subsetAccuracy());   // empty == empty
    assertEquals(0.0, r.hammingLoss());      // 0 / (3 * 0) -> 0
    assertEquals(3, r.nGoldEmpty());
    assertEquals(3, r.nPredEmpty());
  }

  @Test
  void noDocumentsGivesZeros() {
    MultiLabelReport r = MultiLabelMetrics.compute(List.of(), List.of(), Set.of("x"));
    assertEquals(0, r.nDocs());
    assertEquals(1, r.nLabels());
    assertEquals(0.0, r.samplesF1());        // 0 / 0
    assertEquals(0.0, r.subsetAccuracy());
    assertEquals(0.0, r.goldCardinality());
    assertEquals(0.0, r.hammingLoss());
  }

  @Test
  void emptyPredictionsGiveZeroPrecisionNotNaN() {
    MultiLabelReport r = MultiLabelMetrics.compute(List.of(s("a"), s("a", "b")), List.of(s(), s()));
    // a: tp 0, fp 0, fn 2 -> P = 0/0 -> 0, R = 0/2
    assertLabel(r.perLabel().get("a"), 0.0, 0.0, 0.0, 2, 0);
    assertEquals(0.0, r.microPrecision());
    assertEquals(0.0, r.samplesF1());        // 0/(1+0), 0/(2+0)
    assertEquals(3.0 / 4, r.hammingLoss(), EPS);   // FN 3 / (2 * 2)
  }

  @Test
  void alignmentByIdCountsMissingAndExtra() {
    java.util.Map<String, Set<String>> gold = new java.util.LinkedHashMap<>();
    gold.put("x", s("a"));
    gold.put("y", s("b"));
    MultiLabelReport r = MultiLabelMetrics.compute(
        Alignment.byId(gold, java.util.Map.of("x", s("a"), "z", s("b", "c"))), Set.of());
    assertEquals(1, r.nMissingPred());        // y
    assertEquals(1, r.nExtraPred());          // z
    assertEquals(List.of("a", "b"), r.labels(), "labels of ignored predictions stay out of L");
    assertEquals(1, r.nPredEmpty());          // y's missing prediction is empty
    assertEquals(0.5, r.microRecall(), EPS);  // tp 1 (a), fn 1 (b)
  }

  @Test
  void rejectsMismatchedOrNullInput() {
    assertThrows(IllegalArgumentException.class, () -> MultiLabelMetrics.compute(List.of(s()), List.of()));
    List<Set<String>> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> MultiLabelMetrics.compute(withNull, List.of(s())));
    Set<String> nullLabel = new HashSet<>();
    nullLabel.add(null);
    assertThrows(NullPointerException.class, () -> MultiLabelMetrics.compute(List.of(nullLabel), List.of(s())));
  }

  @Test
  void jsonUsesMetricsPyKeys() {
    String json = MultiLabelMetrics.compute(GOLD, PRED).toJson();
    assertTrue(json.startsWith("{\"n_docs\":5,\"n_labels\":4,\"micro_precision\":0.4,"), json);
    assertTrue(json.contains("\"per_label\":{\"a\":{\"precision\":1.0,\"recall\":1.0,\"f1\":1.0,\"support\":2,"
        + "\"predicted\":2"), json);
  }

  /** Random label sets over four labels, from a seed. */
  static List<Set<String>> randomSets(java.util.SplittableRandom rng, int n) {
    List<Set<String>> out = new ArrayList<>();
    String[] names = {"a", "b", "c", "d"};
    for (int i = 0; i < n; i++) {
      Set<String> set = new HashSet<>();
      for (String l : names) {
        if (rng.nextInt(3) == 0) {
          set.add(l);
        }
      }
      out.add(set);
    }
    return out;
  }

  @Property(tries = 200, seed = "20261205")
  void ratiosStayInRangeAndCountsAreConsistent(@ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int n) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    List<Set<String>> gold = randomSets(rng, n);
    List<Set<String>> pred = randomSets(rng, n);
    MultiLabelReport r = MultiLabelMetrics.compute(gold, pred);
    for (double v : new double[] {r.microPrecision(), r.microRecall(), r.microF1(), r.macroPrecision(),
        r.macroRecall(), r.macroF1(), r.macroF1Gold(), r.weightedF1(), r.samplesF1(), r.hammingLoss(),
        r.subsetAccuracy()}) {
      assertTrue(v >= 0.0 && v <= 1.0, "score in [0, 1]: " + v);
    }
    long goldLabels = gold.stream().mapToLong(Set::size).sum();
    long predLabels = pred.stream().mapToLong(Set::size).sum();
    assertEquals(goldLabels, r.tp() + r.fn());
    assertEquals(predLabels, r.tp() + r.fp());
    if (n > 0 && r.nLabels() > 0) {
      assertEquals((double) (r.fp() + r.fn()) / ((double) n * r.nLabels()), r.hammingLoss(), EPS);
    }
    // Shuffling documents (both lists alike) changes nothing.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new java.util.Random(seed));
    List<Set<String>> g2 = new ArrayList<>();
    List<Set<String>> p2 = new ArrayList<>();
    for (int i : order) {
      g2.add(gold.get(i));
      p2.add(pred.get(i));
    }
    MultiLabelReport shuffled = MultiLabelMetrics.compute(g2, p2);
    assertEquals(r.perLabel(), shuffled.perLabel());
    assertEquals(r.microF1(), shuffled.microF1(), 0.0);
    assertEquals(r.samplesF1(), shuffled.samplesF1(), EPS);
  }

  @Property(tries = 100, seed = "20261205")
  void perfectPredictionsScoreOne(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int n) {
    List<Set<String>> gold = randomSets(new java.util.SplittableRandom(seed), n);
    MultiLabelReport r = MultiLabelMetrics.compute(gold, gold);
    assertEquals(1.0, r.samplesF1(), EPS);
    assertEquals(1.0, r.subsetAccuracy(), 0.0);
    assertEquals(0.0, r.hammingLoss(), 0.0);
    if (r.tp() > 0) {
      assertEquals(1.0, r.microF1(), 0.0);
      assertEquals(1.0, r.macroF1(), EPS);
    }
  }

  static void assertLabel(LabelStats s, double p, double r, double f1, int support, int predicted) {
    assertEquals(p, s.precision(), EPS, "precision");
    assertEquals(r, s.recall(), EPS, "recall");
    assertEquals(f1, s.f1(), EPS, "f1");
    assertEquals(support, s.support(), "support");
    assertEquals(predicted, s.predicted(), "predicted");
  }
}
