package org.verbatim.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A feedback file that cannot be read as a whole: not UTF-8, malformed CSV quoting, an empty file with no
 * header. The message has the form {@code file:line: what is wrong and what was expected}; it never contains
 * the file's text.
 *
 * <pre>{@code
 * try { reader.next(); }
 * catch (FeedbackFileException e) { System.err.println(e.getMessage()); }   // feedback.csv:50: not valid UTF-8 ...
 * }</pre>
 *
 * <p>Problems that affect a single record (a JSON Lines line that is not JSON, a CSV record with the wrong
 * number of fields) are not thrown: they become {@linkplain FeedbackRecord#error() error records}.
 */
public final class FeedbackFileException extends IOException {

  private final transient Path file;
  private final long line;
  private final String problem;

  /**
   * @param file the file being read
   * @param line the 1-based line, or 0 when the problem is not tied to a line
   * @param problem what is wrong and what was expected, without any of the file's text
   * @throws NullPointerException if {@code file} or {@code problem} is null
   */
  public FeedbackFileException(Path file, long line, String problem) {
    this(file, line, problem, null);
  }

  /** As {@link #FeedbackFileException(Path, long, String)}, with a cause. */
  public FeedbackFileException(Path file, long line, String problem, Throwable cause) {
    super(format(file, line, problem), cause);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  private static String format(Path file, long line, String problem) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(problem, "problem");
    return file + (line > 0 ? ":" + line : "") + ": " + problem;
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The 1-based line of the problem, or 0 when it is not tied to a line. */
  public long line() {
    return line;
  }

  /** What is wrong, without the file name and line. */
  public String problem() {
    return problem;
  }
}
