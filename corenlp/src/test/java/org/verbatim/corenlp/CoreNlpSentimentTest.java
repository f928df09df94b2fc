package org.verbatim.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;

class CoreNlpSentimentTest {

  @Test
  void eachSentenceGetsItsSentiment() {
    String text = "The staff were wonderful and kind. They were rude and never listened.";
    CoreNlpAnalysis a = Pipelines.sentiment().analyzeWithSentiment(text);
    Pipelines.assertWellFormed(a.text());
    assertEquals(2, a.text().sentences().size());
    assertEquals(2, a.sentiments().size());
    assertEquals(0, a.sentiments().get(0).sentence());
    assertEquals(Polarity.POSITIVE, a.sentimentOf(0).polarity());
    assertEquals(Polarity.NEGATIVE, a.sentimentOf(1).polarity());
    assertTrue(a.sentimentOf(0).score() > 0);
    assertTrue(a.sentimentOf(1).score() < 0);
    for (SentenceSentiment s : a.sentiments()) {
      assertEquals(1.0, s.probabilities().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
    }
  }

  @Test
  void sentimentDoesNotChangeTheAnalysis() {
    for (String text : CoreNlpPipelineTest.plainSentences()) {
      assertEquals(Pipelines.full().analyze(text), Pipelines.sentiment().analyze(text));
    }
  }

  @Test
  void sentenceIndexesSkipSentencesWithoutTokens() {
    // the first line holds only a control character: no tokens, so "Lovely staff." is sentence 0
    CoreNlpAnalysis a = Pipelines.sentiment().analyzeWithSentiment("\u0001\nLovely staff.\nAwful wait.");
    assertEquals(2, a.text().sentences().size());
    assertEquals(List.of(0, 1), a.sentiments().stream().map(SentenceSentiment::sentence).toList());
    assertNull(a.sentimentOf(2));
  }

  @Test
  void aPipelineWithoutSentimentGivesNone() {
    CoreNlpAnalysis a = Pipelines.full().analyzeWithSentiment("Lovely staff.");
    assertTrue(a.sentiments().isEmpty());
    assertEquals(Pipelines.full().analyze("Lovely staff."), a.text());
  }

  @Test
  void sentencesTooLongForTheParserGetNoSentimentButTheirTokens() {
    String longSentence = "the staff did not listen to a word I said and ".repeat(6) + "it was awful.";
    CoreNlpAnalysis a = Pipelines.sentiment().analyzeWithSentiment("Lovely staff. " + longSentence);
    Pipelines.assertWellFormed(a.text());
    assertEquals(2, a.text().sentences().size());
    assertEquals(Polarity.POSITIVE, a.sentimentOf(0).polarity());
    assertNull(a.sentimentOf(1), "longer than " + CoreNlpPipeline.MAX_PARSE_TOKENS + " tokens");
  }
}
