package org.verbatim.spark;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.verbatim.FileFormatException;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.model.ModelClassifiers;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipelines;

/**
 * The classifiers built in this JVM (a Spark executor, or the driver), one per {@link ClassifierSpec#key()}: the
 * first partition to need one builds it from the spec's bytes, the others reuse it ({@link ThemeClassifier}s are
 * thread-safe, so an executor's task threads share it). At most {@link #CAPACITY} are kept, least recently used
 * first out. A spec that fails to load is not cached: each task that needs it fails with the same clear message.
 *
 * <p>Building follows {@code verbatim classify}: a codebook runs on the {@code FAST} pipeline, or {@code FULL} when
 * it has lemma cues (which needs the {@code verbatim-opennlp} jar on the class path); a model trained with cue
 * features gets the bundled codebook unless the spec has one; a model with a codebook is a hybrid. Thread-safe.
 */
final class ExecutorClassifiers {

  /** Classifiers kept per JVM. */
  static final int CAPACITY = 4;

  private static final Map<String, ThemeClassifier> CACHE = new LinkedHashMap<>(8, 0.75f, true);
  private static long builds;

  private ExecutorClassifiers() {}

  /**
   * The classifier of a spec, built on first use in this JVM.
   *
   * @throws ClassifierLoadException if the spec's bytes cannot be made into a classifier
   */
  static ThemeClassifier get(ClassifierSpec spec) {
    synchronized (CACHE) {
      ThemeClassifier c = CACHE.get(spec.key());
      if (c != null) {
        return c;
      }
      // built under the lock: concurrent tasks of one executor wait for the one build instead of repeating it
      c = build(spec);
      builds++;
      CACHE.put(spec.key(), c);
      if (CACHE.size() > CAPACITY) {
        CACHE.remove(CACHE.keySet().iterator().next());
      }
      return c;
    }
  }

  /** How many classifiers this JVM has built (for tests: one per spec, however many partitions). */
  static long builds() {
    synchronized (CACHE) {
      return builds;
    }
  }

  /** Forgets every classifier (for tests). */
  static void clear() {
    synchronized (CACHE) {
      CACHE.clear();
    }
  }

  /**
   * Builds the classifier of a spec, uncached.
   *
   * @throws ClassifierLoadException if the spec's bytes cannot be made into a classifier
   */
  static ThemeClassifier build(ClassifierSpec spec) {
    try {
      return switch (spec.kind()) {
        case DEFAULT_CODEBOOK -> DefaultCodebooks.socialCareClassifier(TextPipelines.of(Profile.FAST));
        case CODEBOOK -> codebookClassifier(codebook(spec));
        case MODEL -> model(spec);
      };
    } catch (IOException | FileFormatException | RuntimeException | LinkageError e) {
      throw new ClassifierLoadException("verbatim: cannot load " + spec.describe() + " on " + where() + ": "
          + reason(e), e);
    }
  }

  private static Codebook codebook(ClassifierSpec spec) throws IOException, FileFormatException {
    byte[] yaml = spec.codebookBytesShared();
    try (Reader r = new InputStreamReader(new ByteArrayInputStream(yaml), StandardCharsets.UTF_8)) {
      return CodebookLoader.load(r, spec.codebookName().orElse("codebook"));
    }
  }

  private static ThemeClassifier codebookClassifier(Codebook codebook) {
    Profile profile = codebook.needsLemmas() ? Profile.FULL : Profile.FAST;
    return CodebookClassifier.create(codebook, TextPipelines.of(profile));
  }

  /** As the command line's model loading (core's ModelClassifiers): the loader reads a file, so the bytes go to a temporary one first. */
  private static ThemeClassifier model(ClassifierSpec spec) throws IOException, FileFormatException {
    ThemeClassifier codebook = spec.codebookBytesShared() == null ? null : codebookClassifier(codebook(spec));
    Path file = Files.createTempFile("verbatim-model-", ".zip");
    try {
      Files.write(file, spec.modelBytesShared());
      return ModelClassifiers.load(file, codebook, () -> codebookClassifier(DefaultCodebooks.socialCare()), true);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The executor id and host, or "the driver". */
  private static String where() {
    try {
      org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
      String host = java.net.InetAddress.getLocalHost().getHostName();
      if (env == null || "driver".equals(env.executorId())) {
        return "the driver (" + host + ")";
      }
      return "executor " + env.executorId() + " (" + host + ")";
    } catch (IOException | RuntimeException e) {
      return "this JVM";
    }
  }

  /** The loader's message without the temporary file's path, which means nothing to the user. */
  private static String reason(Throwable e) {
    String m = e.getMessage();
    String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    return text.replaceAll("\\S*verbatim-model-\\d+\\.zip:?\\s*", "");
  }
}
