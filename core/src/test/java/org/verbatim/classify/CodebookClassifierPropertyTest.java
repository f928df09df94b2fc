package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeTag;
import org.verbatim.text.OpenNlpPipeline;
import org.verbatim.text.Profile;

class CodebookClassifierPropertyTest {

  private static final CodebookClassifier CLASSIFIER =
      CodebookClassifier.create(CodebookClassifierTest.CODEBOOK, OpenNlpPipeline.create(Profile.FAST));

  @Property(tries = 500)
  void arbitraryUnicodeNeverThrowsAndStaysInBounds(@ForAll @StringLength(max = 300) String text) {
    check(text, CLASSIFIER.classify(text));
  }

  @Property(tries = 300)
  void cueWordsMixedWithNoiseStayInBounds(@ForAll @StringLength(max = 40) String noise) {
    String text = noise + " not rude but late, never listened " + noise + " kind? useless!" + noise;
    check(text, CLASSIFIER.classify(text));
  }

  private static void check(String text, Classification c) {
    for (ThemeTag t : c.tags()) {
      assertTrue(t.score() >= 0 && t.score() <= 1, "score in [0,1]: " + t.score());
      for (Evidence e : t.evidence()) {
        assertTrue(e.start() >= 0 && e.end() <= text.length() && e.start() < e.end(), "evidence inside text: " + e);
      }
    }
  }
}
