package org.verbatim.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable working form of an analysis: parallel arrays, one entry per token, filled by
 * {@link #from(String, SpanList, Profile)} (which splits contractions and computes norms), then by
 * {@link ContrastMarker}, {@link ClauseSplitter} and {@link NegationMarker}, and finally frozen by
 * {@link #build(List)}.
 *
 * <p>Not thread-safe: one instance per call.
 */
final class TokenDraft {

  final String text;
  final Profile profile;
  final int size;
  final int[] start;
  final int[] end;
  final int[] sentence;
  final int[] clause;
  final String[] token;
  final String[] norm;
  final String[] pos;
  final String[] lemma;
  final boolean[] negated;
  final boolean[] negator;
  final boolean[] contrast;
  /** True for tokens made only of punctuation. */
  final boolean[] punctuation;
  /** Number of sentences. */
  final int sentences;

  private TokenDraft(String text, Profile profile, int size, int sentences) {
    this.text = text;
    this.profile = profile;
    this.size = size;
    this.sentences = sentences;
    start = new int[size];
    end = new int[size];
    sentence = new int[size];
    clause = new int[size];
    token = new String[size];
    norm = new String[size];
    pos = profile == Profile.FULL ? new String[size] : null;
    lemma = profile == Profile.FULL ? new String[size] : null;
    negated = new boolean[size];
    negator = new boolean[size];
    contrast = new boolean[size];
    punctuation = new boolean[size];
  }

  /** Splits contractions, computes norms and renumbers sentences densely from 0. */
  static TokenDraft from(String text, SpanList spans, Profile profile) {
    int n = spans.size();
    String[] words = new String[n];
    int[] splits = new int[n];
    int total = n;
    int sentences = 0;
    int lastSentence = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      words[i] = text.substring(spans.start(i), spans.end(i));
      splits[i] = Contractions.splitPoint(words[i]);
      if (splits[i] > 0) {
        total++;
      }
      if (spans.sentence(i) != lastSentence) {
        lastSentence = spans.sentence(i);
        sentences++;
      }
    }
    TokenDraft d = new TokenDraft(text, profile, total, sentences);
    boolean tagged = profile == Profile.FULL;
    int w = 0;
    int s = -1;
    lastSentence = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (spans.sentence(i) != lastSentence) {
        lastSentence = spans.sentence(i);
        s++;
      }
      String word = words[i];
      int a = spans.start(i);
      int k = splits[i];
      String tag = tagged ? spans.tag(i) : null;
      String lem = tagged ? spans.lemma(i) : null;
      if (k <= 0) {
        d.set(w++, a, a + word.length(), s, word, Norms.norm(word), tagged ? nonNull(tag, "X") : null,
            tagged ? nonNull(lem, Norms.lowerAndFold(word)) : null);
        continue;
      }
      String stem = word.substring(0, k);
      String clitic = word.substring(k);
      String cliticNorm = Contractions.cliticNorm(clitic);
      String stemNorm = Contractions.stemNorm(stem, Contractions.isNegativeClitic(cliticNorm));
      String stemTag = null;
      String cliticTag = null;
      String stemLemma = null;
      String cliticLemma = null;
      if (tagged) {
        String[] tags = halves(tag);
        String[] lemmas = halves(lem);
        stemTag = tags != null ? tags[0] : nonNull(tag, "X");
        cliticTag = tags != null ? tags[1] : defaultCliticTag(cliticNorm);
        stemLemma = lemmas != null ? lemmas[0] : stemNorm;
        cliticLemma = lemmas != null ? lemmas[1] : defaultCliticLemma(cliticNorm);
      }
      d.set(w++, a, a + k, s, stem, stemNorm, stemTag, stemLemma);
      d.set(w++, a + k, a + word.length(), s, clitic, cliticNorm, cliticTag, cliticLemma);
    }
    return d;
  }

  private void set(int i, int a, int b, int s, String word, String wordNorm, String tag, String lem) {
    start[i] = a;
    end[i] = b;
    sentence[i] = s;
    token[i] = word;
    norm[i] = wordNorm;
    punctuation[i] = Chars.isPunctuation(word);
    if (pos != null) {
      pos[i] = tag;
      lemma[i] = lem;
    }
  }

  /** Splits {@code x+y} into its two halves; null when there is not exactly one {@code +} between non-empty halves. */
  private static String[] halves(String joined) {
    if (joined == null) {
      return null;
    }
    int plus = joined.indexOf('+');
    if (plus <= 0 || plus == joined.length() - 1 || joined.indexOf('+', plus + 1) >= 0) {
      return null;
    }
    return new String[] {joined.substring(0, plus), joined.substring(plus + 1)};
  }

  private static String defaultCliticTag(String cliticNorm) {
    return cliticNorm.equals("not") || cliticNorm.equals("'s") ? "PART" : "AUX";
  }

  private static String defaultCliticLemma(String cliticNorm) {
    switch (cliticNorm) {
      case "am":
      case "are":
        return "be";
      default:
        return cliticNorm;
    }
  }

  private static String nonNull(String value, String fallback) {
    return value == null ? fallback : value;
  }

  /** The first token of sentence {@code s} in a draft whose sentences are contiguous; used by the annotators. */
  int[] sentenceStarts() {
    int[] starts = new int[sentences + 1];
    int s = -1;
    for (int i = 0; i < size; i++) {
      if (sentence[i] != s) {
        s = sentence[i];
        starts[s] = i;
      }
    }
    starts[sentences] = size;
    return starts;
  }

  /** Freezes the draft. {@code clauses} must cover all tokens in order and match {@link #clause}. */
  AnalyzedText build(List<Clause> clauses) {
    List<Token> tokens = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      tokens.add(new Token(token[i], start[i], end[i], norm[i], pos == null ? null : pos[i],
          lemma == null ? null : lemma[i], sentence[i], clause[i], negated[i], negator[i], contrast[i]));
    }
    int[] starts = sentenceStarts();
    List<AnalyzedText.TokenRange> ranges = new ArrayList<>(sentences);
    for (int s = 0; s < sentences; s++) {
      ranges.add(new AnalyzedText.TokenRange(starts[s], starts[s + 1]));
    }
    return new AnalyzedText(text, tokens, ranges, clauses, profile);
  }
}
