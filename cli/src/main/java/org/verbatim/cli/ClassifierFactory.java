package org.verbatim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookException;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.corenlp.CoreNlpPipeline;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.TextPipelines;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;

/**
 * Builds the classifier a command runs with. The one place where command-line choices turn into a
 * {@link ThemeClassifier} (a trained model file will be chosen here too).
 *
 * <pre>{@code
 * ThemeClassifier c = ClassifierFactory.create(null);                      // bundled social-care codebook
 * ThemeClassifier mine = ClassifierFactory.create(Path.of("codebook.yaml"));
 * ThemeClassifier deps = ClassifierFactory.create(null, ClassifierFactory.Backend.CORENLP);
 * }</pre>
 *
 * <p>Stateless and thread-safe; the classifiers it returns are thread-safe.
 */
public final class ClassifierFactory {

  private ClassifierFactory() {}

  /** The text pipeline a classifier runs on ({@code --pipeline}). */
  public enum Backend {
    /** {@link RulePipeline} (or the OpenNLP FULL pipeline for lemma cues): the default, fast. */
    OPENNLP,
    /** {@link CoreNlpPipeline} with dependency negation: slower; needs the CoreNLP models jar on the class path. */
    CORENLP;

    /**
     * Parses {@code opennlp} or {@code corenlp}, ignoring case.
     *
     * @throws IllegalArgumentException for any other value (the message lists the valid ones)
     */
    public static Backend parse(String value) {
      Objects.requireNonNull(value, "value");
      for (Backend b : values()) {
        if (b.name().equalsIgnoreCase(value.strip())) {
          return b;
        }
      }
      throw new IllegalArgumentException("expected opennlp or corenlp: '" + value + "'");
    }
  }

  /**
   * A codebook classifier on the OpenNLP pipeline ({@link Profile#FULL} when the codebook has lemma cues,
   * otherwise {@link Profile#FAST}).
   *
   * @param codebookFile a YAML codebook, or null for the bundled social-care codebook
   * @throws CodebookException if the codebook file is invalid (the message lists every problem)
   * @throws IOException if the codebook file cannot be read
   */
  public static ThemeClassifier create(Path codebookFile) throws CodebookException, IOException {
    return create(codebookFile, Backend.OPENNLP);
  }

  /**
   * A codebook classifier on the given backend, with the profile chosen as in {@link #create(Path)}.
   *
   * @param codebookFile a YAML codebook, or null for the bundled social-care codebook
   * @throws CodebookException if the codebook file is invalid (the message lists every problem)
   * @throws IOException if the codebook file cannot be read
   * @throws IllegalStateException for {@link Backend#CORENLP} when the CoreNLP models jar is not on the class path
   * @throws NullPointerException if {@code backend} is null
   */
  public static ThemeClassifier create(Path codebookFile, Backend backend) throws CodebookException, IOException {
    Objects.requireNonNull(backend, "backend");
    Codebook codebook = codebook(codebookFile);
    Profile profile = codebook.needsLemmas() ? Profile.FULL : Profile.FAST;
    TextPipeline pipeline = backend == Backend.CORENLP ? CoreNlpPipeline.create(profile) : TextPipelines.of(profile);
    return CodebookClassifier.create(codebook, pipeline);
  }

  /**
   * The codebook in {@code codebookFile}, or the bundled social-care codebook when it is null.
   *
   * @throws CodebookException if the codebook file is invalid (the message lists every problem)
   * @throws IOException if the codebook file cannot be read
   */
  public static Codebook codebook(Path codebookFile) throws CodebookException, IOException {
    return codebookFile == null ? DefaultCodebooks.socialCare() : CodebookLoader.load(codebookFile);
  }
}
