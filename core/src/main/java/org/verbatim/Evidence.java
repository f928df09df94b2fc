package org.verbatim;

/**
 * A span of the original comment that justifies a theme tag, as character offsets ({@code start}
 * inclusive, {@code end} exclusive) into the exact string that was classified.
 *
 * <pre>{@code
 * Evidence e = tag.evidence().get(0);
 * String words = text.substring(e.start(), e.end());   // e.g. "never once listened"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param start first character, {@code >= 0}
 * @param end one past the last character, {@code >= start}
 */
public record Evidence(int start, int end) implements Comparable<Evidence> {

  /** @throws IllegalArgumentException if {@code start < 0} or {@code end < start} */
  public Evidence {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("evidence span must satisfy 0 <= start <= end: [" + start + ", " + end + ")");
    }
  }

  /** Number of characters covered. */
  public int length() {
    return end - start;
  }

  /** The covered text of {@code text}, which must be the classified string. */
  public String in(String text) {
    return text.substring(start, end);
  }

  @Override
  public int compareTo(Evidence o) {
    return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
  }
}
