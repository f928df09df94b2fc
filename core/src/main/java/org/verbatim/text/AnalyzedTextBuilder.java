package org.verbatim.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * Builds an {@link AnalyzedText} from sentences and tokens found by another tokenizer (such as Stanford CoreNLP),
 * with the same rules as {@link RulePipeline}: norms, contractions, contrast markers, clauses and lexical
 * negation scope. Lets every {@link TextPipeline} agree on norms and negation cues.
 *
 * <pre>{@code
 * String text = "She didn't listen.";
 * AnalyzedText a = AnalyzedTextBuilder.create(text, Profile.FAST)
 *     .token(0, 3, 0).token(4, 7, 0).token(7, 10, 0).token(11, 17, 0).token(17, 18, 0)
 *     .build();
 * a.tokens().get(2).norm();      // "not"
 * a.tokens().get(3).negated();   // true
 * }</pre>
 *
 * <h2>What the builder does with the tokens</h2>
 * <ul>
 *   <li>Junk at either edge of a token (white space, controls, format characters, unpaired surrogates) is
 *       trimmed; a token left empty is dropped, and a sentence left without tokens disappears (sentences are
 *       renumbered densely from 0).
 *   <li>Two tokens of one sentence with nothing between them that together make a contraction, split where
 *       {@link RulePipeline} splits it ({@code did} + {@code n't}, {@code ca} + {@code n't}, {@code I} +
 *       {@code 'm}, {@code Smith} + {@code 's}), are normalised as that contraction ({@code ca} gets the norm
 *       {@code can}); a contraction given as one token ({@code didnt}) is split as {@link RulePipeline} does.
 *   <li>For {@link Profile#FULL}, the POS tag (Universal Dependencies UPOS, see {@link Token#pos()}) and the
 *       lemma of each token are kept (the lemma lower-cased with {@code Locale.ROOT}; a null or empty tag gives
 *       {@code X}, a null or empty lemma the lower-cased token). For {@link Profile#FAST} they are ignored.
 * </ul>
 *
 * <p>Not thread-safe: one builder per comment. {@link #build()} may be called once.
 */
public final class AnalyzedTextBuilder {

  private final String text;
  private final Profile profile;
  private int size;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int[] sentences = new int[16];
  private String[] tags;
  private String[] lemmas;
  private int lastEnd;
  private int lastSentence;
  private boolean built;

  private AnalyzedTextBuilder(String text, Profile profile) {
    this.text = text;
    this.profile = profile;
    if (profile == Profile.FULL) {
      tags = new String[16];
      lemmas = new String[16];
    }
  }

  /**
   * A builder for one comment.
   *
   * @throws NullPointerException if an argument is null
   */
  public static AnalyzedTextBuilder create(String text, Profile profile) {
    return new AnalyzedTextBuilder(Objects.requireNonNull(text, "text"), Objects.requireNonNull(profile, "profile"));
  }

  /**
   * Adds a token without a POS tag or lemma (enough for {@link Profile#FAST}; with {@link Profile#FULL} the tag
   * is {@code X} and the lemma the lower-cased token).
   *
   * @see #token(int, int, int, String, String)
   */
  public AnalyzedTextBuilder token(int start, int end, int sentence) {
    return token(start, end, sentence, null, null);
  }

  /**
   * Adds the token {@code text[start, end)} of sentence {@code sentence}. Tokens must come in text order without
   * overlapping, and sentence indexes must not decrease.
   *
   * @param pos UPOS tag, or null; ignored for {@link Profile#FAST}
   * @param lemma lemma, or null; ignored for {@link Profile#FAST}
   * @throws IllegalArgumentException if the span is empty, outside the text, before the end of the previous
   *     token, or if {@code sentence} is negative or smaller than the previous token's (the message gives the
   *     offsets, never the text)
   * @throws IllegalStateException if {@link #build()} was called
   */
  public AnalyzedTextBuilder token(int start, int end, int sentence, String pos, String lemma) {
    if (built) {
      throw new IllegalStateException("build() was already called");
    }
    if (start < 0 || end <= start || end > text.length()) {
      throw new IllegalArgumentException(
          "token span must satisfy 0 <= start < end <= " + text.length() + ": [" + start + ", " + end + ")");
    }
    if (start < lastEnd) {
      throw new IllegalArgumentException("token [" + start + ", " + end + ") starts before the end of the previous token: " + lastEnd);
    }
    if (sentence < 0 || sentence < lastSentence) {
      throw new IllegalArgumentException("sentence must be >= 0 and not decrease: " + sentence + " after " + lastSentence);
    }
    lastEnd = end;
    lastSentence = sentence;
    // trim junk (white space, controls, unpaired surrogates) at both edges, by code point
    int a = start;
    while (a < end) {
      int cp = text.codePointAt(a);
      if (!Chars.isJunk(cp) || a + Character.charCount(cp) > end) {
        break;
      }
      a += Character.charCount(cp);
    }
    int b = end;
    while (b > a) {
      int cp = text.codePointBefore(b);
      if (!Chars.isJunk(cp) || b - Character.charCount(cp) < a) {
        break;
      }
      b -= Character.charCount(cp);
    }
    if (a >= b) {
      return this;
    }
    if (size == starts.length) {
      int c = size * 2;
      starts = Arrays.copyOf(starts, c);
      ends = Arrays.copyOf(ends, c);
      sentences = Arrays.copyOf(sentences, c);
      if (tags != null) {
        tags = Arrays.copyOf(tags, c);
        lemmas = Arrays.copyOf(lemmas, c);
      }
    }
    starts[size] = a;
    ends[size] = b;
    sentences[size] = sentence;
    if (tags != null) {
      tags[size] = pos == null || pos.isEmpty() ? "X" : pos;
      lemmas[size] = lemma == null || lemma.isEmpty() ? Norms.lowerAndFold(text.substring(a, b)) : Norms.lowerAndFold(lemma);
    }
    size++;
    return this;
  }

  /**
   * The analysis: contractions joined and split, norms, contrast markers, clauses and lexical negation scope, as
   * in {@link RulePipeline}.
   *
   * @throws IllegalStateException if called twice
   */
  public AnalyzedText build() {
    if (built) {
      throw new IllegalStateException("build() was already called");
    }
    built = true;
    Segments spans = new Segments(size);
    String[] joinedTags = tags == null ? null : new String[size];
    String[] joinedLemmas = tags == null ? null : new String[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      int a = starts[i];
      int b = ends[i];
      String tag = tags == null ? null : tags[i];
      String lemma = tags == null ? null : lemmas[i];
      if (i + 1 < size && joinsContraction(i)) {
        b = ends[i + 1];
        if (tags != null) {
          tag = tag + "+" + tags[i + 1];
          lemma = lemma + "+" + lemmas[i + 1];
        }
        i++;
      }
      spans.add(a, b, sentences[i]);
      if (joinedTags != null) {
        joinedTags[n] = tag;
        joinedLemmas[n] = lemma;
      }
      n++;
    }
    if (joinedTags != null && n > 0) {
      spans.setTags(0, Arrays.copyOf(joinedTags, n), Arrays.copyOf(joinedLemmas, n));
    }
    return new Analysis().annotate(text, text.toCharArray(), spans, profile, Vocabulary.base()).toAnalyzedText();
  }

  /** True when tokens {@code i} and {@code i + 1} touch, share a sentence and are the two halves of a contraction. */
  private boolean joinsContraction(int i) {
    if (ends[i] != starts[i + 1] || sentences[i] != sentences[i + 1]) {
      return false;
    }
    int stem = ends[i] - starts[i];
    return Contractions.splitPoint(text.substring(starts[i], ends[i + 1])) == stem;
  }
}
