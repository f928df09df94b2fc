package org.verbatim.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.verbatim.Polarity;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.CuePattern;
import org.verbatim.codebook.Theme;
import org.verbatim.text.Analysis;
import org.verbatim.text.Vocabulary;

/**
 * Finds a codebook's cue patterns in an {@link Analysis}: the cues compiled to vocabulary ids, and for every
 * vocabulary entry the cues it can start (its word's cues, then the cues of every prefix it starts with, shortest
 * prefix first), so a token costs one array read when it starts no cue. A pattern matches consecutive tokens of
 * one sentence ({@code ...} gaps skip up to {@link CuePattern#MAX_GAP} tokens, shortest skip first). When one
 * match lies strictly inside a longer one, the shorter is dropped whatever its theme ("longest match wins": "kept
 * me waiting" is not also a match of "waiting"); a second cue of the same theme over the same span is dropped too.
 * The codebook's ignore patterns take part as cues of no theme ({@link #IGNORE}): a match inside one of them, or over
 * the same span, is dropped, and the ignore matches themselves are never kept.
 *
 * <p>Immutable and thread-safe; per-comment state lives in a {@link Matches}.
 */
final class CueMatcher {

  private static final byte WORD = 0;
  private static final byte PREFIX = 1;
  private static final byte LEMMA = 2;
  private static final byte ANY = 3;
  private static final byte GAP = 4;

  private static final int[] NONE = new int[0];

  /** The theme of an ignore pattern. */
  static final int IGNORE = -1;

  final Cue[] cues;
  final int[] theme;
  final double[] weight;
  /** The cue's own polarity, or null. */
  final Polarity[] polarity;
  /** True when the pattern itself contains a negation word ("never rang back"). */
  final boolean[] hasNegator;
  private final byte[][] kinds;
  /** Per element: the word's vocabulary id (WORD). */
  private final int[][] ids;
  /** Per element: the prefix or lemma (PREFIX, LEMMA). */
  private final String[][] values;
  /** Cues anchored on each vocabulary entry, in the order they are tried. */
  private final int[][] anchors;
  /** The vocabulary id of each cue's second element when it is a word, else {@link #NO_FILTER}: a quick pre-check. */
  private final int[] secondWord;
  private static final int NO_FILTER = -2;
  private final Map<String, int[]> byLemma;
  private final int[] unanchored;

  /** The words and the first-element prefixes of the codebook's cues, for the classifier's vocabulary. */
  static void collect(Codebook codebook, List<String> words, List<String> prefixes) {
    List<CuePattern> patterns = new ArrayList<>(codebook.ignore());
    for (Theme t : codebook.themes()) {
      for (Cue c : t.cues()) {
        patterns.add(c.pattern());
      }
    }
    for (CuePattern p : patterns) {
      List<CuePattern.Element> els = p.elements();
      for (int e = 0; e < els.size(); e++) {
        CuePattern.Element el = els.get(e);
        if (el.kind() == CuePattern.Kind.WORD) {
          words.add(el.value());
        } else if (el.kind() == CuePattern.Kind.PREFIX && e == 0) {
          prefixes.add(el.value());
        }
      }
    }
  }

