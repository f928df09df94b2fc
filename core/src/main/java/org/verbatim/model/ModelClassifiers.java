package org.verbatim.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.verbatim.FileFormatException;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.features.ClassifierFeatures;

/**
 * Loads a trained model file as the classifier {@code verbatim classify --model} runs (and {@code verbatim-spark}'s
 * executors): the model alone, or with a codebook a hybrid, where the trained model decides which of its themes apply
 * and the codebook supplies polarity and evidence for them and decides alone for its other themes. A model trained
 * with a codebook's cue features ({@link ModelLoader#extraFeaturesId}) needs that codebook's classifier again: the
 * one given, else the default codebook's (the caller supplies it, e.g. the bundled social-care codebook, which core
 * does not hold).
 *
 * <pre>{@code
 * ThemeClassifier model = ModelClassifiers.load(Path.of("model.zip"), null, () -> bundledCodebook, false);
 * ThemeClassifier hybrid = ModelClassifiers.load(Path.of("model.zip"), codebook, () -> bundledCodebook, true);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelClassifiers {

  /** Supplies the default codebook's classifier, called only for a model that needs cue features and has no codebook. */
  @FunctionalInterface
  public interface CodebookSupplier {
    /**
     * The classifier.
     *
     * @throws IOException if the codebook cannot be read
     * @throws FileFormatException if the codebook is invalid
     */
    ThemeClassifier get() throws IOException, FileFormatException;
  }

  private ModelClassifiers() {}

  /**
   * The classifier of a model file.
   *
   * @param model the model zip
   * @param codebook the classifier of the codebook given with the model, or null
   * @param defaultCodebook the default codebook's classifier, for a model with cue features given no codebook
   * @param hybrid with a codebook, whether to combine it with the model ({@link HybridThemeClassifier}); otherwise the
   *     codebook only supplies cue features
   * @throws CodebookNeededException if the model needs a codebook's cue features, none was given and the default
   *     codebook's do not fit
   * @throws ModelFormatException if the model file is invalid, or refuses the given codebook's features
   * @throws FileFormatException if the default codebook is invalid
   * @throws IOException if a file cannot be read
   */
  public static ThemeClassifier load(Path model, ThemeClassifier codebook, CodebookSupplier defaultCodebook,
      boolean hybrid) throws IOException, FileFormatException {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(defaultCodebook, "defaultCodebook");
    boolean needsCues = ModelLoader.extraFeaturesId(model).isPresent();
    ThemeClassifier cues = codebook;
    if (needsCues && cues == null) {
      cues = defaultCodebook.get();
    }
    LinearThemeClassifier linear;
    try {
      linear = ModelLoader.load(model, needsCues ? ClassifierFeatures.of(cues) : null);
    } catch (ModelFormatException e) {
      if (needsCues && codebook == null) {
        throw new CodebookNeededException(model, e);
      }
      throw e;
    }
    return hybrid && codebook != null ? HybridThemeClassifier.of(linear, codebook) : linear;
  }
}
