package org.verbatim.report;

import java.util.Objects;

/**
 * HTML escaping for untrusted text (comment text, column values, file names).
 *
 * <pre>{@code
 * Html.escape("<script>alert(1)</script>");   // "&lt;script&gt;alert(1)&lt;/script&gt;"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Html {

  private Html() {}

  /**
   * The invisible characters that change the direction of the text around them: embeddings and overrides
   * (U+202A-U+202E), isolates (U+2066-U+2069) and the marks U+200E, U+200F and U+061C. {@link #escape} writes them
   * as visible {@code [U+202E]}.
   */
  static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
        || c == '\u061C';
  }

  /**
   * Escapes {@code &}, {@code <}, {@code >}, {@code "} and {@code '} so the result is safe both as element
   * content and inside a double- or single-quoted attribute value. Control characters other than tab, line
   * feed and carriage return (which HTML forbids) and unpaired surrogates become U+FFFD;
   * characters that change the text direction ({@link #isBidiControl}) are shown as {@code [U+202E]}.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static String escape(CharSequence text) {
    Objects.requireNonNull(text, "text");
    StringBuilder out = new StringBuilder(text.length() + 16);
    appendEscaped(out, text, 0, text.length());
    return out.toString();
  }

  /** Appends the escaped characters {@code [start, end)} of {@code text} to {@code out}. */
  static void appendEscaped(StringBuilder out, CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)) {
            if (i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
              out.append(c).append(text.charAt(i + 1));
              i++;
            } else {
              out.append('\uFFFD');
            }
          } else if (Character.isLowSurrogate(c)) {
            out.append('\uFFFD');
          } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
            out.append('\uFFFD');
          } else if (isBidiControl(c)) {
            // shown, not obeyed: a right-to-left override in a comment must not reverse what the reader sees
            out.append("[U+").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append(']');
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
