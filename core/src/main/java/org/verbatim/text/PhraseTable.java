package org.verbatim.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed set of phrases over token norms, matched by one hash lookup on the first word. A phrase is written as
 * space-separated norms; the element {@value #COMPARATIVE} matches a comparative ({@code more}, {@code less},
 * or a word of four letters or more ending in {@code -er}: {@code better}, {@code kinder}, {@code worse} is
 * listed too).
 *
 * <p>Immutable and thread-safe.
 */
final class PhraseTable {

  static final String COMPARATIVE = "~comp";

  private final Map<String, String[][]> byFirst;
  /** Lengths of the first words, and a bit per ASCII first character ({@code c & 63}): most norms miss both. */
  private final int minFirst;
  private final int maxFirst;
  private final long firstChars;

  PhraseTable(String... phrases) {
    Map<String, List<String[]>> lists = new HashMap<>();
    for (String p : phrases) {
      String[] words = p.trim().split(" +");
      if (words[0].equals(COMPARATIVE)) {
        throw new IllegalArgumentException("a phrase cannot start with " + COMPARATIVE + ": " + p);
      }
      lists.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
    }
    Map<String, String[][]> table = new HashMap<>();
    for (Map.Entry<String, List<String[]>> e : lists.entrySet()) {
      List<String[]> l = e.getValue();
      l.sort(Comparator.comparingInt((String[] a) -> a.length).reversed());
      table.put(e.getKey(), l.toArray(new String[0][]));
    }
    byFirst = Map.copyOf(table);
    int min = Integer.MAX_VALUE;
    int max = 0;
    long chars = 0;
    for (String first : table.keySet()) {
      min = Math.min(min, first.length());
      max = Math.max(max, first.length());
      chars |= first.isEmpty() || first.charAt(0) >= 128 ? -1L : 1L << (first.charAt(0) & 63);
    }
    this.minFirst = min;
    this.maxFirst = max;
    this.firstChars = chars;
  }

  /** The length of the longest phrase that matches {@code norms[from, limit)} at {@code from}, or 0. */
  int match(String[] norms, int from, int limit) {
    String first = norms[from];
    int n = first.length();
    if (n < minFirst || n > maxFirst || (n > 0 && first.charAt(0) < 128 && (firstChars & (1L << (first.charAt(0) & 63))) == 0)) {
      return 0;
    }
    String[][] candidates = byFirst.get(first);
    if (candidates == null) {
      return 0;
    }
    for (String[] phrase : candidates) {
      if (from + phrase.length <= limit && matches(phrase, norms, from)) {
        return phrase.length;
      }
    }
    return 0;
  }

  private static boolean matches(String[] phrase, String[] norms, int from) {
    for (int k = 1; k < phrase.length; k++) {
      String want = phrase[k];
      String got = norms[from + k];
      if (want.equals(COMPARATIVE) ? !isComparative(got) : !want.equals(got)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isComparative(String norm) {
    return norm.equals("more") || norm.equals("less") || norm.equals("worse")
        || (norm.length() >= 5 && norm.endsWith("er"));
  }
}
