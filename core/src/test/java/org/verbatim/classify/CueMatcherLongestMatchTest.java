package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.verbatim.codebook.CuePattern;
import org.verbatim.text.Vocabulary;

/**
 * The sort-and-sweep longest-match rule keeps exactly the matches, in the same order, as the rule it replaced:
 * every match compared with every longer match kept before it (the reference below, written from the class
 * comment of {@link CueMatcher}).
 */
class CueMatcherLongestMatchTest {

  private static final CueMatcher MATCHER;

  static {
    var base = CodebookClassifierTest.CODEBOOK;
    List<org.verbatim.codebook.Theme> themes = new ArrayList<>(base.themes());
    themes.add(new org.verbatim.codebook.Theme("weighted", "weighted", "cues of several weights", List.of(), List.of(),
        List.of(new org.verbatim.codebook.Cue(CuePattern.parse("very"), null, 2),
            new org.verbatim.codebook.Cue(CuePattern.parse("much"), null, 0.5),
            new org.verbatim.codebook.Cue(CuePattern.parse("so"), null, 2)), List.of(), List.of()));
    var codebook = new org.verbatim.codebook.Codebook("w", "w", "1", "en", "", themes, List.of(),
        List.of(CuePattern.parse("to be fair"), CuePattern.parse("we turned up")));
    List<String> words = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    CueMatcher.collect(codebook, words, prefixes);
    MATCHER = new CueMatcher(codebook, Vocabulary.base().extend(words, prefixes), PolarityRules.NEGATOR_WORDS);
  }

  @Property(tries = 2000, seed = "20261205")
  void sweepKeepsWhatPairwiseComparisonKept(@ForAll @IntRange(min = 2, max = 60) int n, @ForAll long seed) {
    Random r = new Random(seed);
    CueMatcher.Matches m = new CueMatcher.Matches();
    int span = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      int first = r.nextInt(span);
      int end = first + 1 + r.nextInt(4);
      m.add(r.nextInt(MATCHER.cues.length), first, end);
    }
    int[] expected = reference(m);
    m.kept = new int[m.cue.length];
    MATCHER.longestMatches(m);
    assertArrayEquals(expected, Arrays.copyOf(m.kept, m.keptSize));
  }

  @Test
  void ignoreMatchDropsItsSpanAndWhatItContains() {
    CueMatcher.Matches m = new CueMatcher.Matches();
    int ignore = MATCHER.cues.length - 1;
    boolean hasIgnore = MATCHER.theme[ignore] == CueMatcher.IGNORE;
    int cue = 0;
    m.add(cue, 2, 4);
    m.add(cue, 0, 1);
    if (hasIgnore) {
      m.add(ignore, 2, 4);
    }
    m.kept = new int[m.cue.length];
    MATCHER.longestMatches(m);
    assertEquals(hasIgnore ? 1 : 2, m.keptSize);
    assertEquals(1, m.kept[0]);
  }

  @Test
  void aLongCueDenseRunIsSweptInOrder() {
    CueMatcher.Matches m = new CueMatcher.Matches();
    for (int i = 0; i < 200_000; i++) {
      m.add(i % MATCHER.cues.length, i, i + 1);
    }
    m.kept = new int[m.cue.length];
    MATCHER.longestMatches(m);
    int kept = 0;
    for (int i = 0; i < 200_000; i++) {
      kept += MATCHER.theme[i % MATCHER.cues.length] == CueMatcher.IGNORE ? 0 : 1;
    }
    assertEquals(kept, m.keptSize);
    for (int k = 1; k < m.keptSize; k++) {
      assertEquals(true, m.first[m.kept[k - 1]] < m.first[m.kept[k]]);
    }
  }

  /** The all-pairs rule: longest first, an earlier kept match containing a later one drops it. */
  private static int[] reference(CueMatcher.Matches m) {
    Integer[] order = new Integer[m.size];
    for (int i = 0; i < m.size; i++) {
      order[i] = i;
    }
    Comparator<Integer> bySize = Comparator.<Integer>comparingInt(x -> -(m.end[x] - m.first[x]))
        .thenComparingInt(x -> m.first[x])
        .thenComparingInt(x -> MATCHER.theme[m.cue[x]] == CueMatcher.IGNORE ? 0 : 1)
        .thenComparing((x, y) -> Double.compare(MATCHER.weight[m.cue[y]], MATCHER.weight[m.cue[x]]));
    Arrays.sort(order, bySize);
    List<Integer> kept = new ArrayList<>();
    for (int x : order) {
      int len = m.end[x] - m.first[x];
      boolean inside = false;
      for (int y : kept) {
        int ylen = m.end[y] - m.first[y];
        if (m.first[y] <= m.first[x] && m.end[x] <= m.end[y]
            && (ylen > len || MATCHER.theme[m.cue[y]] == CueMatcher.IGNORE
                || MATCHER.theme[m.cue[y]] == MATCHER.theme[m.cue[x]])) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        kept.add(x);
      }
    }
    kept.removeIf(x -> MATCHER.theme[m.cue[x]] == CueMatcher.IGNORE);
    kept.sort(Comparator.<Integer>comparingInt(x -> m.first[x]).thenComparingInt(x -> m.end[x]));
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void gapCountIsBoundedWhenAPatternIsParsed() {
    String ok = "a ... b ... c ... d ... e";
    assertEquals(9, CuePattern.parse(ok).elements().size());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> CuePattern.parse(ok + " ... f"));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("5 '...' gaps; at most 4"), e.getMessage());
  }
}
