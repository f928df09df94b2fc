package org.verbatim.io;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The shape of a classified file ({@link ClassifiedWriter#open(FeedbackFormat, java.io.OutputStream, List, OutputColumns, WriteOptions)}).
 *
 * <ul>
 *   <li>{@link #WIDE}: one row per comment, the themes packed into cells ({@code themes}, {@code scores},
 *       {@code polarity}, {@code evidence} offsets, {@code evidence_text} words, {@code error}).
 *   <li>{@link #LONG}: one row per comment and theme ({@code theme}, {@code score}, {@code polarity},
 *       {@code evidence} words, {@code evidence_offsets}, {@code error}); a comment without themes gets one row
 *       with an empty theme, so no comment is dropped. For pivot tables.
 *   <li>{@link #ONEHOT}: one row per comment, a 0/1 column per theme of the classifier, a {@code THEME_polarity}
 *       column per theme, the evidence words ({@code evidence}, written as the wide layout's
 *       {@code evidence_text}) and {@code error}.
 * </ul>
 *
 * <p>Evidence words are written the same way everywhere: spans joined by {@code " | "}, themes (where a cell holds
 * several) as {@code theme: words} joined by {@code "; "}; a backslash, {@code |} and {@code ;} in the words are
 * escaped by a backslash ({@code \\}, {@code \|}, {@code \;}), so every unescaped {@code |} and {@code ;} is
 * a separator (JSON Lines in the wide layout gives each span's {@code text} instead).
 */
public enum Layout {
  WIDE,
  LONG,
  ONEHOT;

  /** The lower-case name used on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code wide}, {@code long} or {@code onehot} ({@code one-hot} too), ignoring case.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Layout parse(String name) {
    Objects.requireNonNull(name, "name");
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "wide" -> WIDE;
      case "long" -> LONG;
      case "onehot", "one-hot" -> ONEHOT;
      default -> throw new IllegalArgumentException("unknown layout '" + name + "': expected wide, long or onehot");
    };
  }
}
