package org.verbatim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.RulePipeline;

class ThemeServiceTest {

  static ThemeService service;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    service = ThemeService.start(CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create()), 0);
  }

  @AfterAll
  static void stop() {
    service.stop();
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/classify"))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    return CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void classifiesOverHttp() throws Exception {
    HttpResponse<String> r = post("She never once listened to us.");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"theme\":\"listening\""), r.body());
    assertTrue(r.body().contains("\"polarity\":\"negative\""), r.body());
  }

  @Test
  void noThemeGivesAnEmptyList() throws Exception {
    assertEquals("{\"themes\":[]}", post("n/a").body());
  }

  @Test
  void refusesGetAndOversizedBodies() throws Exception {
    HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/classify")).GET().build();
    assertEquals(405, CLIENT.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(413, post("x".repeat(ThemeService.MAX_BODY + 1)).statusCode());
  }

  @Test
  void escapesJson() {
    assertEquals("a\\\"b\\\\c\\n\\u0001", ThemeService.escape("a\"b\\c\n\u0001"));
  }
}
