package org.verbatim.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of an {@link AccuracySuite} run; validates itself.
 *
 * <pre>{@code
 * AccuracySettings s = AccuracySettings.fromArgs(new String[] {"--data", "../shared/datasets", "--peers", "none"});
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param data folder of dataset folders (each with {@code train.csv} and {@code test.csv})
 * @param out output folder; one sub-folder per dataset
 * @param peers which peers to run beside ours
 * @param peersDir the folder of the peer scripts
 * @param folds cross-validation folds on train (0 = no cross-validation, else at least 2)
 * @param seed seed of the folds, the learning-curve subsets, the bootstrap and the trainers
 * @param bootstrap bootstrap resamples for the confidence intervals (0 = none)
 * @param curve training-set fractions of the learning curve, each in (0, 1], ascending; empty = no curve
 * @param datasets names of the datasets to run; empty = all
 * @param systems names of our configurations to run; empty = all
 * @param zeroShotGold coded social-care gold sets ({@code dataset,id,labels,polarity} files, or {@code bundled} for
 *     the project's coded sets); empty = no zero-shot evaluation
 * @param throughputN comments in the batch throughput call (as the peers' {@code --min-throughput-docs})
 * @param singleN comments timed one per call (as the peers' {@code --single-n}; 0 = skip)
 * @param trainThreads threads our trainers use (default 1, like the peers' single-threaded liblinear)
 * @param command the command line, for the report
 */
public record AccuracySettings(Path data, Path out, Peers.Selection peers, Path peersDir, int folds, long seed,
    int bootstrap, List<Double> curve, Set<String> datasets, Set<String> systems, List<String> zeroShotGold,
    int throughputN, int singleN, int trainThreads, String command) {

  /** Options accepted on the command line. */
  static final List<String> OPTIONS = List.of("data", "out", "peers", "peers-dir", "folds", "seed", "bootstrap",
      "curve", "datasets", "systems", "zero-shot-gold", "throughput-n", "single-n", "train-threads");

  /** @throws IllegalArgumentException if a value is out of range */
  public AccuracySettings {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(peersDir, "peersDir");
    Objects.requireNonNull(command, "command");
    curve = List.copyOf(curve);
    zeroShotGold = List.copyOf(zeroShotGold);
    datasets = Set.copyOf(datasets);
    systems = Set.copyOf(systems);
    if (folds != 0 && folds < 2) {
      throw new IllegalArgumentException("folds must be 0 or >= 2: " + folds);
    }
    if (bootstrap < 0) {
      throw new IllegalArgumentException("bootstrap must be >= 0: " + bootstrap);
    }
    double prev = 0;
    for (double f : curve) {
      if (!(f > prev && f <= 1.0)) {
        throw new IllegalArgumentException("curve fractions must be ascending in (0, 1]: " + curve);
      }
      prev = f;
    }
    if (trainThreads < 1) {
      throw new IllegalArgumentException("train-threads must be >= 1: " + trainThreads);
    }
    if (throughputN < 1 || singleN < 0) {
      throw new IllegalArgumentException("throughput-n must be >= 1 and single-n >= 0: " + throughputN + ", " + singleN);
    }
  }

  /**
   * Parses the command line: {@code --data DIR --out DIR --peers none|fast|all --peers-dir DIR --folds K --seed S
   * --bootstrap B --curve 0.1,0.25,0.5,1 --datasets a,b --systems x,y --zero-shot-gold bundled|FILE[,FILE]
   * --throughput-n N --single-n N --train-threads N}.
   *
   * @throws IllegalArgumentException on an unknown option or a bad value
   */
  public static AccuracySettings fromArgs(String[] args) {
    Args a = Args.parse(args, OPTIONS, List.of());
    Path data = a.path("data").orElse(Path.of("../shared/datasets"));
    String curve = a.value("curve", "0.1,0.25,0.5,1.0");
    List<Double> fractions = curve.equals("none") ? List.of() : Arrays.stream(curve.split(","))
        .map(String::strip).map(v -> {
          try {
            return Double.parseDouble(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--curve must be fractions joined by commas: '" + curve + "'", e);
          }
        }).toList();
    return new AccuracySettings(
        data,
        a.path("out").orElse(Path.of("benchmarks/results")),
        Peers.Selection.parse(a.value("peers", "fast")),
        a.path("peers-dir").orElse(data.toAbsolutePath().normalize().resolveSibling("peers")),
        a.intValue("folds", 5),
        a.longValue("seed", 42L),
        a.intValue("bootstrap", 1000),
        fractions,
        names(a.value("datasets", "")),
        names(a.value("systems", "")),
        List.copyOf(names(a.value("zero-shot-gold", ""))),
        a.intValue("throughput-n", 20_000),
        a.intValue("single-n", 20_000),
        a.intValue("train-threads", 1),
        "java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.AccuracySuite " + String.join(" ", args));
  }

  private static Set<String> names(String csv) {
    return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
