package org.verbatim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.verbatim.train.LabelledComment;

/**
 * A dataset folder: its name and the rows of its {@code train.csv} and {@code test.csv}.
 *
 * <pre>{@code
 * for (Path dir : Dataset.discover(Path.of("../shared/datasets"))) {
 *   Dataset d = Dataset.load(dir);
 *   d.train().size();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the folder name
 * @param dir the folder
 * @param train the rows of {@code train.csv}
 * @param test the rows of {@code test.csv}
 */
public record Dataset(String name, Path dir, List<LabelledComment> train, List<LabelledComment> test) {

  /** File name of the training split. */
  public static final String TRAIN = "train.csv";
  /** File name of the test split. */
  public static final String TEST = "test.csv";

  public Dataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dir, "dir");
    train = List.copyOf(train);
    test = List.copyOf(test);
  }

  /**
   * The sub-folders of {@code dataDir} that hold both {@code train.csv} and {@code test.csv}, sorted by name.
   *
   * @throws IOException if {@code dataDir} is not a readable folder
   */
  public static List<Path> discover(Path dataDir) throws IOException {
    Objects.requireNonNull(dataDir, "dataDir");
    if (!Files.isDirectory(dataDir)) {
      throw new IOException(dataDir + ": not a folder (expected a folder of dataset folders)");
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dataDir)) {
      s.filter(Files::isDirectory)
          .filter(d -> Files.isRegularFile(d.resolve(TRAIN)) && Files.isRegularFile(d.resolve(TEST)))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  /**
   * Reads a dataset folder.
   *
   * @throws IOException if a file is missing or malformed (see {@link CommentCsv#read})
   */
  public static Dataset load(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    return new Dataset(dir.getFileName().toString(), dir, CommentCsv.read(dir.resolve(TRAIN)),
        CommentCsv.read(dir.resolve(TEST)));
  }

  /** Every label that occurs in the training split, sorted. */
  public Set<String> trainLabels() {
    Set<String> out = new TreeSet<>();
    for (LabelledComment c : train) {
      out.addAll(c.labels());
    }
    return out;
  }

  /** Every label that occurs in either split, sorted. */
  public Set<String> allLabels() {
    Set<String> out = trainLabels();
    for (LabelledComment c : test) {
      out.addAll(c.labels());
    }
    return out;
  }
}
