package org.verbatim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LabelSetsTest {

  @Test
  void parsesLikeMetricsPy() {
    assertEquals(List.of("listening", "respect"), new ArrayList<>(LabelSets.parse(" respect ;listening;;respect ")));
    assertEquals(Set.of(), LabelSets.parse(null));
    assertEquals(Set.of(), LabelSets.parse(""));
    assertEquals(Set.of(), LabelSets.parse(" ; ;\t"));
    assertEquals(Set.of("Respect", "respect"), LabelSets.parse("Respect;respect"), "case-sensitive");
    assertEquals(Set.of("a b"), LabelSets.parse(" a b "), "inner space is kept");
    assertEquals(Set.of("a,b"), LabelSets.parse("a,b"), "only ';' separates");
  }

  @Test
  void stripsPythonWhitespaceIncludingNbspAndNel() {
    // Python's str.strip() removes U+00A0 and U+0085; String.strip() does not.
    assertEquals(Set.of("respect"), LabelSets.parse("\u00A0respect\u0085;\u3000"));
    assertEquals("x", LabelSets.pythonStrip("\u2028\u202F x \u001F\u000B"));
    assertEquals("\u200Bx", LabelSets.pythonStrip("\u200Bx"), "zero-width space is not white space in Python");
  }

  @Test
  void joinsInCodePointOrder() {
    // U+1F600 (a surrogate pair in UTF-16) sorts before U+FF21 by code point but after it by String.compareTo.
    String emoji = new String(Character.toChars(0x1F600));
    String fullwidthA = "\uFF21";
    assertTrue(emoji.compareTo(fullwidthA) < 0, "UTF-16 order differs");
    assertEquals(fullwidthA + ";" + emoji, LabelSets.join(List.of(emoji, fullwidthA)));
    assertEquals("B;a;é", LabelSets.join(Set.of("é", "a", "B")));
    assertEquals("", LabelSets.join(List.of()));
    assertThrows(NullPointerException.class, () -> LabelSets.join(null));
  }

  @Test
  void parsedSetsAreUnmodifiable() {
    Set<String> s = LabelSets.parse("a;b");
    assertThrows(UnsupportedOperationException.class, () -> s.add("c"));
  }

  @Property(tries = 300, seed = "20261205")
  void joinThenParseRoundTrips(@ForAll List<@net.jqwik.api.constraints.AlphaChars String> names) {
    Set<String> parsed = LabelSets.parse(String.join(";", names));
    assertEquals(parsed, LabelSets.parse(LabelSets.join(parsed)));
    for (String l : parsed) {
      assertTrue(!l.isEmpty() && !l.contains(";"));
    }
  }
}
