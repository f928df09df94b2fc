package org.verbatim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * End-to-end benchmark of the command line: generates a large CSV ({@link BigCsv}, one million rows by default)
 * and times {@code java -jar cli/target/verbatim.jar classify --input big.csv --output out.csv} as a child
 * process, several times, reporting rows per second (median, min, max), CPU seconds and peak RSS; in the same
 * run, between the CLI runs, when Debian's python3 with scikit-learn is there, the batch throughput that
 * {@code peer_sklearn.py} (TF-IDF + logistic regression, word features) measures for itself, and the ratio.
 *
 * <p>The machine may be shared: every run records the 1-minute load average before and after it and the child's
 * CPU seconds (user + system), so a slow run can be told from a slow program. The headline ratio is the median of
 * the per-repetition ratios (each CLI run over the peer run next to it), which cancels most of the load.
 *
 * <p>With {@code --baseline JAR|LAUNCHER}, a second CLI jar (e.g. the build before a change) is timed too, alternating
 * with the first (A B, then B A, ...), and the two outputs of the first repetition are compared byte for byte; with
 * {@code --ignore-column NAME} (for a change that adds or changes that column by design), outputs that differ are
 * compared again record by record without that column, and only a difference elsewhere fails the run.
 *
 * <p>The CLI figure is end to end (JVM start, model loading, CSV reading and writing); the peer's figure is its
 * in-process batch prediction only (no start-up, no I/O), so the ratio flatters the peer.
 *
 * <p>Run (from the project root): {@code java -cp benchmarks/target/benchmarks.jar
 * org.verbatim.bench.CliBenchmark --data ../shared/datasets --out benchmarks/results/cli}. Options:
 * {@code --cli JAR|LAUNCHER} (a jar run with {@code java -jar}, or a launcher such as {@code bin/verbatim}; default {@code cli/target/verbatim.jar}), {@code --baseline JAR} (none), {@code --repeat N}
 * (3), {@code --rows N} (1000000), {@code --seed S} (42), {@code --work DIR} for the generated files (default
 * {@code benchmarks/target/cli-bench}), {@code --threads N} and {@code --model ZIP} (passed to the CLI), {@code --peers none|fast}
 * (default fast), {@code --peers-dir DIR} (default: {@code peers} beside the data folder), {@code --ignore-column NAME}
 * (none; see above).
 */
