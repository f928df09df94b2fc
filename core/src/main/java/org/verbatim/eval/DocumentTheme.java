package org.verbatim.eval;

import java.util.Objects;

/**
 * A (document, theme) pair: the unit that polarity is judged on.
 *
 * <pre>{@code
 * Map<DocumentTheme, Polarity> gold = Map.of(new DocumentTheme("r17", "listening"), Polarity.NEGATIVE);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param documentId the document id
 * @param themeId the theme (label) id
 */
public record DocumentTheme(String documentId, String themeId) {

  /** @throws NullPointerException if an argument is null */
  public DocumentTheme {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(themeId, "themeId");
  }
}
