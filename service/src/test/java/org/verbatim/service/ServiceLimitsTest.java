package org.verbatim.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The service's bounds over real HTTP: a full pool, deadlines, slow clients, shutdown, the API key, the logs. */
class ServiceLimitsTest {

  private static List<ServedClassifier> gated(GatedClassifier g) {
    return List.of(new ServedClassifier("social-care", g, "bundled"));
  }

  private static CompletableFuture<HttpResponse<String>> postAsync(ServiceFixture fx, String path, String body) {
    return fx.client.sendAsync(HttpRequest.newBuilder(fx.uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final String HELD = "{\"text\": \"Staff were rude " + GatedClassifier.HOLD + "\"}";

  @Test
  void aFullPoolAnswers503WithRetryAfterAndTheOthersFinish() throws Exception {
    GatedClassifier g = new GatedClassifier();
    try (ServiceFixture fx = new ServiceFixture(ServiceOptions.builder().workers(1).queue(1), gated(g))) {
      CompletableFuture<HttpResponse<String>> running = postAsync(fx, "/v1/classify", HELD);
      assertTrue(g.arrived.tryAcquire(10, TimeUnit.SECONDS), "the first request never reached the worker");
      CompletableFuture<HttpResponse<String>> queued = postAsync(fx, "/v1/classify", HELD);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!fx.get("/metrics").body().contains("verbatim_requests_queued 1") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      ServiceFixture.Answer full = fx.post("/v1/classify", "{\"text\": \"Staff were rude\"}");
      assertEquals(503, full.status(), full.body());
      assertEquals("1", full.header("Retry-After"));
      assertEquals("overloaded", full.json().get("error").asText());
      assertEquals(1, full.json().get("limit").asInt());
      g.gate.countDown();
      assertEquals(200, running.get(30, TimeUnit.SECONDS).statusCode());
      assertEquals(200, queued.get(30, TimeUnit.SECONDS).statusCode());
      assertEquals(200, fx.post("/v1/classify", "{\"text\": \"Staff were rude\"}").status());
      assertTrue(fx.get("/metrics").body().contains("verbatim_errors_total{code=\"overloaded\"} 1"));
    }
  }

  @Test
  void aRequestPastItsDeadlineGets503() throws Exception {
    GatedClassifier g = new GatedClassifier();
    ServiceOptions.Builder options = ServiceOptions.builder().workers(1).requestTimeout(Duration.ofMillis(300));
    try (ServiceFixture fx = new ServiceFixture(options, gated(g))) {
      CompletableFuture<HttpResponse<String>> running = postAsync(fx, "/v1/classify", HELD);
      assertTrue(g.arrived.tryAcquire(10, TimeUnit.SECONDS));
      CompletableFuture<HttpResponse<String>> waiting = postAsync(fx, "/v1/classify", "{\"text\": \"Rude staff\"}");
      Thread.sleep(500); // the waiting request's deadline passes while the worker is held
      g.gate.countDown();
      HttpResponse<String> late = waiting.get(30, TimeUnit.SECONDS);
      assertEquals(503, late.statusCode(), late.body());
      assertTrue(late.body().contains("\"error\":\"timeout\""), late.body());
      assertEquals(200, running.get(30, TimeUnit.SECONDS).statusCode());
    }
  }

  @Test
  void aBatchOverItsCpuDeadlineGets503() throws Exception {
    ServiceOptions.Builder options = ServiceOptions.builder().cpuDeadline(Duration.ofMillis(1)).maxBodyBytes(1 << 22);
    try (ServiceFixture fx = new ServiceFixture(options)) {
      StringBuilder body = new StringBuilder("{\"comments\": [");
      String text = "The staff were kind but never listened, and the social worker was always late to visits. ";
      for (int i = 0; i < 1000; i++) {
        body.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"text\": \"")
            .append(text.repeat(3)).append("\"}");
      }
      ServiceFixture.Answer a = fx.post("/v1/classify/batch", body.append("]}").toString());
      assertEquals(503, a.status(), a.body());
      assertEquals("timeout", a.json().get("error").asText());
      assertEquals(1, a.json().get("limit").asInt());
      assertEquals(200, fx.post("/v1/classify", "{\"text\": \"Kind staff\"}").status());
    }
  }

  @Test
  void closeFinishesRequestsInFlightAndRefusesNewOnes() throws Exception {
    GatedClassifier g = new GatedClassifier();
    ServiceFixture fx = new ServiceFixture(ServiceOptions.builder().workers(1), gated(g));
    try {
      CompletableFuture<HttpResponse<String>> running = postAsync(fx, "/v1/classify", HELD);
      assertTrue(g.arrived.tryAcquire(10, TimeUnit.SECONDS));
      CompletableFuture<Void> closed = CompletableFuture.runAsync(fx.service::close);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      ServiceFixture.Answer ready;
      while ((ready = fx.get("/ready")).status() == 200 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(503, ready.status());
      assertEquals("stopping", ready.json().get("status").asText());
      ServiceFixture.Answer refused = fx.post("/v1/classify", "{\"text\": \"Rude staff\"}");
      assertEquals(503, refused.status());
      assertEquals("shutting_down", refused.json().get("error").asText());
      assertFalse(closed.isDone(), "close returned with a request in flight");
      g.gate.countDown();
      HttpResponse<String> finished = running.get(30, TimeUnit.SECONDS);
      assertEquals(200, finished.statusCode(), finished.body());
      assertTrue(finished.body().contains("\"theme\":\"respect\""), finished.body());
      closed.get(30, TimeUnit.SECONDS);
    } finally {
      g.gate.countDown();
      fx.close();
    }
  }

  @Test
  void aStalledBodyIsCutOffAndTheServiceStaysUp() throws Exception {
    ServiceOptions.Builder options = ServiceOptions.builder().idleTimeout(Duration.ofMillis(500));
    try (ServiceFixture fx = new ServiceFixture(options);
        Socket socket = new Socket("127.0.0.1", fx.service.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"text\": \"sec").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8); // until the server closes
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 5000, "the stalled connection stayed open " + millis + " ms");
      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408") || answer.startsWith("HTTP/1.1 400")
          || answer.startsWith("HTTP/1.1 500"), answer);
      assertFalse(answer.contains("sec"), answer);
      assertEquals(200, fx.post("/v1/classify", "{\"text\": \"Kind staff\"}").status());
    }
  }

