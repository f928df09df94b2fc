package org.verbatim.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.CuePattern;
import org.verbatim.codebook.CuePattern.Element;
import org.verbatim.codebook.Theme;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Token;

/**
 * Finds the codebook's cue patterns in an analysed comment.
 *
 * <p>Cues are indexed by their first element (a word, a prefix or a lemma), so matching costs a few hash
 * look-ups per token whatever the size of the codebook. A pattern matches consecutive tokens of one sentence
 * ({@code ...} gaps skip up to {@link CuePattern#MAX_GAP} tokens). When one match lies strictly inside a longer
 * one, the shorter is dropped whatever its theme ("longest match wins": "kept me waiting" is not also a match
 * of "waiting"); to tag two themes from one phrase, give both themes the same pattern.
 *
 * <pre>{@code
 * CueMatcher m = CueMatcher.of(codebook);
 * for (CueMatcher.Match hit : m.match(pipeline.analyze(text))) { ... hit.themeId() ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CueMatcher {

  /**
   * One cue found in a comment.
   *
   * @param themeIndex index of the theme in the codebook
   * @param themeId id of the theme
   * @param cue the cue that matched
   * @param firstToken index of the first matched token
   * @param endToken index one past the last matched token
   */
  public record Match(int themeIndex, String themeId, Cue cue, int firstToken, int endToken) {
    /** Number of tokens covered, gaps included. */
    public int length() {
      return endToken - firstToken;
    }
  }

  private record Compiled(int themeIndex, String themeId, Cue cue, Element[] elements) {}

  private final Map<String, List<Compiled>> byWord = new HashMap<>();
  private final Map<String, List<Compiled>> byPrefix = new HashMap<>();
  private final Map<String, List<Compiled>> byLemma = new HashMap<>();
  private final List<Compiled> unanchored = new ArrayList<>();
  private final int maxPrefix;
  private final int minPrefix;

  private static final Compiled[] NONE = new Compiled[0];
  /** Distinct token norms remembered; beyond this, candidates are computed each time. */
  private static final int ANCHOR_CACHE_LIMIT = 200_000;
  private final java.util.concurrent.ConcurrentHashMap<String, Compiled[]> anchorCache = new java.util.concurrent.ConcurrentHashMap<>();

  private CueMatcher(Codebook codebook) {
    List<Theme> themes = codebook.themes();
    int maxP = 0;
    int minP = Integer.MAX_VALUE;
    for (int t = 0; t < themes.size(); t++) {
      Theme theme = themes.get(t);
      for (Cue cue : theme.cues()) {
        Element[] els = cue.pattern().elements().toArray(new Element[0]);
        Compiled c = new Compiled(t, theme.id(), cue, els);
        Element first = els[0];
        switch (first.kind()) {
          case WORD -> byWord.computeIfAbsent(first.value(), k -> new ArrayList<>()).add(c);
          case PREFIX -> {
            byPrefix.computeIfAbsent(first.value(), k -> new ArrayList<>()).add(c);
            maxP = Math.max(maxP, first.value().length());
            minP = Math.min(minP, first.value().length());
          }
          case LEMMA -> byLemma.computeIfAbsent(first.value(), k -> new ArrayList<>()).add(c);
          default -> unanchored.add(c);
        }
      }
    }
    this.maxPrefix = maxP;
    this.minPrefix = minP == Integer.MAX_VALUE ? 0 : minP;
  }

  /** A matcher for every cue of the codebook. */
  public static CueMatcher of(Codebook codebook) {
    return new CueMatcher(Objects.requireNonNull(codebook, "codebook"));
  }

  /**
   * Every cue match in the comment after the longest-match rule, in text order.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public List<Match> match(AnalyzedText text) {
    List<Token> tokens = text.tokens();
    List<Match> raw = new ArrayList<>();
    int n = tokens.size();
    for (int i = 0; i < n; i++) {
      Token tok = tokens.get(i);
      for (Compiled c : anchoredOn(tok.norm())) {
        tryOne(c, tokens, i, raw);
      }
      if (tok.lemma() != null && !byLemma.isEmpty()) {
        tryAll(byLemma.get(tok.lemma()), tokens, i, raw);
      }
      if (!unanchored.isEmpty()) {
        tryAll(unanchored, tokens, i, raw);
      }
    }
    if (raw.size() <= 1) {
      return raw;
    }
    return longestMatches(raw);
  }

  /**
   * The cues whose first element accepts a token with this norm (word or prefix), from a bounded cache: the
   * vocabulary of feedback is small, so most tokens cost one look-up instead of one per prefix length.
   */
  private Compiled[] anchoredOn(String norm) {
    Compiled[] cached = anchorCache.get(norm);
    if (cached != null) {
      return cached;
    }
    List<Compiled> found = new ArrayList<>();
    List<Compiled> words = byWord.get(norm);
    if (words != null) {
      found.addAll(words);
    }
    if (maxPrefix > 0 && norm.length() >= minPrefix) {
      int top = Math.min(maxPrefix, norm.length());
      for (int len = minPrefix; len <= top; len++) {
        List<Compiled> p = byPrefix.get(norm.substring(0, len));
        if (p != null) {
          found.addAll(p);
        }
      }
    }
    Compiled[] result = found.isEmpty() ? NONE : found.toArray(new Compiled[0]);
    if (anchorCache.size() < ANCHOR_CACHE_LIMIT) {
      anchorCache.put(norm, result);
    }
    return result;
  }

  private static void tryAll(List<Compiled> candidates, List<Token> tokens, int start, List<Match> out) {
    if (candidates == null) {
      return;
    }
    for (Compiled c : candidates) {
      tryOne(c, tokens, start, out);
    }
  }

  private static void tryOne(Compiled c, List<Token> tokens, int start, List<Match> out) {
    int end = matchFrom(c.elements, 0, tokens, start, tokens.get(start).sentence());
    if (end > start) {
      out.add(new Match(c.themeIndex, c.themeId, c.cue, start, end));
    }
  }

  /** Returns the end token index of the shortest match of elements[e..] at token i, or -1. */
  private static int matchFrom(Element[] els, int e, List<Token> tokens, int i, int sentence) {
    if (e == els.length) {
      return i;
    }
    Element el = els[e];
    if (el.kind() == CuePattern.Kind.GAP) {
      for (int skip = 0; skip <= CuePattern.MAX_GAP; skip++) {
        int j = i + skip;
        if (j >= tokens.size() || tokens.get(j).sentence() != sentence) {
          return -1;
        }
        int end = matchFrom(els, e + 1, tokens, j, sentence);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    if (i >= tokens.size()) {
      return -1;
    }
    Token t = tokens.get(i);
    if (t.sentence() != sentence || !accepts(el, t)) {
      return -1;
    }
    return matchFrom(els, e + 1, tokens, i + 1, sentence);
  }

  private static boolean accepts(Element el, Token t) {
    return switch (el.kind()) {
      case WORD -> el.value().equals(t.norm());
      case PREFIX -> t.norm().startsWith(el.value());
      case LEMMA -> el.value().equals(t.lemma());
      case ANY -> true;
      case GAP -> throw new IllegalStateException("gap handled by caller");
    };
  }

  private static List<Match> longestMatches(List<Match> raw) {
    List<Match> bySize = new ArrayList<>(raw);
    bySize.sort(Comparator.comparingInt(Match::length).reversed()
        .thenComparingInt(Match::firstToken)
        .thenComparing(Comparator.comparingDouble((Match m) -> m.cue().weight()).reversed()));
    List<Match> kept = new ArrayList<>(raw.size());
    for (Match m : bySize) {
      boolean inside = false;
      for (Match k : kept) {
        if (k.length() > m.length() && k.firstToken() <= m.firstToken() && m.endToken() <= k.endToken()) {
          inside = true;
          break;
        }
        if (k.themeIndex() == m.themeIndex() && k.firstToken() == m.firstToken() && k.endToken() == m.endToken()) {
          inside = true; // same theme, same span: one cue is enough
          break;
        }
      }
      if (!inside) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparingInt(Match::firstToken).thenComparingInt(Match::endToken));
    return kept;
  }
}
