package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FoldsTest {

  @Test
  void deterministicBySeed() {
    assertArrayEquals(Folds.kFold(100, 5, 9L).assignments(), Folds.kFold(100, 5, 9L).assignments());
    assertFalse(Arrays.equals(Folds.kFold(100, 5, 9L).assignments(), Folds.kFold(100, 5, 10L).assignments()));
  }

  @Test
  void shufflesRatherThanSlicing() {
    int[] a = Folds.kFold(100, 2, 1L).assignments();
    int[] sliced = new int[100];
    for (int i = 0; i < 100; i++) {
      sliced[i] = i % 2;
    }
    assertFalse(Arrays.equals(a, sliced));
  }

  @Property(tries = 100, seed = "20261205")
  void foldsPartitionTheItemsEvenly(
      @ForAll @IntRange(min = 2, max = 10) int k, @ForAll @IntRange(min = 0, max = 200) int extra, @ForAll long seed) {
    int n = k + extra;
    Folds folds = Folds.kFold(n, k, seed);
    assertEquals(n, folds.size());
    assertEquals(k, folds.k());
    int[] sizes = new int[k];
    List<Integer> all = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<Integer> test = folds.testIndices(f);
      List<Integer> train = folds.trainIndices(f);
      sizes[f] = test.size();
      assertEquals(n, test.size() + train.size());
      for (int i : test) {
        assertEquals(f, folds.foldOf(i));
        assertFalse(train.contains(i));
      }
      all.addAll(test);
    }
    all.sort(null);
    for (int i = 0; i < n; i++) {
      assertEquals(i, all.get(i), "every item in exactly one fold");
    }
    // First n mod k folds have one more item.
    for (int f = 0; f < k; f++) {
      assertEquals(n / k + (f < n % k ? 1 : 0), sizes[f]);
    }
  }

  @Test
  void blocksCutTheShuffleIntoContiguousParts() {
    int n = 23;
    Folds blocks = Folds.blocks(n, 4, 7L);
    Folds dealt = Folds.kFold(n, 4, 7L);
    int[] sizes = new int[4];
    for (int i = 0; i < n; i++) {
      sizes[blocks.foldOf(i)]++;
    }
    assertArrayEquals(new int[] {6, 6, 6, 5}, sizes);
    assertFalse(Arrays.equals(blocks.assignments(), dealt.assignments()), "same shuffle, another way of dealing");
    assertArrayEquals(blocks.assignments(), Folds.blocks(n, 4, 7L).assignments());
  }

  @Test
  void groupsStayTogether() {
    int[] group = {0, 0, 1, 2, 2, 2, 3, 4, 4};
    Folds f = Folds.byGroup(group, 5, 2, 3L);
    for (int i = 1; i < group.length; i++) {
      if (group[i] == group[i - 1]) {
        assertEquals(f.foldOf(i - 1), f.foldOf(i), "items of one group share a fold");
      }
    }
    assertEquals(2, Arrays.stream(f.assignments()).distinct().count());
    assertThrows(IllegalArgumentException.class, () -> Folds.byGroup(group, 1, 2, 3L));
    Folds three = Folds.kFold(3, 2, 0L);
    int f0 = three.foldOf(0);
    assertEquals(3, three.trainRows(f0).length + three.testRows(f0).length);
    assertEquals(0, three.testRows(f0)[0], "rows ascending, item 0 in its own fold's test rows");
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> Folds.kFold(10, 1, 0L));
    assertThrows(IllegalArgumentException.class, () -> Folds.kFold(3, 4, 0L));
    Folds f = Folds.kFold(4, 2, 0L);
    assertThrows(IllegalArgumentException.class, () -> f.testIndices(2));
    int[] copy = f.assignments();
    copy[0] = 99;
    assertTrue(f.foldOf(0) < 2, "assignments() returns a copy");
  }
}
