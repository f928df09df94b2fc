package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.cli.CliRunner.Result;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;

class ClassifyCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUMMARY =
      Pattern.compile("(?m)^rows (\\d+), tagged (\\d+), errors (\\d+), \\d+\\.\\d s, \\d+ rows/s -> .+$");

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private static List<FeedbackRecord> read(Path file) throws IOException {
    List<FeedbackRecord> records = new ArrayList<>();
    try (FeedbackReader reader = FeedbackReader.open(file)) {
      for (FeedbackRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String csvComments(int n) {
    StringBuilder sb = new StringBuilder("id,comment,team\n");
    String[] texts = {
      "She never listened to us",
      "\"Kind, patient and polite\"",
      "n/a",
      "\"Always late.\nNever rang back, not once.\"",
      "\"Très gentille 👍 — she was kind\"",
      "",
      "\"The worker was rude, but \"\"helpful\"\" in the end\"",
    };
    for (int i = 1; i <= n; i++) {
      sb.append("R").append(i).append(',').append(texts[i % texts.length]).append(',').append(i % 2 == 0 ? "North" : "\"South, East\"").append('\n');
    }
    return sb.toString();
  }

  @Test
  void theDefaultIsTheCodebookWithItsLayerAndCuesOnlyLeavesTheLayerOut() throws IOException {
    String[] texts = {"Nobody rang me back for three weeks after the assessment.",
        "The social worker changed four times this year and we had to repeat our story every time.",
        "Took months to get a reply to my complaint.", "She never listened to us.",
        "My dad finally got a place at the day centre and he loves it.", "Staff were rude and nobody explained anything."};
    StringBuilder csv = new StringBuilder("id,comment\n");
    for (int i = 0; i < texts.length; i++) {
      csv.append(i).append(",\"").append(texts[i]).append("\"\n");
    }
    Path in = write("layer.csv", csv.toString());
    Path layered = dir.resolve("layered.csv");
    Path cues = dir.resolve("cues.csv");
    assertEquals(0, CliRunner.run("classify", "--input", in.toString(), "--output", layered.toString()).exit());
    assertEquals(0, CliRunner.run("classify", "--input", in.toString(), "--output", cues.toString(), "--cues-only").exit());
    org.verbatim.ThemeClassifier withLayer =
        org.verbatim.codebooks.DefaultCodebooks.socialCareClassifier(org.verbatim.text.RulePipeline.create());
    org.verbatim.ThemeClassifier alone = org.verbatim.classify.CodebookClassifier.create(
        org.verbatim.codebooks.DefaultCodebooks.socialCare(), org.verbatim.text.RulePipeline.create());
    List<FeedbackRecord> a = read(layered);
    List<FeedbackRecord> b = read(cues);
    int added = 0;
    for (int i = 0; i < texts.length; i++) {
      List<String> l = List.of(a.get(i).get("themes").orElseThrow().split(";"));
      List<String> c = List.of(b.get(i).get("themes").orElseThrow().split(";"));
      assertEquals(String.join(";", withLayer.classify(texts[i]).themeIds()), a.get(i).get("themes").orElseThrow(), "row " + i);
      assertEquals(String.join(";", alone.classify(texts[i]).themeIds()), b.get(i).get("themes").orElseThrow(), "row " + i);
      assertTrue(c.equals(List.of("")) || l.containsAll(c), "the layer only adds themes: row " + i);
      added += l.size() - (c.equals(List.of("")) ? 0 : c.size());
    }
    assertTrue(added > 0, "the layer adds a theme the cues missed in these comments");
  }

  @Test
  void csvKeepsEveryRowAndColumnInOrder() throws IOException {
    Path in = write("feedback.csv", csvComments(30));
    Result r = CliRunner.run("classify", "--input", in.toString(), "--threads", "2");
    assertEquals(0, r.exit(), r.err());
    Path out = dir.resolve("feedback.classified.csv");
    List<FeedbackRecord> input = read(in);
    List<FeedbackRecord> output = read(out);
    assertEquals(input.size(), output.size());
    assertEquals(
        List.of("id", "comment", "team", "themes", "scores", "polarity", "evidence", "evidence_text", "error"), output.get(0).columns());
    for (int i = 0; i < input.size(); i++) {
      assertEquals(input.get(i).values(), output.get(i).values().subList(0, 3), "row " + i);
      assertEquals("", output.get(i).get("error").orElseThrow(), "row " + i);
    }
    // an empty comment is a row without themes
    FeedbackRecord empty = output.get(4);
    assertEquals("", empty.get("comment").orElseThrow());
    assertEquals("", empty.get("themes").orElseThrow());
    var m = SUMMARY.matcher(r.err());
    assertTrue(m.find(), r.err());
    assertEquals("30", m.group(1));
    assertEquals("0", m.group(3));
    assertTrue(r.err().contains(out.toString()), r.err());
    assertEquals(List.of("feedback.classified.csv", "feedback.classified.csv.meta.json", "feedback.csv"), files());
  }

  @Test
  void evidenceOffsetsPointIntoTheCommentAndTheWordsAreTheirs() throws IOException {
    Path in = write("f.csv", csvComments(14));
    assertEquals(0, CliRunner.run("classify", "-i", in.toString(), "-q").exit());
    int spans = 0;
    for (FeedbackRecord r : read(dir.resolve("f.classified.csv"))) {
      String text = r.get("comment").orElseThrow();
      String evidence = r.get("evidence").orElseThrow();
      if (evidence.isEmpty()) {
        assertEquals("", r.get("evidence_text").orElseThrow());
        continue;
      }
      List<String> expectedWords = new ArrayList<>();
      for (String perTheme : evidence.split(";")) {
        String theme = perTheme.substring(0, perTheme.indexOf(':'));
        assertTrue(List.of(r.get("themes").orElseThrow().split(";")).contains(theme), perTheme);
        List<String> words = new ArrayList<>();
        for (String span : perTheme.substring(perTheme.indexOf(':') + 1).split(",")) {
          int start = Integer.parseInt(span.substring(0, span.indexOf('-')));
          int end = Integer.parseInt(span.substring(span.indexOf('-') + 1));
          assertTrue(0 <= start && start < end && end <= text.length(), span + " in a text of length " + text.length());
          // the fixture's comments hold no backslash, '|' or ';', so the words stand as they are
          words.add(text.substring(start, end));
          spans++;
        }
        expectedWords.add(theme + ": " + String.join(" | ", words));
      }
      assertEquals(String.join("; ", expectedWords), r.get("evidence_text").orElseThrow(), "row " + r.number());
    }
    assertTrue(spans > 0, "some comment should have evidence");
  }

  @Test
  void sidecarDescribesTheRun() throws IOException {
    Path in = write("f.csv", csvComments(10));
    Instant before = Instant.now();
    assertEquals(0, CliRunner.run("classify", "-i", in.toString(), "-o", dir.resolve("out.csv").toString(), "-q").exit());
    JsonNode meta = JSON.readTree(dir.resolve("out.csv.meta.json").toFile());
    assertEquals("verbatim-classify-run", meta.get("format").textValue());
    assertEquals(10, meta.get("rows").intValue());
    assertEquals(0, meta.get("errors").intValue());
    assertEquals("codebook", meta.get("classifier").get("kind").textValue());
    assertTrue(meta.get("classifier").get("themes").size() > 0);
    assertEquals("social-care", meta.get("codebookId").textValue());
    assertEquals("comment", meta.get("textColumn").textValue());
    assertEquals("id", meta.get("idColumn").textValue());
    Instant started = Instant.parse(meta.get("started").textValue());
    Instant finished = Instant.parse(meta.get("finished").textValue());
    assertFalse(started.isBefore(before.minusSeconds(1)));
    assertFalse(finished.isBefore(started));
    long tagged = read(dir.resolve("out.csv")).stream().filter(r -> !r.get("themes").orElseThrow().isEmpty()).count();
    assertEquals(tagged, meta.get("tagged").longValue());
  }

  @Test
  void jsonlMalformedLineInTheMiddleGivesAnErrorRowAndOthersAreIntact() throws IOException {
    String good1 = "{\"id\":1,\"text\":\"She never listened to us\",\"meta\":{\"n\":[1,2.50]}}";
    String good2 = "{\"id\":3,\"text\":\"Très gentille 👍, \\\"kind\\\"\\nand patient\",\"extra\":null}";
    Path in = write("f.jsonl", good1 + "\n{\"id\":2,\"text\": oops}\n\n" + good2 + "\n");
    Result r = CliRunner.run("classify", "--input", in.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(dir.resolve("f.classified.jsonl"));
    assertEquals(3, lines.size());
    JsonNode first = JSON.readTree(lines.get(0));
    JsonNode bad = JSON.readTree(lines.get(1));
    JsonNode third = JSON.readTree(lines.get(2));
    assertEquals(JSON.readTree(good1).get("meta"), first.get("meta"));
    assertTrue(lines.get(0).startsWith("{\"id\":1,\"text\":\"She never listened to us\",\"meta\":{\"n\":[1,2.50]},\"themes\":["), lines.get(0));
    assertTrue(first.get("error").isNull());
    assertEquals(2, bad.get("line").intValue());
    assertTrue(bad.get("error").textValue().startsWith("line 2: not a valid JSON object"), bad.toString());
    assertEquals(0, bad.get("themes").size());
    // the line as read is kept in the error value (issue 17: error rows keep every input field), not in warnings
    assertTrue(bad.get("error").textValue().contains("; the line as read: ") && lines.get(1).contains("oops"), lines.get(1));
    assertFalse(r.err().contains("oops"), r.err());
    assertEquals("Très gentille 👍, \"kind\"\nand patient", third.get("text").textValue());
    assertTrue(third.get("extra").isNull());
    assertTrue(third.has("evidence"));
    assertTrue(r.err().contains("verbatim: warning: line 2: not a valid JSON object"), r.err());
    var m = SUMMARY.matcher(r.err());
    assertTrue(m.find(), r.err());
    assertEquals("3", m.group(1));
    assertEquals("1", m.group(3));
  }

  @Test
  void clashingColumnStopsBeforeProcessingAndPrefixFixesIt() throws IOException {
    Path in = write("f.csv", "id,text,Themes\n1,She was kind,x\n");
    Result r = CliRunner.run("classify", "-i", in.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("verbatim: error: "), r.err());
    assertTrue(r.err().contains("'Themes'"), r.err());
    assertTrue(r.err().contains("--column-prefix"), r.err());
    assertEquals(List.of("f.csv"), files());

    Result ok = CliRunner.run("classify", "-i", in.toString(), "--column-prefix", "vb_", "-q");
    assertEquals(0, ok.exit(), ok.err());
    assertEquals(
        List.of("id", "text", "Themes", "vb_themes", "vb_scores", "vb_polarity", "vb_evidence", "vb_evidence_text",
            "vb_error"),
        read(dir.resolve("f.classified.csv")).get(0).columns());
  }

  @Test
  void jsonlFieldClashAfterTheSampleStopsWithNoOutput() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= ClassifyCommand.SAMPLE_SIZE + 100; i++) {
      sb.append("{\"text\":\"comment ").append(i).append("\"}\n");
    }
    sb.append("{\"text\":\"late\",\"error\":\"x\"}\n");
    Path in = write("f.jsonl", sb.toString());
    Result r = CliRunner.run("classify", "-i", in.toString(), "--threads", "1");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(":" + (ClassifyCommand.SAMPLE_SIZE + 101) + ":"), r.err());
    assertTrue(r.err().contains("'error'") && r.err().contains("--column-prefix"), r.err());
    assertEquals(List.of("f.jsonl"), files());
  }

  private static byte[] csvWithLatin1At(int line) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("id,comment\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 2; i < line + 20; i++) {
      b.writeBytes((i + ",The worker was kind " + i).getBytes(StandardCharsets.UTF_8));
      if (i == line) {
        b.write(0xE9);
      }
      b.write('\n');
    }
    return b.toByteArray();
  }

  @Test
  void invalidUtf8NamesTheLineAndLeavesNoOutput() throws IOException {
    Path in = Files.write(dir.resolve("f.csv"), csvWithLatin1At(50));
    Result r = CliRunner.run("classify", "-i", in.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("verbatim: error: " + in + ":50: not valid UTF-8"), r.err());
    assertEquals(List.of("f.csv"), files());
  }

  @Test
  void failureMidWayKeepsThePreviousOutputUnchanged() throws IOException {
    int line = ClassifyCommand.SAMPLE_SIZE + 1500; // after the sample: found while writing
    Path in = Files.write(dir.resolve("f.csv"), csvWithLatin1At(line));
    Path out = dir.resolve("f.classified.csv");
    Path meta = dir.resolve("f.classified.csv.meta.json");
    byte[] old = "id,comment,themes\nold,result,\n".getBytes(StandardCharsets.UTF_8);
    Files.write(out, old);
    Files.write(meta, "{}".getBytes(StandardCharsets.UTF_8));
    Result r = CliRunner.run("classify", "-i", in.toString(), "--threads", "2");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains(":" + line + ": not valid UTF-8"), r.err());
    assertArrayEquals(old, Files.readAllBytes(out));
    assertEquals("{}", Files.readString(meta));
    assertEquals(List.of("f.classified.csv", "f.classified.csv.meta.json", "f.csv"), files());
  }

  @Test
  void malformedQuotingNamesTheLine() throws IOException {
    Path in = write("f.csv", "id,comment\n1,fine\n2,\"kind\"ly\n");
    Result r = CliRunner.run("classify", "-i", in.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains(in + ":3: malformed CSV"), r.err());
    assertEquals(List.of("f.csv"), files());
  }

  @Test
  void missingTextColumnListsTheColumns() throws IOException {
    Path in = write("f.csv", "id,comment,date\n1,kind,2024\n");
    Result r = CliRunner.run("classify", "-i", in.toString(), "--text-column", "Coment");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no column named 'Coment' (did you mean 'comment'?); columns are: 'id', 'comment', 'date'"),
        r.err());
    assertTrue(r.err().contains("--text-column"), r.err());
    assertEquals(List.of("f.csv"), files());
  }

  @Test
  void undetectableTextColumnAsksForTheOption() throws IOException {
    Path in = write("f.csv", "a,b\n1,2\n");
    Result r = CliRunner.run("classify", "-i", in.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("cannot tell which column holds the comments; columns are: 'a', 'b'"), r.err());
    assertTrue(r.err().contains("--text-column NAME"), r.err());
  }

  @Test
  void textColumnCanBeDetectedFromContentAndNamed() throws IOException {
    Path in = write("f.csv", "ref,q7,when\nA,She never listened to a word we said,2024\nB,,2024\n");
    Result r = CliRunner.run("classify", "-i", in.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    assertEquals("q7", JSON.readTree(dir.resolve("f.classified.csv.meta.json").toFile()).get("textColumn").textValue());
    assertEquals("ref", JSON.readTree(dir.resolve("f.classified.csv.meta.json").toFile()).get("idColumn").textValue());
  }

  @Test
  void fileProblemsExitWithOne() throws IOException {
    Result missing = CliRunner.run("classify", "-i", dir.resolve("nope.csv").toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("input file not found: " + dir.resolve("nope.csv")), missing.err());
    Path sub = Files.createDirectory(dir.resolve("sub.csv"));
    Result directory = CliRunner.run("classify", "-i", sub.toString());
    assertEquals(1, directory.exit());
    assertTrue(directory.err().contains("is a directory"), directory.err());
  }

  @Test
  void usageProblemsExitWithTwo() throws IOException {
    Path txt = write("f.txt", "text\nhello there\n");
    Result ext = CliRunner.run("classify", "-i", txt.toString());
    assertEquals(2, ext.exit());
    assertTrue(ext.err().contains("--format csv"), ext.err());
    Result fmt = CliRunner.run("classify", "-i", txt.toString(), "--format", "xml");
    assertEquals(2, fmt.exit());
    assertTrue(fmt.err().contains("unknown format 'xml': expected csv, jsonl or xlsx"), fmt.err());
    assertEquals(2, CliRunner.run("classify", "-i", txt.toString(), "--format", "csv", "--threads", "0").exit());
    assertEquals(2, CliRunner.run("classify").exit());
    // CSV may be written as JSON Lines or .xlsx; JSON Lines (records of any fields) only as JSON Lines
    assertEquals(2, CliRunner.run("classify", "-i", txt.toString(), "--format", "jsonl", "-o", dir.resolve("o.csv").toString()).exit());
    assertEquals(2, CliRunner.run("classify", "-i", txt.toString(), "--format", "csv", "-o", txt.toString()).exit());
    assertEquals(List.of("f.txt"), files());
  }

  @Test
  void formatOptionReadsAnyExtensionAndNamesTheOutputAfterTheFormat() throws IOException {
    Path in = write("export", "text\nShe was kind\n");
    Result r = CliRunner.run("classify", "-i", in.toString(), "--format", "csv", "-q");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    assertEquals(1, read(dir.resolve("export.classified.csv")).size());
  }

  @Test
  void codebookProblemsArePrintedAndExitWithOne() throws IOException {
    Path in = write("f.csv", "text\nShe was kind\n");
    Path bad = write("bad.yaml", "format: verbatim-codebook/1\nid: x\nthemes: nope\n");
    Result r = CliRunner.run("classify", "-i", in.toString(), "--codebook", bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("verbatim: error: invalid codebook"), r.err());
    assertTrue(r.err().contains("bad.yaml"), r.err());
    Result missing = CliRunner.run("classify", "-i", in.toString(), "--codebook", dir.resolve("none.yaml").toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("none.yaml"), missing.err());
    assertEquals(List.of("bad.yaml", "f.csv"), files());
  }

  @Test
  void headerOnlyCsvGivesHeaderOnlyOutput() throws IOException {
    Path in = write("f.csv", "id,comment\n");
    assertEquals(0, CliRunner.run("classify", "-i", in.toString(), "-q").exit());
    assertEquals("id,comment,themes,scores,polarity,evidence,evidence_text,error\n", Files.readString(dir.resolve("f.classified.csv")));
  }

  @Test
  void wrongFieldCountIsAnErrorRowNamingTheLine() throws IOException {
    Path in = write("f.csv", "id,comment\n1,She was kind\n2,too,many\n3,rude\n");
    Result r = CliRunner.run("classify", "-i", in.toString());
    assertEquals(0, r.exit(), r.err());
    List<FeedbackRecord> out = read(dir.resolve("f.classified.csv"));
    assertEquals(3, out.size());
    // the field without a column is kept in the error value (issue 17), never in the warnings
    assertEquals("line 3: record has 3 fields, the header has 2; the fields beyond the header: many",
        out.get(1).get("error").orElseThrow());
    assertEquals("", out.get(1).get("themes").orElseThrow());
    assertTrue(r.err().contains("verbatim: warning: line 3 (id 2): record has 3 fields"), r.err());
  }

  @Test
  void quietPrintsNothingOnSuccess() throws IOException {
    Path in = write("f.csv", csvComments(3));
    Result r = CliRunner.run("classify", "-i", in.toString(), "--quiet");
    assertEquals(0, r.exit());
    assertEquals("", r.err());
    assertEquals("", r.out());
  }

  @Test
  void multiThreadedRunWritesTheSameBytesAsOneThread() throws IOException {
    Path in = write("big.csv", csvComments(2000));
    Path one = dir.resolve("one.csv");
    Path many = dir.resolve("many.csv");
    assertEquals(0, CliRunner.run("classify", "-i", in.toString(), "-o", one.toString(), "--threads", "1", "-q").exit());
    assertEquals(0, CliRunner.run("classify", "-i", in.toString(), "-o", many.toString(), "--threads", "4", "-q").exit());
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(many));
    List<FeedbackRecord> rows = read(many);
    assertEquals(2000, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals("R" + (i + 1), rows.get(i).get("id").orElseThrow());
    }
  }

  @Test
  void byteOrderMarkIsKept() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    b.writeBytes("comment\nShe was kind\n".getBytes(StandardCharsets.UTF_8));
    Path in = Files.write(dir.resolve("f.csv"), b.toByteArray());
    assertEquals(0, CliRunner.run("classify", "-i", in.toString(), "-q").exit());
    byte[] out = Files.readAllBytes(dir.resolve("f.classified.csv"));
    assertEquals((byte) 0xEF, out[0]);
    assertEquals("comment", read(dir.resolve("f.classified.csv")).get(0).columns().get(0));
  }

  @Test
  void defaultOutputSitsBesideTheInput() {
    assertEquals(Path.of("/d/a.b.classified.csv"), ClassifyCommand.defaultOutput(Path.of("/d/a.b.csv"), org.verbatim.io.FeedbackFormat.CSV));
    assertEquals(Path.of("x.classified.ndjson"), ClassifyCommand.defaultOutput(Path.of("x.ndjson"), org.verbatim.io.FeedbackFormat.JSONL));
    assertEquals(Path.of("d/export.txt.classified.jsonl"), ClassifyCommand.defaultOutput(Path.of("d/export.txt"), org.verbatim.io.FeedbackFormat.JSONL));
  }

  @Test
  void defaultCodebookFindsListeningAndNothingInNa() throws IOException {
    Path in = write("f.csv", "id,comment\n1,She never listened to us\n2,n/a\n");
    Result r = CliRunner.run("classify", "-i", in.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    List<FeedbackRecord> out = read(dir.resolve("f.classified.csv"));
    assertTrue(List.of(out.get(0).get("themes").orElseThrow().split(";")).contains("listening"), out.get(0).values().toString());
    assertTrue(out.get(0).get("polarity").orElseThrow().contains("listening:negative"), out.get(0).values().toString());
    assertEquals("", out.get(1).get("themes").orElseThrow());
    assertEquals("", out.get(1).get("scores").orElseThrow());
  }

  @Test
  void jsonlEvidenceTextMatchesItsOffsets() throws IOException {
    Path in = write("f.jsonl", "{\"comment\":\"She never listened to us, but she was always polite and kind.\"}\n");
    assertEquals(0, CliRunner.run("classify", "-i", in.toString(), "-q").exit());
    JsonNode row = JSON.readTree(Files.readAllLines(dir.resolve("f.classified.jsonl")).get(0));
    String text = row.get("comment").textValue();
    assertTrue(row.get("themes").size() > 0, row.toString());
    int spans = 0;
    for (JsonNode theme : row.get("themes")) {
      assertTrue(row.get("scores").get(theme.textValue()).isNumber(), row.toString());
      for (JsonNode e : row.get("evidence").get(theme.textValue())) {
        assertEquals(text.substring(e.get("start").intValue(), e.get("end").intValue()), e.get("text").textValue());
        spans++;
      }
    }
    assertTrue(spans > 0, row.toString());
  }

  @Test
  void tooManyThreadsAreCappedWithAWarning() throws IOException {
    Path in = write("f.csv", csvComments(40));
    int cap = ClassifyCommand.MAX_THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
    Result r = CliRunner.run("classify", "-i", in.toString(), "--threads", Integer.toString(cap + 1));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("verbatim: warning: --threads " + (cap + 1) + " is more than "
        + ClassifyCommand.MAX_THREADS_PER_PROCESSOR + " per processor") && r.err().contains("using " + cap), r.err());
    JsonNode meta = JSON.readTree(dir.resolve("f.classified.csv.meta.json").toFile());
    assertEquals(cap, meta.get("threads").asInt());
    assertEquals(40, read(dir.resolve("f.classified.csv")).size());
  }

  /** The report made while classifying is the report that {@code verbatim report} makes from the output. */
  @Test
  void reportWhileClassifyingEqualsTheReportOfTheOutput() throws IOException {
    StringBuilder sb = new StringBuilder(csvComments(300).replace("id,comment,team", "id,comment,team,date"));
    String withDates = sb.toString().lines().map(l -> l.startsWith("R") ? l + ",2024-0" + (1 + l.length() % 9) + "-15" : l)
        .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
    Path in = write("f.csv", withDates);
    Path during = dir.resolve("during.html");
    Path after = dir.resolve("after.html");
    Result r = CliRunner.run("classify", "-i", in.toString(), "--threads", "2", "--report", during.toString(),
        "--group-column", "team", "--date-column", "date", "-q");
    assertEquals(0, r.exit(), r.err());
    Result again = CliRunner.run("report", "--input", dir.resolve("f.classified.csv").toString(), "--output",
        after.toString(), "--group-column", "team", "--date-column", "date", "--text-column", "comment");
    assertEquals(0, again.exit(), again.err());
    String a = Files.readString(during, StandardCharsets.UTF_8);
    String b = Files.readString(after, StandardCharsets.UTF_8);
    assertTrue(a.contains("data-metric=\"rows\" data-value=\"300\""), "rows metric");
    assertEquals(body(b), body(a));
  }

  @Test
  void reportColumnsAreCheckedBeforeClassifying() throws IOException {
    Path in = write("f.csv", csvComments(10));
    Result r = CliRunner.run("classify", "-i", in.toString(), "--report", dir.resolve("r.html").toString(),
        "--date-column", "when");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--report: date column 'when' not found"), r.err());
    assertEquals(List.of("f.csv"), files());
  }

  private static String body(String html) {
    return html.substring(html.indexOf("<section id=\"summary\">"), html.indexOf("</main>"));
  }
}
