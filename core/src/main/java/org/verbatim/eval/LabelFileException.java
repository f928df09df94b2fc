package org.verbatim.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A label CSV file that cannot be read as {@code id,labels} rows. The message names the file, the line
 * (when known) and what was expected, e.g. {@code pred.csv:12: duplicate id 'r7' (first on line 4)}; it
 * never contains a comment's text.
 *
 * <pre>{@code
 * try {
 *   LabelFiles.readById(path);
 * } catch (LabelFileException e) {
 *   System.err.println(e.getMessage());   // gold.csv:1: header must contain id and labels ...
 * }
 * }</pre>
 */
public final class LabelFileException extends IOException {

  private final transient Path file;
  private final long line;

  /**
   * @param file the file
   * @param line 1-based line, or 0 when unknown
   * @param message what is wrong and what was expected
   */
  public LabelFileException(Path file, long line, String message) {
    this(file, line, message, null);
  }

  /**
   * @param file the file
   * @param line 1-based line, or 0 when unknown
   * @param message what is wrong and what was expected
   * @param cause the underlying error, or null
   */
  public LabelFileException(Path file, long line, String message, Throwable cause) {
    super(Objects.requireNonNull(file, "file") + (line > 0 ? ":" + line : "") + ": "
        + Objects.requireNonNull(message, "message"), cause);
    this.file = file;
    this.line = line;
  }

  /** The file that failed. */
  public Path file() {
    return file;
  }

  /** The 1-based line, or 0 when unknown. */
  public long line() {
    return line;
  }
}
