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
   * Escapes {@code &}, {@code <}, {@code >}, {@code "} and {@code '} so the result is safe both as element
   * content and inside a double- or single-quoted attribute value. Control characters other than tab, line
   * feed and carriage return (which HTML forbids) and unpaired surrogates become U+FFFD.
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
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
