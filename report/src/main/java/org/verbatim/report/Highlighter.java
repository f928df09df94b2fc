package org.verbatim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.verbatim.Evidence;

/**
 * Renders a comment as escaped HTML with its evidence spans wrapped in {@code <mark>}.
 *
 * <p>Spans are UTF-16 offsets into {@code text}, as written by {@code verbatim classify}. Spans that reach past
 * the end are clamped, empty spans are dropped, overlapping or touching spans are merged, and a span edge that
 * would split a surrogate pair is moved outward so no character is cut in two. The text between the marks is
 * escaped, so untrusted text can never open an element.
 *
 * <pre>{@code
 * Highlighter.highlight("She <b>never</b> listened", List.of(new Evidence(17, 25)));
 * // "She &lt;b&gt;never&lt;/b&gt; <mark>listened</mark>"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Highlighter {

  private Highlighter() {}

  /**
   * Escapes {@code text} and marks the spans.
   *
   * @throws NullPointerException if {@code text} or {@code spans} is null
   */
  public static String highlight(String text, List<Evidence> spans) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(spans, "spans");
    List<int[]> merged = normalize(text, spans);
    StringBuilder out = new StringBuilder(text.length() + 32 * merged.size() + 16);
    int pos = 0;
    for (int[] span : merged) {
      Html.appendEscaped(out, text, pos, span[0]);
      out.append("<mark>");
      Html.appendEscaped(out, text, span[0], span[1]);
      out.append("</mark>");
      pos = span[1];
    }
    Html.appendEscaped(out, text, pos, text.length());
    return out.toString();
  }

  /** Clamped, surrogate-safe, sorted and merged {@code [start, end)} pairs, none empty. */
  static List<int[]> normalize(String text, List<Evidence> spans) {
    int length = text.length();
    List<int[]> clamped = new ArrayList<>(spans.size());
    for (Evidence e : spans) {
      if (e == null) {
        continue;
      }
      int start = Math.min(e.start(), length);
      int end = Math.min(e.end(), length);
      if (start > 0 && start < length && Character.isLowSurrogate(text.charAt(start))
          && Character.isHighSurrogate(text.charAt(start - 1))) {
        start--;
      }
      if (end > 0 && end < length && Character.isLowSurrogate(text.charAt(end))
          && Character.isHighSurrogate(text.charAt(end - 1))) {
        end++;
      }
      if (end > start) {
        clamped.add(new int[] {start, end});
      }
    }
    clamped.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    List<int[]> merged = new ArrayList<>(clamped.size());
    for (int[] span : clamped) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span[0] <= last[1]) {
        last[1] = Math.max(last[1], span[1]);
      } else {
        merged.add(span);
      }
    }
    return merged;
  }
}
