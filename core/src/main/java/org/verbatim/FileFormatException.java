package org.verbatim;

/**
 * A file that cannot be used because of what it contains: a codebook, a model file, a coded-data or label
 * file. The message names the file, the line (when there is one) and what was expected, e.g.
 * {@code gold.csv:12: duplicate id 'r7' (first on line 4)}; it never contains a comment's text.
 *
 * <pre>{@code
 * try {
 *   ModelLoader.load(path);
 * } catch (FileFormatException e) {          // any file Verbatim refuses
 *   System.err.println(e.file() + " line " + e.line() + ": " + e.getMessage());
 * }
 * }</pre>
 *
 * <p>The subclasses say which kind of file failed: {@code CodebookException}, {@code ModelFormatException},
 * {@code CodedDataException}. A file that cannot be read at all (missing, no permission) is an
 * {@link java.io.IOException} instead.
 */
public abstract class FileFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  /**
   * @param message the whole message (a subclass formats it, normally with {@link #location})
   * @param file the file, or another description of the source (a resource, a zip entry)
   * @param line the 1-based line, or 0 when the problem is not tied to a line
   * @param cause the underlying error, or null
   * @throws NullPointerException if {@code message} or {@code file} is null
   */
  protected FileFormatException(String message, String file, long line, Throwable cause) {
    super(java.util.Objects.requireNonNull(message, "message"), cause);
    this.file = java.util.Objects.requireNonNull(file, "file");
    this.line = Math.max(0, line);
  }

  /** {@code file:line: } or {@code file: } when the line is 0: the usual start of a message. */
  protected static String location(String file, long line) {
    return file + (line > 0 ? ":" + line : "") + ": ";
  }

  /** The file (or source) that failed, as given to the reader. */
  public String file() {
    return file;
  }

  /** The 1-based line of the (first) problem, or 0 when it is not tied to a line. */
  public long line() {
    return line;
  }
}
