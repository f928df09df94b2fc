package org.verbatim.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeTag;

/** The endpoints over real HTTP on 127.0.0.1: answers, errors and limits. */
class ServiceTest {

  static ServiceFixture fx;

  @BeforeAll
  static void start() {
    fx = new ServiceFixture(ServiceOptions.builder().maxBatch(5).maxTextChars(200).maxBodyBytes(4096));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static final String TEXT = "Kind but useless. She never once listened to us.";

  /** The themes of an answer compared with the library's classification of the same text. */
  static void assertSameAsLibrary(String text, JsonNode themes) {
    Classification expected = text.isBlank() ? Classification.EMPTY : ServiceFixture.SOCIAL_CARE.classify(text);
    assertEquals(expected.tags().size(), themes.size(), "themes of " + themes);
    for (int i = 0; i < themes.size(); i++) {
      ThemeTag tag = expected.tags().get(i);
      JsonNode t = themes.get(i);
      assertEquals(tag.themeId(), t.get("theme").asText());
      assertEquals(tag.score(), t.get("score").asDouble(), 0.0005);
      assertEquals(tag.polarity().id(), t.get("polarity").asText());
      assertEquals(tag.evidence().size(), t.get("evidence").size());
      for (int j = 0; j < tag.evidence().size(); j++) {
        Evidence e = tag.evidence().get(j);
        JsonNode je = t.get("evidence").get(j);
        assertEquals(e.start(), je.get("start").asInt());
        assertEquals(e.end(), je.get("end").asInt());
        assertEquals(e.in(text), je.get("text").asText());
      }
    }
  }

  @Test
  void classifiesOneComment() throws Exception {
    ServiceFixture.Answer a = fx.post("/v1/classify", "{\"text\": " + ServiceFixture.quote(TEXT) + "}");
    assertEquals(200, a.status(), a.body());
    assertTrue(a.header("Content-Type").startsWith("application/json"));
    JsonNode json = a.json();
    assertEquals("social-care", json.get("classifier").asText());
    assertTrue(json.get("themes").size() >= 2, a.body());
    assertSameAsLibrary(TEXT, json.get("themes"));
  }

  @Test
  void classifiesABatchInOrderWithItsIds() throws Exception {
    List<String> texts = List.of("Staff were rude and never listened.", "", "   ", TEXT, "The carer was always on time.");
    StringBuilder body = new StringBuilder("{\"comments\": [");
    for (int i = 0; i < texts.size(); i++) {
      body.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(9 - i).append("\", \"text\": ")
          .append(ServiceFixture.quote(texts.get(i))).append('}');
    }
    body.append("], \"classifier\": \"social-care\"}");
    ServiceFixture.Answer a = fx.post("/v1/classify/batch", body.toString());
    assertEquals(200, a.status(), a.body());
    JsonNode results = a.json().get("results");
    assertEquals(texts.size(), results.size());
    for (int i = 0; i < texts.size(); i++) {
      assertEquals("c" + (9 - i), results.get(i).get("id").asText());
      assertFalse(results.get(i).has("error"));
      assertSameAsLibrary(texts.get(i), results.get(i).get("themes"));
    }
  }

  @Test
  void malformedJsonIs400WithoutQuotingTheBody() throws Exception {
    ServiceFixture.Answer a = fx.post("/v1/classify", "{\"text\": \"my secret complaint");
    assertEquals(400, a.status(), a.body());
    assertEquals("bad_request", a.json().get("error").asText());
    assertTrue(a.json().get("message").asText().startsWith("malformed JSON"), a.body());
    assertFalse(a.body().contains("secret"), a.body());

    ServiceFixture.Answer plain = fx.post("/v1/classify", "my secret complaint");
    assertEquals(400, plain.status(), plain.body());
    assertFalse(plain.body().contains("secret"), plain.body());
  }

  @Test
  void invalidFieldsAre400NamingTheField() throws Exception {
    assertField("/v1/classify", "{}", "text");
    assertField("/v1/classify", "{\"text\": 3}", "text");
    assertField("/v1/classify", "{\"txt\": \"hello\"}", "txt");
    assertField("/v1/classify", "{\"text\": \"hello\", \"classifier\": \"nope\"}", "classifier");
    assertField("/v1/classify", "[\"hello\"]", "");
    assertField("/v1/classify/batch", "{\"comments\": {}}", "comments");
    assertField("/v1/classify/batch", "{\"comments\": [{\"id\": \"a\", \"text\": \"x\"}, {\"text\": \"y\"}]}",
        "comments[1].id");
    assertField("/v1/classify/batch", "{\"comments\": [{\"id\": \"a\", \"text\": null}]}", "comments[0].text");
    assertField("/v1/classify/batch", "{\"comments\": [\"x\"]}", "comments[0]");
  }

  private static void assertField(String path, String body, String field) throws Exception {
    ServiceFixture.Answer a = fx.post(path, body);
    assertEquals(400, a.status(), a.body());
    JsonNode json = a.json();
    assertEquals("bad_request", json.get("error").asText());
    assertEquals(field, json.path("field").asText(""), a.body());
  }

  @Test
  void limitsAre413WithTheLimit() throws Exception {
    ServiceFixture.Answer body = fx.post("/v1/classify", "{\"text\": " + ServiceFixture.quote("a".repeat(5000)) + "}");
    assertEquals(413, body.status(), body.body());
    assertEquals(4096, body.json().get("limit").asInt());

    ServiceFixture.Answer text = fx.post("/v1/classify", "{\"text\": " + ServiceFixture.quote("a ".repeat(150)) + "}");
    assertEquals(413, text.status(), text.body());
    assertEquals(200, text.json().get("limit").asInt());
    assertEquals("text", text.json().get("field").asText());

    StringBuilder six = new StringBuilder("{\"comments\": [");
    for (int i = 0; i < 6; i++) {
      six.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"text\": \"ok\"}");
    }
    ServiceFixture.Answer batch = fx.post("/v1/classify/batch", six.append("]}").toString());
    assertEquals(413, batch.status(), batch.body());
    assertEquals(5, batch.json().get("limit").asInt());
    assertEquals("comments", batch.json().get("field").asText());
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    ServiceFixture.Answer a = fx.post("/v1/classify", "text/plain", "{\"text\": \"hello\"}");
    assertEquals(415, a.status(), a.body());
    assertEquals("unsupported_media_type", a.json().get("error").asText());
    assertEquals(415, fx.post("/v1/classify", "application/json; charset=latin1", "{\"text\": \"x\"}").status());
    assertEquals(200, fx.post("/v1/classify", "application/json; charset=UTF-8", "{\"text\": \"x\"}").status());
  }

