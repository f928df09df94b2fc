package org.verbatim.io;

import java.nio.file.Path;
import java.util.Objects;
import org.verbatim.FileFormatException;

/**
 * A file of coded comments that cannot be used: a coded-data file ({@link CodedData}: comments with their themes
 * and polarity codes), a long-form polarity file or an {@code id,labels} file ({@link LabelFiles}). The message
 * names the file, the line (when known) and what was expected, e.g.
 * {@code pred.csv:12: duplicate id 'r7' (first on line 4)}; it never contains a comment's text.
 *
 * <pre>{@code
 * try {
 *   LabelFiles.readById(path);
 * } catch (CodedDataException e) {
 *   System.err.println(e.getMessage());   // gold.csv:1: header must contain id and labels ...
 * }
 * }</pre>
 */
public final class CodedDataException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * @param file the file
   * @param line 1-based line, or 0 when unknown
   * @param message what is wrong and what was expected
   */
  public CodedDataException(Path file, long line, String message) {
    this(file, line, message, null);
  }

  /**
   * @param file the file
   * @param line 1-based line, or 0 when unknown
   * @param message what is wrong and what was expected
   * @param cause the underlying error, or null
   */
  public CodedDataException(Path file, long line, String message, Throwable cause) {
    super(location(Objects.requireNonNull(file, "file").toString(), line) + Objects.requireNonNull(message, "message"),
        file.toString(), line, cause);
    this.path = file;
  }

  /** The file that failed. */
  public Path path() {
    return path;
  }
}
