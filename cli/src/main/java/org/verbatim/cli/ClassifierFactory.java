package org.verbatim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookException;
import org.verbatim.codebook.CodebookLoader;
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
 * ThemeClassifier c = ClassifierFactory.create(null);                      // bundled social-care codebook and its layer
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
    /**
     * {@code org.verbatim.corenlp.CoreNlpPipeline} with dependency negation: slower; needs the CoreNLP plug-in
     * (the {@code corenlp} module and CoreNLP's jars, see docs/corenlp.md) on the class path.
     */
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
    return create(codebookFile, backend, false);
  }

  /**
   * As {@link #create(Path, Backend)}; the bundled codebook comes with its learned layer
   * ({@link DefaultCodebooks#socialCareLayer()}) unless {@code cuesOnly}. A codebook file has no layer.
   *
   * @throws CodebookException if the codebook file is invalid (the message lists every problem)
   * @throws IOException if the codebook file cannot be read
   */
  public static ThemeClassifier create(Path codebookFile, Backend backend, boolean cuesOnly)
      throws CodebookException, IOException {
    try {
      return create(codebookFile, backend, cuesOnly, null);
    } catch (org.verbatim.model.ModelFormatException e) {
      throw new IllegalStateException(e); // no layer file was given
    }
  }

  /**
   * As {@link #create(Path, Backend, boolean)} with a layer file ({@code verbatim train-layer}) instead of the
   * bundled layer, when {@code layerFile} is not null.
   *
   * @throws org.verbatim.model.ModelFormatException if the layer file is not a layer, or was trained for other themes
   *     (the message names the file)
   */
  public static ThemeClassifier create(Path codebookFile, Backend backend, boolean cuesOnly, Path layerFile)
      throws CodebookException, IOException, org.verbatim.model.ModelFormatException {
    Objects.requireNonNull(backend, "backend");
    Codebook codebook = codebook(codebookFile);
    Profile profile = codebook.needsLemmas() ? Profile.FULL : Profile.FAST;
    TextPipeline pipeline = backend == Backend.CORENLP ? coreNlp(profile) : TextPipelines.of(profile);
    if (layerFile != null) {
      org.verbatim.classify.WordLayer layer;
      try (java.io.Reader r = java.nio.file.Files.newBufferedReader(layerFile, java.nio.charset.StandardCharsets.UTF_8)) {
        layer = org.verbatim.classify.WordLayer.read(r, layerFile.toString());
      }
      try {
        return CodebookClassifier.create(codebook, pipeline, layer);
      } catch (IllegalArgumentException e) {
        throw new org.verbatim.model.ModelFormatException(layerFile, null, 0, e.getMessage()
            + "; train a layer for this codebook with verbatim train-layer --codebook PATH", null);
      }
    }
    // built in one go with its layer: the cues alone first and then withLayer would build the vocabulary, matcher
    // and rules twice at start-up
    return CodebookClassifier.create(codebook, pipeline,
        codebookFile == null && !cuesOnly ? DefaultCodebooks.socialCareLayer() : null);
  }

  /**
   * The codebook's cues alone, on the OpenNLP pipeline: what a trained model's cue features and a hybrid's
   * evidence are computed with.
   *
   * @param codebookFile a YAML codebook, or null for the bundled social-care codebook
   * @throws CodebookException if the codebook file is invalid (the message lists every problem)
   * @throws IOException if the codebook file cannot be read
   */
  public static ThemeClassifier cues(Path codebookFile) throws CodebookException, IOException {
    return create(codebookFile, Backend.OPENNLP, true);
  }

  /** The class of the CoreNLP plug-in (the {@code corenlp} module), looked up by name: the CLI is built without it. */
  static final String CORENLP_CLASS = "org.verbatim.corenlp.CoreNlpPipeline";

  /** What to do when the plug-in is missing. */
  static final String CORENLP_HINT = "the CoreNLP plug-in is not installed: build it with"
      + " 'mvn -B -q -Pcorenlp -DskipTests package' (downloads CoreNLP's 450 MB models jar once); bin/verbatim then"
      + " puts corenlp/target/plugin/*.jar (or, in an installed copy, lib/plugins/*.jar) on the class path";

  /**
   * {@code CoreNlpPipeline.create(profile)} from the plug-in on the class path.
   *
   * @throws IllegalStateException when the plug-in or CoreNLP's models jar is not on the class path
   */
  private static TextPipeline coreNlp(Profile profile) {
    Class<?> type;
    try {
      type = Class.forName(CORENLP_CLASS);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(CORENLP_HINT);
    }
    try {
      return (TextPipeline) type.getMethod("create", Profile.class).invoke(null, profile);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the CoreNLP plug-in failed to start: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("the CoreNLP plug-in on the class path is not this version's: " + e, e);
    }
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
