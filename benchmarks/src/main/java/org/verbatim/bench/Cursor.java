package org.verbatim.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-thread position in a list of comments, so each benchmark thread cycles through the sample without
 * sharing a counter.
 *
 * <p>Not thread-safe by design: JMH gives each thread its own instance ({@link Scope#Thread}).
 */
@State(Scope.Thread)
public class Cursor {

  private int i;

  /** The next comment of the list, wrapping around. */
  public String next(List<String> comments) {
    String s = comments.get(i);
    i = i + 1 == comments.size() ? 0 : i + 1;
    return s;
  }

  /** The first {@code n} comments of the cycle through {@code comments}, repeating it if it is shorter. */
  public static List<String> batch(List<String> comments, int n) {
    List<String> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(comments.get(k % comments.size()));
    }
    return List.copyOf(out);
  }
}
