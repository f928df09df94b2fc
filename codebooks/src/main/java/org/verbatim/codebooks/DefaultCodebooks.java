package org.verbatim.codebooks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
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
 *
 * <p>The build stores each bundled codebook also in a precompiled form, checked against its YAML, that loads
 * without parsing YAML; the result is the same {@link Codebook} (a test compares them).
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

  /**
   * Loads a bundled codebook, turning any failure into an {@link IllegalStateException}. Uses the compiled form
   * made at build time ({@link CompiledCodebook}) when it is there and was made from this very YAML; otherwise
   * parses and validates the YAML.
   */
  static Codebook loadBundled(String resource) {
    try {
      Optional<Codebook> compiled = loadCompiled(resource);
      if (compiled.isPresent()) {
        return compiled.get();
      }
      return CodebookLoader.loadResource(DefaultCodebooks.class, resource);
    } catch (CodebookException | IOException e) {
      throw new IllegalStateException("the bundled codebook " + resource + " cannot be loaded: " + e.getMessage(), e);
    }
  }

  /**
   * The compiled form of a bundled YAML codebook, or empty when there is none, it is stale or it cannot be read
   * (the caller then parses the YAML, which reports any real problem).
   */
  static Optional<Codebook> loadCompiled(String resource) {
    try (InputStream yamlIn = DefaultCodebooks.class.getResourceAsStream(resource);
        InputStream compiledIn = DefaultCodebooks.class.getResourceAsStream(CompiledCodebook.resourceFor(resource))) {
      if (yamlIn == null || compiledIn == null) {
        return Optional.empty();
      }
      return CompiledCodebook.read(new BufferedInputStream(compiledIn, 16384), yamlIn.readAllBytes());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
