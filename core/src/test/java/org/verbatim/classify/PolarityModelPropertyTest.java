package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.verbatim.Polarity;
import org.verbatim.train.PolarityTrainer;
import org.verbatim.train.TrainingData;

class PolarityModelPropertyTest {

  private static final PolarityModel MODEL =
      PolarityTrainer.create(TrainingData.smallPolarity()).train(TrainingData.restaurant());

  @Property(tries = 300, seed = "20261205")
  void arbitraryUnicodeGivesAProbabilityDistribution(
      @ForAll @StringLength(max = 300) String text, @ForAll @StringLength(min = 1, max = 20) String theme) {
    check(text, theme);
    check(text, "food");
  }

  @Property(tries = 200, seed = "20261205")
  void themeWordsInNoiseStayInBounds(@ForAll @StringLength(max = 40) String noise) {
    String text = noise + " the food, " + noise + " but staff were not rude; " + noise;
    check(text, "staff");
    check(text, "food");
  }

  private static void check(String text, String theme) {
    PolarityPrediction p = MODEL.predictWithProbabilities(text, theme);
    double sum = 0;
    for (double v : p.probabilities().values()) {
      assertTrue(v >= 0 && v <= 1, "probability in [0,1]: " + v);
      sum += v;
    }
    assertEquals(1.0, sum, 1e-9);
    assertEquals(MODEL.classes().size(), p.probabilities().size());
    Polarity best = p.polarity();
    assertTrue(p.probabilities().values().stream().allMatch(v -> v <= p.probabilities().get(best)));
  }
}
