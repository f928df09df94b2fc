package org.verbatim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assigns themes to feedback comments. Implementations: {@code CodebookClassifier} (zero-shot, from a codebook),
 * {@code LinearThemeClassifier} (trained, or loaded from a model file) and {@code HybridThemeClassifier} (both),
 * all in {@code org.verbatim.classify}.
 *
 * <pre>{@code
 * ThemeClassifier classifier = CodebookClassifier.create(DefaultCodebooks.socialCare(),
 *     RulePipeline.create());
 * Classification c = classifier.classify("She never once listened to us.");
 * // c.tags(): [ThemeTag[themeId=listening, score=0.6.., polarity=NEGATIVE, evidence=[...]]]
 * // not: a new classifier per comment (building one loads the codebook and the pipeline)
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe: build one and share it between threads. Do not build
 * a classifier per comment (loading models takes far longer than classifying).
 */
public interface ThemeClassifier {

  /**
   * Classifies one comment.
   *
   * @param text the comment; may be empty, never null
   * @return the themes found, highest score first; empty when none
   * @throws NullPointerException if {@code text} is null
   */
  Classification classify(String text);

  /** Classifies each text in order; the result has one classification per input. */
  default List<Classification> classifyAll(List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    List<Classification> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(classify(t));
    }
    return out;
  }

  /** How this classifier was made. */
  ModelInfo info();
}
