package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnSelectorTest {

  private static List<FeedbackRecord> sample(List<String> columns, List<List<String>> rows) {
    List<FeedbackRecord> records = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      records.add(FeedbackRecord.of(i + 2, i + 1, columns, rows.get(i)));
    }
    return records;
  }

  @Test
  void requestedColumnWinsAndMatchesCaseWhenUnique() throws ColumnException {
    List<String> cols = List.of("id", "Comment", "date");
    assertEquals("Comment", ColumnSelector.textColumn(cols, List.of(), "Comment"));
    assertEquals("Comment", ColumnSelector.textColumn(cols, List.of(), "comment"));
  }

  @Test
  void missingRequestedColumnListsColumns() {
    List<String> cols = List.of("id", "Comment", "date");
    ColumnException e = assertThrows(ColumnException.class, () -> ColumnSelector.textColumn(cols, List.of(), "coment"));
    assertEquals("no column named 'coment' (did you mean 'Comment'?); columns are: 'id', 'Comment', 'date'", e.getMessage());
    assertEquals(cols, e.columns());
    assertEquals("text", e.role());
  }

  @Test
  void usualNamesAreFoundIgnoringCaseAndPunctuation() throws ColumnException {
    assertEquals("Free Text", ColumnSelector.textColumn(List.of("id", "Free Text"), List.of(), null));
    assertEquals(
        "What could we do better?",
        ColumnSelector.textColumn(List.of("Respondent", "What could we do better?", "score"), List.of(), null));
    assertEquals("FEEDBACK", ColumnSelector.textColumn(List.of("FEEDBACK", "team"), List.of(), null));
  }

  @Test
  void withoutUsualNameTheOnlyFreeTextColumnIsChosen() throws ColumnException {
    List<String> cols = List.of("ref", "q1", "team");
    List<FeedbackRecord> s =
        sample(
            cols,
            List.of(
                List.of("A1", "The worker never called me back after the meeting", "North"),
                List.of("A2", "", "South"),
                List.of("A3", "Kind and patient with my son every time", "North East")));
    assertEquals("q1", ColumnSelector.textColumn(cols, s, null));
  }

  @Test
  void twoFreeTextColumnsAreAmbiguous() {
    List<String> cols = List.of("q1", "q2");
    List<FeedbackRecord> s =
        sample(cols, List.of(List.of("The worker never called me back", "She was kind to all of us")));
    ColumnException e = assertThrows(ColumnException.class, () -> ColumnSelector.textColumn(cols, s, null));
    assertTrue(e.getMessage().startsWith("several columns look like free text ('q1', 'q2')"), e.getMessage());
  }

  @Test
  void severalUsualNamesAreNarrowedByContent() throws ColumnException {
    List<String> cols = List.of("response", "comments");
    List<FeedbackRecord> s =
        sample(cols, List.of(List.of("Yes", "They listened to everything we said"), List.of("No", "")));
    assertEquals("comments", ColumnSelector.textColumn(cols, s, null));
  }

  @Test
  void nothingRecognisableIsAnErrorListingColumns() {
    List<String> cols = List.of("a", "b");
    List<FeedbackRecord> s = sample(cols, List.of(List.of("1", "2")));
    ColumnException e = assertThrows(ColumnException.class, () -> ColumnSelector.textColumn(cols, s, null));
    assertEquals("cannot tell which column holds the comments; columns are: 'a', 'b'", e.getMessage());
  }

  @Test
  void repeatedColumnNameIsAmbiguous() {
    List<String> cols = List.of("text", "text");
    assertThrows(ColumnException.class, () -> ColumnSelector.textColumn(cols, List.of(), "text"));
  }

  @Test
  void idColumnIsOptional() throws ColumnException {
    assertEquals(Optional.of("Response ID"), ColumnSelector.idColumn(List.of("Response ID", "text"), null));
    assertEquals(Optional.of("ID"), ColumnSelector.idColumn(List.of("uuid", "text", "ID"), null));
    assertEquals(Optional.empty(), ColumnSelector.idColumn(List.of("text", "when"), null));
    assertEquals(Optional.of("when"), ColumnSelector.idColumn(List.of("text", "when"), "when"));
    assertThrows(ColumnException.class, () -> ColumnSelector.idColumn(List.of("text"), "key"));
  }

  @Test
  void freeTextNeedsThreeWordsAndFifteenCharacters() {
    assertTrue(ColumnSelector.isFreeText("she never called"));
    assertEquals(false, ColumnSelector.isFreeText("2024-01-02 10:00 UTC+1"));
    assertEquals(false, ColumnSelector.isFreeText("a b c"));
    assertEquals(false, ColumnSelector.isFreeText("Extraordinarily-long-single-token"));
  }
}
