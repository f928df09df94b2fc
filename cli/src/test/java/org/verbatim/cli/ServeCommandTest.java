package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.service.VerbatimService;
import picocli.CommandLine;

/**
 * {@code verbatim serve} against {@code verbatim classify}: the same comments give the same themes, scores,
 * polarity and evidence over HTTP (single and batch) as in classify's JSON Lines output, with the bundled codebook
 * and with a trained model; and wrong options fail with a message.
 */
class ServeCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path tmp;

  /** The comments of the bundled sample, plus a few edge cases, as a JSON Lines file with ids. */
  private Path comments() throws IOException {
    Path root = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();
    List<String[]> rows = new ArrayList<>();
    try (FeedbackReader r = FeedbackReader.open(root.resolve("examples/data/sample-feedback.csv"))) {
      FeedbackRecord rec;
      while ((rec = r.next()) != null) {
        rows.add(new String[] {rec.get("id").orElseThrow(), rec.get("comment").orElseThrow()});
      }
    }
    assertEquals(64, rows.size());
    rows.add(new String[] {"blank", "   "});
    rows.add(new String[] {"empty", ""});
    rows.add(new String[] {"unicode", "Très gentille 😀 mais elle n'a jamais écouté. Never listened, rude."});
    rows.add(new String[] {"newlines", "Kind staff.\nBut nobody\r\ncalled back."});
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      ObjectNode o = JSON.createObjectNode();
      o.put("id", row[0]);
      o.put("comment", row[1]);
      sb.append(o).append('\n');
    }
    Path p = tmp.resolve("comments.jsonl");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  /** classify's JSON Lines output for the file. */
  private List<JsonNode> classify(Path input, String... extra) throws IOException {
    Path out = tmp.resolve("classified-" + System.nanoTime() + ".jsonl");
    List<String> args = new ArrayList<>(List.of("classify", "--input", input.toString(), "--output", out.toString(),
        "--quiet", "--text-column", "comment"));
    args.addAll(List.of(extra));
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        rows.add(JSON.readTree(line));
      }
    }
    return rows;
  }

  private static VerbatimService serve(String... args) throws CommandFailure {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command.start();
  }

  private JsonNode post(VerbatimService s, String path, JsonNode body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(s.uri().resolve(path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  /** One service answer's themes against one classify output row. */
  private static void assertSame(JsonNode row, JsonNode themes) {
    String id = row.get("id").asText();
    JsonNode ids = row.get("themes");
    assertEquals(ids.size(), themes.size(), id + ": " + themes);
    for (int i = 0; i < ids.size(); i++) {
      String theme = ids.get(i).asText();
      JsonNode t = themes.get(i);
      assertEquals(theme, t.get("theme").asText(), id);
      assertEquals(0, row.get("scores").get(theme).decimalValue().compareTo(t.get("score").decimalValue()), id);
      assertEquals(row.get("scores").get(theme).asText(), t.get("score").asText(), id + " score as written");
      assertEquals(row.get("polarity").get(theme).asText(), t.get("polarity").asText(), id);
      assertEquals(row.get("evidence").get(theme), t.get("evidence"), id);
    }
    assertTrue(row.get("error").isNull(), id);
  }

  private void assertServedLikeClassify(VerbatimService s, String classifier, List<JsonNode> classified, int minTagged)
      throws Exception {
    ObjectNode batch = JSON.createObjectNode();
    ArrayNode comments = batch.putArray("comments");
    for (JsonNode row : classified) {
      comments.addObject().put("id", row.get("id").asText()).put("text", row.get("comment").asText());
    }
    if (classifier != null) {
      batch.put("classifier", classifier);
    }
    JsonNode answer = post(s, "/v1/classify/batch", batch);
    JsonNode results = answer.get("results");
    assertEquals(classified.size(), results.size());
    int tagged = 0;
    for (int i = 0; i < classified.size(); i++) {
      assertEquals(classified.get(i).get("id").asText(), results.get(i).get("id").asText());
      assertSame(classified.get(i), results.get(i).get("themes"));
      tagged += results.get(i).get("themes").isEmpty() ? 0 : 1;
      ObjectNode single = JSON.createObjectNode().put("text", classified.get(i).get("comment").asText());
      if (classifier != null) {
        single.put("classifier", classifier);
      }
      assertSame(classified.get(i), post(s, "/v1/classify", single).get("themes"));
    }
    // something to compare: the codebook tags 55 of the 68 comments, the small model 20
    assertTrue(tagged >= minTagged, "only " + tagged + " comments tagged");
  }

  @Test
  void servesWhatClassifyWritesWithTheBundledCodebook() throws Exception {
    Path input = comments();
    List<JsonNode> classified = classify(input);
    try (VerbatimService s = serve("--port", "0")) {
      assertTrue(s.uri().toString().startsWith("http://127.0.0.1:"));
      assertServedLikeClassify(s, null, classified, 40);
      assertServedLikeClassify(s, "social-care", classified, 40);
    }
  }

  @Test
  void servesWhatClassifyWritesWithATrainedModel() throws Exception {
    Path train = coded(160, 1);
    Path model = tmp.resolve("model.zip");
    CliRunner.Result t = CliRunner.run("train", "--input", train.toString(), "--output", model.toString(),
        "--folds", "3", "--threads", "1");
    assertEquals(0, t.exit(), t.err());
    Path input = comments();
    List<JsonNode> byModel = classify(input, "--model", model.toString());
    try (VerbatimService s = serve("--port", "0", "--model", "triage=" + model)) {
      assertServedLikeClassify(s, "triage", byModel, 10);
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(s.uri().resolve("/v1/classifiers")).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode classifiers = JSON.readTree(list.body());
      assertEquals("triage", classifiers.get("default").asText());
      JsonNode triage = classifiers.get("classifiers").get(0);
      assertEquals(model.toString(), triage.get("source").asText());
      assertTrue(triage.get("scores").get("microF1").isNumber(), list.body());
      assertEquals(64, triage.get("provenance").get("data.sha256").asText().length(), list.body());
      assertEquals("social-care", classifiers.get("classifiers").get(1).get("name").asText());
    }
  }

  /** A small coded set (as in TrainEvaluateCommandTest): waiting complaints, kindness praise, both, neither. */
  private Path coded(int n, long seed) throws IOException {
    String[] waiting = {"we waited weeks for a call back", "kept waiting for hours again", "the wait was far too long"};
    String[] kind = {"she was so kind and caring", "a warm and caring worker", "really kind to my mum"};
    String[] other = {"the car park was full", "nothing to add", "the building was cold"};
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("id,text,labels\n");
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> sb.append("c").append(i).append(",").append(waiting[r.nextInt(3)]).append(",reliability\n");
        case 1 -> sb.append("c").append(i).append(",").append(kind[r.nextInt(3)]).append(",empathy\n");
        case 2 -> sb.append("c").append(i).append(",").append(kind[r.nextInt(3)]).append(" but ")
            .append(waiting[r.nextInt(3)]).append(",empathy;reliability\n");
        default -> sb.append("c").append(i).append(",").append(other[r.nextInt(3)]).append(",\n");
      }
    }
    Path p = tmp.resolve("coded.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void codebooksAreNamedByFileOrByName() throws Exception {
    Path root = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();
    Path yaml = root.resolve("codebooks/src/main/resources/org/verbatim/codebooks/social-care.yaml");
    try (VerbatimService s = serve("--port", "0", "--codebook", yaml.toString(), "--codebook", "mine=" + yaml)) {
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(s.uri().resolve("/v1/classifiers")).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode c = JSON.readTree(list.body()).get("classifiers");
      assertEquals(2, c.size(), list.body());
      assertEquals("social-care", c.get(0).get("name").asText());
      assertEquals("mine", c.get(1).get("name").asText());
    }
  }

  @Test
  void wrongOptionsFailWithAMessage() throws Exception {
    CliRunner.Result noName = CliRunner.run("serve", "--port", "0", "--model", "model.zip");
    assertEquals(2, noName.exit());
    assertTrue(noName.err().contains("--model expects NAME=FILE"), noName.err());

    CliRunner.Result missing = CliRunner.run("serve", "--port", "0", "--codebook", tmp.resolve("none.yaml").toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("none.yaml"), missing.err());

    CliRunner.Result batch = CliRunner.run("serve", "--port", "0", "--max-batch", "0");
    assertEquals(2, batch.exit());
    assertTrue(batch.err().contains("--max-batch must be at least 1: 0"), batch.err());

    Path yaml = tmp.resolve("a.yaml");
    CliRunner.Result twice = CliRunner.run("serve", "--port", "0", "--codebook", "x=" + yaml, "--codebook", "x=" + yaml);
    assertEquals(1, twice.exit(), twice.err()); // the file is missing: loading fails before the names are compared

    Path emptyKey = tmp.resolve("key.txt");
    Files.writeString(emptyKey, "\n");
    CliRunner.Result key = CliRunner.run("serve", "--port", "0", "--api-key-file", emptyKey.toString());
    assertEquals(1, key.exit());
    assertTrue(key.err().contains("the first line is empty"), key.err());

    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRunner.Result busy = CliRunner.run("serve", "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(1, busy.exit());
      assertTrue(busy.err().startsWith("verbatim: error: cannot listen on 127.0.0.1:" + taken.getLocalPort()),
          busy.err());
      assertFalse(busy.err().contains("\tat "), busy.err());
    }
  }

  @Test
  void anApiKeyFileGuardsTheRoutes() throws Exception {
    Path keyFile = tmp.resolve("key.txt");
    Files.writeString(keyFile, "k-123456\n");
    try (VerbatimService s = serve("--port", "0", "--api-key-file", keyFile.toString())) {
      URI uri = s.uri().resolve("/v1/classifiers");
      assertEquals(401, http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
      assertEquals(200, http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer k-123456").build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
    }
  }
}
