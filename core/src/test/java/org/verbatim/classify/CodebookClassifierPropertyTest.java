package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeTag;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.Profile;

class CodebookClassifierPropertyTest {

  private static final CodebookClassifier CLASSIFIER =
      CodebookClassifier.create(CodebookClassifierTest.CODEBOOK, RulePipeline.create());

  @Property(tries = 500, seed = "20261205")
  void arbitraryUnicodeNeverThrowsAndStaysInBounds(@ForAll @StringLength(max = 300) String text) {
    check(text, CLASSIFIER.classify(text));
  }

  @Property(tries = 300, seed = "20261205")
  void cueWordsMixedWithNoiseStayInBoundsAndAreFound(@ForAll @StringLength(max = 40) String noise) {
    String text = noise + " not rude but late, never listened " + noise + " kind? useless!" + noise;
    Classification c = CLASSIFIER.classify(text);
    check(text, c);
    // the cue words sit between spaces and punctuation, so noise around them cannot hide all of them
    assertTrue(c.themeIds().stream().anyMatch(EXPECTED::contains), "an expected theme among " + c.themeIds());
  }

  /** The themes of the cue words in the noise test ("late", "listened", "kind", "useless", "rude"). */
  private static final Set<String> EXPECTED = Set.of("reliability", "listening", "empathy", "competence", "respect");

  private static void check(String text, Classification c) {
    for (ThemeTag t : c.tags()) {
      assertTrue(t.score() >= 0 && t.score() <= 1, "score in [0,1]: " + t.score());
      for (Evidence e : t.evidence()) {
        assertTrue(e.start() >= 0 && e.end() <= text.length() && e.start() < e.end(), "evidence inside text: " + e);
      }
    }
  }
}
