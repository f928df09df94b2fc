package org.verbatim.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verbatim.Classification;
import org.verbatim.Polarity;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.opennlp.OpenNlpPipeline;

/** The default social-care codebook on the CoreNLP pipeline. */
class CoreNlpCodebookTest {

  private static final ThemeClassifier CORENLP = CodebookClassifier.create(DefaultCodebooks.socialCare(), Pipelines.full());
  private static final ThemeClassifier OPENNLP =
      CodebookClassifier.create(DefaultCodebooks.socialCare(), OpenNlpPipeline.create());

  private static Map<String, Polarity> themes(Classification c) {
    Map<String, Polarity> m = new TreeMap<>();
    for (ThemeTag t : c.tags()) {
      m.put(t.themeId(), t.polarity());
    }
    return m;
  }

  @Test
  void neverListenedButPolite() {
    String text = "She never once listened, but she was polite.";
    Classification c = CORENLP.classify(text);
    assertEquals(Map.of("listening", Polarity.NEGATIVE, "respect", Polarity.POSITIVE), themes(c));
    ThemeTag listening = c.tags().stream().filter(t -> t.themeId().equals("listening")).findFirst().orElseThrow();
    assertEquals("never once listened", listening.evidence().get(0).in(text));
  }

  @Test
  void notRudeIsNoComplaint() {
    for (String text : new String[] {"not rude", "The receptionist was not rude."}) {
      assertTrue(CORENLP.classify(text).tags().stream()
          .noneMatch(t -> t.themeId().equals("respect") && t.polarity() == Polarity.NEGATIVE), text);
    }
  }

  @Test
  void notAlwaysOnTimeIsAReliabilityComplaint() {
    assertEquals(Map.of("reliability", Polarity.NEGATIVE), themes(CORENLP.classify("not always on time")));
  }

  @Test
  void kindButUseless() {
    assertEquals(Map.of("empathy", Polarity.POSITIVE, "competence", Polarity.NEGATIVE),
        themes(CORENLP.classify("Kind but useless.")));
  }

  @Test
  void noOneListened() {
    assertEquals(Map.of("listening", Polarity.NEGATIVE), themes(CORENLP.classify("no one listened")));
  }

  @Test
  void aComplaintOutsideTheNegationScopeStaysAComplaint() {
    assertEquals(Map.of("listening", Polarity.NEGATIVE, "respect", Polarity.NEGATIVE),
        themes(CORENLP.classify("She did not listen to us and was rude.")));
  }

  @ParameterizedTest
  @MethodSource("org.verbatim.corenlp.CoreNlpPipelineTest#hardCases")
  void hardCasesGetTheThemesOfTheOpenNlpBackend(String text) {
    assertEquals(themes(OPENNLP.classify(text)), themes(CORENLP.classify(text)));
  }
}
