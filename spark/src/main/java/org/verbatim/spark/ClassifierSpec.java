package org.verbatim.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Which classifier to run on Spark, as the bytes of its files: the bundled social-care codebook, a YAML codebook, or
 * a model zip written by {@code verbatim train} (optionally with a codebook, for a hybrid as {@code verbatim classify
 * --model M --codebook C} makes). The bytes are what Spark broadcasts to the executors; each executor builds the
 * classifier from them once, with the library's own loaders (never from a Java-serialized classifier).
 *
 * <pre>{@code
 * ClassifierSpec zeroShot = ClassifierSpec.defaultCodebook();
 * ClassifierSpec mine = ClassifierSpec.codebook(Path.of("codebook.yaml"));
 * ClassifierSpec trained = ClassifierSpec.model(Path.of("model.zip"));
 * ClassifierSpec hybrid = ClassifierSpec.model(Path.of("model.zip")).withCodebook(Path.of("codebook.yaml"));
 * }</pre>
 *
 * <p>Nothing is validated here: the files are parsed where the classifier is built ({@link VerbatimSpark} does it
 * on the driver first when asked to, and on every executor). Immutable and thread-safe. It is {@link Serializable}
 * only as a carrier of file bytes for Spark's broadcast.
 */
public final class ClassifierSpec implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the bytes are. */
  public enum Kind {
    /** The bundled social-care codebook (no bytes). */
    DEFAULT_CODEBOOK,
    /** A YAML codebook. */
    CODEBOOK,
    /** A model zip, with or without a codebook. */
    MODEL
  }

  private final Kind kind;
  private final String modelName;
  private final byte[] model;
  private final String codebookName;
  private final byte[] codebook;
  private final String key;

  private ClassifierSpec(Kind kind, String modelName, byte[] model, String codebookName, byte[] codebook) {
    this.kind = kind;
    this.modelName = modelName;
    this.model = model;
    this.codebookName = codebookName;
    this.codebook = codebook;
    this.key = key(kind, model, codebook);
  }

  /** The bundled social-care codebook, zero-shot: what {@code verbatim classify} uses without options. */
  public static ClassifierSpec defaultCodebook() {
    return new ClassifierSpec(Kind.DEFAULT_CODEBOOK, null, null, null, null);
  }

  /**
   * A YAML codebook file, read now.
   *
   * @throws IOException if the file cannot be read
   * @throws NullPointerException if {@code file} is null
   */
  public static ClassifierSpec codebook(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return codebook(Files.readAllBytes(file), file.toString());
  }

  /**
   * A YAML codebook given as bytes (UTF-8).
   *
   * @param name how messages name it, e.g. its file name
   * @throws NullPointerException if an argument is null
   */
  public static ClassifierSpec codebook(byte[] yaml, String name) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(name, "name");
    return new ClassifierSpec(Kind.CODEBOOK, null, null, name, yaml.clone());
  }

  /**
   * A model zip written by {@code verbatim train}, read now. A model trained with the codebook's cue features is
   * given the bundled codebook unless {@link #withCodebook} names another.
   *
   * @throws IOException if the file cannot be read
   * @throws NullPointerException if {@code file} is null
   */
  public static ClassifierSpec model(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return model(Files.readAllBytes(file), file.toString());
  }

  /**
   * A model zip given as bytes.
   *
   * @param name how messages name it, e.g. its file name
   * @throws NullPointerException if an argument is null
   */
  public static ClassifierSpec model(byte[] zip, String name) {
    Objects.requireNonNull(zip, "zip");
    Objects.requireNonNull(name, "name");
    return new ClassifierSpec(Kind.MODEL, name, zip.clone(), null, null);
  }

  /**
   * This model with a codebook: a hybrid (the model decides which of its themes apply; the codebook gives polarity
   * and evidence, and decides alone for its other themes), as {@code verbatim classify --model M --codebook C}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalStateException if this is not a model
   */
  public ClassifierSpec withCodebook(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return withCodebook(Files.readAllBytes(file), file.toString());
  }

  /**
   * This model with a codebook given as bytes; see {@link #withCodebook(Path)}.
   *
   * @throws IllegalStateException if this is not a model
   */
  public ClassifierSpec withCodebook(byte[] yaml, String name) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(name, "name");
    if (kind != Kind.MODEL) {
      throw new IllegalStateException("withCodebook needs a model spec, not " + kind);
    }
    return new ClassifierSpec(Kind.MODEL, modelName, model, name, yaml.clone());
  }

  /** What the bytes are. */
  public Kind kind() {
    return kind;
  }

  /** The model's name, when there is a model. */
  public Optional<String> modelName() {
    return Optional.ofNullable(modelName);
  }

  /** The codebook's name, when a codebook file was given. */
  public Optional<String> codebookName() {
    return Optional.ofNullable(codebookName);
  }

  /** A copy of the model zip's bytes, when there is a model. */
  public Optional<byte[]> modelBytes() {
    return Optional.ofNullable(model).map(byte[]::clone);
  }

  /** A copy of the codebook's bytes, when a codebook file was given. */
  public Optional<byte[]> codebookBytes() {
    return Optional.ofNullable(codebook).map(byte[]::clone);
  }

  byte[] modelBytesShared() {
    return model;
  }

  byte[] codebookBytesShared() {
    return codebook;
  }

  /** The SHA-256 of the kind and the bytes: equal specs build equal classifiers (the executors' cache key). */
  public String key() {
    return key;
  }

  /** How messages name it: the file names and the first 12 hex digits of {@link #key()}. */
  public String describe() {
    String what = switch (kind) {
      case DEFAULT_CODEBOOK -> "the bundled social-care codebook";
      case CODEBOOK -> "codebook " + codebookName;
      case MODEL -> "model " + modelName + (codebookName == null ? "" : " with codebook " + codebookName);
    };
    return what + " (sha256 " + key.substring(0, 12) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassifierSpec s && s.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "ClassifierSpec[" + describe() + "]";
  }

  private static String key(Kind kind, byte[] model, byte[] codebook) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((byte) kind.ordinal());
      update(sha, model);
      update(sha, codebook);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static void update(MessageDigest sha, byte[] bytes) {
    if (bytes == null) {
      sha.update((byte) 0);
      return;
    }
    sha.update((byte) 1);
    long n = bytes.length;
    for (int i = 0; i < 8; i++) {
      sha.update((byte) (n >>> (8 * i)));
    }
    sha.update(bytes);
  }
}
