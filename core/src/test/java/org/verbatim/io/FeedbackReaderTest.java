package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackReaderTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private Path writeBytes(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static List<FeedbackRecord> readAll(Path file) throws IOException {
    List<FeedbackRecord> records = new ArrayList<>();
    try (FeedbackReader reader = FeedbackReader.open(file)) {
      for (FeedbackRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  @Test
  void csvKeepsQuotedCommasMultiLineFieldsAndUnicodeWithStartingLines() throws IOException {
    Path file =
        write(
            "f.csv",
            "id,comment,date\n"
                + "1,\"Kind, but late\",2024-01-02\n"
                + "2,\"First line\nsecond line\nthird\",2024-01-03\n"
                + "\n"
                + "3,\"She said \"\"no\"\" — très bien 👍\",2024-01-04\n");
    List<FeedbackRecord> records = readAll(file);
    assertEquals(3, records.size());
    assertEquals(List.of("id", "comment", "date"), records.get(0).columns());
    assertEquals("Kind, but late", records.get(0).get("comment").orElseThrow());
    assertEquals("First line\nsecond line\nthird", records.get(1).get("comment").orElseThrow());
    assertEquals("She said \"no\" — très bien 👍", records.get(2).get("comment").orElseThrow());
    assertEquals(List.of(2L, 3L, 7L), records.stream().map(FeedbackRecord::line).toList());
    assertEquals(List.of(1L, 2L, 3L), records.stream().map(FeedbackRecord::number).toList());
    assertFalse(records.get(2).isError());
  }

  @Test
  void csvLinesCountCrLfAndLoneCr() throws IOException {
    Path file = write("f.csv", "a,b\r\n1,\"x\r\ny\"\r\n2,z\r3,w\r\n");
    List<FeedbackRecord> records = readAll(file);
    assertEquals(List.of(2L, 4L, 5L), records.stream().map(FeedbackRecord::line).toList());
    assertEquals("x\r\ny", records.get(0).values().get(1));
  }

  @Test
  void csvByteOrderMarkIsDroppedFromFirstColumnName() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    b.write("id,text\n1,hello there\n".getBytes(StandardCharsets.UTF_8));
    Path file = writeBytes("bom.csv", b.toByteArray());
    try (FeedbackReader reader = FeedbackReader.open(file)) {
      assertEquals(List.of("id", "text"), reader.header());
      assertTrue(reader.hadByteOrderMark());
      FeedbackRecord r = reader.next();
      assertEquals("1", r.get("id").orElseThrow());
      assertEquals(2, r.line());
    }
  }

  @Test
  void invalidUtf8NamesFileAndLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("id,text\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 2; i < 50; i++) {
      b.write(("" + i + ",comment number " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    b.write("50,caf".getBytes(StandardCharsets.UTF_8));
    b.write(0xE9); // Latin-1 e acute
    b.write("\n51,ok\n".getBytes(StandardCharsets.UTF_8));
    Path file = writeBytes("latin1.csv", b.toByteArray());
    FeedbackFileException e =
        assertThrows(
            FeedbackFileException.class,
            () -> {
              try (FeedbackReader reader = FeedbackReader.open(file)) {
                while (reader.next() != null) {
                  // read on
                }
              }
            });
    assertEquals(50, e.line());
    assertTrue(e.getMessage().startsWith(file + ":50: not valid UTF-8"), e.getMessage());
    assertFalse(e.getMessage().contains("caf"), e.getMessage());
  }

  @Test
  void invalidUtf8InsideMultiLineFieldNamesItsOwnLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("id,text\n1,\"a\nb\nc".getBytes(StandardCharsets.UTF_8));
    b.write(0xFF);
    b.write("\"\n".getBytes(StandardCharsets.UTF_8));
    Path file = writeBytes("bad.csv", b.toByteArray());
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> readAll(file));
    assertEquals(4, e.line());
  }

  @Test
  void truncatedUtf8AtEndOfFileIsAnError() throws IOException {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("id,text\n1,x\n2,".getBytes(StandardCharsets.UTF_8));
    b.write(euro, 0, 2);
    Path file = writeBytes("cut.csv", b.toByteArray());
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> readAll(file));
    assertEquals(3, e.line());
  }

  @Test
  void strayQuoteAfterQuotedFieldNamesTheLine() throws IOException {
    Path file = write("q.csv", "id,text\n1,ok\n2,fine\n3,\"quoted\"tail\n4,after\n");
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> readAll(file));
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
    assertFalse(e.getMessage().contains("tail"), e.getMessage());
  }

  @Test
  void unclosedQuoteNamesTheLineWhereTheFieldStarts() throws IOException {
    Path file = write("q.csv", "id,text\n1,ok\n2,\"never closed\n3,more\n4,and more\n");
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> readAll(file));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("never closed"), e.getMessage());
  }

  @Test
  void recordWithWrongFieldCountIsAnErrorRecordAndReadingGoesOn() throws IOException {
    Path file = write("n.csv", "id,text\n1,a\n2,b,extra\n3\n4,d\n");
    List<FeedbackRecord> records = readAll(file);
    assertEquals(4, records.size());
    assertFalse(records.get(0).isError());
    assertEquals("record has 3 fields, the header has 2", records.get(1).error().orElseThrow());
    assertEquals(List.of("2", "b", "extra"), records.get(1).values());
    assertEquals("record has 1 field, the header has 2", records.get(2).error().orElseThrow());
    assertEquals("d", records.get(3).get("text").orElseThrow());
  }

  @Test
  void emptyCsvFileIsAnError() throws IOException {
    Path file = write("empty.csv", "");
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> FeedbackReader.open(file));
    assertTrue(e.getMessage().contains("header"), e.getMessage());
  }

  @Test
  void headerOnlyCsvHasNoRecords() throws IOException {
    Path file = write("h.csv", "id,text\n");
    assertEquals(List.of(), readAll(file));
  }

  @Test
  void directoryIsRefused() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("d.csv"));
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> FeedbackReader.open(sub));
    assertTrue(e.getMessage().contains("directory"), e.getMessage());
  }

  @Test
  void unknownExtensionIsRefused() throws IOException {
    Path file = write("f.json", "[{\"a\": 1}]\n");
    assertThrows(IllegalArgumentException.class, () -> FeedbackReader.open(file));
  }

  @Test
  void jsonlMalformedLineIsAnErrorRecordAndOthersAreIntact() throws IOException {
    Path file =
        write(
            "f.jsonl",
            "{\"id\": 1, \"text\": \"Kind, \\\"very\\\" kind\", \"score\": 1.50, \"tags\": [1, 2], \"x\": null}\n"
                + "\n"
                + "{\"id\": 2, \"text\": oops}\n"
                + "[1, 2]\n"
                + "{\"id\": 3, \"text\": \"naïve 👍\"}\r\n"
                + "{\"id\": 4} trailing\n");
    List<FeedbackRecord> records = readAll(file);
    assertEquals(5, records.size());
    FeedbackRecord first = records.get(0);
    assertEquals(List.of("id", "text", "score", "tags", "x"), first.columns());
    assertEquals(List.of("1", "Kind, \"very\" kind", "1.50", "[1,2]", ""), first.values());
    assertEquals(1, first.line());
    FeedbackRecord bad = records.get(1);
    assertTrue(bad.isError());
    assertEquals(3, bad.line());
    assertEquals(2, bad.number());
    assertTrue(bad.error().orElseThrow().startsWith("not a valid JSON object"), bad.error().orElseThrow());
    assertFalse(bad.error().orElseThrow().contains("oops"));
    assertEquals("expected a JSON object, found an array", records.get(2).error().orElseThrow());
    assertEquals("naïve 👍", records.get(3).get("text").orElseThrow());
    assertEquals(5, records.get(3).line());
    assertTrue(records.get(4).isError(), "trailing content after the object");
    assertEquals(6, records.get(4).line());
  }

  @Test
  void jsonlInvalidUtf8NamesTheLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"".getBytes(StandardCharsets.UTF_8));
    b.write(0xC0);
    b.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    Path file = writeBytes("bad.jsonl", b.toByteArray());
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> readAll(file));
    assertEquals(3, e.line());
  }

  @Test
  void bytesReadReachesTheFileSize() throws IOException {
    Path file = write("f.csv", "id,text\n1,a\n2,b\n");
    try (FeedbackReader reader = FeedbackReader.open(file)) {
      while (reader.next() != null) {
        // read on
      }
      assertEquals(Files.size(file), reader.bytesRead());
      assertEquals(Files.size(file), reader.size());
      assertNull(reader.next());
    }
  }

  @Test
  void formatOptionOverridesExtension() throws IOException {
    Path file = write("export.txt", "{\"text\": \"hello\"}\n");
    try (FeedbackReader reader = FeedbackReader.open(file, FeedbackFormat.JSONL)) {
      assertEquals("hello", reader.next().get("text").orElseThrow());
    }
  }
}
