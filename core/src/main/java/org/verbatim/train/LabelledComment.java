package org.verbatim.train;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A comment with the themes a human coder gave it: the unit of training data.
 *
 * <pre>{@code
 * LabelledComment c = LabelledComment.of("r17", "Never called back.", "reliability");
 * c.labels();   // [reliability]
 * }</pre>
 *
 * <p>Immutable and thread-safe. Labels are sorted and de-duplicated; an empty list means "no theme".
 *
 * @param id the comment's identifier (used in error messages, never the text)
 * @param text the comment
 * @param labels the theme labels, each non-blank and stripped
 */
public record LabelledComment(String id, String text, List<String> labels) {

  /**
   * @throws NullPointerException if an argument or a label is null
   * @throws IllegalArgumentException if a label is blank or has surrounding white space, or contains {@code ;}
   */
  public LabelledComment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(labels, "labels");
    TreeSet<String> set = new TreeSet<>();
    for (String l : labels) {
      Objects.requireNonNull(l, "label");
      if (l.isBlank() || !l.strip().equals(l) || l.indexOf(';') >= 0) {
        throw new IllegalArgumentException("comment " + id + ": label must be non-blank, stripped and without ';': '" + l + "'");
      }
      set.add(l);
    }
    labels = List.copyOf(set);
  }

  /** A comment with the given labels. */
  public static LabelledComment of(String id, String text, String... labels) {
    return new LabelledComment(id, text, List.of(labels));
  }
}
