package org.verbatim.classify;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Polarity;

/**
 * A predicted polarity with the model's probability for every class it knows.
 *
 * <pre>{@code
 * PolarityPrediction p = model.predictWithProbabilities("Staff were rude.", "staff");
 * p.polarity();                               // NEGATIVE
 * p.probabilities().get(Polarity.NEGATIVE);   // e.g. 0.91
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param polarity the most probable class
 * @param probabilities probability per class known to the model; they sum to 1
 */
public record PolarityPrediction(Polarity polarity, Map<Polarity, Double> probabilities) {

  /** @throws NullPointerException if a component is null */
  public PolarityPrediction {
    Objects.requireNonNull(polarity, "polarity");
    Objects.requireNonNull(probabilities, "probabilities");
    probabilities = Collections.unmodifiableMap(new EnumMap<>(probabilities));
  }
}
