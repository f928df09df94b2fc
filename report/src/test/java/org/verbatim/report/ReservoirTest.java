package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReservoirTest {

  @Test
  void keepsEverythingUntilFull() {
    Reservoir<Integer> r = new Reservoir<>(5, new SplittableRandom(1));
    for (int i = 0; i < 3; i++) {
      int v = i;
      r.offer(() -> v);
    }
    assertEquals(List.of(0, 1, 2), r.items());
    assertEquals(3, r.seen());
  }

  @Test
  void staysBoundedAndBuildsFewItems() {
    Reservoir<Integer> r = new Reservoir<>(3, new SplittableRandom(1));
    AtomicInteger built = new AtomicInteger();
    for (int i = 0; i < 100_000; i++) {
      int v = i;
      r.offer(() -> {
        built.incrementAndGet();
        return v;
      });
    }
    assertEquals(3, r.items().size());
    assertEquals(100_000, r.seen());
    // algorithm R builds about k * (1 + ln(n / k)) items: about 34 here, far below n
    assertTrue(built.get() < 200, "built " + built.get());
  }

  @Test
  void sameSeedSameSample() {
    assertEquals(sample(42), sample(42));
  }

  @Test
  void everyItemIsEquallyLikely() {
    int[] hits = new int[10];
    for (int seed = 0; seed < 5000; seed++) {
      for (int v : sample(seed)) {
        hits[v]++;
      }
    }
    // expected 5000 * 2 / 10 = 1000 per item; a binomial sd is about 28, so 850..1150 is > 5 sd
    for (int h : hits) {
      assertTrue(h > 850 && h < 1150, "hits " + java.util.Arrays.toString(hits));
    }
  }

  @Test
  void rejectsZeroCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new Reservoir<>(0, new SplittableRandom(1)));
  }

  private static List<Integer> sample(long seed) {
    Reservoir<Integer> r = new Reservoir<>(2, new SplittableRandom(seed));
    for (int i = 0; i < 10; i++) {
      int v = i;
      r.offer(() -> v);
    }
    return r.items();
  }
}
