package org.verbatim.examples;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client of {@code verbatim serve}: sends a batch of comments to {@code POST /v1/classify/batch} and prints each
 * comment's themes with polarity, score and evidence words. Needs only the JDK's HTTP client and a JSON library; a
 * client in any language does the same (see docs/service.md and the OpenAPI document at {@code /openapi.json}).
 *
 * <pre>
 * bin/verbatim serve &amp;                 # in another terminal: http://127.0.0.1:8080
 * mvn -q -pl examples -am package -DskipTests
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" org.verbatim.examples.ServiceClientExample http://127.0.0.1:8080
 * </pre>
 *
 * <p>Retries once after the {@code Retry-After} seconds when the service answers 503 (busy or stopping).
 */
public final class ServiceClientExample {

  /** Scores stay as written ({@code 0.60}, not {@code 0.6}). */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  /** A client of the service at {@code base}, e.g. {@code http://127.0.0.1:8080}. */
  public ServiceClientExample(URI base) {
    this.base = base;
  }

  /**
   * Classifies the comments (id to text) in one request and returns the service's results, in the same order.
   *
   * @throws IOException if the service cannot be reached or answers with an error (its message is included)
   */
  public JsonNode classify(Map<String, String> comments) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("comments");
    comments.forEach((id, text) -> list.addObject().put("id", id).put("text", text));
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/classify/batch"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 503) {
      long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
      Thread.sleep(wait * 1000);
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() != 200) {
      throw new IOException("the service answered " + response.statusCode() + ": " + answer.path("message").asText()
          + (answer.has("field") ? " (field " + answer.get("field").asText() + ")" : ""));
    }
    return answer.get("results");
  }

  /** Prints one line per theme: {@code id theme polarity score "evidence words"}. */
  public static void print(JsonNode results, PrintStream out) {
    for (JsonNode result : results) {
      String id = result.get("id").asText();
      if (result.get("themes").isEmpty()) {
        out.println(id + " (no theme)");
      }
      for (JsonNode theme : result.get("themes")) {
        StringBuilder words = new StringBuilder();
        for (JsonNode e : theme.get("evidence")) {
          words.append(words.length() == 0 ? "" : " | ").append(e.get("text").asText());
        }
        out.printf("%s %s %s %s \"%s\"%n", id, theme.get("theme").asText(), theme.get("polarity").asText(),
            theme.get("score").decimalValue().toPlainString(), words);
      }
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
    Map<String, String> comments = new LinkedHashMap<>();
    comments.put("c1", "Kind but useless. She never once listened to us.");
    comments.put("c2", "The social worker always explained everything clearly and called back the same day.");
    comments.put("c3", "n/a");
    print(new ServiceClientExample(base).classify(comments), System.out);
  }
}
