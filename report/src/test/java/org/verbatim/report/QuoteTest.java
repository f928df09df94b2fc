package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.Evidence;

class QuoteTest {

  @Test
  void shortTextIsKeptWhole() {
    Quote q = Quote.of("short text", List.of(new Evidence(0, 5)), 600, "#1");
    assertEquals("short text", q.text());
    assertFalse(q.cutBefore() || q.cutAfter());
  }

  @Test
  void longTextIsCutAroundTheEvidence() {
    String filler = "word ".repeat(300);
    String text = filler + "never returned my calls" + filler;
    int start = filler.length();
    Quote q = Quote.of(text, List.of(new Evidence(start, start + 23)), 600, "");
    assertTrue(q.text().length() <= 600, "length " + q.text().length());
    assertTrue(q.cutBefore() && q.cutAfter());
    assertEquals(1, q.spans().size());
    Evidence e = q.spans().get(0);
    assertEquals("never returned my calls", q.text().substring(e.start(), e.end()));
  }

  @Test
  void spansOutsideTheExcerptAreDroppedAndOverhangClamped() {
    String text = "x".repeat(2000);
    Quote q = Quote.of(text, List.of(new Evidence(100, 110), new Evidence(1900, 5000)), 600, "");
    for (Evidence e : q.spans()) {
      assertTrue(e.end() <= q.text().length());
    }
    assertEquals(List.of(new Evidence(100, 110)), q.spans());
  }
}
