package org.verbatim.bench;

import java.util.Objects;
import org.verbatim.train.PolarityExample;

/**
 * A {@link PolarityExample} with the id of its comment in the source file, for scoring by (id, theme).
 *
 * <pre>{@code
 * LabelledPair p = PolarityFiles.mams(dir, "val").get(0);
 * p.id();   // "mams-val-0001"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the comment's id in its file
 * @param example the comment, theme and coded polarity
 */
public record LabelledPair(String id, PolarityExample example) {

  /** @throws NullPointerException if a component is null */
  public LabelledPair {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(example, "example");
  }
}
