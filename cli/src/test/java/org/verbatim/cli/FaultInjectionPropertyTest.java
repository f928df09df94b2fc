package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;

/**
 * Random CSV and JSON Lines files with injected faults (too many or too few fields, over-long fields, lines that
 * are not JSON objects, records without the text field, blank lines) are classified as a user runs it: every
 * record gives exactly one output row, in order, with its id, an error exactly when it was faulty, exit code 0
 * and no stack trace.
 */
class FaultInjectionPropertyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] WORDS = {"kind", "rude", "never", "listened", "late", "staff", "we", "the", "\u00e9t\u00e9",
      "\u05e9\u05dc\u05d5\u05dd", "\"quoted\"", "a,b", "line\nbreak", "\ud83d\ude00"};

  private static String comment(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) {
      b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static String csvField(String v) {
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  @Property(tries = 25, seed = "20261205")
  void everyCsvRecordGivesOneRowInOrder(@ForAll @IntRange(min = 1, max = 80) int rows, @ForAll long seed) throws IOException {
    Random r = new Random(seed);
    Path dir = Files.createTempDirectory("verbatim-faults");
    StringBuilder in = new StringBuilder("id,comment,team\n");
    List<Boolean> faulty = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      int kind = r.nextInt(10);
      String id = "r" + i;
      switch (kind) {
        case 0 -> in.append(id).append(',').append(csvField(comment(r))).append(",a,extra1,extra2\n");
        case 1 -> in.append(id).append(',').append(csvField(comment(r))).append('\n');
        case 2 -> in.append(id).append(',').append(csvField("kind ".repeat(60))).append(",b\n");
        default -> in.append(id).append(',').append(csvField(comment(r))).append(",c\n");
      }
      faulty.add(kind <= 2);
      if (r.nextInt(8) == 0) {
        in.append('\n'); // a blank line between records is no record
      }
    }
    Path input = Files.writeString(dir.resolve("in.csv"), in, StandardCharsets.UTF_8);
    Path output = dir.resolve("out.csv");
    CliRunner.Result res = CliRunner.run("classify", "-i", input.toString(), "-o", output.toString(),
        "--text-column", "comment", "--max-field-bytes", "200", "--threads", String.valueOf(1 + r.nextInt(3)));
    assertEquals(0, res.exit(), res.err());
    assertFalse(res.err().contains("\tat "), res.err());
    List<FeedbackRecord> out = new ArrayList<>();
    try (FeedbackReader reader = FeedbackReader.open(output)) {
      for (FeedbackRecord x = reader.next(); x != null; x = reader.next()) {
        out.add(x);
      }
      int error = reader.header().indexOf("error");
      assertEquals(rows, out.size(), res.err());
      for (int i = 0; i < rows; i++) {
        FeedbackRecord x = out.get(i);
        assertEquals("r" + i, x.values().get(0));
        String e = x.values().size() > error ? x.values().get(error) : "";
        assertEquals(faulty.get(i), !e.isEmpty(), "row " + i + ": " + x.values());
      }
    }
    assertTrue(res.err().contains("rows " + rows + ","), res.err());
  }

  @Property(tries = 25, seed = "20261205")
  void everyJsonLineGivesOneRowInOrder(@ForAll @IntRange(min = 1, max = 80) int rows, @ForAll long seed) throws IOException {
    Random r = new Random(seed);
    Path dir = Files.createTempDirectory("verbatim-faults");
    StringBuilder in = new StringBuilder();
    List<Boolean> faulty = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    long line = 0;
    for (int i = 0; i < rows; i++) {
      int kind = r.nextInt(12);
      String c = JSON.writeValueAsString(comment(r));
      String record = switch (kind) {
        case 0 -> "{\"id\":\"r" + i + "\",\"comment\":" + c;               // not closed
        case 1 -> "{\"id\":\"r" + i + "\",\"other\":" + c + "}";           // no text field
        case 2 -> "[\"r" + i + "\"]";                                      // not an object
        case 3 -> "{\"id\":\"r" + i + "\",\"comment\":\"" + "kind ".repeat(60) + "\"}";  // over the limit
        case 4 -> "{\"id\":\"r" + i + "\",\"id\":\"again\",\"comment\":" + c + "}";     // duplicate field
        default -> "{\"id\":\"r" + i + "\",\"comment\":" + c + ",\"n\":" + r.nextInt(100) + "}";
      };
      in.append(record).append('\n');
      line++;
      lines.add(line);
      faulty.add(kind <= 4);
      if (r.nextInt(8) == 0) {
        in.append("  \n");
        line++;
      }
    }
    Path input = Files.writeString(dir.resolve("in.jsonl"), in, StandardCharsets.UTF_8);
    Path output = dir.resolve("out.jsonl");
    CliRunner.Result res = CliRunner.run("classify", "-i", input.toString(), "-o", output.toString(),
        "--text-column", "comment", "--max-field-bytes", "250", "--threads", String.valueOf(1 + r.nextInt(3)));
    assertEquals(0, res.exit(), res.err());
    assertFalse(res.err().contains("\tat "), res.err());
    List<String> out = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertEquals(rows, out.size(), res.err());
    for (int i = 0; i < rows; i++) {
      JsonNode n = JSON.readTree(out.get(i));
      boolean hasError = !n.get("error").isNull();
      assertEquals(faulty.get(i), hasError, "row " + i + ": " + out.get(i));
      if (n.has("id") && n.get("id").isTextual() && !n.get("id").asText().equals("again")) {
        assertEquals("r" + i, n.get("id").asText());
      } else {
        assertTrue(n.get("error").asText().startsWith("line " + lines.get(i) + ":"), out.get(i));
      }
    }
  }
}
