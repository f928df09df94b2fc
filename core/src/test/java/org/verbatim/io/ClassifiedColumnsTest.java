package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verbatim.Evidence;
import org.verbatim.Polarity;

class ClassifiedColumnsTest {

  private static Map<String, String> row(String prefix, String themes, String scores, String polarity,
      String evidence, String error) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", "1");
    row.put("comment", "She never listened but was polite.");
    row.put(prefix + "themes", themes);
    row.put(prefix + "scores", scores);
    row.put(prefix + "polarity", polarity);
    row.put(prefix + "evidence", evidence);
    row.put(prefix + "error", error);
    return row;
  }

  @Test
  void readsAllFiveColumns() {
    Map<String, String> row = row("", "listening;respect", "listening:0.83;respect:0.61",
        "listening:negative;respect:positive", "listening:4-19,20-23;respect:28-34", "");
    List<ThemeResult> themes = new ClassifiedColumns("").themes(row);
    assertEquals(List.of(
        new ThemeResult("listening", 0.83, Polarity.NEGATIVE, List.of(new Evidence(4, 19), new Evidence(20, 23))),
        new ThemeResult("respect", 0.61, Polarity.POSITIVE, List.of(new Evidence(28, 34)))), themes);
    assertNull(new ClassifiedColumns("").error(row));
  }

  @Test
  void honoursThePrefix() {
    Map<String, String> row = row("vb_", "listening", "", "", "", "boom");
    ClassifiedColumns columns = new ClassifiedColumns("vb_");
    ThemeResult t = columns.themes(row).get(0);
    assertEquals("listening", t.theme());
    assertTrue(Double.isNaN(t.score()));
    assertEquals(Polarity.NEUTRAL, t.polarity());
    assertEquals("boom", columns.error(row));
  }

  @Test
  void missingThemesColumnListsColumns() {
    Map<String, String> row = row("vb_", "listening", "", "", "", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClassifiedColumns("").themes(row));
    assertTrue(e.getMessage().contains("'themes'"), e.getMessage());
    assertTrue(e.getMessage().contains("vb_themes"), "lists the columns: " + e.getMessage());
    assertFalse(e.getMessage().contains("listened"), "no comment text in messages");
  }

  @Test
  void emptyThemesGiveNoResults() {
    assertEquals(List.of(), new ClassifiedColumns("").themes(row("", " ; ", "", "", "", "")));
  }

  @Test
  void dropsInvalidSpansButRejectsMalformedOnes() {
    ClassifiedColumns columns = new ClassifiedColumns("");
    ThemeResult t = columns.themes(row("", "a", "", "", "a:9-3,-4-2,1-2", "")).get(0);
    assertEquals(List.of(new Evidence(1, 2)), t.evidence());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> columns.themes(row("", "a", "", "", "a:x-3", "")));
    assertTrue(e.getMessage().contains("'evidence'"), e.getMessage());
  }

  @Test
  void rejectsBadScoresAndPolarities() {
    ClassifiedColumns columns = new ClassifiedColumns("");
    IllegalArgumentException score = assertThrows(IllegalArgumentException.class,
        () -> columns.themes(row("", "a", "a:1.7", "", "", "")));
    assertTrue(score.getMessage().contains("'scores'") && score.getMessage().contains("'a'"), score.getMessage());
    assertThrows(IllegalArgumentException.class, () -> columns.themes(row("", "a", "a:high", "", "", "")));
    IllegalArgumentException pol = assertThrows(IllegalArgumentException.class,
        () -> columns.themes(row("", "a", "", "a:angry", "", "")));
    assertTrue(pol.getMessage().contains("'polarity'"), pol.getMessage());
    assertThrows(IllegalArgumentException.class, () -> columns.themes(row("", "a", "0.5", "", "", "")));
  }
}
