package org.verbatim.codebooks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.WordLayer;
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

  /**
   * Class-path location of the default social-care codebook's learned layer ({@link WordLayer}'s text format),
   * trained on the project's coded social-care comments by {@code org.verbatim.bench.SocialCareLayer}.
   */
  public static final String SOCIAL_CARE_LAYER_RESOURCE = "/org/verbatim/codebooks/social-care-layer.tsv";

  private static volatile WordLayer socialCareLayer;

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
   * The default social-care codebook's learned layer: per theme, a logistic model of a comment's words (single and in
   * adjacent pairs, each theme's words scaled by their log-count ratios) and the codebook's cue scores, trained on the
   * project's 4,800
   * coded social-care comments (twenty sets, each coded by two coders and settled by a third), which tags a theme
   * the cues missed when its probability reaches 0.4, and whose learned polarity
   * ({@link org.verbatim.classify.TagPolarity}) gives its tags' polarity where it is sure. Verbatim's default
   * classifier is the codebook with this layer ({@link #socialCareClassifier}); figures in the README's accuracy
   * section.
   *
   * @throws IllegalStateException if the bundled file is missing or invalid (a packaging bug)
   */
  public static WordLayer socialCareLayer() {
    WordLayer l = socialCareLayer;
    if (l == null) {
      synchronized (DefaultCodebooks.class) {
        l = socialCareLayer;
        if (l == null) {
          try {
            l = CompiledLayer.read(SOCIAL_CARE_LAYER_RESOURCE).orElse(null); // the build's binary form, when current
            if (l == null) {
              try (InputStream in = DefaultCodebooks.class.getResourceAsStream(SOCIAL_CARE_LAYER_RESOURCE)) {
                if (in == null) {
                  throw new IllegalStateException("the bundled layer " + SOCIAL_CARE_LAYER_RESOURCE + " is missing");
                }
                l = WordLayer.read(new InputStreamReader(in, StandardCharsets.UTF_8), SOCIAL_CARE_LAYER_RESOURCE);
              }
            }
          } catch (IOException | org.verbatim.FileFormatException e) {
            throw new IllegalStateException("the bundled layer cannot be loaded: " + e.getMessage(), e);
          }
          socialCareLayer = l;
        }
      }
    }
    return l;
  }

  /**
   * Verbatim's default classifier: the social-care codebook on {@code pipeline} with its learned layer
   * ({@link #socialCareLayer}). For the cues alone, {@code CodebookClassifier.create(socialCare(), pipeline)}.
   */
  public static CodebookClassifier socialCareClassifier(org.verbatim.text.TextPipeline pipeline) {
    return CodebookClassifier.create(socialCare(), pipeline, socialCareLayer());
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
