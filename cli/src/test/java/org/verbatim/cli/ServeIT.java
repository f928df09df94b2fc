package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/verbatim serve} as a user starts it, in a child process: it listens on loopback and prints where,
 * answers, stops on SIGTERM after finishing, and logs no comment text even with every logger at TRACE. Runs in the
 * {@code integration-test} phase (after {@code package}).
 */
class ServeIT {

  @TempDir Path tmp;

  @Test
  void servesStopsOnSigtermAndNeverLogsCommentText() throws Exception {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    Path launcher = module.getParent().resolve("bin/verbatim");
    Path err = tmp.resolve("err.txt");
    Path out = tmp.resolve("out.txt");
    ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "serve", "--port", "0", "--max-body-bytes", "2000")
        .directory(tmp.toFile()).redirectError(err.toFile()).redirectOutput(out.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // every logger at TRACE: serve keeps Jetty at INFO (its DEBUG output can show request bytes)
    pb.environment().put("JAVA_OPTS", "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"
        + " -Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=trace -Dorg.slf4j.simpleLogger.log.io.javalin=trace");
    Process p = pb.start();
    try {
      URI base = awaitListening(p, err);
      assertEquals("127.0.0.1", base.getHost());
      HttpClient http = HttpClient.newHttpClient();
      String marker = "wombatmarker" + System.nanoTime();
      assertEquals(200, post(http, base, "{\"text\": \"The " + marker + " staff never listened.\"}").statusCode());
      HttpResponse<String> batch = post(http, base.resolve("/v1/classify/batch"),
          "{\"comments\": [{\"id\": \"a\", \"text\": \"" + marker + " rude\"}]}");
      assertEquals(200, batch.statusCode());
      assertTrue(batch.body().contains("\"id\":\"a\""), batch.body());
      assertEquals(400, post(http, base, "{\"text\": \"" + marker).statusCode());
      assertEquals(413, post(http, base, "{\"text\": \"" + (marker + " ").repeat(200) + "\"}").statusCode());
      assertEquals(200, http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());

      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
      String log = Files.readString(err, StandardCharsets.UTF_8) + Files.readString(out, StandardCharsets.UTF_8);
      assertTrue(log.contains("verbatim: stopped"), log);
      assertFalse(log.contains(marker), "comment text in the log:\n" + log);
      assertFalse(log.contains("Exception"), log);
    } finally {
      p.destroyForcibly();
    }
  }

  private static HttpResponse<String> post(HttpClient http, URI uri, String body) throws Exception {
    URI target = uri.getPath().isEmpty() ? uri.resolve("/v1/classify") : uri;
    return http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The address from the line {@code verbatim: listening on http://...}. */
  private static URI awaitListening(Process p, Path err) throws IOException, InterruptedException {
    Pattern line = Pattern.compile("verbatim: listening on (http://[0-9.]+:[0-9]+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = line.matcher(Files.readString(err, StandardCharsets.UTF_8));
      if (m.find()) {
        return URI.create(m.group(1));
      }
      if (!p.isAlive()) {
        throw new AssertionError("serve exited " + p.exitValue() + ": " + Files.readString(err));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not print where it listens: " + Files.readString(err));
  }
}
