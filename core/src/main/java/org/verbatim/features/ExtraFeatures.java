package org.verbatim.features;

import java.util.List;

/**
 * A source of extra named numeric features appended to the text features, e.g. one codebook cue-hit count
 * per theme ({@link ClassifierFeatures}).
 *
 * <pre>{@code
 * ExtraFeatures cues = ClassifierFeatures.of(codebookClassifier);
 * ThemeOptions opts = ThemeOptions.builder().extraFeatures(cues).build();
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe. The {@link #id()} and {@link #names()} are stored in
 * model files; loading such a model needs an equal source again (same id and names).
 */
public interface ExtraFeatures {

  /** A stable identifier of what the features mean, e.g. {@code codebook-cues:social-care@1.0}. */
  String id();

  /** The feature names, in a fixed order; unique and non-blank. */
  List<String> names();

  /**
   * Computes the values for one comment.
   *
   * @param text the comment
   * @param out receives one finite value per name, in {@link #names()} order
   */
  void compute(String text, double[] out);
}
