package org.verbatim.bench;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of a dataset file: an id, the comment and its gold labels.
 *
 * <pre>{@code
 * LabeledComment c = new LabeledComment("r1", "Never rang back.", Set.of("reliability"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@code labels} is copied into a sorted unmodifiable set.
 *
 * @param id the row id, unique within its file
 * @param text the comment
 * @param labels the gold labels, possibly empty
 */
public record LabeledComment(String id, String text, Set<String> labels) {

  /** @throws NullPointerException if an argument or a label is null */
  public LabeledComment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(labels, "labels");
    TreeSet<String> copy = new TreeSet<>();
    for (String l : labels) {
      copy.add(Objects.requireNonNull(l, "label"));
    }
    labels = Collections.unmodifiableSet(copy);
  }
}
