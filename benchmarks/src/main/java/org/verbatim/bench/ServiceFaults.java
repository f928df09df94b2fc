package org.verbatim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fault load for {@code verbatim serve}: clients that send, in turn, an oversized body, malformed JSON, a wrong
 * content type, a wrong field type and a slow body that stalls half way, for a bounded time, against a service on
 * 127.0.0.1 only. Each fault must get its status (413, 400, 415, 400) or, for the stalled body, be cut off by the
 * service (408 or the connection closed) within 10 s; anything else is counted as unexpected and the exit code is 1.
 * Run beside a good load (wrk) to check that every good request is still answered.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.ServiceFaults http://127.0.0.1:PORT SECONDS CLIENTS
 * </pre>
 */
public final class ServiceFaults {

  private ServiceFaults() {}

  private static final Map<String, LongAdder> OUTCOMES = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    if (!base.getHost().equals("127.0.0.1")) {
      throw new IllegalArgumentException("the fault load runs against 127.0.0.1 only: " + base);
    }
    double seconds = Double.parseDouble(args[1]);
    int clients = Integer.parseInt(args[2]);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      int offset = c;
      threads[c] = new Thread(() -> {
        int k = offset;
        while (System.nanoTime() < end) {
          fault(base, k++ % 5);
        }
      }, "fault-" + c);
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long unexpected = 0;
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(OUTCOMES).entrySet()) {
      System.out.printf(Locale.ROOT, "fault %-40s %d%n", e.getKey(), e.getValue().sum());
      if (e.getKey().contains("UNEXPECTED")) {
        unexpected += e.getValue().sum();
      }
    }
    System.out.println("faults unexpected " + unexpected);
    System.exit(unexpected == 0 ? 0 : 1);
  }

  private static void fault(URI base, int kind) {
    String name;
    String expected;
    String head;
    byte[] body;
    boolean stall = false;
    switch (kind) {
      case 0 -> {
        name = "oversized";
        expected = "413";
        body = ("{\"text\": \"" + "a".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        head = "application/json";
      }
      case 1 -> {
        name = "malformed";
        expected = "400";
        body = "{\"text\": \"unterminated".getBytes(StandardCharsets.UTF_8);
        head = "application/json";
      }
      case 2 -> {
        name = "wrong-content-type";
        expected = "415";
        body = "text=hello".getBytes(StandardCharsets.UTF_8);
        head = "application/x-www-form-urlencoded";
      }
      case 3 -> {
        name = "wrong-field-type";
        expected = "400";
        body = "{\"comments\": [{\"id\": 7, \"text\": \"x\"}]}".getBytes(StandardCharsets.UTF_8);
        head = "application/json";
      }
      default -> {
        name = "stalled-body";
        expected = "408|closed";
        body = "{\"text\": \"The staff were kind".getBytes(StandardCharsets.UTF_8);
        head = "application/json";
        stall = true;
      }
    }
    String path = kind == 3 ? "/v1/classify/batch" : "/v1/classify";
    int length = stall ? body.length + 100 : body.length;
    String outcome;
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: " + head
          + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      try {
        out.write(body);
        out.flush();
      } catch (IOException e) {
        // the service may answer 413 and close before the whole body is sent
      }
      outcome = status(s.getInputStream());
    } catch (SocketTimeoutException e) {
      outcome = "no answer in 10 s";
    } catch (IOException e) {
      outcome = "io " + e.getClass().getSimpleName();
    }
    boolean ok = expected.contains(outcome) || (kind == 0 && outcome.startsWith("io "));
    OUTCOMES.computeIfAbsent(name + " " + outcome + (ok ? "" : " UNEXPECTED"), k -> new LongAdder()).increment();
  }

  /** The status code of the answer, or {@code closed} when the service closed without one. */
  private static String status(InputStream in) throws IOException {
    byte[] head = new byte[12];
    int n = 0;
    int r;
    while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
      n += r;
    }
    if (n < 12) {
      return "closed";
    }
    in.readAllBytes();
    return new String(head, 9, 3, StandardCharsets.US_ASCII);
  }
}
