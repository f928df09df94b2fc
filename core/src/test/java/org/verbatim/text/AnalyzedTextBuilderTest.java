package org.verbatim.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AnalyzedTextBuilderTest {

  /** Feeds the tokens of an analysis back into a builder. */
  private static AnalyzedText rebuild(AnalyzedText a) {
    AnalyzedTextBuilder b = AnalyzedTextBuilder.create(a.text(), a.profile());
    for (Token t : a.tokens()) {
      b.token(t.start(), t.end(), t.sentence(), t.pos(), t.lemma());
    }
    return b.build();
  }

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
  void rebuildingTheFastTokensGivesTheSameAnalysis(@ForAll("comments") String text) {
    AnalyzedText a = RulePipeline.create().analyze(text);
    assertEquals(a, rebuild(a));
  }


  @Test
  void contractionPiecesAreNormalisedAsTheContraction() {
    String text = "I can't say, they didnt call.";
    AnalyzedText a = AnalyzedTextBuilder.create(text, Profile.FULL)
        .token(0, 1, 0, "PRON", "I")
        .token(2, 4, 0, "AUX", "can")       // "ca", as CoreNLP and the Penn Treebank split it
        .token(4, 7, 0, "PART", "not")      // "n't"
        .token(8, 11, 0, "VERB", "say")
        .token(11, 12, 0, "PUNCT", ",")
        .token(13, 17, 0, "PRON", "they")
        .token(18, 23, 0, "AUX", "do")      // "didnt" as one token: split by the shared rules
        .token(24, 28, 0, "VERB", "call")
        .token(28, 29, 0, "PUNCT", ".")
        .build();
    List<String> norms = a.tokens().stream().map(Token::norm).collect(Collectors.toList());
    assertEquals(List.of("i", "can", "not", "say", ",", "they", "did", "not", "call", "."), norms);
    List<String> texts = a.tokens().stream().map(Token::text).collect(Collectors.toList());
    assertEquals(List.of("I", "ca", "n't", "say", ",", "they", "did", "nt", "call", "."), texts);
    assertEquals("AUX", a.tokens().get(1).pos());
    assertEquals("PART", a.tokens().get(2).pos());
    assertEquals("i", a.tokens().get(0).lemma(), "lemmas are lower-cased");
    assertTrue(a.tokens().get(2).negator());
    assertTrue(a.tokens().get(3).negated(), "say");
    assertFalse(a.tokens().get(5).negated(), "a comma ends the clause");
    assertTrue(a.tokens().get(7).negator());
    assertTrue(a.tokens().get(8).negated(), "call");
  }

  @Test
  void junkAtTheEdgesIsTrimmedAndEmptyTokensAndSentencesDisappear() {
    String text = "\u0000 \n Kind\u200B but\uD800 late. Yes";
    AnalyzedText a = AnalyzedTextBuilder.create(text, Profile.FAST)
        .token(0, 3, 0)        // only junk: dropped, and with it sentence 0
        .token(3, 8, 1)        // " Kind"
        .token(8, 13, 1)       // zero-width space, space, "but"
        .token(13, 14, 1)      // an unpaired surrogate: dropped
        .token(15, 19, 1)
        .token(19, 20, 1)
        .token(21, 24, 2)
        .build();
    assertEquals(List.of("Kind", "but", "late", ".", "Yes"), a.tokens().stream().map(Token::text).collect(Collectors.toList()));
    assertEquals(4, a.tokens().get(0).start());
    assertEquals(10, a.tokens().get(1).start());
    assertEquals(0, a.tokens().get(0).sentence(), "sentences are renumbered from 0");
    assertEquals(1, a.tokens().get(4).sentence());
    assertEquals(2, a.sentences().size());
    assertTrue(a.tokens().get(1).contrast());
  }

  @Test
  void fastIgnoresTagsAndFullFillsMissingOnes() {
    String text = "Kind staff";
    AnalyzedText fast = AnalyzedTextBuilder.create(text, Profile.FAST).token(0, 4, 0, "ADJ", "kind").token(5, 10, 0).build();
    assertEquals(null, fast.tokens().get(0).pos());
    AnalyzedText full = AnalyzedTextBuilder.create(text, Profile.FULL).token(0, 4, 0, null, "").token(5, 10, 0).build();
    assertEquals("X", full.tokens().get(0).pos());
    assertEquals("kind", full.tokens().get(0).lemma());
    assertEquals("staff", full.tokens().get(1).lemma());
  }

  @Test
  void emptyInputGivesAnEmptyAnalysis() {
    AnalyzedText a = AnalyzedTextBuilder.create("", Profile.FULL).build();
    assertTrue(a.tokens().isEmpty());
    assertTrue(a.sentences().isEmpty());
    assertTrue(a.clauses().isEmpty());
  }

  @Test
  void badSpansAreRefusedWithTheirOffsets() {
    AnalyzedTextBuilder b = AnalyzedTextBuilder.create("abc def", Profile.FAST).token(4, 7, 1);
    IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> b.token(2, 5, 1));
    assertTrue(overlap.getMessage().contains("[2, 5)"), overlap.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.token(7, 7, 1));
    assertThrows(IllegalArgumentException.class, () -> b.token(7, 9, 1));
    assertThrows(IllegalArgumentException.class, () -> AnalyzedTextBuilder.create("abc", Profile.FAST).token(0, 1, 2).token(1, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> AnalyzedTextBuilder.create("abc", Profile.FAST).token(0, 1, -1));
    assertThrows(NullPointerException.class, () -> AnalyzedTextBuilder.create(null, Profile.FAST));
    assertThrows(NullPointerException.class, () -> AnalyzedTextBuilder.create("", null));
    b.build();
    assertThrows(IllegalStateException.class, b::build);
    assertThrows(IllegalStateException.class, () -> b.token(0, 1, 1));
  }
}
