package org.verbatim.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a large {@code id,text} CSV for the end-to-end CLI benchmark: {@code rows} comments drawn with a seeded
 * random generator from a pool of texts (the datasets' comments), with unique ids {@code big-0000001}, ...
 *
 * <pre>{@code
 * List<String> pool = BigCsv.pool(Optional.of(Path.of("../shared/datasets")));
 * BigCsv.write(pool, 1_000_000, 42L, Path.of("benchmarks/target/cli-bench/big.csv"));
 * }</pre>
 *
 * <p>The same pool, row count and seed give the same file, byte for byte. Stateless and thread-safe. The file
 * holds dataset text: write it under {@code target/} or a temporary folder, never in the sources.
 *
 * <p>Command line: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.BigCsv --data DIR
 * --rows N --seed S --out FILE}.
 */
public final class BigCsv {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private BigCsv() {}

  /**
   * Every comment (train and test) of every dataset folder under {@code dataDir}, in folder order; our own
   * built-in sentences when the folder is absent or holds no dataset.
   *
   * @throws IOException if a dataset file cannot be read
   */
  public static List<String> pool(Optional<Path> dataDir) throws IOException {
    Objects.requireNonNull(dataDir, "dataDir");
    List<String> out = new ArrayList<>();
    if (dataDir.isPresent() && Files.isDirectory(dataDir.get())) {
      for (Path dir : Dataset.discover(dataDir.get())) {
        Dataset d = Dataset.load(dir);
        d.train().forEach(c -> out.add(c.text()));
        d.test().forEach(c -> out.add(c.text()));
      }
    }
    return out.isEmpty() ? SampleComments.BUILT_IN : out;
  }

  /**
   * Writes {@code rows} rows drawn from {@code pool} with {@code SplittableRandom(seed)}.
   *
   * @throws IllegalArgumentException if {@code rows < 1} or the pool is empty
   * @throws IOException if the file cannot be written
   */
  public static void write(List<String> pool, long rows, long seed, Path out) throws IOException {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(out, "out");
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1: " + rows);
    }
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("pool must not be empty");
    }
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int width = Math.max(7, Long.toString(rows).length());
    String idFormat = "big-%0" + width + "d";
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, FORMAT)) {
      p.printRecord("id", "text");
      for (long i = 1; i <= rows; i++) {
        p.printRecord(String.format(java.util.Locale.ROOT, idFormat, i), pool.get(rng.nextInt(pool.size())));
      }
    }
  }

  /** {@code --data DIR --rows N --seed S --out FILE}. */
  public static void main(String[] args) throws IOException {
    Args a = Args.parse(args, List.of("data", "rows", "seed", "out"), List.of());
    Optional<Path> data = a.path("data");
    long rows = a.longValue("rows", 1_000_000L);
    long seed = a.longValue("seed", 42L);
    Path out = a.path("out").orElseThrow(() -> new IllegalArgumentException("--out FILE is required"));
    write(pool(data), rows, seed, out);
    System.out.println("wrote " + rows + " rows to " + out);
  }
}
