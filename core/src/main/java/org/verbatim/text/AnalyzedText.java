package org.verbatim.text;

import java.util.List;
import java.util.Objects;

/**
 * A comment after analysis: its tokens, sentence spans and clauses.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the original comment, unchanged
 * @param tokens tokens in text order
 * @param sentences sentences as {@code [firstToken, endToken)} token ranges, in order
 * @param clauses clauses in order; every token belongs to exactly one clause
 * @param profile the profile that produced it (POS tags and lemmas are present only for {@link Profile#FULL})
 */
public record AnalyzedText(String text, List<Token> tokens, List<TokenRange> sentences, List<Clause> clauses, Profile profile) {

  public AnalyzedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(profile, "profile");
    tokens = List.copyOf(tokens);
    sentences = List.copyOf(sentences);
    clauses = List.copyOf(clauses);
  }

  /** A half-open range of token indexes. */
  public record TokenRange(int firstToken, int endToken) {
    public TokenRange {
      if (firstToken < 0 || endToken < firstToken) {
        throw new IllegalArgumentException("range must satisfy 0 <= firstToken <= endToken: " + firstToken + ", " + endToken);
      }
    }
  }
}
