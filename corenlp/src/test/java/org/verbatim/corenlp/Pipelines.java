package org.verbatim.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Clause;
import org.verbatim.text.Profile;
import org.verbatim.text.Token;

/**
 * The CoreNLP pipelines the tests share, each loaded at most once per JVM (loading takes seconds), and the
 * invariants every analysis must satisfy.
 */
final class Pipelines {

  private Pipelines() {}

  /** FULL with dependency negation, the default options. */
  static CoreNlpPipeline full() {
    return Full.PIPELINE;
  }

  /** FULL with the lexical negation scope only (tokenize, ssplit, pos, lemma). */
  static CoreNlpPipeline lexical() {
    return Lexical.PIPELINE;
  }

  /** FAST with dependency negation (tokenize, ssplit, pos, depparse; no tags in the output). */
  static CoreNlpPipeline fast() {
    return Fast.PIPELINE;
  }

  /** FULL with dependency negation and sentiment. */
  static CoreNlpPipeline sentiment() {
    return Sentiment.PIPELINE;
  }

  private static final class Full {
    static final CoreNlpPipeline PIPELINE = CoreNlpPipeline.create(Profile.FULL).load();
  }

  private static final class Lexical {
    static final CoreNlpPipeline PIPELINE = CoreNlpPipeline.create(Profile.FULL, new CoreNlpPipeline.Options(false, false)).load();
  }

  private static final class Fast {
    static final CoreNlpPipeline PIPELINE = CoreNlpPipeline.create(Profile.FAST).load();
  }

  private static final class Sentiment {
    static final CoreNlpPipeline PIPELINE = CoreNlpPipeline.create(Profile.FULL, new CoreNlpPipeline.Options(true, true)).load();
  }

  /** Offsets inside the text and matching the token text, tokens in order, clauses and sentences partitioning them. */
  static void assertWellFormed(AnalyzedText a) {
    String text = a.text();
    List<Token> tokens = a.tokens();
    int previousEnd = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int index = i;
      assertTrue(t.start() >= previousEnd, () -> "token " + index + " overlaps or is out of order");
      assertTrue(t.end() > t.start(), () -> "empty token " + index);
      assertTrue(t.end() <= text.length(), () -> "token " + index + " ends outside the text");
      assertEquals(text.substring(t.start(), t.end()), t.text(), "token text must equal its span");
      assertEquals(t.norm().toLowerCase(Locale.ROOT), t.norm(), "norm must be lower case");
      previousEnd = t.end();
      if (a.profile() == Profile.FAST) {
        assertNull(t.pos());
        assertNull(t.lemma());
      } else {
        assertNotNull(t.pos());
        assertNotNull(t.lemma());
      }
      Clause c = a.clauses().get(t.clause());
      assertTrue(c.firstToken() <= i && i < c.endToken(), () -> "token " + index + " is not inside its clause");
      assertEquals(t.sentence(), c.sentence(), "clause and token disagree on the sentence");
      AnalyzedText.TokenRange s = a.sentences().get(t.sentence());
      assertTrue(s.firstToken() <= i && i < s.endToken(), () -> "token " + index + " is not inside its sentence");
      if (t.negated()) {
        boolean cueBefore = false;
        for (int k = c.firstToken(); k < i; k++) {
          cueBefore |= tokens.get(k).negator();
        }
        assertTrue(cueBefore, () -> "negated token " + index + " has no cue before it in its clause");
      }
    }
    int expected = 0;
    for (Clause c : a.clauses()) {
      assertEquals(expected, c.firstToken(), "clauses must be contiguous");
      assertTrue(c.endToken() > c.firstToken(), "clauses must not be empty");
      expected = c.endToken();
    }
    assertEquals(tokens.size(), expected, "clauses must cover every token");
    expected = 0;
    for (AnalyzedText.TokenRange s : a.sentences()) {
      assertEquals(expected, s.firstToken(), "sentences must be contiguous");
      assertTrue(s.endToken() > s.firstToken(), "sentences must not be empty");
      expected = s.endToken();
    }
    assertEquals(tokens.size(), expected, "sentences must cover every token");
  }
}
