package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;

class ClassifiedReaderTest {

  @TempDir Path dir;

  private static final Classification TWO = new Classification(List.of(
      new ThemeTag("listening", 0.8346, Polarity.NEGATIVE, List.of(new Evidence(0, 4), new Evidence(5, 7))),
      new ThemeTag("respect", 0.6, Polarity.POSITIVE, List.of())));

  /** Classifies {@code input} with {@link #TWO} (rows under 8 characters fail) into {@code output}. */
  private static void classify(Path input, Path output, String prefix) throws IOException {
    try (FeedbackReader r = FeedbackReader.open(input);
        OutputStream out = Files.newOutputStream(output);
        ClassifiedWriter w = ClassifiedWriter.open(r.format(), out, r.header(), OutputColumns.withPrefix(prefix),
            r.hadByteOrderMark())) {
      RecordBatch b = r.newBatch(16, "comment");
      for (int n = r.next(b); n > 0; n = r.next(b)) {
        for (int i = 0; i < n; i++) {
          if (b.text(i).length() < 8) {
            b.failed(i, "too short");
          } else {
            b.classified(i, TWO);
          }
        }
        w.write(b);
      }
    }
  }

  private static List<ClassifiedReader.ClassifiedRecord> readAll(Path file, String prefix) throws IOException {
    List<ClassifiedReader.ClassifiedRecord> out = new ArrayList<>();
    try (ClassifiedReader in = ClassifiedReader.open(file, OutputColumns.withPrefix(prefix))) {
      for (var r = in.next(); r != null; r = in.next()) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void readsBackWhatTheWriterWrote() throws IOException {
    Files.writeString(dir.resolve("in.csv"), "\uFEFFid,comment\n1,\"Kind, and listened\"\n2,short\n");
    Files.writeString(dir.resolve("in.jsonl"), "{\"id\":1,\"comment\":\"Kind, and listened\"}\n{\"id\":2,\"comment\":\"short\"}\n");
    for (String name : List.of("in.csv", "in.jsonl")) {
      for (String prefix : List.of("", "vb_")) {
        Path out = dir.resolve("out-" + prefix + name);
        classify(dir.resolve(name), out, prefix);
        List<ClassifiedReader.ClassifiedRecord> rows = readAll(out, prefix);
        assertEquals(2, rows.size(), name);
        var first = rows.get(0);
        assertEquals(Map.of("id", "1", "comment", "Kind, and listened"), first.fields());
        assertEquals(List.of(
            new ThemeResult("listening", 0.835, Polarity.NEGATIVE, List.of(new Evidence(0, 4), new Evidence(5, 7))),
            new ThemeResult("respect", 0.6, Polarity.POSITIVE, List.of())), first.themes());
        assertNull(first.error());
        assertEquals(List.of(), rows.get(1).themes());
        assertEquals("too short", rows.get(1).error());
        assertEquals(name.endsWith("csv") ? 3 : 2, rows.get(1).line()); // the CSV header is line 1
      }
    }
  }

  @Test
  void aFileWrittenBeforeTheEvidenceWordsColumnReadsTheSame() throws IOException {
    Files.writeString(dir.resolve("in.csv"), "id,comment\n1,\"Kind, and listened\"\n2,short\n");
    Path now = dir.resolve("now.csv");
    classify(dir.resolve("in.csv"), now, "");
    List<String> lines = Files.readAllLines(now, StandardCharsets.UTF_8);
    assertEquals("id,comment,themes,scores,polarity,evidence,evidence_text,error", lines.get(0));
    assertTrue(lines.get(1).endsWith(",\"listening:0-4,5-7\",listening: Kind |  a,"), lines.get(1));
    // the same rows as the build before evidence_text wrote them
    Path before = Files.writeString(dir.resolve("before.csv"), "id,comment,themes,scores,polarity,evidence,error\n"
        + "1,\"Kind, and listened\",listening;respect,listening:0.835;respect:0.60,listening:negative;respect:positive,"
        + "\"listening:0-4,5-7\",\n"
        + "2,short,,,,,too short\n");
    List<ClassifiedReader.ClassifiedRecord> a = readAll(now, "");
    List<ClassifiedReader.ClassifiedRecord> b = readAll(before, "");
    assertEquals(a, b);
    assertEquals(List.of("id", "comment"), List.copyOf(a.get(0).fields().keySet()));
    try (ClassifiedReader in = ClassifiedReader.open(now, OutputColumns.withPrefix(""))) {
      assertEquals(List.of("id", "comment"), in.columns());
    }
  }

  @Test
  void missingThemesColumnNamesTheFileAndColumns() throws IOException {
    Path file = Files.writeString(dir.resolve("raw.csv"), "id,comment\n1,x\n");
    FeedbackFileException e = assertThrows(FeedbackFileException.class,
        () -> ClassifiedReader.open(file, OutputColumns.withPrefix("")));
    assertTrue(e.getMessage().contains("raw.csv:1: missing column 'themes'") && e.getMessage().contains("id, comment"),
        e.getMessage());
  }

  @Test
  void malformedValuesNameLineRecordAndColumnButNotTheText() throws IOException {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "comment,themes,scores\nfine,a,a:0.5\n\"secret\nwords\",a,a:2.5\n");
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> readAll(csv, ""));
    assertEquals(3, e.line());
    assertTrue(e.problem().startsWith("record 2: column 'scores'"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    Path jsonl = Files.writeString(dir.resolve("bad.jsonl"), "{\"text\":\"ok\",\"themes\":[]}\n{\"text\":\"secret\",\"themes\":\"a\"}\n");
    FeedbackFileException j = assertThrows(FeedbackFileException.class, () -> readAll(jsonl, ""));
    assertEquals(2, j.line());
    assertTrue(j.problem().contains("'themes'"), j.getMessage());
    assertFalse(j.getMessage().contains("secret"), j.getMessage());
    Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'t', 'h', 'e', 'm', 'e', 's', '\n', 'a', (byte) 0xE9, '\n'});
    FeedbackFileException u = assertThrows(FeedbackFileException.class, () -> readAll(latin1, ""));
    assertTrue(u.getMessage().startsWith(latin1 + ":2: not valid UTF-8"), u.getMessage());
  }

  @Test
  void formatComesFromTheExtensionOrTheFirstCharacter() throws IOException {
    assertEquals(FeedbackFormat.JSONL, ClassifiedReader.format(Files.writeString(dir.resolve("a.json"), "x")));
    assertEquals(FeedbackFormat.CSV, ClassifiedReader.format(Files.writeString(dir.resolve("a.txt"), "{")));
    assertEquals(FeedbackFormat.JSONL, ClassifiedReader.format(Files.writeString(dir.resolve("a.out"), "\uFEFF \n{\"a\":1}")));
    assertEquals(FeedbackFormat.CSV, ClassifiedReader.format(Files.writeString(dir.resolve("b.out"), "id,themes\n")));
    assertEquals(FeedbackFormat.CSV, ClassifiedReader.format(Files.writeString(dir.resolve("c.out"), "")));
  }
}
