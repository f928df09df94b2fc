package org.verbatim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.verbatim.Evidence;

/**
 * A sampled comment shown in the report: the text (cut to an excerpt around the first evidence span when it is
 * long), the evidence spans relative to that text, and a short label (id, date, group) to find the row again.
 *
 * <pre>{@code
 * Quote q = Quote.of(text, spans, 600, "id 42 · 2024-03-05 · North");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the text or excerpt (raw, not escaped)
 * @param spans evidence spans into {@code text} (clamped to it)
 * @param cutBefore whether text was cut before the excerpt
 * @param cutAfter whether text was cut after the excerpt
 * @param label where the quote comes from (raw, not escaped), possibly empty
 */
record Quote(String text, List<Evidence> spans, boolean cutBefore, boolean cutAfter, String label) {

  Quote {
    Objects.requireNonNull(text, "text");
    spans = List.copyOf(spans);
    Objects.requireNonNull(label, "label");
  }

  /**
   * A quote of at most about {@code maxChars} characters of {@code text}, centred so the first evidence span that
   * falls inside the text is visible.
   */
  static Quote of(String text, List<Evidence> spans, int maxChars, String label) {
    int length = text.length();
    if (length <= maxChars) {
      return new Quote(text, spans, false, false, label);
    }
    int anchor = 0;
    for (Evidence e : spans) {
      if (e.start() < length && e.end() > e.start()) {
        anchor = e.start();
        break;
      }
    }
    int start = Math.max(0, Math.min(anchor - maxChars / 4, length - maxChars));
    start = wordStart(text, start, anchor);
    if (start > 0 && Character.isLowSurrogate(text.charAt(start)) && Character.isHighSurrogate(text.charAt(start - 1))) {
      start--;
    }
    int end = Math.min(length, start + maxChars);
    if (end < length && end > start && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    List<Evidence> shifted = new ArrayList<>(spans.size());
    for (Evidence e : spans) {
      int s = Math.max(e.start(), start);
      int t = Math.min(e.end(), end);
      if (t > s) {
        shifted.add(new Evidence(s - start, t - start));
      }
    }
    return new Quote(text.substring(start, end), shifted, start > 0, end < length, label);
  }

  /** Moves {@code start} forward to the next word boundary, unless that would pass {@code anchor}. */
  private static int wordStart(String text, int start, int anchor) {
    if (start == 0) {
      return 0;
    }
    int limit = Math.min(anchor, Math.min(text.length(), start + 30));
    for (int i = start; i < limit; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return start;
  }
}
