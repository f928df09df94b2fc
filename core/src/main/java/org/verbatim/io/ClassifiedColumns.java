package org.verbatim.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.verbatim.Evidence;
import org.verbatim.Polarity;

/**
 * Reads the columns that {@code verbatim classify} appends to a CSV row: {@code themes} ({@code a;b}),
 * {@code scores} ({@code a:0.83;b:0.61}), {@code polarity} ({@code a:negative;b:positive}), {@code evidence}
 * ({@code a:4-23,30-41;b:50-57}) and {@code error}, each possibly with a prefix ({@code vb_themes}). The
 * {@code evidence_text} column (the evidence words, which the offsets and the text give again) is not read, and
 * files written before it existed read the same.
 *
 * <pre>{@code
 * ClassifiedColumns columns = new ClassifiedColumns("vb_");
 * List<ThemeResult> themes = columns.themes(row);   // row: Map<String, String> of one CSV record
 * }</pre>
 *
 * <p>Only {@code themes} is required; the others may be missing or empty. Spans with a negative start or an end
 * before the start are dropped; spans past the end of the text are kept (the report clamps them).
 *
 * <p>Immutable and thread-safe.
 */
public final class ClassifiedColumns {

  private final String themes;
  private final String scores;
  private final String polarity;
  private final String evidence;
  private final String evidenceText;
  private final String error;

  /**
   * @param prefix the prefix of the appended column names, {@code ""} for none
   * @throws NullPointerException if {@code prefix} is null
   */
  public ClassifiedColumns(String prefix) {
    OutputColumns names = OutputColumns.withPrefix(prefix); // the one place the names are made
    this.themes = names.themes();
    this.scores = names.scores();
    this.polarity = names.polarity();
    this.evidence = names.evidence();
    this.evidenceText = names.evidenceText();
    this.error = names.error();
  }

  /** The name of the themes column, e.g. {@code vb_themes}. */
  public String themesColumn() {
    return themes;
  }

  /** The name of the error column, e.g. {@code vb_error}. */
  public String errorColumn() {
    return error;
  }

  /** All six appended column names in file order, themes first (those of {@link OutputColumns#names()}). */
  public List<String> names() {
    return List.of(themes, scores, polarity, evidence, evidenceText, error);
  }

  /**
   * The error message of the row, or null when the error column is missing or blank.
   *
   * @throws NullPointerException if {@code row} is null
   */
  public String error(Map<String, String> row) {
    Objects.requireNonNull(row, "row");
    String value = row.get(error);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The themes of the row with their scores, polarities and evidence, in the order of the themes column.
   *
   * @throws NullPointerException if {@code row} is null
   * @throws IllegalArgumentException naming the column when the themes column is missing (the message lists the
   *     row's columns) or a value is malformed
   */
  public List<ThemeResult> themes(Map<String, String> row) {
    Objects.requireNonNull(row, "row");
    String themeValue = row.get(themes);
    if (themeValue == null) {
      throw new IllegalArgumentException("missing column '" + themes + "' (is this a file written by verbatim "
          + "classify? use --column-prefix if its columns have one); columns: " + String.join(", ", row.keySet()));
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String part : themeValue.split(";", -1)) {
      String id = part.strip();
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, String> scoreValues = pairs(row.get(scores), scores);
    Map<String, String> polarityValues = pairs(row.get(polarity), polarity);
    Map<String, String> evidenceValues = pairs(row.get(evidence), evidence);
    List<ThemeResult> results = new ArrayList<>(ids.size());
    for (String id : ids) {
      results.add(new ThemeResult(id, score(id, scoreValues.get(id)), polarity(id, polarityValues.get(id)),
          spans(id, evidenceValues.get(id))));
    }
    return results;
  }

  private static Map<String, String> pairs(String value, String column) {
    Map<String, String> out = new HashMap<>();
    if (value == null || value.isBlank()) {
      return out;
    }
    for (String part : value.split(";", -1)) {
      if (part.isBlank()) {
        continue;
      }
      int colon = part.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("column '" + column + "': expected 'theme:value' pairs separated by ';', "
            + "got '" + shorten(part) + "'");
      }
      out.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
    }
    return out;
  }

  private double score(String id, String value) {
    if (value == null || value.isEmpty()) {
      return Double.NaN;
    }
    double score;
    try {
      score = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("column '" + scores + "': score of theme '" + id + "' must be a number in "
          + "[0, 1], got '" + shorten(value) + "'", e);
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("column '" + scores + "': score of theme '" + id + "' must be in [0, 1], "
          + "got " + value);
    }
    return score;
  }

  private Polarity polarity(String id, String value) {
    if (value == null || value.isEmpty()) {
      return Polarity.NEUTRAL;
    }
    try {
      return Polarity.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column '" + polarity + "': polarity of theme '" + id + "' must be one of "
          + "positive, negative, mixed, neutral, got '" + shorten(value) + "'", e);
    }
  }

  private List<Evidence> spans(String id, String value) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    List<Evidence> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String span = part.strip();
      if (span.isEmpty()) {
        continue;
      }
      int dash = span.indexOf('-', 1);
      try {
        if (dash < 0) {
          throw new NumberFormatException("no dash");
        }
        int start = Integer.parseInt(span.substring(0, dash).strip());
        int end = Integer.parseInt(span.substring(dash + 1).strip());
        if (start >= 0 && end >= start) {
          out.add(new Evidence(start, end));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column '" + evidence + "': spans of theme '" + id + "' must be "
            + "'start-end' offsets separated by ',', got '" + shorten(span) + "'", e);
      }
    }
    return out;
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
