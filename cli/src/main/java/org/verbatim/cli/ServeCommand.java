package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.verbatim.ThemeClassifier;
import org.verbatim.codebook.CodebookException;
import org.verbatim.service.ClassifierSet;
import org.verbatim.service.ServedClassifier;
import org.verbatim.service.ServiceOptions;
import org.verbatim.service.VerbatimService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim serve}: the HTTP service of the {@code service} module, on loopback by default, with the
 * classifiers named on the command line. Runs until the process is stopped (Ctrl-C or SIGTERM), then finishes the
 * requests in flight.
 *
 * <pre>{@code
 * verbatim serve --port 8080 --codebook mine.yaml --model triage=model.zip
 * }</pre>
 *
 * <p>Not thread-safe: one instance per run.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Classify comments over HTTP (JSON): POST /v1/classify and /v1/classify/batch.",
    description = {
      "Routes: POST /v1/classify {\"text\": ..., \"classifier\"?}, POST /v1/classify/batch {\"comments\": [{\"id\","
          + " \"text\"}], \"classifier\"?}, GET /v1/classifiers, /health, /ready, /metrics (Prometheus),"
          + " /openapi.json (the contract). Answers give each theme's score, polarity and evidence (offsets and"
          + " words), as 'verbatim classify' does. Classifiers: each --codebook (named by its file name without"
          + " extension, or NAME=PATH) and each --model NAME=FILE; without --codebook the bundled social-care"
          + " codebook is offered as social-care. The default is the first --codebook, else the first --model."
          + " Comment text is never logged. Stops on Ctrl-C or SIGTERM after the requests in flight.",
      "",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped",
      "1:a codebook, model or key file cannot be used, or the address cannot be listened on",
      "2:the command line is wrong"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  verbatim serve",
      "  verbatim serve --port 9000 --codebook mine.yaml --model triage=model.zip",
      "  curl -s -H 'Content-Type: application/json' -d '{\"text\": \"Staff never listened.\"}' \\",
      "       http://127.0.0.1:8080/v1/classify"
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
  String host;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8080",
      description = "TCP port; 0 picks a free one (printed at start). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = {"-c", "--codebook"}, paramLabel = "[NAME=]PATH",
      description = "A YAML codebook to offer, named NAME or by its file name without extension. Repeatable.")
  List<String> codebooks = new ArrayList<>();

  @Option(names = {"-m", "--model"}, paramLabel = "NAME=FILE",
      description = "A trained model (from 'verbatim train') to offer as NAME. Repeatable.")
  List<String> models = new ArrayList<>();

  @Option(names = "--api-key-file", paramLabel = "FILE",
      description = "Require the key in FILE (its first line) on /v1 and /metrics, as 'Authorization: Bearer KEY'"
          + " or 'X-API-Key: KEY'.")
  Path apiKeyFile;

  @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "1048576",
      description = "Largest request body; larger gets 413. Default: ${DEFAULT-VALUE}.")
  int maxBodyBytes;

  @Option(names = "--max-batch", paramLabel = "N", defaultValue = "1000",
      description = "Most comments in one batch; more gets 413. Default: ${DEFAULT-VALUE}.")
  int maxBatch;

  @Option(names = "--max-text-chars", paramLabel = "N", defaultValue = "20000",
      description = "Longest comment in characters; longer gets 413. Default: ${DEFAULT-VALUE}.")
  int maxTextChars;

  @Option(names = "--workers", paramLabel = "N",
      description = "Classification threads. Default: the number of processors.")
  Integer workers;

  @Option(names = "--queue", paramLabel = "N", defaultValue = "256",
      description = "Requests that may wait for a worker; beyond, 503 with Retry-After. Default: ${DEFAULT-VALUE}.")
  int queue;

  @Option(names = "--request-timeout-ms", paramLabel = "MS", defaultValue = "10000",
      description = "Deadline of a request from its arrival, waiting included; past it, 503. Default: ${DEFAULT-VALUE}.")
  long requestTimeoutMs;

  @Option(names = "--cpu-deadline-ms", paramLabel = "MS", defaultValue = "5000",
      description = "CPU time one request may use; past it, 503. Default: ${DEFAULT-VALUE}.")
  long cpuDeadlineMs;

  @Option(names = "--idle-timeout-ms", paramLabel = "MS", defaultValue = "30000",
      description = "How long a connection may stay silent, also while a request is read. Default: ${DEFAULT-VALUE}.")
  long idleTimeoutMs;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "512",
      description = "Most open connections; more wait to be accepted. Default: ${DEFAULT-VALUE}.")
  int maxConnections;

  @Option(names = "--shutdown-grace-ms", paramLabel = "MS", defaultValue = "10000",
      description = "How long a stop waits for requests in flight. Default: ${DEFAULT-VALUE}.")
  long shutdownGraceMs;

  /** Counted down when the service has stopped. */
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    VerbatimService service;
    try {
      service = start();
    } catch (CommandFailure f) {
      return CommandFailure.report(err, f);
    }
    Thread hook = new Thread(() -> {
      err.println("verbatim: stopping: finishing the requests in flight");
      err.flush();
      service.close();
      err.println("verbatim: stopped");
      err.flush();
      stopped.countDown();
    }, "verbatim-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    err.println("verbatim: listening on " + service.uri() + " (classifiers: "
        + String.join(", ", names) + "); stop with Ctrl-C");
    err.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The names of the classifiers served, once started. */
  private List<String> names = List.of();

  /** Loads the classifiers and the key, and starts the service (the tests call this and close it themselves). */
  VerbatimService start() throws CommandFailure {
    ServiceOptions options;
    try {
      ServiceOptions.Builder b = ServiceOptions.builder().host(host).port(port).maxBodyBytes(maxBodyBytes)
          .maxBatch(maxBatch).maxTextChars(maxTextChars).queue(queue)
          .requestTimeout(Duration.ofMillis(requestTimeoutMs)).cpuDeadline(Duration.ofMillis(cpuDeadlineMs))
          .idleTimeout(Duration.ofMillis(idleTimeoutMs)).maxConnections(maxConnections)
          .shutdownGrace(Duration.ofMillis(shutdownGraceMs)).apiKey(apiKey());
      if (workers != null) {
        b.workers(workers);
      }
      options = b.build();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(Main.USAGE_ERROR, optionName(e.getMessage()));
    }
    ClassifierSet set = classifiers();
    names = set.names();
    try {
      return VerbatimService.start(options, set);
    } catch (IllegalStateException e) {
      throw new CommandFailure(Main.DATA_ERROR, e.getMessage());
    }
  }

  /** "maxBatch must be ..." as "--max-batch must be ...". */
  private static String optionName(String message) {
    int space = message.indexOf(' ');
    if (space < 0) {
      return message;
    }
    String field = message.substring(0, space);
    StringBuilder option = new StringBuilder("--");
    for (char ch : field.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        option.append('-').append(Character.toLowerCase(ch));
      } else {
        option.append(ch);
      }
    }
    String name = option.toString().replace("--request-timeout", "--request-timeout-ms")
        .replace("--cpu-deadline", "--cpu-deadline-ms").replace("--idle-timeout", "--idle-timeout-ms")
        .replace("--shutdown-grace", "--shutdown-grace-ms");
    return name + message.substring(space);
  }

  private String apiKey() throws CommandFailure {
    if (apiKeyFile == null) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8);
      String key = lines.isEmpty() ? "" : lines.get(0).strip();
      if (key.isEmpty()) {
        throw new CommandFailure(Main.DATA_ERROR, "--api-key-file " + apiKeyFile + ": the first line is empty;"
            + " expected the key");
      }
      return key;
    } catch (IOException e) {
      throw new CommandFailure(Main.DATA_ERROR, "--api-key-file: cannot read " + ClassifyCommand.describe(e));
    }
  }

  private ClassifierSet classifiers() throws CommandFailure {
    List<ServedClassifier> list = new ArrayList<>();
    for (String spec : codebooks) {
      Named n = named(spec, "--codebook", false);
      list.add(new ServedClassifier(n.name, codebook(n.path), n.path.toString()));
    }
    List<ServedClassifier> trained = new ArrayList<>();
    for (String spec : models) {
      Named n = named(spec, "--model", true);
      trained.add(new ServedClassifier(n.name, TrainedModels.load(n.path, null, false), n.path.toString()));
    }
    list.addAll(trained);
    if (codebooks.isEmpty()) {
      list.add(new ServedClassifier("social-care", codebook(null), "bundled"));
    }
    try {
      return ClassifierSet.of(list);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(Main.USAGE_ERROR, e.getMessage() + "; name them apart with NAME=PATH");
    }
  }

  private record Named(String name, Path path) {}

  private static Named named(String spec, String option, boolean nameRequired) throws CommandFailure {
    int eq = spec.indexOf('=');
    String name;
    String file;
    if (eq > 0) {
      name = spec.substring(0, eq);
      file = spec.substring(eq + 1);
    } else if (nameRequired) {
      throw new CommandFailure(Main.USAGE_ERROR, option + " expects NAME=FILE, e.g. " + option + " triage=model.zip: '"
          + spec + "'");
    } else {
      file = spec;
      String base = String.valueOf(Path.of(file).getFileName());
      int dot = base.lastIndexOf('.');
      name = dot > 0 ? base.substring(0, dot) : base;
    }
    if (file.isEmpty()) {
      throw new CommandFailure(Main.USAGE_ERROR, option + " " + spec + ": the file is missing");
    }
    try {
      ServedClassifier.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(Main.USAGE_ERROR, option + " " + spec + ": " + e.getMessage());
    }
    return new Named(name, Path.of(file));
  }

  private static ThemeClassifier codebook(Path file) throws CommandFailure {
    try {
      return ClassifierFactory.create(file);
    } catch (CodebookException e) {
      throw new CommandFailure(Main.DATA_ERROR, e.getMessage());
    } catch (IOException e) {
      throw new CommandFailure(Main.DATA_ERROR, "cannot read codebook: " + ClassifyCommand.describe(e));
    }
  }

  /**
   * Logging for {@code serve}: SLF4J's simple provider on stderr at INFO (Javalin and Jetty at WARN), unless the
   * user chose a provider or levels with system properties. Jetty is kept at INFO or above whatever is chosen: its DEBUG output can show request
   * bytes, and comment text must never reach a log.
   */
  static void configureLogging() {
    setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    setIfAbsent("slf4j.internal.verbosity", "WARN");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    // Javalin's and Jetty's start and stop lines repeat what serve prints: warnings only
    setIfAbsent("org.slf4j.simpleLogger.log.io.javalin", "warn");
    String jetty = "org.slf4j.simpleLogger.log.org.eclipse.jetty";
    setIfAbsent(jetty, "warn");
    String level = System.getProperty(jetty).strip().toLowerCase(java.util.Locale.ROOT);
    if (!List.of("info", "warn", "error", "off").contains(level)) {
      System.setProperty(jetty, "info");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
