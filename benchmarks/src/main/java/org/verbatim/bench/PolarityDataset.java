package org.verbatim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A dataset folder with (comment, theme) polarity codes, in one of the two layouts of the shared datasets.
 *
 * <ul>
 *   <li>{@link Layout#PER_SPLIT} (mams-acsa): {@code train_polarity.csv} and {@code test_polarity.csv}
 *       ({@code id,theme,polarity}, polarity a name), texts from {@code train.csv} and {@code test.csv} by id;
 *   <li>{@link Layout#SINGLE_FILE} (nhs-fft-phase1): one {@code polarity.csv} whose ids span {@code train.csv}
 *       and {@code test.csv}, the polarity a signed score whose sign counts (read by
 *       {@link PolarityFiles#nhsPhase1}).
 * </ul>
 * When a folder has both, the per-split files win (they say which split a code belongs to).
 *
 * <pre>{@code
 * for (PolarityDataset d : PolarityDataset.discover(Path.of("../shared/datasets"))) {
 *   List<LabelledPair> train = d.pairs("train");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the folder name
 * @param dir the folder
 * @param layout where the polarity codes are
 */
public record PolarityDataset(String name, Path dir, Layout layout) {

  /** Where a dataset keeps its polarity codes. */
  public enum Layout {
    /** {@code train_polarity.csv} and {@code test_polarity.csv}, polarity names. */
    PER_SPLIT,
    /** One {@code polarity.csv} over the ids of {@code train.csv} and {@code test.csv}, signed scores. */
    SINGLE_FILE;

    /** The argument of {@code benchmarks/peers/aspect_baseline.py} that reads this layout. */
    public String peerKind() {
      return this == PER_SPLIT ? "mams" : "nhs";
    }

    /** Lower-case name with a hyphen, for result files. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public PolarityDataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(layout, "layout");
  }

  /** The layout of a folder, or empty when it has no usable polarity codes (or no train.csv and test.csv). */
  public static Optional<Layout> detect(Path dir) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isRegularFile(dir.resolve(Dataset.TRAIN)) || !Files.isRegularFile(dir.resolve(Dataset.TEST))) {
      return Optional.empty();
    }
    if (Files.isRegularFile(dir.resolve("train_polarity.csv"))
        && Files.isRegularFile(dir.resolve("test_polarity.csv"))) {
      return Optional.of(Layout.PER_SPLIT);
    }
    if (Files.isRegularFile(dir.resolve("polarity.csv"))) {
      return Optional.of(Layout.SINGLE_FILE);
    }
    return Optional.empty();
  }

  /**
   * The sub-folders of {@code dataDir} with polarity codes, sorted by name.
   *
   * @throws IOException if {@code dataDir} is not a readable folder
   */
  public static List<PolarityDataset> discover(Path dataDir) throws IOException {
    Objects.requireNonNull(dataDir, "dataDir");
    if (!Files.isDirectory(dataDir)) {
      throw new IOException(dataDir + ": not a folder (expected a folder of dataset folders)");
    }
    List<PolarityDataset> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dataDir)) {
      for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
        detect(d).ifPresent(l -> out.add(new PolarityDataset(d.getFileName().toString(), d, l)));
      }
    }
    return out;
  }

  /**
   * The labelled pairs of a split.
   *
   * @param split {@code train} or {@code test}
   * @throws org.verbatim.io.CodedDataException if a file is malformed (the message names file and line)
   * @throws IOException if reading fails
   */
  public List<LabelledPair> pairs(String split) throws IOException, org.verbatim.io.CodedDataException {
    Objects.requireNonNull(split, "split");
    if (!split.equals("train") && !split.equals("test")) {
      throw new IllegalArgumentException("split must be train or test: " + split);
    }
    return layout == Layout.PER_SPLIT ? PolarityFiles.mams(dir, split) : PolarityFiles.nhsPhase1(dir, split);
  }
}
