package org.verbatim.codebooks;

import java.io.IOException;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookException;
import org.verbatim.codebook.CodebookLoader;

/**
 * The codebooks bundled with Verbatim.
 *
 * <pre>{@code
 * Codebook cb = DefaultCodebooks.socialCare();
 * cb.themeIds();   // [respect, honesty, power, listening, clarity, reliability, empathy, fairness, support, competence]
 * }</pre>
 *
 * <p>Each codebook is loaded once, on first use, and shared: the returned values are immutable, so this class
 * is thread-safe. To adapt the default codebook, copy the resource at {@link #SOCIAL_CARE_RESOURCE}, edit it and
 * load it with {@link CodebookLoader#load(java.nio.file.Path)}.
 */
public final class DefaultCodebooks {

  /** Class-path location of the default social-care codebook (YAML, see {@code docs/codebook-format.md}). */
  public static final String SOCIAL_CARE_RESOURCE = "/org/verbatim/codebooks/social-care.yaml";

  /** Loaded on first use; a failed load is not cached, so every call reports it. */
  private static volatile Codebook socialCare;

  private DefaultCodebooks() {}

  /**
   * The default social-care codebook: ten themes of relational practice (respect, honesty, power, listening,
   * clarity, reliability, empathy, fairness, support, competence) with cues in everyday English. It has no
   * lemma cues, so it runs on the {@code FAST} pipeline profile.
   *
   * @throws IllegalStateException if the bundled file is missing or invalid (a packaging bug)
   */
  public static Codebook socialCare() {
    Codebook cb = socialCare;
    if (cb == null) {
      synchronized (DefaultCodebooks.class) {
        cb = socialCare;
        if (cb == null) {
          cb = loadBundled(SOCIAL_CARE_RESOURCE);
          socialCare = cb;
        }
      }
    }
    return cb;
  }

  /** Loads a bundled codebook, turning any failure into an {@link IllegalStateException}. */
  static Codebook loadBundled(String resource) {
    try {
      return CodebookLoader.loadResource(DefaultCodebooks.class, resource);
    } catch (CodebookException | IOException e) {
      throw new IllegalStateException("the bundled codebook " + resource + " cannot be loaded: " + e.getMessage(), e);
    }
  }
}
