package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.verbatim.Evidence;

class HighlighterTest {

  @Test
  void escapesTextAroundAndInsideMarks() {
    String text = "a <b> & c";
    assertEquals("a <mark>&lt;b&gt;</mark> &amp; c", Highlighter.highlight(text, List.of(new Evidence(2, 5))));
  }

  @Test
  void scriptInCommentBecomesText() {
    String html = Highlighter.highlight("<script>alert(1)</script> rude", List.of(new Evidence(26, 30)));
    assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; <mark>rude</mark>", html);
  }

  @Test
  void mergesOverlappingAndTouchingSpans() {
    assertEquals("a<mark>bcdef</mark>gh",
        Highlighter.highlight("abcdefgh", List.of(new Evidence(3, 6), new Evidence(1, 4))));
    assertEquals("ab<mark>cdef</mark>gh",
        Highlighter.highlight("abcdefgh", List.of(new Evidence(2, 4), new Evidence(4, 6))));
    assertEquals("a<mark>bcdefg</mark>h",
        Highlighter.highlight("abcdefgh", List.of(new Evidence(1, 7), new Evidence(2, 3))));
  }

  @Test
  void clampsOrDropsSpansOutsideTheText() {
    assertEquals("abcde<mark>fg</mark>", Highlighter.highlight("abcdefg", List.of(new Evidence(5, 100))));
    assertEquals("abcdefg", Highlighter.highlight("abcdefg", List.of(new Evidence(50, 60))));
    assertEquals("abcdefg", Highlighter.highlight("abcdefg", List.of(new Evidence(2, 2))));
    assertEquals("", Highlighter.highlight("", List.of(new Evidence(0, 3))));
  }

  @Test
  void neverSplitsASurrogatePair() {
    String text = "a\uD83D\uDE00b"; // a😀b, the emoji is two UTF-16 units at [1, 3)
    assertEquals("a<mark>\uD83D\uDE00</mark>b", Highlighter.highlight(text, List.of(new Evidence(2, 3))));
    assertEquals("<mark>a\uD83D\uDE00</mark>b", Highlighter.highlight(text, List.of(new Evidence(0, 2))));
  }

  @Property(tries = 400, seed = "20261205")
  void marksAreTheOnlyMarkupAndTextSurvives(@ForAll("texts") String text, @ForAll("spans") List<Evidence> spans) {
    String html = Highlighter.highlight(text, spans);
    int opens = html.split("<mark>", -1).length - 1;
    int closes = html.split("</mark>", -1).length - 1;
    assertEquals(opens, closes);
    assertEquals(2 * opens, html.chars().filter(c -> c == '<').count(), "only mark tags may open an element");
    assertFalse(html.contains("<mark></mark>"), "no empty marks");
    assertFalse(html.contains("</mark><mark>"), "touching marks are merged");
    assertEquals(Html.escape(text), html.replace("<mark>", "").replace("</mark>", ""));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withChars("<>&\"' ab\uD83D\uDE00").ofMaxLength(40));
  }

  @Provide
  Arbitrary<List<Evidence>> spans() {
    Arbitrary<Evidence> span = Combinators.combine(Arbitraries.integers().between(0, 70),
        Arbitraries.integers().between(0, 30)).as((s, len) -> new Evidence(s, s + len));
    return span.list().ofMaxSize(6).map(ArrayList::new);
  }
}
