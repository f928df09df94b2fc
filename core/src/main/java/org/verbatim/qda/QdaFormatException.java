package org.verbatim.qda;

import java.nio.file.Path;
import java.util.Objects;
import org.verbatim.FileFormatException;

/**
 * A REFI-QDA file ({@code .qdc} or {@code .qdpx}) that cannot be read: the message names the file, the entry inside
 * a {@code .qdpx} when there is one, the line when known and what was expected, never a comment's text.
 *
 * <pre>{@code
 * try {
 *   QdcCodebook.read(Path.of("codes.qdc"));
 * } catch (QdaFormatException e) {
 *   System.err.println(e.getMessage());   // codes.qdc:3: a Code with a name attribute
 * }
 * }</pre>
 */
public final class QdaFormatException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  /**
   * @param file the file
   * @param entry the entry inside a {@code .qdpx}, or null
   * @param line 1-based line, or 0 when unknown
   * @param expected what was expected
   */
  public QdaFormatException(Path file, String entry, long line, String expected) {
    super(Objects.requireNonNull(file, "file") + (entry == null ? "" : "!" + entry) + (line > 0 ? ":" + line : "")
        + ": " + Objects.requireNonNull(expected, "expected"), file.toString(), line, null);
  }
}
