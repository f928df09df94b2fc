package org.verbatim.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.codebook.CodebookException;
import org.verbatim.features.ClassifierFeatures;
import org.verbatim.model.ModelFormatException;
import org.verbatim.model.ModelLoader;

/**
 * Loads a trained model file for {@code classify} and {@code evaluate}.
 *
 * <p>With a codebook ({@code --codebook}), the result is a hybrid: the trained model decides which of its themes
 * apply, the codebook supplies polarity and evidence for them and decides alone for its other themes. A model
 * trained with a codebook's cue features needs that codebook again ({@link ModelLoader#extraFeaturesId} says so
 * before loading); the bundled social-care codebook is used when none is given.
 */
final class TrainedModels {

  private TrainedModels() {}

  static ThemeClassifier load(Path model, Path codebookFile, boolean hybrid) throws CommandFailure {
    try {
      ThemeClassifier codebook = codebookFile == null ? null : ClassifierFactory.create(codebookFile);
      boolean needsCues = ModelLoader.extraFeaturesId(model).isPresent();
      if (needsCues && codebook == null) {
        codebook = ClassifierFactory.create(null);
      }
      LinearThemeClassifier linear;
      try {
        linear = ModelLoader.load(model, needsCues ? ClassifierFeatures.of(codebook) : null);
      } catch (ModelFormatException e) {
        if (needsCues && codebookFile == null) {
          throw new CommandFailure(Main.USAGE_ERROR, model + ": the model was trained with a codebook's cue features; "
              + "give the same codebook with --codebook PATH");
        }
        throw e;
      }
      return hybrid && codebook != null ? HybridThemeClassifier.of(linear, codebook) : linear;
    } catch (ModelFormatException | CodebookException e) {
      throw new CommandFailure(Main.DATA_ERROR, e.getMessage());
    } catch (IOException e) {
      throw new CommandFailure(Main.DATA_ERROR, model + ": cannot read the model: " + e);
    }
  }
}
