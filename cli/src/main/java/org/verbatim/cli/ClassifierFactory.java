package org.verbatim.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookException;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.models.DefaultCodebooks;
import org.verbatim.text.OpenNlpPipeline;
import org.verbatim.text.Profile;

/**
 * Builds the classifier a command runs with. The one place where command-line choices turn into a
 * {@link ThemeClassifier} (a trained model file will be chosen here too).
 *
 * <pre>{@code
 * ThemeClassifier c = ClassifierFactory.create(null);                      // bundled social-care codebook
 * ThemeClassifier mine = ClassifierFactory.create(Path.of("codebook.yaml"));
 * }</pre>
 *
 * <p>Stateless and thread-safe; the classifiers it returns are thread-safe.
 */
public final class ClassifierFactory {

  private ClassifierFactory() {}

  /**
   * A codebook classifier on the OpenNLP pipeline ({@link Profile#FULL} when the codebook has lemma cues,
   * otherwise {@link Profile#FAST}).
   *
   * @param codebookFile a YAML codebook, or null for the bundled social-care codebook
   * @throws CodebookException if the codebook file is invalid (the message lists every problem)
   * @throws IOException if the codebook file cannot be read
   */
  public static ThemeClassifier create(Path codebookFile) throws CodebookException, IOException {
    Codebook codebook = codebookFile == null ? DefaultCodebooks.socialCare() : CodebookLoader.load(codebookFile);
    Profile profile = codebook.needsLemmas() ? Profile.FULL : Profile.FAST;
    return CodebookClassifier.create(codebook, OpenNlpPipeline.create(profile));
  }
}
