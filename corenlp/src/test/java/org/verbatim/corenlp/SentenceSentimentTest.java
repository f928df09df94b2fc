package org.verbatim.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;

class SentenceSentimentTest {

  @Test
  void polarityFollowsTheLabel() {
    List<Double> p = List.of(0.2, 0.2, 0.2, 0.2, 0.2);
    assertEquals(Polarity.NEGATIVE, new SentenceSentiment(0, 0, p).polarity());
    assertEquals(Polarity.NEGATIVE, new SentenceSentiment(0, 1, p).polarity());
    assertEquals(Polarity.NEUTRAL, new SentenceSentiment(0, 2, p).polarity());
    assertEquals(Polarity.POSITIVE, new SentenceSentiment(0, 3, p).polarity());
    assertEquals(Polarity.POSITIVE, new SentenceSentiment(0, 4, p).polarity());
  }

  @Test
  void scoreIsTheExpectedSentimentInMinusOneToOne() {
    assertEquals(0.0, new SentenceSentiment(0, 2, List.of(0.2, 0.2, 0.2, 0.2, 0.2)).score(), 1e-12);
    assertEquals(-1.0, new SentenceSentiment(0, 0, List.of(1.0, 0.0, 0.0, 0.0, 0.0)).score(), 1e-12);
    assertEquals(1.0, new SentenceSentiment(0, 4, List.of(0.0, 0.0, 0.0, 0.0, 1.0)).score(), 1e-12);
    assertEquals(0.25, new SentenceSentiment(0, 3, List.of(0.0, 0.0, 0.5, 0.5, 0.0)).score(), 1e-12);
  }

  @Test
  void probabilitiesAreCopied() {
    List<Double> p = new ArrayList<>(List.of(0.2, 0.2, 0.2, 0.2, 0.2));
    SentenceSentiment s = new SentenceSentiment(1, 2, p);
    p.set(0, 0.9);
    assertEquals(0.2, s.probabilities().get(0));
    assertThrows(UnsupportedOperationException.class, () -> s.probabilities().set(0, 1.0));
  }

  @Test
  void badValuesAreRefused() {
    List<Double> p = List.of(0.2, 0.2, 0.2, 0.2, 0.2);
    assertThrows(IllegalArgumentException.class, () -> new SentenceSentiment(-1, 2, p));
    assertThrows(IllegalArgumentException.class, () -> new SentenceSentiment(0, 5, p));
    assertThrows(IllegalArgumentException.class, () -> new SentenceSentiment(0, -1, p));
    assertThrows(IllegalArgumentException.class, () -> new SentenceSentiment(0, 2, List.of(0.5, 0.5)));
    assertThrows(IllegalArgumentException.class, () -> new SentenceSentiment(0, 2, List.of(0.2, 0.2, 0.2, 0.2, 1.2)));
    assertThrows(IllegalArgumentException.class, () -> new SentenceSentiment(0, 2, List.of(0.2, 0.2, 0.2, 0.2, Double.NaN)));
    assertThrows(NullPointerException.class, () -> new SentenceSentiment(0, 2, null));
  }
}
