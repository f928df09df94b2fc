package org.verbatim.bench;

import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.TextPipelines;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;

/**
 * The one place where the benchmarks build the library's pipelines and zero-shot classifiers, so every suite
 * measures the same objects.
 *
 * <pre>{@code
 * ThemeClassifier c = Classifiers.codebook(Profile.FAST);
 * }</pre>
 *
 * <p>Stateless and thread-safe; every call builds new objects (and loads models again).
 */
public final class Classifiers {

  private Classifiers() {}

  /** A new OpenNLP pipeline of the profile (loads the OpenNLP models). */
  public static TextPipeline pipeline(Profile profile) {
    return TextPipelines.of(profile);
  }

  /** The default social-care codebook, loaded afresh. */
  public static Codebook socialCare() {
    return DefaultCodebooks.socialCare();
  }

  /** The zero-shot classifier of the default codebook on a new pipeline of the profile. */
  public static CodebookClassifier codebook(Profile profile) {
    return CodebookClassifier.create(socialCare(), pipeline(profile));
  }
}
