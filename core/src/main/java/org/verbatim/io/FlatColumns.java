package org.verbatim.io;

import java.util.Objects;
import org.verbatim.Classification;

/**
 * The text of the columns {@code verbatim classify} adds to a CSV row, one value at a time, for writers outside this
 * package (the Spark module's flat layout): {@code themes} ({@code a;b}), {@code scores} ({@code a:0.83;b:0.61}),
 * {@code polarity} ({@code a:negative;b:positive}), {@code evidence} ({@code a:4-23,30-41}) and {@code evidence_text}
 * ({@code a: never listened | ignored me}). The values are the ones {@link ClassifiedWriter} writes, made by the same
 * code.
 *
 * <pre>{@code
 * FlatColumns flat = new FlatColumns();            // one per thread
 * Classification c = classifier.classify(text);
 * String themes = flat.themes(c);                  // "listening;respect"
 * String scores = flat.scores(c);                  // "listening:0.83;respect:0.61"
 * }</pre>
 *
 * <p>Not thread-safe (it reuses a number format): use one instance per thread.
 */
public final class FlatColumns {

  private final Formats formats = new Formats();

  /** A new formatter. */
  public FlatColumns() {}

  /**
   * Theme ids joined by {@code ;}, highest score first; empty for no theme.
   *
   * @throws NullPointerException if {@code c} is null
   */
  public String themes(Classification c) {
    return formats.themes(Objects.requireNonNull(c, "c"));
  }

  /**
   * {@code theme:score} pairs joined by {@code ;}, scores with two or three decimals.
   *
   * @throws NullPointerException if {@code c} is null
   */
  public String scores(Classification c) {
    return formats.scores(Objects.requireNonNull(c, "c"));
  }

  /**
   * {@code theme:polarity} pairs joined by {@code ;}.
   *
   * @throws NullPointerException if {@code c} is null
   */
  public String polarity(Classification c) {
    return formats.polarities(Objects.requireNonNull(c, "c"));
  }

  /**
   * {@code theme:start-end,start-end} joined by {@code ;}, for the themes with evidence.
   *
   * @throws NullPointerException if {@code c} is null
   */
  public String evidence(Classification c) {
    return formats.evidence(Objects.requireNonNull(c, "c"));
  }

  /**
   * The evidence words: {@code theme: words | words} joined by {@code "; "}, for the themes with evidence, with
   * a backslash, {@code |} and {@code ;} in the words (and {@code :} in a theme id) escaped by a backslash.
   *
   * @param text the classified text, which the evidence offsets point into
   * @throws NullPointerException if {@code c} or {@code text} is null
   * @throws IndexOutOfBoundsException if an evidence span lies outside the text
   */
  public String evidenceText(Classification c, String text) {
    return formats.evidenceText(Objects.requireNonNull(c, "c"), Objects.requireNonNull(text, "text"));
  }

  /**
   * A score as the {@code scores} column writes it, e.g. {@code 0.83}, {@code 0.835}, {@code 1.00}.
   */
  public String score(double value) {
    return formats.score(value);
  }
}
