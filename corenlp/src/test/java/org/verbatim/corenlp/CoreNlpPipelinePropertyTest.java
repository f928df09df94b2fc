package org.verbatim.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verbatim.text.AnalyzedText;

/** Random-input checks with fewer tries than the OpenNLP ones: CoreNLP is slower per comment. */
class CoreNlpPipelinePropertyTest {

  /** Any UTF-16 string, unpaired surrogates and controls included. */
  @Provide
  Arbitrary<String> anyUtf16() {
    return Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(200);
  }

  /** Strings assembled from the pieces the tokenizers and the negation rules treat specially. */
  @Provide
  Arbitrary<String> trickyPieces() {
    Arbitrary<String> piece = Arbitraries.of(
        "didn't", "can’t", "won't", "didnt", "cannot", "gonna", "I'm", "it’s", "'", "n't", "not", "never", "no", "one",
        "no-one", "nothing", "but", "however", "while", "fail", "to", "fault", "could", "enough", "listen", "and",
        "was", "rude", "kind", "staff", "Mr", ".", "…", "!", "?", ",", ";", "(", ")", "-", "—", "\"", "“", "”", "1/2",
        "4am", "http://x.y/z", "a@b.co", "😀", "\uD83D", "\uDE00", "\u200D", "\u0301", "\uFEFF", "\u0000", "\n",
        " ", " ", " ", "\t", "\u00A0", "中文");
    return piece.list().ofMaxSize(40).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 50, seed = "20261205")
  void anyStringGivesAWellFormedAnalysis(@ForAll("anyUtf16") String text) {
    check(text);
  }

  @Property(tries = 50, seed = "20261205")
  void trickyTextGivesAWellFormedAnalysis(@ForAll("trickyPieces") String text) {
    check(text);
  }

  private static void check(String text) {
    AnalyzedText a = Pipelines.full().analyze(text);
    assertEquals(text, a.text());
    Pipelines.assertWellFormed(a);
    Pipelines.assertWellFormed(Pipelines.fast().analyze(text));
  }
}
