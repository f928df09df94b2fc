package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;

/** {@code .xlsx} in and out, and the long and one-hot layouts in every format. */
class SpreadsheetAndLayoutTest {

  @TempDir Path dir;

  private static final String TEXT = "She never listened to us, but she was always polite.";
  private static final List<String> THEMES = List.of("respect", "listening", "power");

  private static Classification twoThemes() {
    int listened = TEXT.indexOf("never listened");
    int polite = TEXT.indexOf("always polite");
    return new Classification(List.of(
        new ThemeTag("listening", 0.8346, Polarity.NEGATIVE, List.of(new Evidence(listened, listened + 14))),
        new ThemeTag("respect", 0.6049, Polarity.POSITIVE, List.of(new Evidence(polite, polite + 13)))));
  }

  /** A workbook written the way Excel writes one: text in the shared-string table, a date as a styled number. */
  private Path excelLike() throws IOException {
    Path f = dir.resolve("responses.xlsx");
    try (OutputStream out = Files.newOutputStream(f)) {
      Workbook wb = new Workbook(out, "Test", "1.0");
      Worksheet notes = wb.newWorksheet("Notes");
      notes.value(0, 0, "read me");
      Worksheet ws = wb.newWorksheet("Responses");
      ws.value(0, 0, "id");
      ws.value(0, 1, "date");
      ws.value(0, 2, "comment");
      ws.value(1, 0, 101);
      ws.value(1, 1, LocalDate.of(2026, 1, 7));
      ws.style(1, 1).format("yyyy-mm-dd").set();
      ws.value(1, 2, TEXT);
      ws.value(3, 0, 102.5); // row 3 left empty: skipped
      ws.value(3, 2, "Kind, \"mostly\"");
      wb.finish();
    }
    return f;
  }

  private static List<FeedbackRecord> all(FeedbackReader r) throws IOException {
    List<FeedbackRecord> out = new ArrayList<>();
    for (FeedbackRecord x = r.next(); x != null; x = r.next()) {
      out.add(x);
    }
    return out;
  }

