package org.verbatim.service;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.verbatim.Classification;

/**
 * Verbatim as an HTTP service: classifies comments sent as JSON, one or a batch at a time, with the classifiers of a
 * {@link ClassifierSet}. Runs Javalin on Jetty; the routes are {@link #ROUTES} and the contract is the OpenAPI 3
 * document served at {@code GET /openapi.json} (the resource {@code org/verbatim/service/openapi.json}).
 *
 * <pre>{@code
 * try (VerbatimService service = VerbatimService.start(ServiceOptions.builder().port(0).build(), classifiers)) {
 *   URI base = service.uri();   // http://127.0.0.1:PORT
 *   ...
 * }
 * }</pre>
 *
 * <p>Limits: the body size, the batch size and the comment length ({@code 413} naming the limit); a bounded pool of
 * classification workers with a bounded queue ({@code 503} with {@code Retry-After} when it is full); a wall-clock
 * deadline per request from its arrival and a CPU-time deadline per request on its worker ({@code 503}); idle and
 * minimum-data-rate timeouts while a request is read; a bound on open connections. Malformed input gets
 * {@code 400} with a JSON error naming the field, a wrong content type {@code 415}. Nothing of a request body is
 * logged, counted by label or put into an error message.
 *
 * <p>Thread-safe. {@link #close()} stops accepting classification requests, lets those in flight finish (up to
 * {@link ServiceOptions#shutdownGrace()}) and stops the server.
 */
public final class VerbatimService implements AutoCloseable {

  /** A route: an HTTP method and a path. */
  public record Route(String method, String path) {}

  /** Path of single-comment classification. */
  public static final String CLASSIFY = "/v1/classify";
  /** Path of batch classification. */
  public static final String BATCH = "/v1/classify/batch";
  /** Path of the list of classifiers. */
  public static final String CLASSIFIERS = "/v1/classifiers";
  /** Path of the liveness check. */
  public static final String HEALTH = "/health";
  /** Path of the readiness check. */
  public static final String READY = "/ready";
  /** Path of the Prometheus metrics. */
  public static final String METRICS = "/metrics";
  /** Path of the OpenAPI document. */
  public static final String OPENAPI = "/openapi.json";

  /** Every route the service answers, as the OpenAPI document lists them. */
  public static final List<Route> ROUTES = List.of(
      new Route("POST", CLASSIFY), new Route("POST", BATCH), new Route("GET", CLASSIFIERS),
      new Route("GET", HEALTH), new Route("GET", READY), new Route("GET", METRICS), new Route("GET", OPENAPI));

