package org.verbatim.codebook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.text.RulePipeline;

/**
 * Random cue patterns (words, prefixes, wildcards and gaps in any number and order) either load, within the
 * bounds that keep matching cheap, or are refused with an {@link IllegalArgumentException}; a codebook of the ones
 * that load classifies a long comment (the work per token is bounded by {@link CuePattern#MAX_GAPS}).
 */
class RandomPatternPropertyTest {

  private static final String[] PARTS = {"...", "...", "...", "*", "kind", "rude", "never", "staff", "list*", "kept",
      "waiting", "n't", "x*", "**", "lemma:listen", ""};

  @Property(tries = 300, seed = "20261205")
  void aRandomPatternLoadsWithinBoundsOrIsRefused(@ForAll @IntRange(min = 1, max = 60) int length, @ForAll long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(i == 0 ? "" : " ").append(PARTS[r.nextInt(PARTS.length)]);
    }
    CuePattern p;
    try {
      p = CuePattern.parse(b.toString());
    } catch (IllegalArgumentException refused) {
      assertTrue(refused.getMessage() != null && !refused.getMessage().isEmpty());
      return;
    }
    long gaps = p.elements().stream().filter(e -> e.kind() == CuePattern.Kind.GAP).count();
    assertTrue(gaps <= CuePattern.MAX_GAPS, p.source());
    assertTrue(p.elements().size() <= CuePattern.MAX_ELEMENTS, p.source());
    if (p.needsLemmas()) {
      return;
    }
    Theme t = new Theme("t", "t", "random", List.of(), List.of(), List.of(new Cue(p, null, 1)), List.of(), List.of());
    CodebookClassifier c = CodebookClassifier.create(
        new Codebook("r", "r", "1", "en", "", List.of(t), List.of()), RulePipeline.create());
    StringBuilder comment = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      comment.append(PARTS[4 + r.nextInt(7)].replace("*", "ed")).append(' ');
    }
    c.classify(comment.toString());
  }
}
