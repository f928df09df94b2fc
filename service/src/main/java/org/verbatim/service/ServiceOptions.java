package org.verbatim.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link VerbatimService} listens and what it accepts: address, body and batch limits, the worker pool,
 * deadlines, connection bounds and the optional API key.
 *
 * <pre>{@code
 * ServiceOptions options = ServiceOptions.builder().host("127.0.0.1").port(0).maxBatch(500).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The builder checks every value and throws {@link IllegalArgumentException}
 * naming the setting and the value.
 *
 * @param host the address to bind (default {@code 127.0.0.1}, loopback only)
 * @param port the TCP port; 0 picks a free one (default 8080)
 * @param maxBodyBytes the largest request body in bytes; a larger one gets 413 (default 1 MiB)
 * @param maxBatch the most comments in one batch request; more get 413 (default 1,000)
 * @param maxTextChars the longest comment in UTF-16 chars; a longer one gets 413 (default 20,000)
 * @param workers threads that classify (default: one per processor)
 * @param queue requests that may wait for a worker; when it is full a request gets 503 with
 *     {@code Retry-After} (default 256)
 * @param requestTimeout the wall-clock deadline of a request from its arrival, queueing included; past it the
 *     request gets 503 (default 10 s)
 * @param cpuDeadline the CPU time one request may use on a worker; past it the request gets 503 (default 5 s)
 * @param idleTimeout how long a connection may stay silent, also while a request is read (default 30 s)
 * @param minRequestDataRate the slowest a request body may arrive in bytes per second, 0 for no minimum
 *     (default 0: Jetty measures the rate from the request's start, so on a busy server a small body that waited
 *     for a thread fails it; stalled bodies are cut by {@code idleTimeout})
 * @param maxConnections the most open connections; more wait to be accepted (default 512)
 * @param shutdownGrace how long {@link VerbatimService#close()} waits for requests in flight (default 10 s)
 * @param apiKey the key every {@code /v1} and {@code /metrics} request must carry, or null for none
 */
public record ServiceOptions(
    String host,
    int port,
    int maxBodyBytes,
    int maxBatch,
    int maxTextChars,
    int workers,
    int queue,
    Duration requestTimeout,
    Duration cpuDeadline,
    Duration idleTimeout,
    long minRequestDataRate,
    int maxConnections,
    Duration shutdownGrace,
    String apiKey) {

  /**
   * @throws NullPointerException if {@code host} or a duration is null
   * @throws IllegalArgumentException if a value is out of range (the message names it)
   */
  public ServiceOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(cpuDeadline, "cpuDeadline");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
    }
    positive("maxBodyBytes", maxBodyBytes);
    positive("maxBatch", maxBatch);
    positive("maxTextChars", maxTextChars);
    positive("workers", workers);
    positive("queue", queue);
    positive("maxConnections", maxConnections);
    positive("requestTimeout", requestTimeout);
    positive("cpuDeadline", cpuDeadline);
    positive("idleTimeout", idleTimeout);
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
    }
    if (minRequestDataRate < 0) {
      throw new IllegalArgumentException("minRequestDataRate must not be negative: " + minRequestDataRate);
    }
    if (apiKey != null && apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank (use null for no key)");
    }
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** What {@code toString} shows instead of the key. */
  @Override
  public String toString() {
    return "ServiceOptions[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", maxBatch="
        + maxBatch + ", maxTextChars=" + maxTextChars + ", workers=" + workers + ", queue=" + queue
        + ", requestTimeout=" + requestTimeout + ", cpuDeadline=" + cpuDeadline + ", idleTimeout=" + idleTimeout
        + ", minRequestDataRate=" + minRequestDataRate + ", maxConnections=" + maxConnections + ", shutdownGrace="
        + shutdownGrace + ", apiKey=" + (apiKey == null ? "none" : "set") + "]";
  }

  /** A builder with the defaults above. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static ServiceOptions defaults() {
    return builder().build();
  }

  /** Builds {@link ServiceOptions}; not thread-safe. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8080;
    private int maxBodyBytes = 1 << 20;
    private int maxBatch = 1000;
    private int maxTextChars = 20_000;
    private int workers = Runtime.getRuntime().availableProcessors();
    private int queue = 256;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration cpuDeadline = Duration.ofSeconds(5);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private long minRequestDataRate = 0;
    private int maxConnections = 512;
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private String apiKey;

    private Builder() {}

    /** Sets {@link ServiceOptions#host()}. */
    public Builder host(String value) {
      host = value;
      return this;
    }

    /** Sets {@link ServiceOptions#port()}. */
    public Builder port(int value) {
      port = value;
      return this;
    }

    /** Sets {@link ServiceOptions#maxBodyBytes()}. */
    public Builder maxBodyBytes(int value) {
      maxBodyBytes = value;
      return this;
    }

    /** Sets {@link ServiceOptions#maxBatch()}. */
    public Builder maxBatch(int value) {
      maxBatch = value;
      return this;
    }

    /** Sets {@link ServiceOptions#maxTextChars()}. */
    public Builder maxTextChars(int value) {
      maxTextChars = value;
      return this;
    }

    /** Sets {@link ServiceOptions#workers()}. */
    public Builder workers(int value) {
      workers = value;
      return this;
    }

    /** Sets {@link ServiceOptions#queue()}. */
    public Builder queue(int value) {
      queue = value;
      return this;
    }

    /** Sets {@link ServiceOptions#requestTimeout()}. */
    public Builder requestTimeout(Duration value) {
      requestTimeout = value;
      return this;
    }

    /** Sets {@link ServiceOptions#cpuDeadline()}. */
    public Builder cpuDeadline(Duration value) {
      cpuDeadline = value;
      return this;
    }

    /** Sets {@link ServiceOptions#idleTimeout()}. */
    public Builder idleTimeout(Duration value) {
      idleTimeout = value;
      return this;
    }

    /** Sets {@link ServiceOptions#minRequestDataRate()}. */
    public Builder minRequestDataRate(long value) {
      minRequestDataRate = value;
      return this;
    }

    /** Sets {@link ServiceOptions#maxConnections()}. */
    public Builder maxConnections(int value) {
      maxConnections = value;
      return this;
    }

    /** Sets {@link ServiceOptions#shutdownGrace()}. */
    public Builder shutdownGrace(Duration value) {
      shutdownGrace = value;
      return this;
    }

    /** Sets {@link ServiceOptions#apiKey()}; null for none. */
    public Builder apiKey(String value) {
      apiKey = value;
      return this;
    }

    /**
     * The options.
     *
     * @throws NullPointerException if {@code host} or a duration is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public ServiceOptions build() {
      return new ServiceOptions(host, port, maxBodyBytes, maxBatch, maxTextChars, workers, queue, requestTimeout,
          cpuDeadline, idleTimeout, minRequestDataRate, maxConnections, shutdownGrace, apiKey);
    }
  }
}
