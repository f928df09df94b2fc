package org.verbatim.codebook;

import java.util.Objects;

/**
 * A cited source that grounds a theme's definition.
 *
 * @param id short key referenced from themes, e.g. {@code hayes2023}
 * @param citation the full reference as it would appear in a bibliography
 */
public record Source(String id, String citation) {
  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(citation, "citation");
  }
}
