package org.verbatim.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The names of the columns a {@link ClassifiedWriter} adds to each row of the wide layout: {@code themes},
 * {@code scores}, {@code polarity}, {@code evidence}, {@code evidence_text} and {@code error}, each with an
 * optional prefix. (JSON Lines carries the evidence words inside {@code evidence}, so it has no
 * {@code evidence_text} field; the name is still kept free, as the file may be written as CSV.)
 *
 * <pre>{@code
 * OutputColumns cols = OutputColumns.withPrefix("vb_");
 * cols.themes();                                  // "vb_themes"
 * cols.clashes(List.of("id", "themes"));          // [] (no clash: the names differ)
 * OutputColumns.withPrefix("").clashes(List.of("id", "Themes"));   // [Themes]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param prefix prepended to every added column name; may be empty
 */
public record OutputColumns(String prefix) {

  /** @throws NullPointerException if {@code prefix} is null */
  public OutputColumns {
    Objects.requireNonNull(prefix, "prefix");
  }

  /** The added columns with this prefix. */
  public static OutputColumns withPrefix(String prefix) {
    return new OutputColumns(prefix);
  }

  /** Theme ids joined by {@code ;}, highest score first. */
  public String themes() {
    return prefix + "themes";
  }

  /** Scores per theme, e.g. {@code listening:0.83;respect:0.61}. */
  public String scores() {
    return prefix + "scores";
  }

  /** Polarity per theme, e.g. {@code listening:negative}. */
  public String polarity() {
    return prefix + "polarity";
  }

  /** Evidence offsets per theme, e.g. {@code listening:4-23,30-41}. */
  public String evidence() {
    return prefix + "evidence";
  }

  /**
   * Evidence words per theme, e.g. {@code listening: never listened | ignored me; respect: always polite}, with
   * {@code \\}, {@code |} and {@code ;} in the words escaped by a backslash (see the README, section Output).
   */
  public String evidenceText() {
    return prefix + "evidence_text";
  }

  /** Empty, or why the row has no classification. */
  public String error() {
    return prefix + "error";
  }

  /** In JSON Lines only, on a line that was not a JSON object: its line number. */
  public String line() {
    return prefix + "line";
  }

  /** The six added columns of the wide layout in output order (without {@link #line()}). */
  public List<String> names() {
    return List.of(themes(), scores(), polarity(), evidence(), evidenceText(), error());
  }

  /**
   * The input columns whose names equal an added column's, ignoring case, in input order.
   *
   * @throws NullPointerException if {@code inputColumns} is null
   */
  public List<String> clashes(Collection<String> inputColumns) {
    Objects.requireNonNull(inputColumns, "inputColumns");
    List<String> added = new ArrayList<>();
    for (String n : names()) {
      added.add(n.toLowerCase(Locale.ROOT));
    }
    List<String> clashes = new ArrayList<>();
    for (String c : inputColumns) {
      if (added.contains(c.toLowerCase(Locale.ROOT)) && !clashes.contains(c)) {
        clashes.add(c);
      }
    }
    return clashes;
  }
}