  /** Seconds a client is asked to wait in {@code Retry-After} when the service is full or stopping. */
  static final int RETRY_AFTER_SECONDS = 1;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VerbatimService.class);
  private static final String START = "verbatim.start";
  private static final String TRACKED = "verbatim.tracked";
  private static final String JSON = "application/json";
  private static final byte[] OPENAPI_DOCUMENT = openApiDocument();

  private final ServiceOptions options;
  private final ClassifierSet classifiers;
  private final Requests requests;
  private final Answers answers = new Answers();
  /** One permit per worker: what classifies at once. */
  private final Semaphore slots;
  /** Requests classifying or waiting for a slot. */
  private final AtomicInteger admitted = new AtomicInteger();
  /** Threads on which requests wait for a slot (bounded in practice by {@code admitted}). */
  private final ThreadPoolExecutor waiting;
  private final ServiceMetrics metrics;
  private final ApiKey apiKey;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final boolean cpuTime;
  private final Javalin app;

  private VerbatimService(ServiceOptions options, ClassifierSet classifiers) {
    this.options = options;
    this.classifiers = classifiers;
    this.requests = new Requests(options.maxBatch(), options.maxTextChars());
    this.apiKey = options.apiKey() == null ? null : new ApiKey(options.apiKey());
    this.slots = new Semaphore(options.workers(), true);
    AtomicInteger workerCount = new AtomicInteger();
    this.waiting = new ThreadPoolExecutor(options.workers(), options.workers(), 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "verbatim-worker-" + workerCount.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    List<String> labels = new ArrayList<>();
    for (Route r : ROUTES) {
      labels.add(r.path());
    }
    this.metrics = new ServiceMetrics(labels, inFlight::get,
        () -> Math.max(0, admitted.get() - (options.workers() - slots.availablePermits())));
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    if (cpu && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
    this.cpuTime = cpu;
    this.app = Javalin.create(this::configure);
  }

  /**
   * Starts a service; it is listening when this returns.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the server cannot start (e.g. the port is taken; the message says)
   */
  public static VerbatimService start(ServiceOptions options, ClassifierSet classifiers) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(classifiers, "classifiers");
    VerbatimService service = new VerbatimService(options, classifiers);
    try {
      service.app.start();
    } catch (RuntimeException e) {
      service.waiting.shutdownNow();
      throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
          + rootMessage(e), e);
    }
    return service;
  }

  /** The port the service listens on (the one chosen when {@link ServiceOptions#port()} was 0). */
  public int port() {
    return app.port();
  }

  /** The base address, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return URI.create("http://" + host + ":" + port());
  }

  /** The options it runs with. */
  public ServiceOptions options() {
    return options;
  }

  /** The OpenAPI document the service serves. */
  public static byte[] openApi() {
    return OPENAPI_DOCUMENT.clone();
  }

  /**
   * Stops gracefully: classification requests that arrive from now on get 503, {@code /ready} reports 503, the
   * requests in flight finish (for at most {@link ServiceOptions#shutdownGrace()}), then the server stops. Calling
   * it again does nothing.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
    try {
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      app.stop();
      waiting.shutdownNow();
    }
  }

  private void configure(io.javalin.config.JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.prefer405over404 = true;
    config.http.asyncTimeout = options.requestTimeout().toMillis() + 1000;
    config.jetty.timeoutStatus = 503;
    int maxThreads = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    // Jetty's own jobs queue unbounded (Jetty warns against a bound); the bounds are the connection limit and the
    // classification workers' queue
    QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads), 60_000);
    pool.setName("verbatim-http");
    config.jetty.threadPool = pool;
    config.jetty.modifyHttpConfiguration(http -> {
      http.setSendServerVersion(false);
      http.setSendXPoweredBy(false);
      http.setIdleTimeout(options.idleTimeout().toMillis());
      http.setMinRequestDataRate(options.minRequestDataRate());
    });
    config.jetty.addConnector((server, http) -> {
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
      connector.setHost(options.host());
      connector.setPort(options.port());
      connector.setIdleTimeout(options.idleTimeout().toMillis());
      return connector;
    });
    config.jetty.modifyServer(server -> {
      server.addBean(new NetworkConnectionLimit(options.maxConnections(), server));
      server.setStopTimeout(options.shutdownGrace().toMillis());
    });

    config.routes.before(this::before);
    config.routes.after(this::after);
    config.routes.post(CLASSIFY, this::classify);
    config.routes.post(BATCH, this::batch);
    config.routes.get(CLASSIFIERS, ctx -> json(ctx, 200, answers.classifiers(classifiers)));
    config.routes.get(HEALTH, ctx -> json(ctx, 200, answers.status("up")));
    config.routes.get(READY, this::ready);
    config.routes.get(METRICS, ctx -> {
      ctx.status(200);
      ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
      ctx.result(metrics.text());
    });
    config.routes.get(OPENAPI, ctx -> json(ctx, 200, OPENAPI_DOCUMENT));
    config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e));
    config.routes.exception(Exception.class, (e, ctx) -> internal(ctx, e));
    config.routes.error(404, ctx -> {
      if (ctx.result() == null || !JSON.equals(ctx.contentType())) {
        error(ctx, new ApiError(404, "not_found", "no such route; see GET " + OPENAPI, null, -1));
      }
    });
    config.routes.error(405, ctx -> {
      if (ctx.result() == null || !JSON.equals(ctx.contentType())) {
        error(ctx, new ApiError(405, "method_not_allowed",
            "method " + ctx.method() + " is not allowed here; see GET " + OPENAPI, null, -1));
      }
    });
  }

  private void before(Context ctx) throws ApiError {
    ctx.attribute(START, System.nanoTime());
    String path = ctx.path();
    if (apiKey != null && (path.startsWith("/v1/") || path.equals(METRICS))
        && !apiKey.accepts(ctx.header("Authorization"), ctx.header("X-API-Key"))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(401, "unauthorized", "a valid API key is required (Authorization: Bearer KEY)", null, -1);
    }
    if (ctx.method() == HandlerType.POST && (path.equals(CLASSIFY) || path.equals(BATCH))) {
      inFlight.incrementAndGet();
      ctx.attribute(TRACKED, Boolean.TRUE);
      if (closing.get()) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        throw new ApiError(503, "shutting_down", "the service is stopping", null, -1);
      }
    }
  }

  private void after(Context ctx) {
    if (Boolean.TRUE.equals(ctx.attribute(TRACKED))) {
      ctx.attribute(TRACKED, Boolean.FALSE);
      inFlight.decrementAndGet();
    }
    Long start = ctx.attribute(START);
    if (start != null) {
      metrics.request(ctx.path(), ctx.statusCode(), System.nanoTime() - start);
    }
  }

  private void ready(Context ctx) {
    if (closing.get()) {
      ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
      json(ctx, 503, answers.status("stopping"));
    } else {
      json(ctx, 200, answers.status("ready"));
    }
  }

  private void classify(Context ctx) throws ApiError {
    Requests.Single request = requests.single(body(ctx));
    ServedClassifier c = classifier(request.classifier());
    long start = ctx.attribute(START);
    submit(ctx, () -> {
      checkWallClock(start);
      Classification result = classifyOne(c, request.text());
      metrics.comments(CLASSIFY, 1);
      return answers.single(c.name(), request.text(), result);
    });
  }

  private void batch(Context ctx) throws ApiError {
    Requests.Batch request = requests.batch(body(ctx));
    ServedClassifier c = classifier(request.classifier());
    long start = ctx.attribute(START);
    submit(ctx, () -> {
      checkWallClock(start);
      long cpuStart = cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
      List<Answers.Row> rows = new ArrayList<>(request.comments().size());
      int i = 0;
      for (Requests.Comment comment : request.comments()) {
        if ((++i & 15) == 0) {
          checkWallClock(start);
          checkCpu(cpuStart);
        }
        try {
          rows.add(new Answers.Row(comment.id(), comment.text(), classifyOne(c, comment.text()), null));
        } catch (RuntimeException e) {
          // a row that fails is answered with an error, never dropped; the message may quote the text
          rows.add(new Answers.Row(comment.id(), "", Classification.EMPTY,
              "classification failed (" + e.getClass().getSimpleName() + ")"));
        }
      }
      metrics.comments(BATCH, rows.size());
      return answers.batch(c.name(), rows);
    });
  }

  /** What {@code verbatim classify} does with one comment: a blank one has no themes. */
  private static Classification classifyOne(ServedClassifier c, String text) {
    Classification result = text.isBlank() ? Classification.EMPTY : c.classifier().classify(text);
    for (var tag : result.tags()) {
      for (var e : tag.evidence()) {
        if (e.end() > text.length()) {
          throw new IllegalStateException("evidence outside the comment");
        }
      }
    }
    return result;
  }

  private interface Work {
    byte[] run() throws ApiError;
  }

  /**
   * Runs the work in one of the {@link ServiceOptions#workers()} slots and answers with its JSON. A free slot runs it
   * at once on the request's thread (no hand-over: the common case costs no thread switch); otherwise the request
   * waits, off the request thread, for a slot in arrival order (the slots are fair); when {@code workers + queue}
   * requests are already admitted it gets 503 with {@code Retry-After}.
   */
  private void submit(Context ctx, Work work) throws ApiError {
    if (admitted.incrementAndGet() > options.workers() + options.queue()) {
      admitted.decrementAndGet();
      ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
      throw new ApiError(503, "overloaded", "every worker is busy and " + options.queue()
          + " requests are waiting; retry later", null, options.queue());
    }
    boolean now;
    try {
      now = slots.tryAcquire(0, TimeUnit.NANOSECONDS); // honours the queue, unlike tryAcquire()
    } catch (InterruptedException e) {
      admitted.decrementAndGet();
      Thread.currentThread().interrupt();
      throw new ApiError(503, "shutting_down", "the service is stopping", null, -1);
    }
    if (now) {
      try {
        respond(ctx, work);
      } finally {
        slots.release();
        admitted.decrementAndGet();
      }
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      waiting.execute(() -> {
        try {
          slots.acquire();
          try {
            respond(ctx, work);
          } finally {
            slots.release();
          }
        } catch (InterruptedException e) {
          error(ctx, new ApiError(503, "shutting_down", "the service is stopping", null, -1));
        } finally {
          admitted.decrementAndGet();
          done.complete(null);
        }
      });
    } catch (RejectedExecutionException e) {
      admitted.decrementAndGet();
      throw new ApiError(503, "shutting_down", "the service is stopping", null, -1);
    }
    ctx.future(() -> done);
  }

  private void respond(Context ctx, Work work) {
    try {
      json(ctx, 200, work.run());
    } catch (ApiError e) {
      error(ctx, e);
    } catch (RuntimeException | Error e) {
      internal(ctx, e);
    }
  }

  /**
   * Answers 500 and logs the failure: its type and stack frames, never its message (which may quote a comment).
   */
  private void internal(Context ctx, Throwable e) {
    StringBuilder trace = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      trace.append(trace.length() == 0 ? "" : " caused by ").append(t.getClass().getName());
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 12); i++) {
        trace.append("\n\tat ").append(frames[i]);
      }
    }
    LOG.error("internal error answering {} {}: {}", ctx.method(), ctx.path(), trace);
    error(ctx, new ApiError(500, "internal", "internal error (" + e.getClass().getSimpleName() + ")", null, -1));
  }

  private void checkWallClock(long start) throws ApiError {
    if (System.nanoTime() - start > options.requestTimeout().toNanos()) {
      throw timeout("the request took longer than its deadline of " + options.requestTimeout().toMillis() + " ms",
          options.requestTimeout().toMillis());
    }
  }

  private void checkCpu(long cpuStart) throws ApiError {
    long used = (cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - cpuStart;
    if (used > options.cpuDeadline().toNanos()) {
      throw timeout("the request used more than its CPU deadline of " + options.cpuDeadline().toMillis() + " ms",
          options.cpuDeadline().toMillis());
    }
  }

  private static ApiError timeout(String message, long limitMillis) {
    return new ApiError(503, "timeout", message + "; send fewer comments per request", null, limitMillis);
  }

  private ServedClassifier classifier(String name) throws ApiError {
    if (name == null) {
      return classifiers.defaultClassifier();
    }
    return classifiers.get(name).orElseThrow(() -> ApiError.badRequest("classifier",
        "no classifier is named '" + (name.length() > 64 ? name.substring(0, 64) + "..." : name)
            + "'; expected one of " + String.join(", ", classifiers.names())));
  }

  /** The body, after checking its content type and size. */
  private byte[] body(Context ctx) throws ApiError {
    String type = ctx.contentType();
    if (!isJson(type)) {
      throw new ApiError(415, "unsupported_media_type",
          "expected Content-Type: application/json, not " + (type == null ? "none" : "'" + cut(type) + "'"),
          null, -1);
    }
    long declared = ctx.req().getContentLengthLong();
    int max = options.maxBodyBytes();
    if (declared > max) {
      throw ApiError.tooLarge(null, "the body has " + declared + " bytes; the limit is " + max, max);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (out.size() + n > max) {
          throw ApiError.tooLarge(null, "the body is larger than the limit of " + max + " bytes", max);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (org.eclipse.jetty.http.BadMessageException e) {
      // Jetty's own verdict on the body (e.g. below the minimum data rate): its status, without its message
      int code = e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400;
      throw new ApiError(code, code == 408 ? "request_timeout" : "bad_request", "the body could not be read ("
          + (code == 408 ? "it arrived too slowly" : "HTTP " + code) + ")", null, -1);
    } catch (IOException e) {
      if (hasCause(e, TimeoutException.class)) {
        throw new ApiError(408, "request_timeout", "the body did not arrive in time", null, -1);
      }
      throw ApiError.badRequest(null, "the body could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static boolean isJson(String type) {
    if (type == null) {
      return false;
    }
    String[] parts = type.split(";");
    if (!parts[0].strip().equalsIgnoreCase(JSON)) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
        return false;
      }
    }
    return true;
  }

  private static String cut(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static void json(Context ctx, int status, byte[] body) {
    ctx.status(status);
    ctx.contentType(JSON);
    ctx.result(body);
  }

  private void error(Context ctx, ApiError e) {
    metrics.error(e.code);
    json(ctx, e.status, answers.error(e));
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  private static byte[] openApiDocument() {
    try (InputStream in = VerbatimService.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("the resource org/verbatim/service/openapi.json is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
