package org.verbatim.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.Theme;
import org.verbatim.text.AnalyzedText;
import org.verbatim.testing.PipelineRulesContract;
import org.verbatim.text.Profile;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.TextPipelines;
import org.verbatim.text.Token;

/** The FULL pipeline follows the shared rules ({@link PipelineRulesContract}) and adds POS tags and lemmas. */
class OpenNlpPipelineTest extends PipelineRulesContract {

  @Override
  protected TextPipeline pipeline() {
    return OpenNlpPipeline.create();
  }

  @Test
  void fullProfileHasPosAndLemmas() {
    AnalyzedText full = analyze("The nurses listened to me.");
    Token listened = token(full, "listened");
    assertEquals("listen", listened.lemma());
    assertEquals("VERB", listened.pos());
    assertEquals("nurse", token(full, "nurses").lemma());
  }

  @Test
  void fullProfileSplitsJoinedTagsOfContractions() {
    AnalyzedText a = analyze("They didn't come.");
    assertEquals("do", token(a, "did").lemma());
    assertEquals("not", token(a, "n't").lemma());
    assertEquals("PART", token(a, "n't").pos());
  }

  @Test
  void oneSharedInstanceKnownByItsId() {
    assertSame(OpenNlpPipeline.create(), OpenNlpPipeline.create());
    assertEquals(Profile.FULL, OpenNlpPipeline.create().profile());
    assertSame(OpenNlpPipeline.create(), TextPipelines.full());
    assertSame(OpenNlpPipeline.create(), TextPipelines.byId("opennlp-full").orElseThrow());
    assertSame(RulePipeline.create(), TextPipelines.of(Profile.FAST));
    assertThrows(NullPointerException.class, () -> OpenNlpPipeline.create().analyze(null));
  }

  @Test
  void lemmaCuesMatchOnTheFullProfile() {
    Codebook lemmas = new Codebook("l", "l", "1", "en", "",
        List.of(new Theme("listening", "Listening", "d", List.of(), List.of(), List.of(Cue.of("lemma:listen")), List.of(), List.of())),
        List.of());
    assertThrows(IllegalArgumentException.class, () -> CodebookClassifier.create(lemmas, RulePipeline.create()));
    CodebookClassifier full = CodebookClassifier.create(lemmas, OpenNlpPipeline.create());
    assertEquals(List.of("listening"), full.classify("He listened carefully.").themeIds());
  }
}
