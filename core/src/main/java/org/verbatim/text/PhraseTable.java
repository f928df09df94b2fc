package org.verbatim.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fixed set of phrases of {@link RuleWords rule words}, compiled to vocabulary ids and indexed by the id of their
 * first word, so matching at a token costs one array read when no phrase starts there. The element
 * {@link RuleWords#ANY_COMPARATIVE} matches a comparative ({@link Analysis#COMPARATIVE}). Among phrases with the
 * same first word, the longest that matches wins.
 *
 * <p>Immutable and thread-safe.
 */
final class PhraseTable {

  private static final int COMPARATIVE = -2;

  /** Phrases by the id of their first word (rule words have small ids), longest first; null where none starts. */
  private final int[][][] byFirst;

  PhraseTable(String... phrases) {
    Vocabulary base = Vocabulary.base();
    List<List<int[]>> lists = new ArrayList<>();
    for (String p : phrases) {
      String[] words = p.trim().split(" +");
      int[] ids = new int[words.length];
      for (int k = 0; k < words.length; k++) {
        if (words[k].equals(RuleWords.ANY_COMPARATIVE)) {
          if (k == 0) {
            throw new IllegalArgumentException("a phrase cannot start with " + RuleWords.ANY_COMPARATIVE + ": " + p);
          }
          ids[k] = COMPARATIVE;
        } else {
          ids[k] = RuleWords.id(words[k]);
        }
      }
      while (lists.size() <= ids[0]) {
        lists.add(null);
      }
      if (lists.get(ids[0]) == null) {
        lists.set(ids[0], new ArrayList<>());
      }
      lists.get(ids[0]).add(ids);
    }
    byFirst = new int[lists.size()][][];
    for (int i = 0; i < lists.size(); i++) {
      List<int[]> l = lists.get(i);
      if (l != null) {
        l.sort(Comparator.comparingInt((int[] a) -> a.length).reversed());
        byFirst[i] = l.toArray(new int[0][]);
      }
    }
    if (base.size() < byFirst.length) {
      throw new IllegalStateException("phrase words must be rule words");
    }
  }

  /** The length of the longest phrase that matches the tokens {@code [from, limit)} of {@code a} at {@code from}, or 0. */
  int match(Analysis a, int from, int limit) {
    int first = a.id[from];
    if (first < 0 || first >= byFirst.length) {
      return 0;
    }
    int[][] candidates = byFirst[first];
    if (candidates == null) {
      return 0;
    }
    for (int[] phrase : candidates) {
      if (from + phrase.length <= limit && matches(phrase, a, from)) {
        return phrase.length;
      }
    }
    return 0;
  }

  private static boolean matches(int[] phrase, Analysis a, int from) {
    for (int k = 1; k < phrase.length; k++) {
      int want = phrase[k];
      boolean ok = want == COMPARATIVE ? (a.flags[from + k] & Analysis.COMPARATIVE) != 0 : want == a.id[from + k];
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** True when the phrase table starts a phrase with this word id (a cheap pre-check). */
  boolean starts(int id) {
    return id >= 0 && id < byFirst.length && byFirst[id] != null;
  }
}
