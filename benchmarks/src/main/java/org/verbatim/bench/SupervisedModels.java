package org.verbatim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.model.ModelFormat;
import org.verbatim.model.ModelWriter;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;

/**
 * Supervised model files for the throughput benchmarks: trained once per (dataset, kind) on a dataset's
 * {@code train.csv} (by default {@code nhs-fft-v6}, the system property {@code verbatim.bench.dataset} picks
 * another), or on our own labelled sentences when no datasets folder is found, and cached as a model file in
 * the temporary folder so that every JMH trial and fork loads the same model.
 *
 * <pre>{@code
 * Path model = SupervisedModels.modelFile(ClassifierKind.NB_LOGISTIC);
 * ThemeClassifier c = ModelLoader.load(model);
 * }</pre>
 *
 * <p>Thread-safe: a model is written to a temporary file and moved into place atomically.
 */
public final class SupervisedModels {

  /** Our sentences ({@link SampleComments#BUILT_IN}) with the themes we read in them. */
  static final List<List<String>> BUILT_IN_LABELS = List.of(
      List.of("listening"), List.of("clarity"), List.of("empathy", "reliability"), List.of("clarity"),
      List.of("reliability"), List.of("respect", "empathy"), List.of("respect", "fairness"), List.of("power"),
      List.of("respect", "competence"), List.of("reliability"), List.of("support"), List.of("clarity"),
      List.of("honesty"), List.of("fairness"), List.of("empathy"), List.of("competence"));

  private SupervisedModels() {}

  /** The training rows: the chosen dataset's train.csv, or our labelled sentences repeated 4 times. */
  static List<LabelledComment> trainingRows() {
    Optional<Path> data = SampleComments.datasetsFolder();
    String name = System.getProperty("verbatim.bench.dataset", "nhs-fft-v6");
    if (data.isPresent() && Files.isRegularFile(data.get().resolve(name).resolve(Dataset.TRAIN))) {
      try {
        List<LabelledComment> out = new ArrayList<>();
        for (LabelledComment c : CommentCsv.read(data.get().resolve(name).resolve(Dataset.TRAIN))) {
          out.add(new LabelledComment(c.id(), c.text(), List.copyOf(c.labels())));
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<LabelledComment> out = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      for (int i = 0; i < SampleComments.BUILT_IN.size(); i++) {
        out.add(new LabelledComment("b" + r + "-" + i, SampleComments.BUILT_IN.get(i), BUILT_IN_LABELS.get(i)));
      }
    }
    return out;
  }

  /**
   * The cached model file of a kind, training and writing it first if needed. The file lives in the folder of
   * the system property {@code verbatim.bench.models} (default: the temporary folder) and its name is a hash of
   * the training data, the training options and the model format version, so a change to any of them trains
   * a new model.
   *
   * @throws UncheckedIOException if the data cannot be read or the model cannot be written
   */
  public static synchronized Path modelFile(ClassifierKind kind) {
    List<LabelledComment> rows = trainingRows();
    ThemeOptions options = ThemeOptions.builder().kind(kind).seed(42L).threads(1).build();
    String key = sha256(ThemeTrainer.dataSha256(rows) + "\n" + new java.util.TreeMap<>(options.toProperties())
        + "\n" + ModelFormat.FORMAT_VERSION).substring(0, 16);
    Path dir = Path.of(System.getProperty("verbatim.bench.models", System.getProperty("java.io.tmpdir")));
    Path file = dir.resolve("verbatim-bench-" + kind.id().toLowerCase(Locale.ROOT) + "-" + key + ".zip");
    if (Files.isRegularFile(file)) {
      return file;
    }
    try {
      ModelWriter.write(ThemeTrainer.create(options).train(rows), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String sha256(String s) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
