package org.verbatim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * process, reporting rows per second and peak RSS; in the same run, when Debian's python3 with scikit-learn is
 * there, the batch throughput that {@code peer_sklearn.py} (TF-IDF + logistic regression, word features)
 * measures for itself, and the ratio.
 *
 * <p>The CLI figure is end to end (JVM start, model loading, CSV reading and writing); the peer's figure is its
 * in-process batch prediction only (no start-up, no I/O), so the ratio flatters the peer.
 *
 * <p>Run (from the project root): {@code java -cp benchmarks/target/benchmarks.jar
 * org.verbatim.bench.CliBenchmark --data ../shared/datasets --out benchmarks/results/cli}. Options:
 * {@code --cli JAR} (default {@code cli/target/verbatim.jar}), {@code --rows N} (1000000), {@code --seed S}
 * (42), {@code --work DIR} for the generated files (default {@code benchmarks/target/cli-bench}),
 * {@code --threads N} (passed to the CLI), {@code --peers none|fast} (default fast), {@code --peers-dir DIR}
 * (default: {@code peers} beside the data folder).
 */
public final class CliBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CliBenchmark() {}

  public static void main(String[] args) throws Exception {
    Machine.quietLogging();
    Args a = Args.parse(args,
        List.of("cli", "data", "rows", "seed", "work", "out", "threads", "peers", "peers-dir"), List.of());
    Path cli = a.path("cli").orElse(Path.of("cli/target/verbatim.jar"));
    Path data = a.path("data").orElse(Path.of("../shared/datasets"));
    long rows = a.longValue("rows", 1_000_000L);
    long seed = a.longValue("seed", 42L);
    Path work = a.path("work").orElse(Path.of("benchmarks/target/cli-bench"));
    Path out = a.path("out").orElse(Path.of("benchmarks/results/cli"));
    Optional<String> threads = a.value("threads");
    Peers.Selection peers = Peers.Selection.parse(a.value("peers", "fast"));
    Path peersDir = a.path("peers-dir").orElse(data.toAbsolutePath().normalize().resolveSibling("peers"));

    if (!Files.isRegularFile(cli)) {
      throw new IOException(cli + ": CLI jar not found; build it first: mvn -B -pl cli -am package -DskipTests");
    }
    Files.createDirectories(work);
    Files.createDirectories(out);
    Path big = work.resolve("big-" + rows + "-" + seed + ".csv");
    Path pred = work.resolve("out.csv");
    ObjectNode result = JSON.createObjectNode();
    result.put("benchmark", "cli-end-to-end");
    result.put("date", Instant.now().toString());
    result.put("machine", Machine.describe());
    result.put("rows", rows);
    result.put("seed", seed);

    long g0 = System.nanoTime();
    BigCsv.write(BigCsv.pool(Files.isDirectory(data) ? Optional.of(data) : Optional.empty()), rows, seed, big);
    result.put("generate_seconds", round((System.nanoTime() - g0) / 1e9, 3));
    result.put("input_mb", round(Files.size(big) / 1048576.0, 1));
    System.err.printf(Locale.ROOT, "generated %d rows (%.1f MB) in %s%n", rows, Files.size(big) / 1048576.0, big);

    List<String> cmd = new ArrayList<>(List.of(Machine.javaExecutable(), "-jar", cli.toString(), "classify",
        "--input", big.toString(), "--output", pred.toString()));
    threads.ifPresent(t -> {
      cmd.add("--threads");
      cmd.add(t);
    });
    result.put("command", String.join(" ", cmd));
    ChildProcess.Result r = ChildProcess.run(cmd, out.resolve("cli.stdout"), out.resolve("cli.stderr"));
    if (r.exitCode() != 0) {
      throw new IOException("the CLI exited with " + r.exitCode() + "; see " + out.resolve("cli.stderr"));
    }
    long outRows = countRecords(pred);
    if (outRows != rows) {
      throw new IOException(pred + ": expected " + rows + " prediction rows, found " + outRows);
    }
    result.put("cli_seconds", round(r.seconds(), 3));
    result.put("cli_rows_per_second", round(rows / r.seconds(), 1));
    result.put("cli_peak_rss_mb", round(r.peakRssMb(), 1));
    result.put("rss_source", r.rssSource());
    result.put("cli_threads", threads.orElse("default"));
    Path meta = pred.resolveSibling(pred.getFileName() + ".meta.json");
    if (Files.isRegularFile(meta)) {
      // the CLI's own run summary (counts, no text): its start and finish times exclude JVM start-up
      var m = JSON.readTree(meta.toFile());
      if (m.hasNonNull("started") && m.hasNonNull("finished")) {
        double inner = java.time.Duration.between(Instant.parse(m.get("started").asText()),
            Instant.parse(m.get("finished").asText())).toNanos() / 1e9;
        result.put("cli_run_seconds_excluding_startup", round(inner, 3));
        result.put("cli_rows_per_second_excluding_startup", round(rows / inner, 1));
      }
      if (m.has("threads")) {
        result.put("cli_threads", m.get("threads").asText());
      }
      Files.move(meta, out.resolve("cli-output.meta.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    System.err.printf(Locale.ROOT, "CLI: %.1f s, %.0f rows/s, peak RSS %.0f MB%n", r.seconds(), rows / r.seconds(),
        r.peakRssMb());

    if (peers != Peers.Selection.NONE) {
      Optional<Peers> p = Peers.locate(peersDir);
      Optional<Path> dataset = largestDataset(data);
      if (p.isPresent() && dataset.isPresent()) {
        Peers.Spec spec = Peers.sklearn("lr", "word");
        Files.deleteIfExists(out.resolve("peer").resolve("peers.jsonl"));   // the peer appends to it
        Peers.Run run = p.get().run(spec, dataset.get(), out.resolve("peer"), List.of("--no-tune"));
        double batch = run.number("throughput_batch_cps");
        ObjectNode peer = result.putObject("peer");
        peer.put("system", spec.system() + " (--no-tune)");
        peer.put("dataset", dataset.get().getFileName().toString());
        peer.put("throughput_batch_cps", batch);
        peer.put("throughput_single_cps", run.number("throughput_single_cps"));
        peer.put("peak_rss_mb", run.number("peak_rss_mb"));
        result.put("ratio_cli_rows_per_s_over_peer_batch_cps", round(rows / r.seconds() / batch, 4));
      } else {
        result.put("peer", "not run: " + (p.isEmpty() ? "python3 with scikit-learn not available" : "no dataset"));
      }
    }
    Files.deleteIfExists(pred);
    Files.writeString(out.resolve("cli-benchmark.json"), JSON.writeValueAsString(result) + "\n", StandardCharsets.UTF_8);
    Files.writeString(out.resolve("cli-benchmark.md"), markdown(result), StandardCharsets.UTF_8);
    System.out.print(markdown(result));
  }

  static String markdown(ObjectNode r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# End-to-end CLI benchmark\n\n");
    sb.append("- date: ").append(r.path("date").asText()).append('\n');
    sb.append("- machine: ").append(r.path("machine").asText()).append('\n');
    sb.append("- command: `").append(r.path("command").asText()).append("`\n");
    sb.append("- CLI threads: ").append(r.path("cli_threads").asText()).append("; peak RSS from ")
        .append(r.path("rss_source").asText()).append("\n\n");
    sb.append("| system | rows | seconds | rows/s | peak RSS MB |\n|---|---:|---:|---:|---:|\n");
    sb.append("| verbatim CLI (end to end) | ").append(r.path("rows").asLong()).append(" | ")
        .append(r.path("cli_seconds").asText()).append(" | ").append(r.path("cli_rows_per_second").asText())
        .append(" | ").append(r.path("cli_peak_rss_mb").asText()).append(" |\n");
    if (r.has("cli_run_seconds_excluding_startup")) {
      sb.append("| verbatim CLI, from its own start/finish stamps (no JVM start-up) | ").append(r.path("rows").asLong())
          .append(" | ").append(r.path("cli_run_seconds_excluding_startup").asText()).append(" | ")
          .append(r.path("cli_rows_per_second_excluding_startup").asText()).append(" | |\n");
    }
    if (r.path("peer").isObject()) {
      var p = r.get("peer");
      sb.append("| ").append(p.path("system").asText()).append(" on ").append(p.path("dataset").asText())
          .append(" (in-process batch, no I/O) | | | ").append(p.path("throughput_batch_cps").asText()).append(" | ")
          .append(p.path("peak_rss_mb").asText()).append(" |\n\n");
      sb.append("Ratio CLI rows/s / peer batch comments/s: ")
          .append(r.path("ratio_cli_rows_per_s_over_peer_batch_cps").asText()).append('\n');
    } else if (r.has("peer")) {
      sb.append("\nPeer ").append(r.get("peer").asText()).append('\n');
    }
    return sb.toString();
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
