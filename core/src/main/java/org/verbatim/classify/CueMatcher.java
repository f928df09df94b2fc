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
  /** Per element: the prefix's characters (PREFIX), else null. */
  private final char[][][] prefixChars;
  /** Cues anchored on each vocabulary entry, in the order they are tried. */
  private final int[][] anchors;
  /** The vocabulary id of each cue's second element when it is a word, else {@link #NO_FILTER}: a quick pre-check. */
  private final int[] secondWord;
  private static final int NO_FILTER = -2;
  /** The characters of each cue's second element when it is a prefix, else null: another quick pre-check. */
  private final char[][] secondPrefix;
  /** The first character of {@link #secondPrefix}, or 0: read from one small array before the prefix's own. */
  private final char[] secondFirst;
  /** {@link #secondWord} of a cue of one word or prefix element: matched by its anchor alone. */
  private static final int SINGLE = -3;
  private final Map<String, int[]> byLemma;
  /** Per vocabulary entry: its {@link #anchors} without the cues whose second word is given ({@link #secondWord}). */
  private final int[][] unfiltered;
  /** Per vocabulary entry: true when some cue is anchored on it (read before the entry's own array). */
  private final boolean[] anchored;
  /** Per vocabulary entry: true when it is the second word of a cue ({@link #secondWord}). */
  private final boolean[] isSecond;
  /** Per vocabulary entry: the second words its anchored cues need, ascending. */
  private final int[][] seconds;
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
    prefixChars = new char[n][][];
    secondWord = new int[n];
    secondPrefix = new char[n][];
    secondFirst = new char[n];
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
      prefixChars[c] = new char[els.size()][];
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
            prefixChars[c][e] = el.value().toCharArray();
            if (e == 0) {
              ids[c][e] = vocabulary.prefix(el.value());
            }
          }
          case LEMMA -> kinds[c][e] = LEMMA;
          case ANY -> kinds[c][e] = ANY;
          case GAP -> kinds[c][e] = GAP;
        }
      }
      secondPrefix[c] = kinds[c].length > 1 && kinds[c][1] == PREFIX ? prefixChars[c][1] : null;
      secondFirst[c] = secondPrefix[c] == null ? 0 : secondPrefix[c][0];
      secondWord[c] = kinds[c].length == 1 && (kinds[c][0] == WORD || kinds[c][0] == PREFIX) ? SINGLE
          : kinds[c].length > 1 && kinds[c][1] == WORD ? ids[c][1] : NO_FILTER;
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
    anchored = new boolean[anchors.length];
    for (int v = 0; v < anchors.length; v++) {
      anchored[v] = anchors[v].length > 0;
    }
    isSecond = new boolean[vocabulary.size()];
    for (int c = 0; c < n; c++) {
      if (secondWord[c] >= 0) {
        isSecond[secondWord[c]] = true;
      }
    }
    unfiltered = new int[anchors.length][];
    seconds = new int[anchors.length][];
    for (int v = 0; v < anchors.length; v++) {
      int[] own = anchors[v];
      unfiltered[v] = Arrays.stream(own).filter(c -> secondWord[c] < 0).toArray();
      seconds[v] = Arrays.stream(own).map(c -> secondWord[c]).filter(id -> id >= 0).distinct().sorted().toArray();
      if (unfiltered[v].length == 0) {
        unfiltered[v] = NONE;
      }
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
      if (v >= 0 && anchored[v]) {
        int next = i + 1 < n ? a.id(i + 1) : Vocabulary.NONE;
        // unless the next token is a second word some cue of this anchor needs, only its unfiltered cues can match
        int[] cues = next >= 0 && isSecond[next] && contains(seconds[v], next) ? anchors[v] : unfiltered[v];
        char nextFirst = i + 1 < n && a.normEnd(i + 1) > a.normStart(i + 1) ? a.normChars()[a.normStart(i + 1)] : 0;
        for (int c : cues) {
          int second = secondWord[c];
          if (second == SINGLE) {
            out.add(c, i, i + 1); // an anchored cue's first element matches its anchor: a one-element cue is a match
          } else if (second == next || (second == NO_FILTER && (secondFirst[c] == 0
              || (secondFirst[c] == nextFirst && startsWith(a, i + 1, secondPrefix[c]))))) {
            tryOne(c, a, i, out); // a second element that is a prefix must match the next token, as matchFrom would check
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

  /** True when the ascending array {@code sorted} holds {@code x}. */
  private static boolean contains(int[] sorted, int x) {
    int lo = 0;
    int hi = sorted.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int y = sorted[mid];
      if (y < x) {
        lo = mid + 1;
      } else if (y > x) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** True when token {@code i}'s norm starts with {@code prefix}. */
  private static boolean startsWith(Analysis a, int i, char[] prefix) {
    int s = a.normStart(i);
    int n = prefix.length;
    if (a.normEnd(i) - s < n) {
      return false;
    }
    char[] norm = a.normChars();
    for (int k = 0; k < n; k++) {
      if (norm[s + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  private boolean accepts(int c, int e, Analysis a, int i) {
    return switch (kinds[c][e]) {
      case WORD -> ids[c][e] == a.id(i);
      case PREFIX -> startsWith(a, i, prefixChars[c][e]);
      case LEMMA -> values[c][e].equals(a.lemma(i));
      default -> true;
    };
  }

  /**
   * Keeps the longest matches (see the class comment) in text order (by first token, then end), in
   * O(M log M) for M matches: one sort, then one sweep.
   *
   * <p>A match lies strictly inside a longer one exactly when some match starting before it ends at or after its
   * end, or some match starting with it ends after its end; whether that longer match is itself kept does not
   * matter (whatever drops it is longer still and contains both). Matches over the same span come out of the sort
   * together, ignore patterns first and then by weight: an ignore match drops the rest of its span, otherwise the
   * first match of each theme is kept. This keeps exactly the matches, and in the order, that comparing every
   * match with every longer one kept did.
   */
  void longestMatches(Matches m) {
    int n = m.size;
    if (m.order.length < n) {
      m.order = new int[m.cue.length];
      m.tmp = new int[m.cue.length];
    }
    int[] order = m.order;
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // by first token, end, ignore patterns first, cue weight (descending); stable
    mergeSort(order, m.tmp, 0, n, m);
    m.keptSize = 0;
    int endBefore = Integer.MIN_VALUE; // the largest end of the matches starting before the current group
    int g = 0;
    while (g < n) {
      int first = m.first[order[g]];
      int groupEnd = g;
      while (groupEnd < n && m.first[order[groupEnd]] == first) {
        groupEnd++;
      }
      int groupMax = m.end[order[groupEnd - 1]];
      int s = g;
      while (s < groupEnd) {
        int end = m.end[order[s]];
        int spanEnd = s;
        while (spanEnd < groupEnd && m.end[order[spanEnd]] == end) {
          spanEnd++;
        }
        if (endBefore < end && groupMax <= end) {
          keepSpan(m, order, s, spanEnd);
        }
        s = spanEnd;
      }
      if (groupMax > endBefore) {
        endBefore = groupMax;
      }
      g = groupEnd;
    }
  }

  /** Keeps the matches {@code order[from, to)} over one span that no longer match contains. */
  private void keepSpan(Matches m, int[] order, int from, int to) {
    int[] kept = m.kept;
    int k = m.keptSize;
    int x = order[from];
    if (theme[m.cue[x]] == IGNORE) {
      return; // an ignore match drops its whole span and is not kept itself
    }
    for (int i = from; i < to; i++) {
      int y = order[i];
      int t = theme[m.cue[y]];
      boolean seen = false;
      for (int j = from; j < i; j++) {
        if (theme[m.cue[order[j]]] == t) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        kept[k++] = y;
      }
    }
    m.keptSize = k;
  }

  /** Stable merge sort of match indexes in the order of {@link #compare}. */
  private void mergeSort(int[] a, int[] tmp, int from, int to, Matches m) {
    if (to - from < 2) {
      return;
    }
    if (to - from <= 12) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && compare(a[j], x, m) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, m);
    mergeSort(a, tmp, mid, to, m);
    int i = from;
    int j = mid;
    int o = from;
    while (i < mid && j < to) {
      tmp[o++] = compare(a[j], a[i], m) < 0 ? a[j++] : a[i++];
    }
    while (i < mid) {
      tmp[o++] = a[i++];
    }
    while (j < to) {
      tmp[o++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
  }

  /** Text order (first token, then end); over one span, ignore patterns first, then by weight (descending). */
  private int compare(int x, int y, Matches m) {
    if (m.first[x] != m.first[y]) {
      return Integer.compare(m.first[x], m.first[y]);
    }
    if (m.end[x] != m.end[y]) {
      return Integer.compare(m.end[x], m.end[y]);
    }
    boolean ix = theme[m.cue[x]] == IGNORE;
    if (ix != (theme[m.cue[y]] == IGNORE)) {
      return ix ? -1 : 1;
    }
    return Double.compare(weight[m.cue[y]], weight[m.cue[x]]);
  }
}
