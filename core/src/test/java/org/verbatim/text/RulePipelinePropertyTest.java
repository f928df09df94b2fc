package org.verbatim.text;

import org.verbatim.testing.PipelineRulesContract;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random-input checks: any string is analysed without error into a well-formed {@link AnalyzedText}. */
class RulePipelinePropertyTest {

  /** Any UTF-16 string, unpaired surrogates and controls included. */
  @Provide
  Arbitrary<String> anyUtf16() {
    return Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(200);
  }

  /** Strings assembled from the pieces the pipeline treats specially, so the rules meet each other. */
  @Provide
  Arbitrary<String> trickyPieces() {
    Arbitrary<String> piece = Arbitraries.of(
        "didn't", "can’t", "won't", "didnt", "cant", "cannot", "I'm", "it’s", "'", "’", "n't", "not", "never",
        "no", "one", "no-one", "nothing", "but", "however", "while", "yet", "though", "only", "fail", "to",
        "fault", "could", "can", "enough", "too", "much", "lack", "of", "kind", "rude", "Mr", ".", "..", "…", "!",
        "?", ",", ";", ":", "(", ")", "-", "–", "—", "\"", "“", "”", "e", "g", "U", "K", "2", "10", "5", "/",
        "http://x.y/z", "www.a.b", "a@b.co", "@", "😀", "\uD83D", "\uDE00", "\u200D", "\u0301", "\uFEFF",
        "\u0000", "\n", "\r\n", " ", "  ", "\t", "\u00A0", "Ω", "é", "中文");
    return piece.list().ofMaxSize(40).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 400, seed = "20261205")
  void fastNeverThrowsOnAnyString(@ForAll("anyUtf16") String text) {
    check(Profile.FAST, text);
  }


  @Property(tries = 600, seed = "20261205")
  void fastIsWellFormedOnTrickyText(@ForAll("trickyPieces") String text) {
    check(Profile.FAST, text);
  }


  @Property(tries = 200, seed = "20261205")
  void fastIsDeterministic(@ForAll("trickyPieces") String text) {
    TextPipeline p = RulePipeline.create();
    assertEquals(p.analyze(text), p.analyze(text));
  }

  private static void check(Profile profile, String text) {
    AnalyzedText a = TextPipelines.of(profile).analyze(text);
    assertEquals(text, a.text());
    assertEquals(profile, a.profile());
    PipelineRulesContract.assertWellFormed(a);
    List<Token> tokens = a.tokens();
    for (Token t : tokens) {
      assertEquals(false, Character.isWhitespace(t.text().charAt(0)), "token starts with white space");
    }
  }
}
