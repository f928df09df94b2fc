package org.verbatim.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.RulePipeline;

/** A service on an ephemeral port of 127.0.0.1 with the bundled codebook, and a real HTTP client for it. */
final class ServiceFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ThemeClassifier SOCIAL_CARE = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());

  final VerbatimService service;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServiceFixture(ServiceOptions.Builder options, List<ServedClassifier> classifiers) {
    this.service = VerbatimService.start(options.host("127.0.0.1").port(0).build(), ClassifierSet.of(classifiers));
  }

  ServiceFixture(ServiceOptions.Builder options) {
    this(options, List.of(new ServedClassifier("social-care", SOCIAL_CARE, "bundled")));
  }

  URI uri(String path) {
    return service.uri().resolve(path);
  }

  /** A response with its body as text. */
  record Answer(int status, String body, HttpResponse<String> response) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  Answer post(String path, String body) throws IOException, InterruptedException {
    return post(path, "application/json", body);
  }

  Answer post(String path, String contentType, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(r.statusCode(), r.body(), r);
  }

  /** A JSON string literal. */
  static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    service.close();
  }
}
