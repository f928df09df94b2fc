package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 as a user meets it: over-long fields, mixed JSON fields, stray quotes, nothing tagged. */
class ClassifyHardeningTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void overLongFieldGivesOneErrorRowAndEveryOtherRow() throws IOException {
    String big = "kind rude ".repeat(200);
    Path in = write("f.csv", "id,comment,team\n1,kind,a\n2,\"" + big + "\",b\n3,rude,c\n");
    Path out = dir.resolve("o.csv");
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString(), "-o", out.toString(), "--max-field-bytes", "1000");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(4, lines.size());
    assertTrue(lines.get(2).startsWith("2,,b,,,,,,\"line 3: field 2 ('comment') is 2000 bytes, over the limit of 1000"),
        lines.get(2));
    assertTrue(lines.get(3).startsWith("3,rude,c,respect"), lines.get(3));
    assertTrue(r.err().contains("errors 1"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void jsonRecordsWithAnotherFieldAreErrorRowsAndTheCommonFieldIsUsed() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      b.append(i == 20 ? "{\"id\":20,\"text\":\"odd\"}\n" : "{\"id\":" + i + ",\"comment\":\"staff were rude\"}\n");
    }
    Path in = write("f.jsonl", b.toString());
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("rows 50, tagged 49, errors 1"), r.err());
    assertTrue(r.err().contains("line 20 (id 20): no field 'comment' (the text field)"), r.err());
  }

  @Test
  void strayQuoteNamesTheLineWhereItOpened() throws IOException {
    StringBuilder b = new StringBuilder("id,comment\n1,kind\n2,ok\n3,\"stray\n");
    for (int i = 4; i < 300; i++) {
      b.append(i).append(",fine\n");
    }
    b.append("300,\"closed\"\n");
    Path in = write("f.csv", b.toString());
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("f.csv:4: malformed CSV: the quoted field that opens on this line runs over more than 100"),
        r.err());
    assertFalse(Files.exists(dir.resolve("f.classified.csv")));
  }

  @Test
  void extraFieldsOfATooLongRecordAreKeptInItsErrorRow() throws IOException {
    Path in = write("f.csv", "id,comment\n1,kind\n2,rude,\"extra, one\",x\n3,late\n");
    Path out = dir.resolve("o.csv");
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(4, lines.size());
    assertTrue(lines.get(2).startsWith("2,rude,,,,,,\"line 3: record has 4 fields, the header has 2; the fields beyond"
        + " the header: \"\"extra, one\"\",x\""), lines.get(2));
    assertFalse(r.err().contains("extra, one"), "warnings never show field values: " + r.err());
  }

  @Test
  void anUnparseableJsonLineIsKeptInItsErrorRowWithTheReason() throws IOException {
    Path in = write("f.jsonl", "{\"id\":1,\"comment\":\"kind\"}\n{\"id\":2,\"id\":3,\"comment\":\"secret\"}\n");
    Path out = dir.resolve("o.jsonl");
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).contains("\"error\":\"line 2: not a valid JSON object: the field 'id' appears twice"
        + " (problem at column"), lines.get(1));
    assertTrue(lines.get(1).contains("; the line as read: {\\\"id\\\":2,\\\"id\\\":3,\\\"comment\\\":\\\"secret\\\"}\""),
        lines.get(1));
    assertFalse(r.err().contains("secret"), r.err());
  }

  @Test
  void nothingTaggedIsAWarning() throws IOException {
    Path in = write("f.csv", "id,comment,other\n1,kind and rude,x\n2,never listened,y\n");
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString(), "--text-column", "other");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("warning: no row was tagged with a theme; check that the text column 'other'"), r.err());
    CliRunner.Result good = CliRunner.run("classify", "-i", in.toString());
    assertFalse(good.err().contains("no row was tagged"), good.err());
  }

  @Test
  void limitsAreChecked() throws IOException {
    Path in = write("f.csv", "id,comment\n1,kind\n");
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString(), "--max-field-bytes", "0");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--max-field-bytes must be at least 1"), r.err());
  }
}
