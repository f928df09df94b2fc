package org.verbatim.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SimpleTokenizerTest {

  private static List<String> norms(String text) {
    TokenBuffer b = new TokenBuffer();
    SimpleTokenizer.INSTANCE.tokenize(text, b);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      out.add((b.negated(i) ? "~" : "") + b.norm(i));
    }
    return out;
  }

  @Test
  void lowerCasesAndSplitsOnPunctuation() {
    assertEquals(List.of("the", "nurse", "was", "kind", "3", "times"), norms("The NURSE was kind: 3 times!"));
  }

  @Test
  void splitsContractionsLikeThePipeline() {
    assertEquals(List.of("i", "am", "sure", "she", "did", "not", "call"), norms("I'm sure she didn't call"));
    assertEquals(List.of("can", "not", "wait"), norms("Can\u2019t wait"));
    assertEquals(List.of("can", "not", "cope"), norms("cannot cope"));
    assertEquals(List.of("will", "not", "go"), norms("won't go"));
    assertEquals(List.of("it", "'s", "fine"), norms("it's fine"));
  }

  @Test
  void marksNoNegationScope() {
    // negation scope comes from the text pipeline only (PipelineTokenizer); this tokenizer leaves it unmarked
    assertEquals(List.of("never", "listened", "to", "me", "but", "kind"), norms("never listened to me but kind"));
    assertEquals(List.of("not", "well", "organised"), norms("not well-organised"));
    assertEquals(false, SimpleTokenizer.INSTANCE.marksNegation());
    assertEquals(true, PipelineTokenizer.fast().marksNegation());
  }

  @Test
  void offsetsPointIntoTheText() {
    String text = "Didn't RING back, I'm told.";
    TokenBuffer b = new TokenBuffer();
    SimpleTokenizer.INSTANCE.tokenize(text, b);
    assertEquals("Did", text.substring(b.start(0), b.end(0)));
    assertEquals("n't", text.substring(b.start(1), b.end(1)));
    assertEquals("RING", text.substring(b.start(2), b.end(2)));
    assertEquals("'m", text.substring(b.start(5), b.end(5)));
  }

  @Test
  void handlesNonAsciiLetters() {
    assertEquals(List.of("café", "très", "ßtraße", "日本"), norms("Café TRÈS ßtraße 日本"));
    assertEquals(List.of("a", "b"), norms("a\uD800b"));
  }

  @Property(tries = 300, seed = "20261205")
  void neverThrowsAndSpansAreInside(@ForAll String text) {
    TokenBuffer b = new TokenBuffer();
    SimpleTokenizer.INSTANCE.tokenize(text, b);
    for (int i = 0; i < b.size(); i++) {
      assertTrue(0 <= b.start(i) && b.start(i) <= b.end(i) && b.end(i) <= text.length());
      assertFalse(b.norm(i).isEmpty());
      if (i > 0) {
        assertTrue(b.start(i) >= b.end(i - 1));
      }
    }
  }
}
