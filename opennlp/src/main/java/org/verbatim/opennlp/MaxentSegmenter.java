package org.verbatim.opennlp;

import java.util.Locale;
import org.verbatim.text.SegmentRules;
import org.verbatim.text.Segments;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * The segmenter of the {@link org.verbatim.text.Profile#FULL} profile: OpenNLP's maxent sentence detector and tokenizer, then the maxent POS tagger
 * and lemmatizer, all with the English UD EWT models from {@link OpenNlpModels}.
 *
 * <p>A sentence break the detector puts inside a string of non-space characters (a URL with {@code ?}) is
 * ignored. A period the tokenizer split off an initialism or a known abbreviation is joined back ({@code e.g.},
 * {@code Mr.}), as in the FAST profile. Line breaks always end a sentence (the sentence detector runs on each line). Tokens made only of controls,
 * format characters or unpaired surrogates are dropped; a surrogate pair is never split. The tagger and
 * lemmatizer see tokens with typographic apostrophes and quotes folded to ASCII (the models were trained on
 * ASCII forms). Lemmas are lower-cased; where the lemmatizer has no answer ({@code O}) the lower-cased token is
 * used. POS tags are Universal Dependencies UPOS tags; a token the model reads as a contraction gets a joined tag
 * and lemma ({@code AUX+PART}, {@code do+not}), which the shared annotators split with the token.
 *
 * <p>Stateless and thread-safe: the maxent components are per thread.
 */
final class MaxentSegmenter {

  /** Longest run of non-space characters given to the maxent tokenizer. */
  static final int MAX_CHUNK = 64;

  /** Longest run of tokens given to the tagger and lemmatizer at once. */
  static final int MAX_TAG_WINDOW = 200;

  private MaxentSegmenter() {}

  static Segments segment(String text, boolean tag) {
    SentenceDetectorME detector = OpenNlpModels.sentenceDetector();
    TokenizerME tokenizer = OpenNlpModels.tokenizer();
    int len = text.length();
    Segments out = new Segments(len / 5 + 4);
    int sentence = 0;
    int lineStart = 0;
    while (lineStart < len) {
      int lineEnd = lineStart;
      while (lineEnd < len && !SegmentRules.isLineBreak(text.charAt(lineEnd))) {
        lineEnd++;
      }
      if (lineEnd > lineStart) {
        String line = text.substring(lineStart, lineEnd);
        Span[] found = detector.sentPosDetect(line);
        for (int f = 0; f < found.length; f++) {
          int sa = Math.max(0, found[f].getStart());
          int sb = Math.min(line.length(), found[f].getEnd());
          // a break with no space after it is inside a URL or a word ("nhs.uk/a?b=1"): keep one sentence
          while (f + 1 < found.length && found[f + 1].getStart() <= sb) {
            f++;
            sb = Math.min(line.length(), Math.max(sb, found[f].getEnd()));
          }
          if (sa >= sb) {
            continue;
          }
          int before = out.size();
          tokenize(text, tokenizer, out, lineStart + sa, lineStart + sb, sentence);
          if (out.size() > before) {
            sentence++;
          }
        }
      }
      lineStart = lineEnd + 1;
    }
    if (tag) {
      tag(text, out);
    }
    return out;
  }

  /**
   * Tokenizes the sentence {@code text[from, to)}. The maxent tokenizer sees the whole sentence unless it holds
   * a URL or e-mail address (kept as one token, which the model would split at {@code /} or {@code ?}) or a run
   * of non-space characters longer than {@value #MAX_CHUNK}: the model's cost grows with the square of a chunk's
   * length (a 100,000-character chunk takes tens of seconds), so such runs go to the rule-based tokenizer.
   */
  private static void tokenize(String text, TokenizerME tokenizer, Segments out, int from, int to, int sentence) {
    boolean special = false;
    for (int a = from; a < to && !special; ) {
      int b = chunkEnd(text, a, to);
      special = b - a > MAX_CHUNK || SegmentRules.urlOrEmailEnd(text, a, b) > a;
      a = skipSpace(text, b, to);
    }
    if (!special) {
      addAll(text, out, tokenizer.tokenizePos(text.substring(from, to)), from, to, sentence);
      return;
    }
    for (int a = skipSpace(text, from, to); a < to; ) {
      int b = chunkEnd(text, a, to);
      int url = SegmentRules.urlOrEmailEnd(text, a, b);
      int rest = a;
      if (url > a) {
        add(text, out, a, url, sentence);
        rest = url;
      }
      if (rest < b) {
        Span[] spans = b - rest > MAX_CHUNK
            ? SimpleTokenizer.INSTANCE.tokenizePos(text.substring(rest, b))
            : tokenizer.tokenizePos(text.substring(rest, b));
        addAll(text, out, spans, rest, b, sentence);
      }
      a = skipSpace(text, b, to);
    }
  }

  private static int chunkEnd(String text, int a, int to) {
    int b = a;
    while (b < to && !SegmentRules.isSpace(text.charAt(b))) {
      b++;
    }
    return b;
  }

  private static int skipSpace(String text, int a, int to) {
    while (a < to && SegmentRules.isSpace(text.charAt(a))) {
      a++;
    }
    return a;
  }

  private static void addAll(String text, Segments out, Span[] spans, int base, int limit, int sentence) {
    for (Span t : spans) {
      add(text, out, base + t.getStart(), Math.min(base + t.getEnd(), limit), sentence);
    }
  }

  private static void add(String text, Segments out, int a, int b, int sentence) {
    if (out.size() > 0) {
      a = Math.max(a, out.lastEnd());
    }
    while (a < b && SegmentRules.isSpace(text.charAt(a))) {
      a++;
    }
    while (b > a && SegmentRules.isSpace(text.charAt(b - 1))) {
      b--;
    }
    if (a >= b) {
      return;
    }
    if (out.size() > 0 && out.lastEnd() == a && Character.isLowSurrogate(text.charAt(a))
        && Character.isHighSurrogate(text.charAt(a - 1)) && out.sentence(out.size() - 1) == sentence) {
      out.setLastEnd(b);
      return;
    }
    if (out.size() > 0 && out.lastEnd() == a && b - a == 1 && text.charAt(a) == '.'
        && out.sentence(out.size() - 1) == sentence
        && SegmentRules.takesPeriod(text, out.start(out.size() - 1), a)) {
      out.setLastEnd(b); // "e.g" + "." and "Mr" + "." are one token, as in the FAST profile
      return;
    }
    if (SegmentRules.isJunk(text, a, b)) {
      return;
    }
    out.add(a, b, sentence);
  }

  private static void tag(String text, Segments out) {
    POSTaggerME tagger = OpenNlpModels.tagger();
    LemmatizerME lemmatizer = OpenNlpModels.lemmatizer();
    int n = out.size();
    int from = 0;
    while (from < n) {
      int to = from + 1;
      while (to < n && out.sentence(to) == out.sentence(from)) {
        to++;
      }
      for (int a = from; a < to; ) {
        int b = windowEnd(text, out, a, to);
        tagWindow(text, out, tagger, lemmatizer, a, b);
        a = b;
      }
      from = to;
    }
  }

  /**
   * Where the tagging window that starts at {@code from} ends: the tagger's beam search costs grow with the square
   * of the sequence length (16,000 tokens take seconds), so a long sentence is tagged in windows of at most
   * {@value #MAX_TAG_WINDOW} tokens, cut after a punctuation token where there is one in the window's second half.
   */
  private static int windowEnd(String text, Segments out, int from, int to) {
    if (to - from <= MAX_TAG_WINDOW) {
      return to;
    }
    int end = from + MAX_TAG_WINDOW;
    for (int k = end - 1; k >= from + MAX_TAG_WINDOW / 2; k--) {
      if (out.end(k) - out.start(k) == 1 && SegmentRules.isPunctuation(text, out.start(k), out.end(k))) {
        return k + 1;
      }
    }
    return end;
  }

  private static void tagWindow(String text, Segments out, POSTaggerME tagger, LemmatizerME lemmatizer, int from, int to) {
    String[] words = new String[to - from];
    for (int i = from; i < to; i++) {
      words[i - from] = SegmentRules.foldQuotes(text.substring(out.start(i), out.end(i)));
    }
    String[] tags = tagger.tag(words);
    String[] lemmas = lemmatizer.lemmatize(words, tags);
    String[] cleanTags = new String[words.length];
    String[] cleanLemmas = new String[words.length];
    for (int k = 0; k < words.length; k++) {
      String t = k < tags.length ? tags[k] : null;
      cleanTags[k] = t == null || t.isEmpty() ? "X" : t;
      String lemma = k < lemmas.length ? lemmas[k] : null;
      if (lemma == null || lemma.isEmpty() || lemma.equals("O")) {
        lemma = words[k];
      }
      cleanLemmas[k] = lemma.toLowerCase(Locale.ROOT);
    }
    out.setTags(from, cleanTags, cleanLemmas);
  }
}
