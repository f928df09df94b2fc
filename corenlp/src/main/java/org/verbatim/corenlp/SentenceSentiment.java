package org.verbatim.corenlp;

import java.util.List;
import java.util.Objects;
import org.verbatim.Polarity;

/**
 * The sentiment CoreNLP's recursive neural tensor network gives one sentence: a label from 0 (very negative) to 4
 * (very positive) and the probability of each label. An extra polarity feature beside the codebook's cues; it
 * knows nothing of themes.
 *
 * <pre>{@code
 * CoreNlpPipeline p = CoreNlpPipeline.create(Profile.FULL, new CoreNlpPipeline.Options(true, true));
 * for (SentenceSentiment s : p.analyzeWithSentiment("Lovely staff. The wait was awful.").sentiments()) {
 *   s.polarity();   // POSITIVE, then NEGATIVE
 *   s.score();      // in [-1, 1]
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param sentence index of the sentence in {@link org.verbatim.text.AnalyzedText#sentences()}
 * @param label the most probable class: 0 very negative, 1 negative, 2 neutral, 3 positive, 4 very positive
 * @param probabilities the five class probabilities, in label order (copied)
 */
public record SentenceSentiment(int sentence, int label, List<Double> probabilities) {

  /** Number of sentiment classes. */
  public static final int CLASSES = 5;

  /**
   * @throws NullPointerException if {@code probabilities} or one of its elements is null
   * @throws IllegalArgumentException if {@code sentence} is negative, {@code label} is outside [0, 4], or there are
   *     not five probabilities each in [0, 1]
   */
  public SentenceSentiment {
    Objects.requireNonNull(probabilities, "probabilities");
    if (sentence < 0) {
      throw new IllegalArgumentException("sentence must be >= 0: " + sentence);
    }
    if (label < 0 || label >= CLASSES) {
      throw new IllegalArgumentException("label must be in [0, 4]: " + label);
    }
    probabilities = List.copyOf(probabilities);
    if (probabilities.size() != CLASSES) {
      throw new IllegalArgumentException("probabilities must have 5 elements: " + probabilities.size());
    }
    for (double p : probabilities) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probabilities must be in [0, 1]: " + p);
      }
    }
  }

  /** {@code NEGATIVE} for labels 0 and 1, {@code NEUTRAL} for 2, {@code POSITIVE} for 3 and 4. */
  public Polarity polarity() {
    return label < 2 ? Polarity.NEGATIVE : label == 2 ? Polarity.NEUTRAL : Polarity.POSITIVE;
  }

  /**
   * The expected sentiment in [-1, 1]: the probabilities weighted by -1, -0.5, 0, 0.5, 1 (0 for a neutral or
   * evenly split sentence).
   */
  public double score() {
    double s = 0;
    for (int i = 0; i < CLASSES; i++) {
      s += probabilities.get(i) * (i - 2) / 2.0;
    }
    return Math.max(-1, Math.min(1, s));
  }
}