  @Test
  void aNamedSheetIsReadWithNumbersDatesAndSharedStrings() throws IOException {
    Path f = excelLike();
    try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.XLSX, ReadOptions.builder().sheet("Responses").build())) {
      assertEquals(List.of("id", "date", "comment"), r.header());
      List<FeedbackRecord> rows = all(r);
      assertEquals(2, rows.size());
      assertEquals(List.of("101", "2026-01-07", TEXT), rows.get(0).values());
      assertEquals(2, rows.get(0).line());
      assertEquals(List.of("102.5", "", "Kind, \"mostly\""), rows.get(1).values());
      assertEquals(4, rows.get(1).line());
    }
    try (FeedbackReader first = FeedbackReader.open(f)) {
      assertEquals(List.of("read me"), first.header());
    }
    FeedbackFileException e = assertThrows(FeedbackFileException.class,
        () -> FeedbackReader.open(f, FeedbackFormat.XLSX, ReadOptions.builder().sheet("Answers").build()));
    assertTrue(e.getMessage().contains("no sheet named 'Answers'; its sheets are 'Notes', 'Responses'"), e.getMessage());
  }

  @Test
  void aFileThatIsNoWorkbookIsRefusedClearly() throws IOException {
    Path csv = Files.writeString(dir.resolve("fake.xlsx"), "id,comment\n1,hi\n");
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> FeedbackReader.open(csv));
    assertTrue(e.getMessage().contains("is not an .xlsx workbook"), e.getMessage());
  }

  /**
   * A workbook written by a program that leaves out the styles part (allowed by the format: cells then have no
   * formats) is read, not refused; fastexcel with cell formats on fails on it with "null not found".
   */
  @Test
  void aWorkbookWithoutStylesIsRead() throws IOException {
    Path styled = excelLike();
    Path bare = dir.resolve("bare.xlsx");
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(styled.toFile());
        java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bare))) {
      int dropped = 0;
      for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
        String body = new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        if (e.getName().equals("xl/styles.xml")) {
          dropped++;
          continue;
        }
        body = body.replaceAll("<Override[^>]*styles\\.xml\"[^>]*/>", "")
            .replaceAll("<Relationship[^>]*styles\\.xml\"[^>]*/>", "");
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
      assertEquals(1, dropped, "the fixture had a styles part to drop");
    }
    try (FeedbackReader r = FeedbackReader.open(bare, FeedbackFormat.XLSX,
        ReadOptions.builder().sheet("Responses").build())) {
      assertEquals(List.of("id", "date", "comment"), r.header());
      List<FeedbackRecord> rows = all(r);
      assertEquals(2, rows.size());
      assertEquals("101", rows.get(0).values().get(0));
      assertEquals(TEXT, rows.get(0).values().get(2));
      assertEquals("Kind, \"mostly\"", rows.get(1).values().get(2));
    }
  }

  private List<FeedbackRecord> source() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "id,comment\n7,\"" + TEXT + "\"\n8,\n");
    try (FeedbackReader r = FeedbackReader.open(in)) {
      return all(r);
    }
  }

  private Path write(FeedbackFormat format, Layout layout, String name) throws IOException {
    List<FeedbackRecord> records = source();
    Path out = dir.resolve(name);
    try (ClassifiedWriter w = ClassifiedWriter.open(format, Files.newOutputStream(out), List.of("id", "comment"),
        OutputColumns.withPrefix(""), new WriteOptions(';', false, layout, THEMES))) {
      w.write(ClassifiedRow.of(records.get(0), TEXT, twoThemes()));
      w.write(ClassifiedRow.failed(records.get(1), "no text"));
    }
    return out;
  }

  @Test
  void longLayoutHasOneRowPerCommentAndThemeAndKeepsCommentsWithout() throws IOException {
    Path csv = write(FeedbackFormat.CSV, Layout.LONG, "long.csv");
    assertEquals("id;comment;theme;score;polarity;evidence;evidence_offsets;error\n"
        + "7;" + TEXT + ";listening;0.835;negative;never listened;4-18;\n"
        + "7;" + TEXT + ";respect;0.605;positive;always polite;38-51;\n"
        + "8;;;;;;;no text\n", Files.readString(csv));
    Path xlsx = write(FeedbackFormat.XLSX, Layout.LONG, "long.xlsx");
    try (FeedbackReader r = FeedbackReader.open(xlsx)) {
      assertEquals(List.of("id", "comment", "theme", "score", "polarity", "evidence", "evidence_offsets", "error"), r.header());
      List<FeedbackRecord> rows = all(r);
      assertEquals(3, rows.size());
      assertEquals(List.of("7", TEXT, "respect", "0.605", "positive", "always polite", "38-51", ""), rows.get(1).values());
      assertEquals(List.of("8", "", "", "", "", "", "", "no text"), rows.get(2).values());
    }
    Path jsonl = write(FeedbackFormat.JSONL, Layout.LONG, "long.jsonl");
    List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    assertEquals(3, lines.size());
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertEquals("listening", first.get("theme").asText());
    assertEquals(0.835, first.get("score").asDouble());
    assertEquals("never listened", first.get("evidence").asText());
  }

  @Test
  void oneHotLayoutHasAColumnPerThemeOfTheClassifier() throws IOException {
    Path csv = write(FeedbackFormat.CSV, Layout.ONEHOT, "onehot.csv");
    assertEquals("id;comment;respect;listening;power;respect_polarity;listening_polarity;power_polarity;evidence;error\n"
        + "7;" + TEXT + ";1;1;0;positive;negative;;\"listening: never listened; respect: always polite\";\n"
        + "8;;0;0;0;;;;;no text\n", Files.readString(csv));
    Path xlsx = write(FeedbackFormat.XLSX, Layout.ONEHOT, "onehot.xlsx");
    try (FeedbackReader r = FeedbackReader.open(xlsx)) {
      List<FeedbackRecord> rows = all(r);
      assertEquals(List.of("7", TEXT, "1", "1", "0", "positive", "negative", "",
          "listening: never listened; respect: always polite", ""), rows.get(0).values());
    }
  }

  @Test
  void wideLayoutInASpreadsheetHasTheCsvColumns() throws IOException {
    Path xlsx = write(FeedbackFormat.XLSX, Layout.WIDE, "wide.xlsx");
    try (FeedbackReader r = FeedbackReader.open(xlsx)) {
      assertEquals(List.of("id", "comment", "themes", "scores", "polarity", "evidence", "evidence_text", "error"),
          r.header());
      assertEquals(List.of("7", TEXT, "listening;respect", "listening:0.835;respect:0.605",
          "listening:negative;respect:positive", "listening:4-18;respect:38-51",
          "listening: never listened; respect: always polite", ""), all(r).get(0).values());
    }
  }

  @Test
  void controlCharactersSurviveASpreadsheet() throws IOException {
    // XML cannot hold \u000b; a writer that drops it shifts every evidence offset after it
    String odd = "line\u000b\u000bbreak _x0041_ kept\u0001, tab\there";
    Path in = Files.writeString(dir.resolve("odd.csv"), "id,comment\n1,\"" + odd + "\"\n");
    FeedbackRecord record;
    try (FeedbackReader r = FeedbackReader.open(in)) {
      record = r.next();
    }
    Path out = dir.resolve("odd.xlsx");
    try (ClassifiedWriter w = ClassifiedWriter.open(FeedbackFormat.XLSX, Files.newOutputStream(out), List.of("id", "comment"),
        OutputColumns.withPrefix(""), new WriteOptions(',', false, Layout.WIDE, THEMES))) {
      w.write(ClassifiedRow.of(record, odd, Classification.EMPTY));
    }
    try (FeedbackReader r = FeedbackReader.open(out)) {
      assertEquals(odd, r.next().get("comment").orElseThrow());
    }
  }

  @Test
  void anAddedColumnNameInTheInputIsAClash() throws IOException {
    assertThrows(ColumnClashException.class, () -> ClassifiedWriter.open(FeedbackFormat.CSV, OutputStream.nullOutputStream(),
        List.of("id", "theme"), OutputColumns.withPrefix(""), new WriteOptions(',', false, Layout.LONG, THEMES)));
    assertThrows(ColumnClashException.class, () -> ClassifiedWriter.open(FeedbackFormat.XLSX, OutputStream.nullOutputStream(),
        List.of("id", "power"), OutputColumns.withPrefix(""), new WriteOptions(',', false, Layout.ONEHOT, THEMES)));
  }
}