  @Test
  void aBodyBelowTheMinimumDataRateGets408NotAnInternalError() throws Exception {
    ServiceOptions.Builder options = ServiceOptions.builder().minRequestDataRate(1_000_000);
    try (ServiceFixture fx = new ServiceFixture(options);
        Socket socket = new Socket("127.0.0.1", fx.service.port())) {
      socket.setSoTimeout(10_000);
      byte[] body = "{\"text\": \"Kind staff\"}".getBytes(StandardCharsets.US_ASCII);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 5);
      out.flush();
      Thread.sleep(300); // 22 bytes in 0.3 s: far below 1 MB/s
      out.write(body, 5, body.length - 5);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
      assertTrue(answer.contains("\"error\":\"request_timeout\""), answer);
    }
  }

  @Test
  void anApiKeyIsRequiredOnV1AndMetricsWhenSet() throws Exception {
    try (ServiceFixture fx = new ServiceFixture(ServiceOptions.builder().apiKey("s3cret-key"))) {
      String body = "{\"text\": \"Kind staff\"}";
      ServiceFixture.Answer none = fx.post("/v1/classify", body);
      assertEquals(401, none.status());
      assertEquals("Bearer", none.header("WWW-Authenticate"));
      assertEquals("unauthorized", none.json().get("error").asText());
      assertEquals(401, fx.send(request(fx, body, "Authorization", "Bearer s3cret-kex")).status());
      assertEquals(401, fx.send(request(fx, body, "Authorization", "Bearer s3cret-key-and-more")).status());
      assertEquals(200, fx.send(request(fx, body, "Authorization", "Bearer s3cret-key")).status());
      assertEquals(200, fx.send(request(fx, body, "X-API-Key", "s3cret-key")).status());
      assertEquals(401, fx.get("/metrics").status());
      assertEquals(401, fx.get("/v1/classifiers").status());
      assertEquals(200, fx.get("/health").status());
      assertEquals(200, fx.get("/ready").status());
      assertEquals(200, fx.get("/openapi.json").status());
    }
  }

  private static HttpRequest request(ServiceFixture fx, String body, String header, String value) {
    return HttpRequest.newBuilder(fx.uri("/v1/classify")).header("Content-Type", "application/json")
        .header(header, value).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  @Test
  void noCommentTextReachesStdoutOrStderr() throws Exception {
    String marker = "quokkamarker" + System.nanoTime();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    List<Integer> statuses = new ArrayList<>();
    System.setOut(capture);
    System.setErr(capture);
    try (ServiceFixture fx = new ServiceFixture(ServiceOptions.builder().maxBodyBytes(300).maxTextChars(100))) {
      statuses.add(fx.post("/v1/classify", "{\"text\": \"" + marker + " was rude\"}").status());
      statuses.add(fx.post("/v1/classify", "{\"text\": \"" + marker).status());
      statuses.add(fx.post("/v1/classify", "{\"" + marker + "\": 1}").status());
      statuses.add(fx.post("/v1/classify", "{\"text\": \"" + (marker + " ").repeat(10) + "\"}").status());
      statuses.add(fx.post("/v1/classify", "{\"text\": \"" + (marker + " ").repeat(30) + "\"}").status());
      statuses.add(fx.post("/v1/classify", "text/plain", marker).status());
      statuses.add(fx.post("/v1/classify/batch", "{\"comments\": [{\"id\": \"1\", \"text\": 1, \"" + marker + "\": 2}]}").status());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals(List.of(200, 400, 400, 413, 413, 415, 400), statuses);
    assertFalse(captured.toString(StandardCharsets.UTF_8).contains(marker), captured.toString(StandardCharsets.UTF_8));
  }
}
