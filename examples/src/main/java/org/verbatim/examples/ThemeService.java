package org.verbatim.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.RulePipeline;

/**
 * A small HTTP service on the JDK's built-in server: {@code POST /classify} with the comment as the
 * UTF-8 request body returns the themes as JSON. One classifier is shared by all request threads.
 *
 * <p>Run: {@code java -cp ... org.verbatim.examples.ThemeService 8080}, then
 * {@code curl --data-binary 'She never listened.' http://127.0.0.1:8080/classify}.
 * It listens on the loopback address only and never logs comment text.
 */
public final class ThemeService {

  /** Largest request body accepted, in bytes. */
  static final int MAX_BODY = 64 * 1024;

  private final HttpServer server;

  private ThemeService(HttpServer server) {
    this.server = server;
  }

  /** Starts a service on 127.0.0.1 at {@code port} (0 picks a free port). */
  public static ThemeService start(ThemeClassifier classifier, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    server.setExecutor(pool);
    server.createContext("/classify", ex -> handle(classifier, ex));
    server.start();
    return new ThemeService(server);
  }

  /** The port the service listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops the service. */
  public void stop() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private static void handle(ThemeClassifier classifier, HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, 405, "{\"error\":\"use POST with the comment as the body\"}");
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        send(ex, 413, "{\"error\":\"comment longer than " + MAX_BODY + " bytes\"}");
        return;
      }
      String text = new String(body, StandardCharsets.UTF_8);
      send(ex, 200, toJson(text, classifier.classify(text)));
    }
  }

  static String toJson(String text, Classification c) {
    StringBuilder sb = new StringBuilder("{\"themes\":[");
    for (int i = 0; i < c.tags().size(); i++) {
      ThemeTag t = c.tags().get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"theme\":\"").append(t.themeId()).append("\",\"score\":")
          .append(String.format(Locale.ROOT, "%.3f", t.score()))
          .append(",\"polarity\":\"").append(t.polarity().id()).append("\",\"evidence\":[");
      for (int j = 0; j < t.evidence().size(); j++) {
        Evidence e = t.evidence().get(j);
        if (j > 0) {
          sb.append(',');
        }
        sb.append("{\"start\":").append(e.start()).append(",\"end\":").append(e.end())
            .append(",\"text\":\"").append(escape(e.in(text))).append("\"}");
      }
      sb.append("]}");
    }
    return sb.append("]}").toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    ThemeClassifier classifier = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());
    ThemeService s = start(classifier, port);
    System.err.println("verbatim theme service on http://127.0.0.1:" + s.port() + "/classify (POST the comment)");
  }
}
