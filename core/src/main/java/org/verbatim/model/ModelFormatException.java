package org.verbatim.model;

import java.nio.file.Path;
import java.util.Objects;
import org.verbatim.FileFormatException;

/**
 * A model file that cannot be loaded: not a zip, truncated or corrupt, not a Verbatim model, from a newer
 * format version, or with a missing or inconsistent entry. The message names the file, the entry (when
 * there is one) and what was expected, e.g.
 * {@code model.zip: weights.bin: expected 4400 bytes (1100 features x 1 labels x 4), got 4396}.
 */
public final class ModelFormatException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;
  private final String entry;

  /**
   * @param file the model file
   * @param entry the zip entry concerned, or null for the file as a whole
   * @param reason what is wrong and what was expected
   * @param cause the underlying exception, or null
   */
  public ModelFormatException(Path file, String entry, String reason, Throwable cause) {
    this(file, entry, 0, reason, cause);
  }

  /**
   * @param file the model file
   * @param entry the zip entry concerned, or null for the file as a whole
   * @param reason what is wrong and what was expected
   */
  public ModelFormatException(Path file, String entry, String reason) {
    this(file, entry, 0, reason, null);
  }

  /**
   * A problem on a line of a text entry (the message then says {@code entry: line N: reason}).
   *
   * @param file the model file
   * @param entry the zip entry concerned
   * @param line the 1-based line in the entry, or 0 when none applies
   * @param reason what is wrong and what was expected
   * @param cause the underlying exception, or null
   */
  public ModelFormatException(Path file, String entry, long line, String reason, Throwable cause) {
    super(Objects.requireNonNull(file, "file") + ": " + (entry == null ? "" : entry + ": ")
        + (line > 0 ? "line " + line + ": " : "") + Objects.requireNonNull(reason, "reason"), file.toString(), line, cause);
    this.path = file;
    this.entry = entry;
  }

  /** The model file. */
  public Path path() {
    return path;
  }

  /** The zip entry concerned, or null. */
  public String entry() {
    return entry;
  }
}
