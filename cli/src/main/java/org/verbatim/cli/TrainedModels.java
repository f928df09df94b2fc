package org.verbatim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.verbatim.FileFormatException;
import org.verbatim.ThemeClassifier;
import org.verbatim.codebooks.DefaultModels;
import org.verbatim.model.CodebookNeededException;
import org.verbatim.model.ModelClassifiers;

/**
 * Loads a trained model file for {@code classify} and {@code evaluate}.
 *
 * <p>With a codebook ({@code --codebook}), the result is a hybrid: the trained model decides which of its themes
 * apply, the codebook supplies polarity and evidence for them and decides alone for its other themes. A model
 * trained with a codebook's cue features needs that codebook again ({@link org.verbatim.model.ModelLoader#extraFeaturesId} says so
 * before loading); the bundled social-care codebook is used when none is given. The loading is core's
 * {@link ModelClassifiers}; this class turns its failures into the command's messages and exit codes.
 *
 * <p>A bundled model's name ({@link DefaultModels#names()}, e.g. {@code --model social-care}) stands for that model
 * when no file of that name exists; it always runs as a hybrid with the default codebook.
 */
final class TrainedModels {

  private TrainedModels() {}

  static ThemeClassifier load(Path model, Path codebookFile, boolean hybrid) throws CommandFailure {
    if (!Files.exists(model)) {
      if (DefaultModels.isBundled(model.toString())) {
        return bundled(model.toString(), codebookFile);
      }
      throw new CommandFailure(Main.DATA_ERROR, model + ": no such model file (bundled models, given by name: "
          + String.join(", ", DefaultModels.names()) + ")");
    }
    try {
      ThemeClassifier codebook = codebookFile == null ? null : ClassifierFactory.cues(codebookFile);
      return ModelClassifiers.load(model, codebook, () -> ClassifierFactory.cues(null), hybrid);
    } catch (CodebookNeededException e) {
      throw new CommandFailure(Main.USAGE_ERROR, model + ": the model was trained with a codebook's cue features; "
          + "give the same codebook with --codebook PATH");
    } catch (FileFormatException e) {
      throw new CommandFailure(Main.DATA_ERROR, e.getMessage());
    } catch (IOException e) {
      throw new CommandFailure(Main.DATA_ERROR, model + ": cannot read the model: " + e);
    }
  }

  /**
   * A bundled model ({@link DefaultModels}), always a hybrid with its codebook: the default social-care codebook, or
   * the one given (which must have the same cue features).
   */
  private static ThemeClassifier bundled(String name, Path codebookFile) throws CommandFailure {
    try {
      return DefaultModels.load(name, ClassifierFactory.cues(codebookFile));
    } catch (FileFormatException e) {
      throw new CommandFailure(Main.USAGE_ERROR, "bundled model " + name + ": " + e.getMessage()
          + (codebookFile == null ? "" : "; it needs the default social-care codebook: leave out --codebook"));
    } catch (IOException e) {
      throw new CommandFailure(Main.DATA_ERROR, "bundled model " + name + ": cannot be read: " + e);
    }
  }
}
