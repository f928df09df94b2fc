package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record over the limits is an error record (or a clear file error) and the rest of the file is read. */
class ReadLimitsTest {

  @TempDir Path dir;

  private static final ReadLimits SMALL = new ReadLimits(100, 3);

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void csvFieldOverTheLimitIsAnErrorRecordAndReadingGoesOn() throws IOException {
    String big = "kind ".repeat(100);
    Path f = write("f.csv", "id,comment,team\n1,short,a\n2,\"" + big + "\",b\n3," + big + ",c\n4,fine,d\n");
    List<FeedbackRecord> records = new ArrayList<>();
    try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV, SMALL)) {
      for (FeedbackRecord x = r.next(); x != null; x = r.next()) {
        records.add(x);
      }
    }
    assertEquals(4, records.size());
    assertFalse(records.get(0).isError());
    for (int k : new int[] {1, 2}) {
      FeedbackRecord x = records.get(k);
      assertTrue(x.isError());
      assertEquals("field 2 ('comment') is 500 bytes, over the limit of 100 bytes; it is left empty and the row is"
          + " not classified", x.error().orElseThrow());
      assertEquals(List.of(String.valueOf(k + 1), "", k == 1 ? "b" : "c"), x.values());
    }
    assertEquals("fine", records.get(3).get("comment").orElseThrow());
  }

  @Test
  void batchPathAppliesTheSameLimit() throws IOException {
    String big = "x".repeat(101);
    Path f = write("f.csv", "id,comment\n1,a\n2," + big + "\n3,b\n");
    try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV, SMALL)) {
      RecordBatch b = r.newBatch(16, "comment");
      assertEquals(3, r.next(b));
      assertFalse(b.isRecordError(0));
      assertTrue(b.isRecordError(1));
      assertTrue(b.recordError(1).contains("101 bytes, over the limit of 100"), b.recordError(1));
      assertEquals("", b.text(1));
      assertEquals("b", b.text(2));
      assertEquals(3, b.line(2) - 1);
    }
  }

  @Test
  void jsonLineOverTheLimitIsAnErrorRecord() throws IOException {
    String big = "y".repeat(200);
    Path f = write("f.jsonl", "{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"" + big + "\"}\n\n{\"id\":3,\"text\":\"c\"}");
    List<FeedbackRecord> records = new ArrayList<>();
    try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.JSONL, SMALL)) {
      for (FeedbackRecord x = r.next(); x != null; x = r.next()) {
        records.add(x);
      }
    }
    assertEquals(3, records.size());
    assertTrue(records.get(1).isError());
    assertEquals(2, records.get(1).line());
    assertTrue(records.get(1).error().orElseThrow().startsWith("the line is 218 bytes, over the limit of 100"));
    assertEquals(4, records.get(2).line());
  }

  @Test
  void quotedFieldOverManyLinesNamesTheLineWhereItOpened() throws IOException {
    StringBuilder b = new StringBuilder("id,comment\n1,ok\n2,ok\n3,\"stray quote\n");
    for (int i = 4; i < 40; i++) {
      b.append(i).append(",fine\n");
    }
    b.append("40,\"closes here\"\n");
    Path f = write("f.csv", b.toString());
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> {
      try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV, SMALL)) {
        while (r.next() != null) {
          // read on
        }
      }
    });
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("more than 3 line breaks"), e.getMessage());
  }

  @Test
  void quotedFieldWithinTheLineLimitIsRead() throws IOException {
    Path f = write("f.csv", "id,comment\n1,\"one\ntwo\nthree\nfour\"\n2,x\n");
    try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV, SMALL)) {
      assertEquals("one\ntwo\nthree\nfour", r.next().get("comment").orElseThrow());
      assertEquals("x", r.next().get("comment").orElseThrow());
    }
  }

  @Test
  void closingQuoteFollowedByTextNamesBothLines() throws IOException {
    Path f = write("f.csv", "id,comment\n1,\"stray\n2,\"fine\"\n");
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> {
      try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV, ReadLimits.DEFAULT)) {
        while (r.next() != null) {
          // read on
        }
      }
    });
    assertTrue(e.getMessage().contains("the quoted field opened on line 2"), e.getMessage());
  }

  @Test
  void limitsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new ReadLimits(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ReadLimits(1, -1));
  }
}
