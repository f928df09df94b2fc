package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelCountsTest {

  @Test
  void countsAgreeWithTheSetBasedMetrics() {
    // labels 0 = a, 1 = b, 2 = c; comments: {a} -> {a}, {a, b} -> {a}, {} -> {c}
    boolean[][] gold = {{true, true, false}, {false, true, false}, {false, false, false}};
    int[][] predicted = {{0}, {0}, {2}};
    LabelCounts c = LabelCounts.of(predicted, gold);
    MultiLabelReport r = MultiLabelMetrics.compute(List.of(Set.of("a"), Set.of("a", "b"), Set.of()),
        List.of(Set.of("a"), Set.of("a"), Set.of("c")));
    assertEquals(r.microF1(), c.microF1(), 1e-15);
    assertEquals(r.macroF1(), c.macroF1(), 1e-15);
    assertEquals(1.0, c.f1(0));
    assertEquals(0.0, c.f1(1));
  }

  @Test
  void theFormula() {
    assertEquals(4.0 / 6.0, LabelCounts.f1(2, 1, 1));
    assertEquals(0.0, LabelCounts.f1(0, 0, 0), "undefined counts as 0");
    assertThrows(IllegalArgumentException.class, () -> LabelCounts.f1(-1, 0, 0));
  }
}
