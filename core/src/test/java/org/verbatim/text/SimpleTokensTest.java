package org.verbatim.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class SimpleTokensTest {

  /** Any text, including non-ASCII white space, digits and letters, splits exactly as OpenNLP's tokenizer does. */
  @Property(tries = 1000, seed = "20261205")
  void sameSpansAsOpenNlp(@ForAll("texts") String text) {
    assertArrayEquals(openNlp(text), ours(text), () -> "spans differ for " + Arrays.toString(text.chars().toArray()));
  }

  @Provide
  Arbitrary<String> texts() {
    char[] interesting = ("aZé ß\t\n\r\u000b\u001c\u0085\u00a0\u1680\u2007\u2028\u3000\u200b\ufeff09\u0663\uff11"
        + ".,!!??''\"-–—&/:@#\u0301\u02bc\u00b2\u2160\ud83d\ude00\ud800").toCharArray();
    Arbitrary<String> mixed = Arbitraries.strings().withChars(interesting).ofMaxLength(40);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(30);
    return Arbitraries.oneOf(mixed, mixed, any);
  }

  @Test
  void splitsRunsOfLettersDigitsAndRepeatedOthers() {
    String text = "It's 10am!!";
    assertArrayEquals(new int[] {0, 2, 2, 3, 3, 4, 5, 7, 7, 9, 9, 11}, ours(text));
    assertEquals(0, ours("").length);
    assertEquals(0, ours(" \u00a0\u3000\t").length);
  }

  private static int[] openNlp(String text) {
    Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(text);
    int[] out = new int[2 * spans.length];
    for (int i = 0; i < spans.length; i++) {
      out[2 * i] = spans[i].getStart();
      out[2 * i + 1] = spans[i].getEnd();
    }
    return out;
  }

  private static int[] ours(String text) {
    int[] s = new int[text.length()];
    int[] e = new int[text.length()];
    int n = SimpleTokens.split(text, s, e);
    int[] out = new int[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = s[i];
      out[2 * i + 1] = e[i];
    }
    return out;
  }
}
