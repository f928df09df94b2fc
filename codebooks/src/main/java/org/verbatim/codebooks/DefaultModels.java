package org.verbatim.codebooks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.verbatim.FileFormatException;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.HybridThemeClassifier.PolaritySource;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.model.ModelClassifiers;

/**
 * The trained models bundled with Verbatim, by name: an opt-in alternative to the zero-shot codebook when recall
 * matters more than speed.
 *
 * <pre>{@code
 * ThemeClassifier sc = DefaultModels.load("social-care", codebookClassifier);   // verbatim classify --model social-care
 * }</pre>
 *
 * <p>{@value #SOCIAL_CARE}: a linear model of the ten social-care themes trained with the default codebook's cue
 * features on the project's coded social-care comments (4,800 fictional comments written for the project, each coded
 * by two coders and a third reading; {@code benchmarks/.../socialcare/}), run as a hybrid with the codebook, which
 * gives evidence and, where it found the theme too, polarity. Rebuilt by {@code org.verbatim.bench.SocialCareModel}, which a test checks against
 * the bundled file. It finds more of the coded themes than the codebook alone on comments it was not trained on, at
 * some precision and about a fifth of the codebook's speed: figures in the README's accuracy section.
 *
 * <p>Stateless and thread-safe.
 */
public final class DefaultModels {

  /** The bundled social-care model's name. */
  public static final String SOCIAL_CARE = "social-care";

  /** Class-path location of the bundled social-care model (a model zip written by {@code verbatim train}). */
  public static final String SOCIAL_CARE_RESOURCE = "/org/verbatim/codebooks/social-care-model.zip";

  private DefaultModels() {}

  /** The names of the bundled models. */
  public static List<String> names() {
    return List.of(SOCIAL_CARE);
  }

  /** Whether {@code name} is a bundled model's name. */
  public static boolean isBundled(String name) {
    return names().contains(name);
  }

  /**
   * Copies a bundled model to a file in {@code dir}, for tools that read model files.
   *
   * @throws IllegalArgumentException if no model of that name is bundled
   * @throws IOException if the file cannot be written
   */
  public static Path copyTo(String name, Path dir) throws IOException {
    Path target = Files.createTempFile(Objects.requireNonNull(dir, "dir"), "verbatim-" + checkName(name) + "-", ".zip");
    try (InputStream in = open(name)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    return target;
  }

  /**
   * Loads a bundled model as a hybrid with {@code codebook}: the model decides which of its themes apply, the
   * codebook gives their evidence and, where it found the theme too, their polarity
   * ({@link PolaritySource#EVIDENCE}); the model's learned polarity is used for the themes only it found.
   *
   * @param codebook the classifier of the codebook the model was trained with (the default social-care codebook's)
   * @throws IllegalArgumentException if no model of that name is bundled
   * @throws FileFormatException if the codebook's cue features do not fit the model
   * @throws IOException if the model cannot be read or copied to a temporary file
   */
  public static ThemeClassifier load(String name, ThemeClassifier codebook) throws IOException, FileFormatException {
    Objects.requireNonNull(codebook, "codebook");
    Path file = copyTo(name, Path.of(System.getProperty("java.io.tmpdir")));
    try {
      // the codebook's polarity where it found a theme: the learned one was trained on other people's comments
      ThemeClassifier model = ModelClassifiers.load(file, codebook, () -> codebook, false);
      return HybridThemeClassifier.of((LinearThemeClassifier) model, codebook, PolaritySource.EVIDENCE);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static InputStream open(String name) {
    String resource = switch (checkName(name)) {
      case SOCIAL_CARE -> SOCIAL_CARE_RESOURCE;
      default -> throw new IllegalStateException(name);
    };
    InputStream in = DefaultModels.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("bundled model missing from the class path: " + resource);
    }
    return in;
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (!isBundled(name)) {
      throw new IllegalArgumentException("no bundled model named '" + name + "'; bundled: " + String.join(", ", names()));
    }
    return name;
  }
}
