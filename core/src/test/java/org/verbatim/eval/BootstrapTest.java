package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  /** 300 documents over labels a..e; each gold label is predicted with probability 0.8, plus some noise. */
  static Alignment noisyData(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] names = {"a", "b", "c", "d", "e"};
    List<Set<String>> gold = new ArrayList<>();
    List<Set<String>> pred = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Set<String> g = new HashSet<>();
      Set<String> p = new HashSet<>();
      for (String l : names) {
        if (rng.nextInt(4) == 0) {
          g.add(l);
          if (rng.nextInt(5) != 0) {
            p.add(l);
          }
        } else if (rng.nextInt(10) == 0) {
          p.add(l);
        }
      }
      gold.add(g);
      pred.add(p);
    }
    return Alignment.of(gold, pred);
  }

  @Test
  void sameSeedSameIntervalsDifferentSeedDifferentIntervals() {
    Alignment data = noisyData(1);
    ConfidenceIntervals a = Bootstrap.intervals(data, Set.of(), 500, 7L, 0.95);
    ConfidenceIntervals b = Bootstrap.intervals(data, Set.of(), 500, 7L, 0.95);
    ConfidenceIntervals c = Bootstrap.intervals(data, Set.of(), 500, 8L, 0.95);
    assertEquals(a, b);
    assertNotEquals(a.microF1(), c.microF1());
    assertEquals(500, a.resamples());
    assertEquals(7L, a.seed());
  }

  @Test
  void intervalsContainThePointEstimates() {
    Alignment data = noisyData(2);
    MultiLabelReport point = MultiLabelMetrics.compute(data, Set.of());
    ConfidenceIntervals ci = Bootstrap.intervals(data, Set.of(), Bootstrap.DEFAULT_RESAMPLES, 42L, 0.95);
    assertTrue(ci.microF1().contains(point.microF1()), ci.microF1() + " vs " + point.microF1());
    assertTrue(ci.microPrecision().contains(point.microPrecision()));
    assertTrue(ci.microRecall().contains(point.microRecall()));
    assertTrue(ci.macroF1().contains(point.macroF1()));
    for (Map.Entry<String, LabelStats> e : point.perLabel().entrySet()) {
      ConfidenceIntervals.LabelIntervals li = ci.perLabel().get(e.getKey());
      assertTrue(li.precision().contains(e.getValue().precision()), e.getKey());
      assertTrue(li.recall().contains(e.getValue().recall()), e.getKey());
      assertTrue(li.f1().contains(e.getValue().f1()), e.getKey());
    }
    // 300 documents: the interval is informative, neither a point nor the whole range.
    assertTrue(ci.microF1().width() > 0.01 && ci.microF1().width() < 0.2, ci.microF1().toString());
    // A 50% interval is nested well inside the 95% one.
    ConfidenceIntervals narrow = Bootstrap.intervals(data, Set.of(), 1000, 42L, 0.5);
    assertTrue(narrow.microF1().width() < ci.microF1().width());
  }

  @Test
  void oneDocumentGivesADegenerateInterval() {
    // Every resample is the single document, so every statistic is the point estimate:
    // gold {a, b}, pred {a}: precision 1, recall 1/2, F1 2/3.
    Alignment one = Alignment.of(List.of(Set.of("a", "b")), List.of(Set.of("a")));
    ConfidenceIntervals ci = Bootstrap.intervals(one, Set.of(), 50, 3L, 0.95);
    assertEquals(new Interval(1.0, 1.0), ci.microPrecision());
    assertEquals(new Interval(0.5, 0.5), ci.microRecall());
    assertEquals(2.0 / 3, ci.microF1().lower(), 1e-12);
    assertEquals(2.0 / 3, ci.microF1().upper(), 1e-12);
    assertEquals(new Interval(0.0, 0.0), ci.perLabel().get("b").f1());
  }

  @Test
  void labelOrderFollowsTheUniverseIncludingExtraLabels() {
    ConfidenceIntervals ci = Bootstrap.intervals(noisyData(3), Set.of("z", "0"), 20, 1L, 0.9);
    assertEquals(List.of("0", "a", "b", "c", "d", "e", "z"), new ArrayList<>(ci.perLabel().keySet()));
    assertEquals(new Interval(0.0, 0.0), ci.perLabel().get("z").f1(), "a label never seen scores 0");
  }

  @Test
  void quantileInterpolatesLinearly() {
    double[] v = {1, 2, 3, 4, 5};
    assertEquals(1.0, Bootstrap.quantile(v, 0.0));
    assertEquals(2.0, Bootstrap.quantile(v, 0.25));   // h = 4 * 0.25 = 1 -> v[1]
    assertEquals(1.4, Bootstrap.quantile(v, 0.1), 1e-12);   // h = 0.4 -> 1 + 0.4 * (2 - 1)
    assertEquals(4.6, Bootstrap.quantile(v, 0.9), 1e-12);   // h = 3.6 -> 4 + 0.6 * (5 - 4)
    assertEquals(5.0, Bootstrap.quantile(v, 1.0));
    // 95% of {5, 1, 3, 2, 4}: quantiles 0.025 (h = 0.1) and 0.975 (h = 3.9)
    Interval i = Bootstrap.interval(new double[] {5, 1, 3, 2, 4}, 0.95);
    assertEquals(1.1, i.lower(), 1e-12);
    assertEquals(4.9, i.upper(), 1e-12);
  }

  @Test
  void rejectsBadArguments() {
    Alignment data = noisyData(4);
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.intervals(data, Set.of(), 0, 1L, 0.95));
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.intervals(data, Set.of(), 10, 1L, 1.0));
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.intervals(data, Set.of(), 10, 1L, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.intervals(Alignment.of(List.of(), List.of()), Set.of(), 10, 1L, 0.95));
    assertThrows(IllegalArgumentException.class, () -> new Interval(0.5, 0.4));
  }
}
