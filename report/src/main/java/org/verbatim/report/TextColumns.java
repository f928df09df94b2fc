package org.verbatim.report;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Finds the column holding the comment text: the given name if any (it must exist), else the first column whose
 * name is an obvious one ({@value #OBVIOUS_NAMES}, ignoring case and surrounding space).
 *
 * <pre>{@code
 * TextColumns.resolve(List.of("id", "Comment", "date"), null);   // "Comment"
 * TextColumns.resolve(List.of("id", "date"), null);              // throws, listing id, date
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TextColumns {

  static final String OBVIOUS_NAMES = "text, comment, comments, feedback, response, verbatim, review, answer";
  private static final List<String> NAMES =
      List.of("text", "comment", "comments", "feedback", "response", "verbatim", "review", "answer");

  private TextColumns() {}

  /**
   * The text column among {@code columns}.
   *
   * @param columns the columns of the file, in order
   * @param given the column named by the user, or null to detect one
   * @throws IllegalArgumentException listing the columns when {@code given} is not among them or none is obvious
   */
  public static String resolve(Collection<String> columns, String given) {
    Objects.requireNonNull(columns, "columns");
    if (given != null) {
      if (!columns.contains(given)) {
        throw new IllegalArgumentException("text column '" + given + "' not found; columns: "
            + String.join(", ", columns));
      }
      return given;
    }
    for (String name : NAMES) {
      for (String column : columns) {
        if (column != null && column.strip().toLowerCase(Locale.ROOT).equals(name)) {
          return column;
        }
      }
    }
    throw new IllegalArgumentException("no text column found (looked for " + OBVIOUS_NAMES
        + "); name it with --text-column; columns: " + String.join(", ", columns));
  }

  /** The first column named {@code id} (ignoring case), or null. */
  static String idColumn(Collection<String> columns) {
    for (String column : columns) {
      if (column != null && column.strip().equalsIgnoreCase("id")) {
        return column;
      }
    }
    return null;
  }
}
