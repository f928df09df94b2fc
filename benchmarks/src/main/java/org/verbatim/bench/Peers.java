package org.verbatim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the peer baselines of {@code shared/peers} (scikit-learn and fastText, Debian's {@code /usr/bin/python3})
 * as child processes where they are, writing their predictions and JSON lines under our output folder.
 *
 * <pre>{@code
 * Optional<Peers> peers = Peers.locate(Path.of("../shared/peers"));
 * for (Peers.Spec s : Peers.specs(Peers.Selection.FAST)) {
 *   JsonNode line = peers.get().run(s, datasetDir, outDir);
 *   line.get("micro_f1").asDouble();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe (runs are independent processes; run them one at a time to keep timings clean).
 */
public final class Peers {

  /** The interpreter that has the Debian packages python3-sklearn and python3-fasttext. */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  /** Which peers to run: none, the fast sklearn word-only ones, or all of them (~15 minutes for 3 datasets). */
  public enum Selection {
    NONE,
    FAST,
    ALL;

    /** Parses {@code none}, {@code fast} or {@code all}. */
    public static Selection parse(String s) {
      Objects.requireNonNull(s, "s");
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--peers must be none, fast or all: '" + s + "'", e);
      }
    }
  }

  /**
   * One peer configuration.
   *
   * @param system the name the peer reports in its {@code system} field
   * @param script the script file name in the peers folder
   * @param args extra arguments after the dataset folder
   * @param needsFasttext whether the python3-fasttext package is required
   */
  public record Spec(String system, String script, List<String> args, boolean needsFasttext) {
    public Spec {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(script, "script");
      args = List.copyOf(args);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final boolean fasttext;

  private Peers(Path dir, boolean fasttext) {
    this.dir = dir;
    this.fasttext = fasttext;
  }

  /**
   * The peers in {@code dir}, if the folder holds {@code peer_sklearn.py} and {@link #PYTHON} can import
   * sklearn; {@link #hasFasttext()} says whether fastText can run too.
   *
   * @return empty, after printing why on standard error, when the peers cannot run
   */
  public static Optional<Peers> locate(Path dir) throws InterruptedException {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isRegularFile(dir.resolve("peer_sklearn.py"))) {
      System.err.println("peers: no peer_sklearn.py in " + dir + "; peers skipped");
      return Optional.empty();
    }
    if (!Files.isExecutable(PYTHON) || !imports("sklearn")) {
      System.err.println("peers: " + PYTHON + " with scikit-learn not found (apt-get install -y --no-install-recommends "
          + "python3-sklearn python3-fasttext); peers skipped");
      return Optional.empty();
    }
    boolean ft = imports("fasttext");
    if (!ft) {
      System.err.println("peers: python3-fasttext not installed; the fastText peer is skipped");
    }
    return Optional.of(new Peers(dir.toAbsolutePath().normalize(), ft));
  }

  private static boolean imports(String module) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + module)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The peers folder. */
  public Path dir() {
    return dir;
  }

  /** True when python3-fasttext can be imported. */
  public boolean hasFasttext() {
    return fasttext;
  }

  /** The peer configurations of a selection, in run order. */
  public static List<Spec> specs(Selection selection) {
    List<Spec> out = new ArrayList<>();
    switch (selection) {
      case NONE -> { }
      case FAST -> {
        out.add(sklearn("lr", "word"));
        out.add(sklearn("nbsvm", "word"));
      }
      case ALL -> {
        for (String model : List.of("lr", "svm", "nbsvm")) {
          for (String features : List.of("word", "word+char")) {
            out.add(sklearn(model, features));
          }
        }
        out.add(new Spec("fasttext-ova", "peer_fasttext.py", List.of(), true));
      }
    }
    return out;
  }

  /** The sklearn peer with a model ({@code lr}, {@code svm}, {@code nbsvm}) and features. */
  public static Spec sklearn(String model, String features) {
    return new Spec("sklearn-" + model + "-" + features, "peer_sklearn.py",
        List.of("--model", model, "--features", features), false);
  }

  /** True when this machine can run the spec. */
  public boolean canRun(Spec spec) {
    return !spec.needsFasttext() || fasttext;
  }

  /**
   * Runs a peer on a dataset folder; predictions go to {@code outDir/<system>.pred.csv}, the JSON line is
   * appended to {@code outDir/peers.jsonl}, the peer's standard error to {@code outDir/<system>.log}.
   *
   * @param extraArgs further peer options (e.g. {@code --single-n 0})
   * @return the peer's JSON line and the wall time and peak RSS of its process
   * @throws IOException if the peer fails or prints no JSON line; the message names the log file
   */
  public Run run(Spec spec, Path datasetDir, Path outDir, List<String> extraArgs)
      throws IOException, InterruptedException {
    Files.createDirectories(outDir);
    List<String> cmd = new ArrayList<>();
    cmd.add(PYTHON.toString());
    cmd.add(dir.resolve(spec.script()).toString());
    cmd.add(datasetDir.toAbsolutePath().toString());
    cmd.addAll(spec.args());
    cmd.addAll(extraArgs);
    cmd.add("--pred-out");
    cmd.add(outDir.resolve(spec.system() + ".pred.csv").toAbsolutePath().toString());
    cmd.add("--jsonl");
    cmd.add(outDir.resolve("peers.jsonl").toAbsolutePath().toString());
    Path stdout = outDir.resolve(spec.system() + ".stdout");
    Path log = outDir.resolve(spec.system() + ".log");
    ChildProcess.Result r = ChildProcess.run(cmd, stdout, log);
    if (r.exitCode() != 0) {
      throw new IOException("peer " + spec.system() + " exited with " + r.exitCode() + " on " + datasetDir + "; see " + log);
    }
    JsonNode line = lastJsonLine(stdout);
    Files.deleteIfExists(stdout);
    return new Run(spec.system(), line, r);
  }

  /**
   * Runs {@code keyword_baseline.py INPUT OUTPUT} (the zero-shot floor).
   *
   * @throws IOException if it fails; the message names the log file
   */
  public void keywordBaseline(Path input, Path output, Path log) throws IOException, InterruptedException {
    List<String> cmd = List.of(PYTHON.toString(), dir.resolve("keyword_baseline.py").toString(),
        input.toAbsolutePath().toString(), output.toAbsolutePath().toString());
    ChildProcess.Result r = ChildProcess.run(cmd, log.resolveSibling("keyword-baseline.stdout"), log);
    if (r.exitCode() != 0) {
      throw new IOException("keyword_baseline.py exited with " + r.exitCode() + "; see " + log);
    }
  }

  private static JsonNode lastJsonLine(Path stdout) throws IOException {
    List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String s = lines.get(i).strip();
      if (s.startsWith("{")) {
        return JSON.readTree(s);
      }
    }
    throw new IOException(stdout + ": no JSON line in the peer's output");
  }

  /**
   * A peer's result.
   *
   * @param system the peer's name
   * @param json the JSON line it printed (metrics.py fields plus timings)
   * @param process wall time and peak RSS of the whole peer process (tuning included)
   */
  public record Run(String system, JsonNode json, ChildProcess.Result process) {
    public Run {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(process, "process");
    }

    /** A numeric field of the JSON line, or NaN when absent. */
    public double number(String field) {
      JsonNode n = json.get(field);
      return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
    }
  }
}