  /** @param vocabulary a vocabulary holding everything {@link #collect} gave */
  CueMatcher(Codebook codebook, Vocabulary vocabulary, java.util.Set<String> negatorWords) {
    List<Cue> all = new ArrayList<>();
    List<Integer> themes = new ArrayList<>();
    for (int t = 0; t < codebook.themes().size(); t++) {
      for (Cue c : codebook.themes().get(t).cues()) {
        all.add(c);
        themes.add(t);
      }
    }
    for (CuePattern p : codebook.ignore()) {
      all.add(new Cue(p, null, 10));
      themes.add(IGNORE);
    }
    int n = all.size();
    cues = all.toArray(new Cue[0]);
    theme = new int[n];
    weight = new double[n];
    polarity = new Polarity[n];
    hasNegator = new boolean[n];
    kinds = new byte[n][];
    ids = new int[n][];
    values = new String[n][];
    secondWord = new int[n];
    List<List<Integer>> byWord = new ArrayList<>();
    Map<Integer, List<Integer>> byPrefix = new HashMap<>();
    Map<String, List<Integer>> lemmas = new HashMap<>();
    List<Integer> free = new ArrayList<>();
    for (int v = 0; v < vocabulary.size(); v++) {
      byWord.add(null);
    }
    for (int c = 0; c < n; c++) {
      theme[c] = themes.get(c);
      weight[c] = cues[c].weight();
      polarity[c] = cues[c].polarity();
      List<CuePattern.Element> els = cues[c].pattern().elements();
      kinds[c] = new byte[els.size()];
      ids[c] = new int[els.size()];
      values[c] = new String[els.size()];
      for (int e = 0; e < els.size(); e++) {
        CuePattern.Element el = els.get(e);
        values[c][e] = el.value();
        ids[c][e] = Vocabulary.NONE;
        switch (el.kind()) {
          case WORD -> {
            kinds[c][e] = WORD;
            ids[c][e] = vocabulary.word(el.value());
            hasNegator[c] |= negatorWords.contains(el.value());
          }
          case PREFIX -> {
            kinds[c][e] = PREFIX;
            if (e == 0) {
              ids[c][e] = vocabulary.prefix(el.value());
            }
          }
          case LEMMA -> kinds[c][e] = LEMMA;
          case ANY -> kinds[c][e] = ANY;
          case GAP -> kinds[c][e] = GAP;
        }
      }
      secondWord[c] = kinds[c].length > 1 && kinds[c][1] == WORD ? ids[c][1] : NO_FILTER;
      int first = ids[c][0];
      switch (kinds[c][0]) {
        case WORD -> {
          if (byWord.get(first) == null) {
            byWord.set(first, new ArrayList<>());
          }
          byWord.get(first).add(c);
        }
        case PREFIX -> byPrefix.computeIfAbsent(first, k -> new ArrayList<>()).add(c);
        case LEMMA -> lemmas.computeIfAbsent(values[c][0], k -> new ArrayList<>()).add(c);
        default -> free.add(c);
      }
    }
    anchors = new int[vocabulary.size()][];
    List<Integer> found = new ArrayList<>();
    for (int v = 0; v < vocabulary.size(); v++) {
      found.clear();
      if (!vocabulary.isPrefix(v) && byWord.get(v) != null) {
        found.addAll(byWord.get(v));
      }
      for (int p : vocabulary.prefixes(v)) {
        List<Integer> l = byPrefix.get(p);
        if (l != null) {
          found.addAll(l);
        }
      }
      anchors[v] = found.isEmpty() ? NONE : found.stream().mapToInt(Integer::intValue).toArray();
    }
    Map<String, int[]> lemmaIndex = new HashMap<>();
    lemmas.forEach((k, l) -> lemmaIndex.put(k, l.stream().mapToInt(Integer::intValue).toArray()));
    byLemma = Map.copyOf(lemmaIndex);
    unanchored = free.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Per-thread working storage: the matches found in the last comment ({@code cue}, {@code first}, {@code end}
   * for {@code [0, size)}), and those kept, in text order: {@code kept[0, keptSize)} index them.
   */
  static final class Matches {
    int size;
    int[] cue = new int[16];
    int[] first = new int[16];
    int[] end = new int[16];
    int keptSize;
    int[] kept = new int[16];
    private int[] order = new int[16];
    private int[] tmp = new int[16];

    void add(int c, int a, int b) {
      if (size == cue.length) {
        int n = size * 2;
        cue = Arrays.copyOf(cue, n);
        first = Arrays.copyOf(first, n);
        end = Arrays.copyOf(end, n);
      }
      cue[size] = c;
      first[size] = a;
      end[size] = b;
      size++;
    }
  }

  /**
   * Finds every cue match in {@code a} and applies the longest-match rule; {@code out} then holds the kept
   * matches in text order (by first token, then end).
   */
  void match(Analysis a, Matches out) {
    out.size = 0;
    int n = a.size();
    boolean lemmas = !byLemma.isEmpty();
    for (int i = 0; i < n; i++) {
      int v = a.id(i);
      if (v >= 0) {
        int next = i + 1 < n ? a.id(i + 1) : Vocabulary.NONE;
        for (int c : anchors[v]) {
          int second = secondWord[c];
          if (second == NO_FILTER || second == next) {
            tryOne(c, a, i, out);
          }
        }
      }
      if (lemmas) {
        String lemma = a.lemma(i);
        int[] l = lemma == null ? null : byLemma.get(lemma);
        if (l != null) {
          for (int c : l) {
            tryOne(c, a, i, out);
          }
        }
      }
      for (int c : unanchored) {
        tryOne(c, a, i, out);
      }
    }
    if (out.kept.length < out.size) {
      out.kept = new int[out.cue.length];
    }
    if (out.size > 1) {
      longestMatches(out);
    } else {
      out.kept[0] = 0;
      out.keptSize = out.size == 1 && theme[out.cue[0]] == IGNORE ? 0 : out.size;
    }
  }

  private void tryOne(int c, Analysis a, int start, Matches out) {
    int end = matchFrom(c, 0, a, start, a.sentence(start));
    if (end > start) {
      out.add(c, start, end);
    }
  }

  /** The end token index of the shortest match of the elements {@code e..} of cue {@code c} at token {@code i}, or -1. */
  private int matchFrom(int c, int e, Analysis a, int i, int sentence) {
    byte[] k = kinds[c];
    if (e == k.length) {
      return i;
    }
    if (k[e] == GAP) {
      for (int skip = 0; skip <= CuePattern.MAX_GAP; skip++) {
        int j = i + skip;
        if (j >= a.size() || a.sentence(j) != sentence) {
          return -1;
        }
        int end = matchFrom(c, e + 1, a, j, sentence);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    if (i >= a.size() || a.sentence(i) != sentence || !accepts(c, e, a, i)) {
      return -1;
    }
    return matchFrom(c, e + 1, a, i + 1, sentence);
  }

  private boolean accepts(int c, int e, Analysis a, int i) {
    return switch (kinds[c][e]) {
      case WORD -> ids[c][e] == a.id(i);
      case PREFIX -> a.normStartsWith(i, values[c][e]);
      case LEMMA -> values[c][e].equals(a.lemma(i));
      default -> true;
    };
  }

  /** Keeps the longest matches (see the class comment), then orders them by first token and end. */
  private void longestMatches(Matches m) {
    int n = m.size;
    if (m.order.length < n) {
      m.order = new int[m.cue.length];
      m.tmp = new int[m.cue.length];
    }
    int[] order = m.order;
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // by length (descending), first token, cue weight (descending); stable
    mergeSort(order, m.tmp, 0, n, m, true);
    int[] kept = m.kept;
    int k = 0;
    for (int oi = 0; oi < n; oi++) {
      int x = order[oi];
      int len = m.end[x] - m.first[x];
      boolean inside = false;
      for (int ki = 0; ki < k; ki++) {
        int y = kept[ki];
        int ylen = m.end[y] - m.first[y];
        // inside a longer match, or over the same span as an ignore match or a match of the same theme
        if (m.first[y] <= m.first[x] && m.end[x] <= m.end[y]
            && (ylen > len || theme[m.cue[y]] == IGNORE || theme[m.cue[y]] == theme[m.cue[x]])) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        kept[k++] = x;
      }
    }
    int cues = 0;
    for (int ki = 0; ki < k; ki++) {
      if (theme[m.cue[kept[ki]]] != IGNORE) {
        kept[cues++] = kept[ki];
      }
    }
    mergeSort(kept, m.tmp, 0, cues, m, false);
    m.keptSize = cues;
  }

  /** Stable merge sort of match indexes; {@code bySize} selects the longest-match order, else text order. */
  private void mergeSort(int[] a, int[] tmp, int from, int to, Matches m, boolean bySize) {
    if (to - from < 2) {
      return;
    }
    if (to - from <= 12) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && compare(a[j], x, m, bySize) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, m, bySize);
    mergeSort(a, tmp, mid, to, m, bySize);
    int i = from;
    int j = mid;
    int o = from;
    while (i < mid && j < to) {
      tmp[o++] = compare(a[j], a[i], m, bySize) < 0 ? a[j++] : a[i++];
    }
    while (i < mid) {
      tmp[o++] = a[i++];
    }
    while (j < to) {
      tmp[o++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
  }

  private int compare(int x, int y, Matches m, boolean bySize) {
    if (bySize) {
      int lx = m.end[x] - m.first[x];
      int ly = m.end[y] - m.first[y];
      if (lx != ly) {
        return Integer.compare(ly, lx);
      }
      if (m.first[x] != m.first[y]) {
        return Integer.compare(m.first[x], m.first[y]);
      }
      boolean ix = theme[m.cue[x]] == IGNORE;
      if (ix != (theme[m.cue[y]] == IGNORE)) {
        return ix ? -1 : 1;
      }
      return Double.compare(weight[m.cue[y]], weight[m.cue[x]]);
    }
    if (m.first[x] != m.first[y]) {
      return Integer.compare(m.first[x], m.first[y]);
    }
    return Integer.compare(m.end[x], m.end[y]);
  }
}
