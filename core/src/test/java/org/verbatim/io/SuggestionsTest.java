package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void typosFindTheNearestNameAndFarNamesNone() {
    List<String> options = List.of("--input", "--output", "--layout", "--delimiter");
    assertEquals(Optional.of("--input"), Suggestions.closest("--inptu", options));
    assertEquals(Optional.of("--delimiter"), Suggestions.closest("--delimeter", options));
    assertEquals(Optional.of("--layout"), Suggestions.closest("--LAYOUT", options));
    assertEquals(Optional.empty(), Suggestions.closest("--colour", options));
    assertEquals(Optional.of("comment"), Suggestions.closest("coment", List.of("id", "comment", "date")));
    assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
    assertEquals(1, Suggestions.distance("ab", "ba"));
    assertEquals(3, Suggestions.distance("", "abc"));
  }
}
