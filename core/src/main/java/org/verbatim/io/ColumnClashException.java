package org.verbatim.io;

import java.io.IOException;
import java.util.List;

/**
 * An input record has a column (or JSON field) with the same name as a column the {@link ClassifiedWriter}
 * adds, so the output would have two columns of that name. Choose an {@link OutputColumns} prefix that avoids
 * the clash.
 *
 * <pre>{@code
 * try { writer.write(row); }
 * catch (ColumnClashException e) { e.columns(); }   // [themes]
 * }</pre>
 */
public final class ColumnClashException extends IOException {

  private final long line;
  private final List<String> columns;

  /**
   * @param line the 1-based line of the record that clashes, or 0 for a CSV header known in advance
   * @param columns the clashing input column names
   * @throws NullPointerException if {@code columns} is null
   */
  public ColumnClashException(long line, List<String> columns) {
    super((line > 0 ? "line " + line + ": " : "")
        + "the input already has " + (columns.size() == 1 ? "a column named " : "columns named ")
        + ColumnException.list(columns) + ", which the output adds; choose a prefix for the added columns");
    this.line = line;
    this.columns = List.copyOf(columns);
  }

  /** The 1-based line of the record that clashes, or 0 when not tied to a record. */
  public long line() {
    return line;
  }

  /** The clashing input column names. */
  public List<String> columns() {
    return columns;
  }
}
