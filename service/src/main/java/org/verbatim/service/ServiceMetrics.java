package org.verbatim.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The service's counters in the Prometheus text format (version 0.0.4): requests by endpoint and status, a latency
 * histogram by endpoint, comments classified, errors by code, requests in flight and waiting. Labels are route
 * templates and fixed codes only, never anything from a request body. Thread-safe.
 */
final class ServiceMetrics {

  /** Upper bounds of the latency buckets, in seconds. */
  static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> comments = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final IntSupplier inFlight;
  private final IntSupplier queued;

  ServiceMetrics(List<String> endpoints, IntSupplier inFlight, IntSupplier queued) {
    this.inFlight = inFlight;
    this.queued = queued;
    for (String e : endpoints) {
      latency.put(e, new Histogram());
    }
    latency.put("other", new Histogram());
  }

  private static final class Histogram {
    final LongAdder[] counts = new LongAdder[BUCKETS.length];
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }
  }

  /** Records an answered request; {@code endpoint} is a route template or {@code other}. */
  void request(String endpoint, int status, long nanos) {
    Histogram h = latency.get(endpoint);
    if (h == null) {
      endpoint = "other";
      h = latency.get(endpoint);
    }
    requests.computeIfAbsent(endpoint + '\u0000' + status, k -> new LongAdder()).increment();
    h.observe(nanos / 1e9);
  }

  /** Records comments classified on an endpoint. */
  void comments(String endpoint, int n) {
    comments.computeIfAbsent(endpoint, k -> new LongAdder()).add(n);
  }

  /** Records an error answer by its code ({@code bad_request}, {@code overloaded}, ...). */
  void error(String code) {
    errors.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  /** The exposition text. */
  String text() {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("# HELP verbatim_requests_total HTTP requests answered, by route and status.\n");
    sb.append("# TYPE verbatim_requests_total counter\n");
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(requests).entrySet()) {
      int cut = e.getKey().indexOf('\u0000');
      sb.append("verbatim_requests_total{endpoint=\"").append(e.getKey(), 0, cut).append("\",status=\"")
          .append(e.getKey(), cut + 1, e.getKey().length()).append("\"} ").append(e.getValue().sum()).append('\n');
    }
    sb.append("# HELP verbatim_request_duration_seconds Time from a request's arrival to its answer, by route.\n");
    sb.append("# TYPE verbatim_request_duration_seconds histogram\n");
    for (Map.Entry<String, Histogram> e : new TreeMap<>(latency).entrySet()) {
      Histogram h = e.getValue();
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += h.counts[i].sum();
        sb.append("verbatim_request_duration_seconds_bucket{endpoint=\"").append(e.getKey()).append("\",le=\"")
            .append(bound(BUCKETS[i])).append("\"} ").append(cumulative).append('\n');
      }
      long count = h.count.sum();
      sb.append("verbatim_request_duration_seconds_bucket{endpoint=\"").append(e.getKey()).append("\",le=\"+Inf\"} ")
          .append(count).append('\n');
      sb.append("verbatim_request_duration_seconds_sum{endpoint=\"").append(e.getKey()).append("\"} ")
          .append(String.format(Locale.ROOT, "%.6f", h.sum.sum())).append('\n');
      sb.append("verbatim_request_duration_seconds_count{endpoint=\"").append(e.getKey()).append("\"} ")
          .append(count).append('\n');
    }
    sb.append("# HELP verbatim_comments_total Comments classified (rows), by route.\n");
    sb.append("# TYPE verbatim_comments_total counter\n");
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(comments).entrySet()) {
      sb.append("verbatim_comments_total{endpoint=\"").append(e.getKey()).append("\"} ").append(e.getValue().sum())
          .append('\n');
    }
    sb.append("# HELP verbatim_errors_total Error answers, by error code.\n");
    sb.append("# TYPE verbatim_errors_total counter\n");
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(errors).entrySet()) {
      sb.append("verbatim_errors_total{code=\"").append(e.getKey()).append("\"} ").append(e.getValue().sum())
          .append('\n');
    }
    sb.append("# HELP verbatim_requests_in_flight Classification requests accepted and not yet answered.\n");
    sb.append("# TYPE verbatim_requests_in_flight gauge\n");
    sb.append("verbatim_requests_in_flight ").append(inFlight.getAsInt()).append('\n');
    sb.append("# HELP verbatim_requests_queued Classification requests waiting for a worker.\n");
    sb.append("# TYPE verbatim_requests_queued gauge\n");
    sb.append("verbatim_requests_queued ").append(queued.getAsInt()).append('\n');
    return sb.toString();
  }

  private static String bound(double b) {
    String s = Double.toString(b);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
