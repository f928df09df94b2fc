package org.verbatim.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model file that cannot be loaded: not a zip, truncated or corrupt, not a Verbatim model, from a newer
 * format version, or with a missing or inconsistent entry. The message names the file, the entry (when
 * there is one) and what was expected, e.g.
 * {@code model.zip: weights.bin: expected 4400 bytes (1100 features x 1 labels x 4), got 4396}.
 */
public final class ModelFormatException extends Exception {

  private final transient Path file;
  private final String entry;

  /**
   * @param file the model file
   * @param entry the zip entry concerned, or null for the file as a whole
   * @param reason what is wrong and what was expected
   * @param cause the underlying exception, or null
   */
  public ModelFormatException(Path file, String entry, String reason, Throwable cause) {
    super(Objects.requireNonNull(file, "file") + ": " + (entry == null ? "" : entry + ": ") + Objects.requireNonNull(reason, "reason"), cause);
    this.file = file;
    this.entry = entry;
  }

  public ModelFormatException(Path file, String entry, String reason) {
    this(file, entry, reason, null);
  }

  /** The model file. */
  public Path file() {
    return file;
  }

  /** The zip entry concerned, or null. */
  public String entry() {
    return entry;
  }
}
