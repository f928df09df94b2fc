package org.verbatim.text;

/**
 * A run of tokens between clause boundaries: sentence ends, strong punctuation ({@code , ; : ( ) -}) and
 * contrast markers. Negation scope never crosses a clause boundary.
 *
 * <p>Immutable and thread-safe.
 *
 * @param firstToken index of the first token
 * @param endToken index one past the last token
 * @param sentence index of the sentence
 * @param afterContrast true when the clause is introduced by a contrast marker ("but it was late"), so
 *     its polarity tends to oppose the previous clause's
 */
public record Clause(int firstToken, int endToken, int sentence, boolean afterContrast) {

  public Clause {
    if (firstToken < 0 || endToken < firstToken) {
      throw new IllegalArgumentException("clause must satisfy 0 <= firstToken <= endToken: " + firstToken + ", " + endToken);
    }
  }

  /** Number of tokens in the clause. */
  public int size() {
    return endToken - firstToken;
  }
}
