package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
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

/** The batch path gives the same records, and writes the same bytes, as the record-by-record path. */
class RecordBatchTest {

  @TempDir Path dir;

  private static final String CSV = "\uFEFFid,comment,team,\"quoted, head\"\r\n"
      + "1,\"The nurse was kind, and she listened\",North,x\r\n"
      + "\r\n"
      + "2,\"Multi\nline \"\"quoted\"\" comment\",South,\"y\"  \r\n"
      + "3,short,#hash,\r\n"
      + "4,too,many,fields,here\r\n"
      + "5,few\r\n"
      + "6,\"  leading space \",  ,z \r\n"
      + "7,\"Café naïve 😀 — helpful\",\tNorth,\"a\rb\"\r\n"
      + "8,,\"\",\"\"\r\n"
      + "9,last one,North,end";

  private static final String JSONL = "{\"id\": 1, \"comment\": \"kind and clear\", \"n\": 1.50, \"tags\": [1, 2]}\n"
      + "\n"
      + "{\"comment\": oops}\r\n"
      + "[1]\r"
      + "{\"id\": \"x\", \"comment\": \"naïve 😀\", \"team\": null}\n"
      + "{\"id\": 4}\n";

  /** Gives each row a classification that exercises the formats: ties, evidence, several themes, a failure. */
  private static void classify(RecordBatch b) {
    for (int i = 0; i < b.size(); i++) {
      String text = b.text(i);
      if (b.isRecordError(i)) {
        b.failed(i, "line " + b.line(i) + ": " + b.recordError(i));
      } else if (text.length() > 10 && b.number(i) % 3 == 0) {
        b.failed(i, "IllegalStateException: \"odd\", state");
      } else if (text.length() >= 4) {
        b.classified(i, new Classification(List.of(
            new ThemeTag("listening", 0.8345, Polarity.NEGATIVE, List.of(new Evidence(0, 2), new Evidence(1, 4))),
            new ThemeTag("respect", 1.0, Polarity.MIXED, List.of()),
            new ThemeTag("power", 0.0005, Polarity.POSITIVE, List.of(new Evidence(3, 4))))));
      } else {
        b.classified(i, Classification.EMPTY);
      }
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void batchesHoldWhatNextReturns() throws IOException {
    for (String name : List.of("f.csv", "f.jsonl")) {
      Path file = write(name, name.endsWith("csv") ? CSV : JSONL);
      List<FeedbackRecord> expected = new ArrayList<>();
      try (FeedbackReader r = FeedbackReader.open(file)) {
        for (FeedbackRecord x = r.next(); x != null; x = r.next()) {
          expected.add(x);
        }
      }
      List<FeedbackRecord> actual = new ArrayList<>();
      try (FeedbackReader r = FeedbackReader.open(file)) {
        RecordBatch b = r.newBatch(3, "comment");
        for (int n = r.next(b); n > 0; n = r.next(b)) {
          for (int i = 0; i < n; i++) {
            FeedbackRecord x = b.record(i);
            actual.add(x);
            FeedbackRecord e = expected.get(actual.size() - 1);
            assertEquals(e.line(), b.line(i));
            assertEquals(e.number(), b.number(i));
            if (!e.isError() && e.get("comment").isEmpty() && name.endsWith("jsonl")) {
              // a JSON record without the text field is an error row of the batch path (issue 17)
              assertTrue(b.recordError(i).startsWith("no field 'comment' (the text field)"), b.recordError(i));
            } else {
              assertEquals(e.error().orElse(null), b.recordError(i));
            }
            assertEquals(e.isError() ? "" : e.get("comment").orElse(""), b.text(i), name + " text " + i);
            assertEquals(e.get("id").orElse(null), b.value(i, "id"));
            assertEquals(e.get("team").orElse(null), b.value(i, "team"));
          }
        }
        assertEquals(0, r.next(b));
      }
      assertEquals(expected.size(), actual.size(), name);
      for (int k = 0; k < expected.size(); k++) {
        assertEquals(expected.get(k).columns(), actual.get(k).columns());
        assertEquals(expected.get(k).values(), actual.get(k).values());
      }
    }
  }

  @Test
  void writingBatchesGivesTheBytesOfWritingRows() throws IOException {
    for (String name : List.of("f.csv", "f.jsonl")) {
      for (String prefix : List.of("", "vb_")) {
        Path file = write(name, name.endsWith("csv") ? CSV : JSONL);
        OutputColumns columns = OutputColumns.withPrefix(prefix);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter chars = new StringWriter();
        try (FeedbackReader r = FeedbackReader.open(file);
            ClassifiedWriter batches = ClassifiedWriter.open(r.format(), bytes, r.header(), columns, r.hadByteOrderMark());
            ClassifiedWriter rows = ClassifiedWriter.open(r.format(), chars, r.header(), columns, r.hadByteOrderMark())) {
          RecordBatch b = r.newBatch(2, "comment");
          for (int n = r.next(b); n > 0; n = r.next(b)) {
            classify(b);
            batches.write(b);
            for (int i = 0; i < n; i++) {
              rows.write(b.row(i));
            }
          }
        }
        assertArrayEquals(chars.toString().getBytes(StandardCharsets.UTF_8), bytes.toByteArray(), name + " " + prefix);
      }
    }
  }

  @Test
  void csvBatchWrittenAsExpected() throws IOException {
    Path file = write("g.csv", "id,comment\n1,\"a, b\"\n2,x\n3\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (FeedbackReader r = FeedbackReader.open(file);
        ClassifiedWriter w = ClassifiedWriter.open(r.format(), bytes, r.header(), OutputColumns.withPrefix(""), false)) {
      RecordBatch b = r.newBatch(10, "comment");
      r.next(b);
      b.classified(0, new Classification(List.of(new ThemeTag("t", 0.5, Polarity.POSITIVE, List.of(new Evidence(0, 1))))));
      b.classified(1, Classification.EMPTY);
      b.failed(2, "line " + b.line(2) + ": " + b.recordError(2));
      w.write(b);
    }
    assertEquals("id,comment,themes,scores,polarity,evidence,evidence_text,error\n"
        + "1,\"a, b\",t,t:0.50,t:positive,t:0-1,t: a,\n"
        + "2,x,,,,,,\n"
        + "3,,,,,,,\"line 4: record has 1 field, the header has 2\"\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void misuseIsRefused() throws IOException {
    Path file = write("h.csv", "id,comment\n1,abc\n");
    try (FeedbackReader r = FeedbackReader.open(file); FeedbackReader other = FeedbackReader.open(file)) {
      RecordBatch b = r.newBatch(4, "comment");
      assertThrows(IllegalArgumentException.class, () -> other.next(b));
      assertThrows(IllegalArgumentException.class, () -> r.newBatch(0, "comment"));
      assertEquals(1, r.next(b));
      assertNull(b.classification(0));
      assertThrows(IllegalStateException.class, () -> b.row(0));
      assertThrows(IndexOutOfBoundsException.class, () -> b.text(1));
      // evidence past the end of the text is refused, as ClassifiedRow does
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.classified(0,
          new Classification(List.of(new ThemeTag("t", 0.5, Polarity.POSITIVE, List.of(new Evidence(0, 9)))))));
      assertEquals("evidence [0, 9) of theme 't' lies outside the text of length 3", e.getMessage());
    }
  }
}
