package org.verbatim.text;

import java.util.Objects;

/**
 * One token of an analysed comment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the token exactly as it appears in the comment ({@code text.equals(comment.substring(start, end))})
 * @param start offset of the first character in the original comment
 * @param end offset one past the last character
 * @param norm lower-cased ({@link java.util.Locale#ROOT}) form with typographic apostrophes and quotes
 *     folded to ASCII; contractions are normalised ({@code n't} and {@code not} both give {@code not},
 *     {@code 'm} gives {@code am}); used by cue matching and features
 * @param pos Universal Dependencies UPOS tag ({@code NOUN}, {@code VERB}, {@code AUX}, {@code PART}, ...: the tag set
 *     of OpenNLP's English UD EWT model), or {@code null} in the {@link Profile#FAST} profile
 * @param lemma lower-cased lemma, or {@code null} in the {@link Profile#FAST} profile
 * @param sentence index of the sentence the token belongs to
 * @param clause index of the clause (see {@link AnalyzedText#clauses()})
 * @param negated true when the token lies in the scope of a negation cue
 * @param negator true when the token is itself a negation cue ("not", "n't", "never", "no one", ...)
 * @param contrast true when the token is a contrast marker ("but", "although", "however", ...)
 */
public record Token(
    String text,
    int start,
    int end,
    String norm,
    String pos,
    String lemma,
    int sentence,
    int clause,
    boolean negated,
    boolean negator,
    boolean contrast) {

  public Token {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(norm, "norm");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("token span must satisfy 0 <= start <= end: [" + start + ", " + end + ")");
    }
  }
}
