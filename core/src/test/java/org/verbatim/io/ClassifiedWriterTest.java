package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;

class ClassifiedWriterTest {

  @TempDir Path dir;

  private static final String TEXT = "She never listened to us, but she was always polite.";

  private static Classification twoThemes() {
    int listened = TEXT.indexOf("never listened");
    int polite = TEXT.indexOf("always polite");
    return new Classification(
        List.of(
            new ThemeTag("respect", 0.6049, Polarity.POSITIVE, List.of(new Evidence(polite, polite + 13))),
            new ThemeTag(
                "listening",
                0.8346,
                Polarity.NEGATIVE,
                List.of(new Evidence(listened, listened + 14), new Evidence(0, 3))),
            new ThemeTag("power", 0.1, Polarity.NEUTRAL, List.of())));
  }

  private List<FeedbackRecord> read(Path file) throws IOException {
    List<FeedbackRecord> out = new ArrayList<>();
    try (FeedbackReader r = FeedbackReader.open(file)) {
      for (FeedbackRecord x = r.next(); x != null; x = r.next()) {
        out.add(x);
      }
    }
    return out;
  }

  @Test
  void csvKeepsEveryColumnAndAppendsThemeColumns() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "id,comment,team\n7,\"" + TEXT + "\",\"North, East\"\n8,,South\n");
    List<FeedbackRecord> records = read(in);
    Path out = dir.resolve("out.csv");
    try (ClassifiedWriter w =
        ClassifiedWriter.csv(Files.newBufferedWriter(out), List.of("id", "comment", "team"), OutputColumns.withPrefix(""), false)) {
      w.write(ClassifiedRow.of(records.get(0), TEXT, twoThemes()));
      w.write(ClassifiedRow.of(records.get(1), "", Classification.EMPTY));
    }
    List<FeedbackRecord> back = read(out);
    assertEquals(
        List.of("id", "comment", "team", "themes", "scores", "polarity", "evidence", "evidence_text", "error"),
        back.get(0).columns());
    int listened = TEXT.indexOf("never listened");
    int polite = TEXT.indexOf("always polite");
    assertEquals(
        List.of(
            "7",
            TEXT,
            "North, East",
            "listening;respect;power",
            "listening:0.835;respect:0.605;power:0.10",
            "listening:negative;respect:positive;power:neutral",
            "listening:0-3," + listened + "-" + (listened + 14) + ";respect:" + polite + "-" + (polite + 13),
            "listening: She | never listened; respect: always polite",
            ""),
        back.get(0).values());
    assertEquals(List.of("8", "", "South", "", "", "", "", "", ""), back.get(1).values());
  }

  @Test
  void csvErrorRowKeepsFieldsPaddedToTheHeader() throws IOException {
    List<String> header = List.of("id", "text", "x");
    FeedbackRecord short1 = FeedbackRecord.error(5, 4, header, List.of("9"), "record has 1 field, the header has 3");
    StringWriter s = new StringWriter();
    try (ClassifiedWriter w = ClassifiedWriter.csv(s, header, OutputColumns.withPrefix("vb_"), false)) {
      w.write(ClassifiedRow.failed(short1, "line 5: record has 1 field, the header has 3"));
    }
    assertEquals(
        "id,text,x,vb_themes,vb_scores,vb_polarity,vb_evidence,vb_evidence_text,vb_error\n"
            + "9,,,,,,,,\"line 5: record has 1 field, the header has 3\"\n",
        s.toString());
  }

  @Test
  void csvWithByteOrderMarkStartsWithIt() throws IOException {
    StringWriter s = new StringWriter();
    ClassifiedWriter.csv(s, List.of("text"), OutputColumns.withPrefix(""), true).close();
    assertTrue(s.toString().startsWith("\uFEFFtext,themes,"), s.toString());
  }

  @Test
  void csvHeaderClashIsRefusedBeforeWriting() {
    StringWriter s = new StringWriter();
    ColumnClashException e =
        assertThrows(
            ColumnClashException.class,
            () -> ClassifiedWriter.csv(s, List.of("text", "Themes", "error"), OutputColumns.withPrefix(""), false));
    assertEquals(List.of("Themes", "error"), e.columns());
    assertEquals("", s.toString());
  }

  @Test
  void jsonlKeepsFieldsAndTypesAndAddsObjects() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("in.jsonl"),
            "{\"id\": 7, \"text\": \"" + TEXT + "\", \"meta\": {\"team\": \"N\"}, \"w\": 1.50, \"ok\": true}\n"
                + "not json\n",
            StandardCharsets.UTF_8);
    List<FeedbackRecord> records = read(in);
    StringWriter s = new StringWriter();
    try (ClassifiedWriter w = ClassifiedWriter.jsonl(s, OutputColumns.withPrefix(""))) {
      w.write(ClassifiedRow.of(records.get(0), TEXT, twoThemes()));
      w.write(ClassifiedRow.failed(records.get(1), "line 2: " + records.get(1).error().orElseThrow()));
    }
    String[] lines = s.toString().split("\n");
    assertEquals(2, lines.length);
    ObjectMapper m = new ObjectMapper();
    JsonNode first = m.readTree(lines[0]);
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("id", "text", "meta", "w", "ok", "themes", "scores", "polarity", "evidence", "error"), keys);
    assertTrue(lines[0].startsWith("{\"id\":7,\"text\":\"" + TEXT + "\",\"meta\":{\"team\":\"N\"},\"w\":1.50,\"ok\":true,"), lines[0]);
    assertEquals("[\"listening\",\"respect\",\"power\"]", first.get("themes").toString());
    assertEquals(0.835, first.get("scores").get("listening").doubleValue());
    assertEquals("negative", first.get("polarity").get("listening").textValue());
    assertEquals("never listened", first.get("evidence").get("listening").get(1).get("text").textValue());
    assertEquals(0, first.get("evidence").get("power").size());
    assertTrue(first.get("error").isNull());
    JsonNode second = m.readTree(lines[1]);
    assertEquals(2, second.get("line").intValue());
    assertEquals(0, second.get("themes").size());
    assertTrue(second.get("error").textValue().startsWith("line 2: not a valid JSON object"));
  }

  @Test
  void jsonlRecordWithClashingFieldStopsWriting() throws IOException {
    Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"a\"}\n{\"text\": \"b\", \"scores\": 3}\n");
    List<FeedbackRecord> records = read(in);
    StringWriter s = new StringWriter();
    try (ClassifiedWriter w = ClassifiedWriter.jsonl(s, OutputColumns.withPrefix(""))) {
      w.write(ClassifiedRow.of(records.get(0), "a", Classification.EMPTY));
      ColumnClashException e =
          assertThrows(ColumnClashException.class, () -> w.write(ClassifiedRow.of(records.get(1), "b", Classification.EMPTY)));
      assertEquals(2, e.line());
      assertEquals(List.of("scores"), e.columns());
    }
  }

  @Test
  void csvRecordsCanBeWrittenAsJsonlAndJsonlRecordsAsCsv() throws IOException {
    FeedbackRecord csv = FeedbackRecord.of(2, 1, List.of("id", "text"), List.of("1", "hi"));
    StringWriter j = new StringWriter();
    try (ClassifiedWriter w = ClassifiedWriter.jsonl(j, OutputColumns.withPrefix(""))) {
      w.write(ClassifiedRow.of(csv, "hi", Classification.EMPTY));
    }
    assertEquals(
        "{\"id\":\"1\",\"text\":\"hi\",\"themes\":[],\"scores\":{},\"polarity\":{},\"evidence\":{},\"error\":null}\n",
        j.toString());
    Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"hi\", \"n\": 2}\n");
    FeedbackRecord json = read(in).get(0);
    StringWriter c = new StringWriter();
    try (ClassifiedWriter w = ClassifiedWriter.csv(c, List.of("n", "text", "absent"), OutputColumns.withPrefix(""), false)) {
      w.write(ClassifiedRow.of(json, "hi", Classification.EMPTY));
    }
    assertEquals("n,text,absent,themes,scores,polarity,evidence,evidence_text,error\n2,hi,,,,,,,\n", c.toString());
  }

  @Test
  void rowRejectsEvidenceOutsideTheText() {
    FeedbackRecord r = FeedbackRecord.of(2, 1, List.of("text"), List.of("abc"));
    Classification c = new Classification(List.of(new ThemeTag("x", 0.5, Polarity.POSITIVE, List.of(new Evidence(1, 4)))));
    assertThrows(IllegalArgumentException.class, () -> ClassifiedRow.of(r, "abc", c));
  }
}
