package org.verbatim.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a feedback file: its 1-based line and record numbers, its columns and values, or the reason it
 * could not be read.
 *
 * <pre>{@code
 * FeedbackRecord r = reader.next();
 * if (r.isError()) System.err.println("line " + r.line() + ": " + r.error().orElseThrow());
 * else r.get("comment").orElse("");
 * }</pre>
 *
 * <p>For CSV, {@code columns} is the header and {@code values} the record's fields (a record with the wrong
 * number of fields is an error record that keeps its fields). For JSON Lines, {@code columns} are the object's
 * keys in file order and {@code values} their text: strings as they are, numbers and booleans as written,
 * {@code null} as {@code ""}, arrays and objects as compact JSON; a line that is not a JSON object is an error
 * record with no columns.
 *
 * <p>Immutable and thread-safe. Equality is identity.
 */
public final class FeedbackRecord {

  private final long line;
  private final long number;
  private final List<String> columns;
  private final List<String> values;
  private final ObjectNode json;
  private final String error;

  private FeedbackRecord(long line, long number, List<String> columns, List<String> values, ObjectNode json, String error) {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    if (number < 1) {
      throw new IllegalArgumentException("number must be >= 1: " + number);
    }
    this.line = line;
    this.number = number;
    this.columns = List.copyOf(columns);
    this.values = List.copyOf(values);
    this.json = json;
    this.error = error;
  }

  /**
   * A record read without problems.
   *
   * @param line 1-based line where the record starts
   * @param number 1-based record number (the header is not a record)
   * @param columns column names (may repeat in a CSV header)
   * @param values one value per column
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the sizes differ or a number is below 1
   */
  public static FeedbackRecord of(long line, long number, List<String> columns, List<String> values) {
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(
          "columns and values must have the same size: " + columns.size() + " != " + values.size());
    }
    return new FeedbackRecord(line, number, columns, values, null, null);
  }

  /**
   * A record that could not be read as expected.
   *
   * @param columns column names (the CSV header), or empty
   * @param values whatever fields were read, possibly not one per column, or empty
   * @param problem what is wrong, without any of the record's text and without the line number
   * @throws NullPointerException if an argument or an element is null
   */
  public static FeedbackRecord error(long line, long number, List<String> columns, List<String> values, String problem) {
    Objects.requireNonNull(problem, "problem");
    return new FeedbackRecord(line, number, columns, values, null, problem);
  }

  static FeedbackRecord ofJson(long line, long number, List<String> columns, List<String> values, ObjectNode json) {
    Objects.requireNonNull(json, "json");
    return new FeedbackRecord(line, number, columns, values, json, null);
  }

  /** The 1-based line where the record starts (a CSV record with a multi-line field spans further lines). */
  public long line() {
    return line;
  }

  /** The 1-based record number: 1 for the first record after the header or the first non-blank JSON line. */
  public long number() {
    return number;
  }

  /** Column names in file order; the CSV header, or the keys of a JSON object. */
  public List<String> columns() {
    return columns;
  }

  /** Values in column order (for an error record, possibly fewer or more than columns, or none). */
  public List<String> values() {
    return values;
  }

  /** The value of the first column with this exact name, if the record has it. */
  public Optional<String> get(String column) {
    Objects.requireNonNull(column, "column");
    int i = columns.indexOf(column);
    return i >= 0 && i < values.size() ? Optional.of(values.get(i)) : Optional.empty();
  }

  /** Columns mapped to values, in column order; for a repeated column name the first value wins. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < columns.size() && i < values.size(); i++) {
      map.putIfAbsent(columns.get(i), values.get(i));
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** Why the record could not be read, or empty for a good record. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** True for a record that could not be read as expected. */
  public boolean isError() {
    return error != null;
  }

  /** The parsed JSON object of a JSON Lines record, or null; never modified, never exposed outside the package. */
  ObjectNode json() {
    return json;
  }

  @Override
  public String toString() {
    // no values: they may hold comment text
    return "FeedbackRecord[line=" + line + ", number=" + number + ", columns=" + columns.size()
        + (error == null ? "" : ", error=" + error) + "]";
  }
}
