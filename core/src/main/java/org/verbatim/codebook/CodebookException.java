package org.verbatim.codebook;

import org.verbatim.FileFormatException;
import java.util.List;
import java.util.Objects;

/**
 * A codebook file that cannot be used. The message lists every problem found, each with the file, the line
 * and the field, and what was expected, e.g.
 * {@code my.yaml:42: themes[3].cues[7]: cue pattern is empty}.
 */
public final class CodebookException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  /**
   * One problem in a codebook file.
   *
   * @param file the file name (or another description of the source)
   * @param line 1-based line number, or 0 when unknown
   * @param field the path of the field, e.g. {@code themes[3].cues[7]}
   * @param message what is wrong and what was expected
   */
  public record Problem(String file, int line, String field, String message) {
    public Problem {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
  }

  /**
   * @param problems every problem found, in file order (at least one); the first gives {@link #file()} and
   *     {@link #line()}
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public CodebookException(List<Problem> problems) {
    super(format(problems), problems.get(0).file(), problems.get(0).line(), null);
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a CodebookException needs at least one problem");
    }
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size() == 1 ? "invalid codebook: " : "invalid codebook (" + problems.size() + " problems):");
    if (problems.size() == 1) {
      sb.append(problems.get(0));
    } else {
      for (Problem p : problems) {
        sb.append(System.lineSeparator()).append("  ").append(p);
      }
    }
    return sb.toString();
  }
}