public final class CliBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CliBenchmark() {}

  /** One timed CLI run. */
  private record CliRun(String label, int repetition, long rows, ChildProcess.Result process, double innerSeconds,
      double loadBefore, double loadAfter, String threads) {

    double rowsPerSecond() {
      return rows / process.seconds();
    }

    double rowsPerCpuSecond() {
      return rows / process.cpuSeconds();
    }

    ObjectNode json() {
      ObjectNode n = JSON.createObjectNode();
      n.put("cli", label);
      n.put("repetition", repetition);
      n.put("seconds", round(process.seconds(), 3));
      n.put("rows_per_second", round(rowsPerSecond(), 1));
      n.put("cpu_seconds", round(process.cpuSeconds(), 2));
      n.put("rows_per_cpu_second", round(rowsPerCpuSecond(), 1));
      n.put("cpu_share_of_wall", round(process.cpuSeconds() / process.seconds(), 2));
      n.put("seconds_excluding_startup", round(innerSeconds, 3));
      n.put("rows_per_second_excluding_startup", round(rows / innerSeconds, 1));
      n.put("peak_rss_mb", round(process.peakRssMb(), 1));
      n.put("load1_before", loadBefore);
      n.put("load1_after", loadAfter);
      n.put("threads", threads);
      return n;
    }
  }

  public static void main(String[] args) throws Exception {
    Machine.quietLogging();
    Args a = Args.parse(args, List.of("cli", "baseline", "repeat", "data", "rows", "seed", "work", "out", "threads",
        "peers", "peers-dir", "model", "ignore-column"), List.of());
    Optional<String> ignoreColumn = a.value("ignore-column");
    Path cli = a.path("cli").orElse(Path.of("cli/target/verbatim.jar"));
    Optional<Path> baseline = a.path("baseline");
    int repeat = (int) a.longValue("repeat", 3L);
    Path data = a.path("data").orElse(Path.of("../shared/datasets"));
    long rows = a.longValue("rows", 1_000_000L);
    long seed = a.longValue("seed", 42L);
    Path work = a.path("work").orElse(Path.of("benchmarks/target/cli-bench"));
    Path out = a.path("out").orElse(Path.of("benchmarks/results/cli"));
    Optional<String> threads = a.value("threads");
    Optional<String> model = a.value("model");
    Peers.Selection peers = Peers.Selection.parse(a.value("peers", "fast"));
    Path peersDir = a.path("peers-dir").orElse(data.toAbsolutePath().normalize().resolveSibling("peers"));

    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat must be >= 1: " + repeat);
    }
    for (Path jar : baseline.isPresent() ? List.of(cli, baseline.get()) : List.of(cli)) {
      if (!Files.isRegularFile(jar)) {
        throw new IOException(jar + ": CLI jar or launcher not found; build it first: mvn -B -pl cli -am package -DskipTests");
      }
    }
    Files.createDirectories(work);
    Files.createDirectories(out);
    Path big = work.resolve("big-" + rows + "-" + seed + ".csv");
    ObjectNode result = JSON.createObjectNode();
    result.put("benchmark", "cli-end-to-end");
    result.put("date", Instant.now().toString());
    result.put("machine", Machine.describe());
    result.put("rows", rows);
    result.put("seed", seed);
    result.put("repeat", repeat);

    long g0 = System.nanoTime();
    BigCsv.write(BigCsv.pool(Files.isDirectory(data) ? Optional.of(data) : Optional.empty()), rows, seed, big);
    result.put("generate_seconds", round((System.nanoTime() - g0) / 1e9, 3));
    result.put("input_mb", round(Files.size(big) / 1048576.0, 1));
    System.err.printf(Locale.ROOT, "generated %d rows (%.1f MB) in %s%n", rows, Files.size(big) / 1048576.0, big);
    result.put("command", String.join(" ", command(cli, big, work.resolve("out.csv"), threads, model)));
    baseline.ifPresent(b -> result.put("baseline_command", String.join(" ", command(b, big, work.resolve("out.csv"), threads, model))));

    Optional<Peers> peer = Optional.empty();
    Optional<Path> dataset = Optional.empty();
    if (peers != Peers.Selection.NONE) {
      peer = Peers.locate(peersDir);
      dataset = largestDataset(data);
      if (peer.isEmpty() || dataset.isEmpty()) {
        result.put("peer", "not run: " + (peer.isEmpty() ? "python3 with scikit-learn not available" : "no dataset"));
      } else {
        Files.deleteIfExists(out.resolve("peer").resolve("peers.jsonl"));   // the peer appends to it
      }
    }
    boolean withPeer = peer.isPresent() && dataset.isPresent();
    Peers.Spec spec = Peers.sklearn("lr", "word");

    List<CliRun> runs = new ArrayList<>();
    List<ObjectNode> peerRuns = new ArrayList<>();
    boolean identical = true;
    for (int rep = 1; rep <= repeat; rep++) {
      List<String> order = new ArrayList<>(List.of("cli"));
      if (baseline.isPresent()) {
        order.add(rep % 2 == 1 ? order.size() : 0, "baseline");
      }
      for (String label : order) {
        Path jar = label.equals("cli") ? cli : baseline.orElseThrow();
        Path pred = work.resolve("out-" + label + ".csv");
        CliRun run = runCli(label, rep, jar, big, pred, rows, threads, model, out);
        runs.add(run);
        System.err.printf(Locale.ROOT, "rep %d %s: %.1f s, %.0f rows/s, %.1f CPU s, load %.2f -> %.2f%n", rep, label,
            run.process().seconds(), run.rowsPerSecond(), run.process().cpuSeconds(), run.loadBefore(), run.loadAfter());
      }
      if (baseline.isPresent() && rep == 1) {
        identical = Files.mismatch(work.resolve("out-cli.csv"), work.resolve("out-baseline.csv")) == -1L;
        result.put("outputs_identical", identical);
        if (!identical && ignoreColumn.isPresent()) {
          identical = sameExcept(work.resolve("out-cli.csv"), work.resolve("out-baseline.csv"), ignoreColumn.get());
          result.put("outputs_identical_except", ignoreColumn.get());
          result.put("outputs_identical_without_that_column", identical);
          System.err.printf(Locale.ROOT, "outputs differ byte for byte; without column %s they are %s%n",
              ignoreColumn.get(), identical ? "the same" : "still different");
        }
      }
      if (withPeer) {
        double before = Machine.loadAverage();
        Peers.Run pr = peer.get().run(spec, dataset.get(), out.resolve("peer"), List.of("--no-tune"));
        ObjectNode n = JSON.createObjectNode();
        n.put("repetition", rep);
        n.put("throughput_batch_cps", pr.number("throughput_batch_cps"));
        n.put("throughput_single_cps", pr.number("throughput_single_cps"));
        n.put("peak_rss_mb", pr.number("peak_rss_mb"));
        n.put("load1_before", before);
        n.put("load1_after", Machine.loadAverage());
        peerRuns.add(n);
        System.err.printf(Locale.ROOT, "rep %d peer: %.0f comments/s%n", rep, pr.number("throughput_batch_cps"));
      }
    }
    for (String label : List.of("cli", "baseline")) {
      Files.deleteIfExists(work.resolve("out-" + label + ".csv"));
    }

    ArrayNode runsJson = result.putArray("runs");
    runs.forEach(r -> runsJson.add(r.json()));
    CliRun first = runs.get(0);
    result.put("cli_threads", first.threads());
    result.put("rss_source", first.process().rssSource());
    ObjectNode summary = result.putObject("summary");
    for (String label : baseline.isPresent() ? List.of("cli", "baseline") : List.of("cli")) {
      List<CliRun> mine = runs.stream().filter(r -> r.label().equals(label)).toList();
      ObjectNode s = summary.putObject(label);
      s.put("runs", mine.size());
      putStats(s, "rows_per_second", mine.stream().mapToDouble(CliRun::rowsPerSecond).toArray());
      putStats(s, "rows_per_cpu_second", mine.stream().mapToDouble(CliRun::rowsPerCpuSecond).toArray());
      putStats(s, "rows_per_second_excluding_startup",
          mine.stream().mapToDouble(r -> r.rows() / r.innerSeconds()).toArray());
      putStats(s, "cpu_share_of_wall",
          mine.stream().mapToDouble(r -> r.process().cpuSeconds() / r.process().seconds()).toArray());
      s.put("peak_rss_mb_max", round(mine.stream().mapToDouble(r -> r.process().peakRssMb()).max().orElse(Double.NaN), 1));
      if (!peerRuns.isEmpty()) {
        double[] ratios = new double[mine.size()];
        for (int i = 0; i < mine.size(); i++) {
          int rep = mine.get(i).repetition();
          ratios[i] = mine.get(i).rowsPerSecond() / peerRuns.get(rep - 1).path("throughput_batch_cps").asDouble();
        }
        putStats(s, "ratio_over_peer_batch_cps", ratios);
      }
    }
    if (!peerRuns.isEmpty()) {
      ObjectNode p = result.putObject("peer");
      p.put("system", spec.system() + " (--no-tune)");
      p.put("dataset", dataset.orElseThrow().getFileName().toString());
      putStats(p, "throughput_batch_cps", peerRuns.stream().mapToDouble(n -> n.path("throughput_batch_cps").asDouble()).toArray());
      p.put("peak_rss_mb", peerRuns.get(0).path("peak_rss_mb").asDouble());
      ArrayNode pr = p.putArray("runs");
      peerRuns.forEach(pr::add);
    }
    double[] loads = runs.stream().flatMapToDouble(r -> java.util.stream.DoubleStream.of(r.loadBefore(), r.loadAfter())).toArray();
    putStats(result, "load1", loads);

    Files.writeString(out.resolve("cli-benchmark.json"), JSON.writeValueAsString(result) + "\n", StandardCharsets.UTF_8);
    Files.writeString(out.resolve("cli-benchmark.md"), markdown(result), StandardCharsets.UTF_8);
    System.out.print(markdown(result));
    if (!identical) {
      throw new IOException("the outputs of --cli and --baseline differ (first repetition)"
          + ignoreColumn.map(c -> " even without column " + c).orElse(""));
    }
  }

  /**
   * Whether two CSV files hold the same records once column {@code ignore} is dropped from each file that has it
   * (found in its header): for a change that adds that column, the rest must not move.
   */
  static boolean sameExcept(Path a, Path b, String ignore) throws IOException {
    try (Reader ra = Files.newBufferedReader(a, StandardCharsets.UTF_8);
        Reader rb = Files.newBufferedReader(b, StandardCharsets.UTF_8);
        CSVParser pa = CSVFormat.RFC4180.parse(ra);
        CSVParser pb = CSVFormat.RFC4180.parse(rb)) {
      java.util.Iterator<org.apache.commons.csv.CSVRecord> ia = pa.iterator();
      java.util.Iterator<org.apache.commons.csv.CSVRecord> ib = pb.iterator();
      int dropA = -2;
      int dropB = -2;
      while (ia.hasNext() && ib.hasNext()) {
        List<String> x = new ArrayList<>(ia.next().toList());
        List<String> y = new ArrayList<>(ib.next().toList());
        if (dropA == -2) {
          dropA = x.indexOf(ignore);
          dropB = y.indexOf(ignore);
        }
        if (dropA >= 0 && dropA < x.size()) {
          x.remove(dropA);
        }
        if (dropB >= 0 && dropB < y.size()) {
          y.remove(dropB);
        }
        if (!x.equals(y)) {
          return false;
        }
      }
      return !ia.hasNext() && !ib.hasNext();
    }
  }

  private static List<String> command(Path jar, Path big, Path pred, Optional<String> threads, Optional<String> model) {
    List<String> cmd = new ArrayList<>(jar.toString().endsWith(".jar")
        ? List.of(Machine.javaExecutable(), "-jar", jar.toString())
        : List.of(jar.toString())); // a launcher such as bin/verbatim
    cmd.addAll(List.of("classify", "--input", big.toString(), "--output", pred.toString()));
    threads.ifPresent(t -> {
      cmd.add("--threads");
      cmd.add(t);
    });
    model.ifPresent(m -> {
      cmd.add("--model");
      cmd.add(m);
    });
    return cmd;
  }

  private static CliRun runCli(String label, int rep, Path jar, Path big, Path pred, long rows, Optional<String> threads, Optional<String> model,
      Path out) throws IOException, InterruptedException {
    double loadBefore = Machine.loadAverage();
    ChildProcess.Result r = ChildProcess.run(command(jar, big, pred, threads, model), out.resolve("cli.stdout"),
        out.resolve("cli.stderr"));
    double loadAfter = Machine.loadAverage();
    if (r.exitCode() != 0) {
      throw new IOException("the CLI " + jar + " exited with " + r.exitCode() + "; see " + out.resolve("cli.stderr"));
    }
    long outRows = countRecords(pred);
    if (outRows != rows) {
      throw new IOException(pred + ": expected " + rows + " prediction rows, found " + outRows);
    }
    double inner = Double.NaN;
    String usedThreads = threads.orElse("default");
    Path meta = pred.resolveSibling(pred.getFileName() + ".meta.json");
    if (Files.isRegularFile(meta)) {
      // the CLI's own run summary (counts, no text): its start and finish times exclude JVM start-up
      var m = JSON.readTree(meta.toFile());
      if (m.hasNonNull("started") && m.hasNonNull("finished")) {
        inner = java.time.Duration.between(Instant.parse(m.get("started").asText()),
            Instant.parse(m.get("finished").asText())).toNanos() / 1e9;
      }
      if (m.has("threads")) {
        usedThreads = m.get("threads").asText();
      }
      Files.move(meta, out.resolve("cli-output.meta.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return new CliRun(label, rep, rows, r, inner, loadBefore, loadAfter, usedThreads);
  }

  /** Puts {@code NAME_median}, {@code NAME_min} and {@code NAME_max}. */
  static void putStats(ObjectNode n, String name, double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int decimals = name.startsWith("ratio") ? 4 : name.startsWith("cpu_share") || name.startsWith("load") ? 2 : 0;
    n.put(name + "_median", round(median(v), decimals));
    n.put(name + "_min", round(v[0], decimals));
    n.put(name + "_max", round(v[v.length - 1], decimals));
  }

  /** The median of sorted values (the mean of the middle two for an even count). */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static String markdown(ObjectNode r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# End-to-end CLI benchmark\n\n");
    sb.append("- date: ").append(r.path("date").asText()).append('\n');
    sb.append("- machine: ").append(r.path("machine").asText()).append('\n');
    sb.append("- command: `").append(r.path("command").asText()).append("`\n");
    if (r.has("baseline_command")) {
      sb.append("- baseline: `").append(r.path("baseline_command").asText()).append("` (alternated with the command;")
          .append(" outputs identical: ").append(r.path("outputs_identical").asText());
      if (r.has("outputs_identical_except")) {
        sb.append("; without column `").append(r.path("outputs_identical_except").asText()).append("`: ")
            .append(r.path("outputs_identical_without_that_column").asText());
      }
      sb.append(")\n");
    }
    sb.append("- ").append(r.path("rows").asLong()).append(" rows (").append(r.path("input_mb").asText())
        .append(" MB), ").append(r.path("repeat").asInt()).append(" repetitions; CLI threads: ")
        .append(r.path("cli_threads").asText()).append("; peak RSS and CPU seconds from ")
        .append(r.path("rss_source").asText()).append('\n');
    sb.append("- 1-minute load average around the runs: median ").append(r.path("load1_median").asText())
        .append(", ").append(r.path("load1_min").asText()).append(" to ").append(r.path("load1_max").asText())
        .append(" (a load near or above the core count means the runs competed for the cores)\n\n");
    sb.append("| system | rows/s median (min-max) | rows per CPU s median | rows/s excl. JVM start median | CPU share of wall |")
        .append(" peak RSS MB | ratio to peer, median (min-max) |\n|---|---:|---:|---:|---:|---:|---:|\n");
    var summary = r.path("summary");
    for (String label : List.of("cli", "baseline")) {
      if (!summary.has(label)) {
        continue;
      }
      var s = summary.get(label);
      sb.append("| verbatim CLI end to end").append(label.equals("cli") ? "" : " (baseline jar)").append(" | ")
          .append(range(s, "rows_per_second")).append(" | ").append(s.path("rows_per_cpu_second_median").asText())
          .append(" | ").append(s.path("rows_per_second_excluding_startup_median").asText()).append(" | ")
          .append(s.path("cpu_share_of_wall_median").asText()).append(" | ")
          .append(s.path("peak_rss_mb_max").asText()).append(" | ")
          .append(s.has("ratio_over_peer_batch_cps_median") ? range(s, "ratio_over_peer_batch_cps") : "").append(" |\n");
    }
    if (r.path("peer").isObject()) {
      var p = r.get("peer");
      sb.append("| ").append(p.path("system").asText()).append(" on ").append(p.path("dataset").asText())
          .append(" (in-process batch, no I/O; comments/s) | ").append(range(p, "throughput_batch_cps"))
          .append(" | | | | ").append(p.path("peak_rss_mb").asText()).append(" | |\n");
    } else if (r.has("peer")) {
      sb.append("\nPeer ").append(r.get("peer").asText()).append('\n');
    }
    sb.append("\nRows per CPU second (user + system time of the CLI process) depends much less on the machine's load than")
        .append(" rows/s (about 10% between sessions on a shared 2-core machine, against a factor of 2-3). CPU share of wall is CPU seconds over wall seconds: about 2 when the CLI has both cores to itself,")
        .append(" below 1 when other processes took most of them. The ratio to the peer is taken per repetition (CLI run")
        .append(" over the peer run next to it), then the median.\n");
    sb.append("\n### Runs\n\n| rep | system | seconds | rows/s | CPU s | rows per CPU s | load before -> after |\n")
        .append("|---:|---|---:|---:|---:|---:|---|\n");
    for (var run : r.path("runs")) {
      sb.append("| ").append(run.path("repetition").asInt()).append(" | ").append(run.path("cli").asText()).append(" | ")
          .append(run.path("seconds").asText()).append(" | ").append(run.path("rows_per_second").asText()).append(" | ")
          .append(run.path("cpu_seconds").asText()).append(" | ").append(run.path("rows_per_cpu_second").asText())
          .append(" | ").append(run.path("load1_before").asText()).append(" -> ").append(run.path("load1_after").asText())
          .append(" |\n");
    }
    if (r.path("peer").isObject()) {
      for (var run : r.get("peer").path("runs")) {
        sb.append("| ").append(run.path("repetition").asInt()).append(" | peer | | ")
            .append(run.path("throughput_batch_cps").asText()).append(" | | | ").append(run.path("load1_before").asText())
            .append(" -> ").append(run.path("load1_after").asText()).append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String range(com.fasterxml.jackson.databind.JsonNode n, String name) {
    return n.path(name + "_median").asText() + " (" + n.path(name + "_min").asText() + "-" + n.path(name + "_max").asText()
        + ")";
  }

  private static long countRecords(Path csv) throws IOException {
    try (Reader rd = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(rd)
            .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      long n = 0;
      for (var ignored : p) {
        n++;
      }
      return n;
    }
  }

  /** The dataset folder with the most training rows (by file size), if any. */
  private static Optional<Path> largestDataset(Path data) throws IOException {
    if (!Files.isDirectory(data)) {
      return Optional.empty();
    }
    List<Path> dirs = Dataset.discover(data);
    return dirs.stream().max(Comparator.comparingLong(d -> {
      try {
        return Files.size(d.resolve(Dataset.TRAIN));
      } catch (IOException e) {
        return 0L;
      }
    }));
  }

  static double round(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return v;
    }
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