  @Test
  void unknownRoutesAndMethodsAnswerJson() throws Exception {
    ServiceFixture.Answer missing = fx.get("/v2/nothing");
    assertEquals(404, missing.status());
    assertEquals("not_found", missing.json().get("error").asText());
    ServiceFixture.Answer method = fx.get("/v1/classify");
    assertEquals(405, method.status(), method.body());
    assertEquals("method_not_allowed", method.json().get("error").asText());
  }

  @Test
  void healthReadyAndClassifiers() throws Exception {
    assertEquals("up", fx.get("/health").json().get("status").asText());
    assertEquals("ready", fx.get("/ready").json().get("status").asText());
    JsonNode list = fx.get("/v1/classifiers").json();
    assertEquals("social-care", list.get("default").asText());
    JsonNode first = list.get("classifiers").get(0);
    assertEquals("codebook", first.get("kind").asText());
    assertEquals("bundled", first.get("source").asText());
    assertEquals(10, first.get("themes").size());
  }

  @Test
  void metricsCountRequestsAndNeverHoldText() throws Exception {
    String marker = "zebracrossing" + System.nanoTime();
    fx.post("/v1/classify", "{\"text\": \"the " + marker + " staff were rude\"}");
    fx.post("/v1/classify", "{\"text\": \"" + marker);
    ServiceFixture.Answer m = fx.get("/metrics");
    assertEquals(200, m.status());
    assertTrue(m.header("Content-Type").startsWith("text/plain"));
    assertTrue(m.body().contains("verbatim_requests_total{endpoint=\"/v1/classify\",status=\"200\"}"), m.body());
    assertTrue(m.body().contains("verbatim_request_duration_seconds_bucket{endpoint=\"/v1/classify\",le=\"+Inf\"}"));
    assertTrue(m.body().contains("verbatim_comments_total{endpoint=\"/v1/classify\"}"));
    assertTrue(m.body().contains("verbatim_errors_total{code=\"bad_request\"}"));
    assertFalse(m.body().contains(marker));
  }

  @Test
  void openApiIsServed() throws Exception {
    ServiceFixture.Answer a = fx.get("/openapi.json");
    assertEquals(200, a.status());
    assertNotNull(a.json().get("openapi"));
  }
}
