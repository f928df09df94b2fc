package org.verbatim.io;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A column that was asked for does not exist, is ambiguous, or cannot be found by looking at the data. The
 * message lists the file's columns so the caller can name one; it contains no values.
 *
 * <pre>{@code
 * try { ColumnSelector.textColumn(columns, sample, "coment"); }
 * catch (ColumnException e) { e.columns(); }   // [id, comment, date]
 * }</pre>
 */
public final class ColumnException extends Exception {

  private final String role;
  private final List<String> columns;

  /**
   * @param role what the column is for, e.g. {@code text} or {@code id}
   * @param problem what is wrong; the list of columns is appended
   * @param columns the columns the file has
   * @throws NullPointerException if an argument is null
   */
  public ColumnException(String role, String problem, List<String> columns) {
    super(problem + "; columns are: " + list(columns));
    this.role = Objects.requireNonNull(role, "role");
    this.columns = List.copyOf(columns);
  }

  /** What the column is for: {@code text} or {@code id}. */
  public String role() {
    return role;
  }

  /** The columns the file has, in file order. */
  public List<String> columns() {
    return columns;
  }

  /** Column names quoted and joined with commas, e.g. {@code 'id', 'comment'}; {@code (none)} when empty. */
  public static String list(List<String> columns) {
    if (columns.isEmpty()) {
      return "(none)";
    }
    return columns.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
  }
}
