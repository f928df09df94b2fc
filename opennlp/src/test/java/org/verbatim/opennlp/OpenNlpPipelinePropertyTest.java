package org.verbatim.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.AnalyzedTextBuilder;
import org.verbatim.testing.PipelineRulesContract;
import org.verbatim.text.Profile;
import org.verbatim.text.Token;

/** Random-input checks of the FULL pipeline: any string gives a well-formed analysis. */
class OpenNlpPipelinePropertyTest {

  @Provide
  Arbitrary<String> anyUtf16() {
    return Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(200);
  }

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
  void neverThrowsOnAnyString(@ForAll("anyUtf16") String text) {
    check(text);
  }

  /** Comments of words and punctuation separated by spaces (what a tokenizer hands the builder). */
  @Provide
  Arbitrary<String> comments() {
    Arbitrary<String> piece = Arbitraries.of(
        "didn't", "can’t", "won't", "didnt", "cannot", "I'm", "it's", "Smith's", "not", "never", "no", "one",
        "no-one", "nothing", "but", "however", "while", "only", "fail", "to", "fault", "could", "enough", "kind",
        "rude", "listened", "staff", ".", "!", "?", ",", ";", "(", ")", " - ", "—", "\"", "“", "”", "😀", "\n",
        " ", " ", " ", "Mr.", "e.g.", "10");
    return piece.list().ofMaxSize(30).map(pieces -> String.join(" ", pieces));
  }

  @Property(tries = 300, seed = "20261205")
  void isWellFormedOnTrickyText(@ForAll("trickyPieces") String text) {
    check(text);
  }

  @Property(tries = 100, seed = "20261205")
  void rebuildingTheTokensWithTheBuilderGivesTheSameAnalysis(@ForAll("comments") String text) {
    AnalyzedText a = OpenNlpPipeline.create().analyze(text);
    AnalyzedTextBuilder b = AnalyzedTextBuilder.create(a.text(), a.profile());
    for (Token t : a.tokens()) {
      b.token(t.start(), t.end(), t.sentence(), t.pos(), t.lemma());
    }
    assertEquals(a, b.build());
  }

  private static void check(String text) {
    AnalyzedText a = OpenNlpPipeline.create().analyze(text);
    assertEquals(text, a.text());
    assertEquals(Profile.FULL, a.profile());
    PipelineRulesContract.assertWellFormed(a);
  }
}
