package org.verbatim.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * "Did you mean" for mistyped names (columns, command-line options): the known name closest to the given one by
 * edit distance (Levenshtein, ignoring case), if it is close enough to be a typo: at most 1 edit for names of up
 * to 4 characters, 2 up to 8, 3 beyond.
 *
 * <pre>{@code
 * Suggestions.closest("--inptu", List.of("--input", "--output"));   // Optional[--input]
 * Suggestions.closest("colour", List.of("id", "comment"));         // Optional.empty
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The closest known name, or empty when none is within the typo distance (ties: the first in {@code known}).
   *
   * @throws NullPointerException if an argument is null
   */
  public static Optional<String> closest(String name, Collection<String> known) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(known, "known");
    String n = name.toLowerCase(Locale.ROOT);
    int limit = n.length() <= 4 ? 1 : n.length() <= 8 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(n, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= limit && !best.equals(name) ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
