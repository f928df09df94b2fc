package org.verbatim.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the column that holds the comment text, and the column that identifies a row, by name or by looking at
 * a sample of records.
 *
 * <pre>{@code
 * String text = ColumnSelector.textColumn(List.of("id", "Comment", "date"), sample, null);   // "Comment"
 * Optional<String> id = ColumnSelector.idColumn(List.of("id", "Comment", "date"), null);     // Optional[id]
 * }</pre>
 *
 * <p>The text column is, in order: the requested one (an exact name, or the only one equal ignoring case); else
 * the only column with a usual name for comments ({@code text}, {@code comment(s)}, {@code feedback},
 * {@code response}, {@code answer}, {@code verbatim}, {@code review}, {@code free_text}, "What could we do
 * better?" and similar, ignoring case, spaces and punctuation); else the only column whose sampled values are
 * mostly free text (in at least half of the non-blank values: three words, 15 characters, mostly letters). Several
 * name matches are narrowed down by the same free-text test. A column (a JSON field) that fewer than one in ten
 * sampled records have is never guessed: the field most records use is, and when two fields are both common the
 * choice is refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class ColumnSelector {

  /** Usual names of comment columns, lower case with everything but letters and digits removed. */
  private static final Set<String> TEXT_NAMES =
      Set.of(
          "text", "comment", "comments", "feedback", "response", "responses", "answer", "answers", "verbatim",
          "review", "freetext", "freetextcomment", "freetextresponse", "commenttext", "feedbacktext",
          "responsetext", "opentext", "openresponse", "opencomment", "whatcouldwedobetter",
          "whatcouldwehavedonebetter", "whatwentwell", "pleasetelluswhy", "tellusmore", "whydoyousaythat",
          "anyothercomments", "othercomments", "additionalcomments", "fftwhy", "why", "remarks");

  /** Usual names of id columns, normalised as above, in order of preference. */
  private static final List<String> ID_NAMES =
      List.of("id", "commentid", "responseid", "respondentid", "recordid", "rowid", "feedbackid", "uuid", "ref", "reference");

  private ColumnSelector() {}

  /**
   * The column holding the comment text.
   *
   * @param columns the file's columns in order
   * @param sample some good records from the start of the file (error records are ignored), for guessing
   * @param requested the column asked for, or null to guess
   * @throws ColumnException if the requested column does not exist or is ambiguous, or no single column can
   *     be told apart
   * @throws NullPointerException if {@code columns} or {@code sample} is null
   */
  public static String textColumn(List<String> columns, List<FeedbackRecord> sample, String requested)
      throws ColumnException {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(sample, "sample");
    if (requested != null) {
      return requested("text", columns, requested);
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(columns));
    // JSON records may each have other fields: a field few sampled records have cannot hold the comments of the
    // file (one record with "text" among 199 with "comment"), and the records without the field chosen become
    // error rows
    int good = 0;
    for (FeedbackRecord r : sample) {
      good += r.isError() ? 0 : 1;
    }
    if (good > 0) {
      List<String> common = new ArrayList<>();
      for (String c : distinct) {
        if (presence(c, sample) * RARE >= good) {
          common.add(c);
        }
      }
      distinct = common;
    }
    List<String> named = new ArrayList<>();
    for (String c : distinct) {
      if (TEXT_NAMES.contains(normalise(c))) {
        named.add(c);
      }
    }
    if (named.size() == 1) {
      return unique("text", columns, named.get(0));
    }
    if (named.size() > 1) {
      List<String> free = freeText(named, sample);
      if (free.size() == 1) {
        return unique("text", columns, free.get(0));
      }
      throw new ColumnException(
          "text", "several columns could hold the comments (" + ColumnException.list(named) + ")"
              + presenceNote(named, sample, good), columns);
    }
    List<String> free = freeText(distinct, sample);
    if (free.size() == 1) {
      return unique("text", columns, free.get(0));
    }
    throw new ColumnException(
        "text",
        free.isEmpty()
            ? "cannot tell which column holds the comments"
            : "several columns look like free text (" + ColumnException.list(free) + ")" + presenceNote(free, sample, good),
        columns);
  }

  /** A field is rare, and never chosen as the text column, when fewer than 1 in RARE sampled records have it. */
  private static final int RARE = 10;

  /** How many good records of the sample have {@code column}. */
  private static int presence(String column, List<FeedbackRecord> sample) {
    int n = 0;
    for (FeedbackRecord r : sample) {
      if (!r.isError() && r.get(column).isPresent()) {
        n++;
      }
    }
    return n;
  }

  /** When the candidates are not in every sampled record: how many records have each. */
  private static String presenceNote(List<String> candidates, List<FeedbackRecord> sample, int good) {
    StringBuilder b = new StringBuilder();
    boolean partial = false;
    for (String c : candidates) {
      int n = presence(c, sample);
      partial |= n < good;
      b.append(b.length() == 0 ? "" : ", ").append('\'').append(c).append("' in ").append(n);
    }
    return partial ? "; of " + good + " sampled records, " + b + " have it" : "";
  }

  /**
   * The column identifying rows, if any: the requested one, else the first present of {@code id},
   * {@code comment_id}, {@code response_id}, {@code respondent_id}, {@code record_id}, {@code row_id},
   * {@code feedback_id}, {@code uuid}, {@code ref}, {@code reference} (ignoring case and punctuation).
   *
   * @param requested the column asked for, or null to guess
   * @throws ColumnException if the requested column does not exist or is ambiguous
   * @throws NullPointerException if {@code columns} is null
   */
  public static Optional<String> idColumn(List<String> columns, String requested) throws ColumnException {
    Objects.requireNonNull(columns, "columns");
    if (requested != null) {
      return Optional.of(requested("id", columns, requested));
    }
    for (String name : ID_NAMES) {
      for (String c : columns) {
        if (normalise(c).equals(name) && columns.indexOf(c) == columns.lastIndexOf(c)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  private static String requested(String role, List<String> columns, String requested) throws ColumnException {
    if (columns.contains(requested)) {
      return unique(role, columns, requested);
    }
    List<String> similar =
        columns.stream().filter(c -> c.strip().equalsIgnoreCase(requested.strip())).distinct().toList();
    if (similar.size() == 1) {
      return unique(role, columns, similar.get(0));
    }
    throw new ColumnException(role, "no column named '" + requested + "'"
        + Suggestions.closest(requested, columns).map(c -> " (did you mean '" + c + "'?)").orElse(""), columns);
  }

  private static String unique(String role, List<String> columns, String column) throws ColumnException {
    if (columns.indexOf(column) != columns.lastIndexOf(column)) {
      throw new ColumnException(role, "the column '" + column + "' appears more than once", columns);
    }
    return column;
  }

  /** Columns (among {@code candidates}) whose sampled non-blank values are mostly free text. */
  private static List<String> freeText(List<String> candidates, List<FeedbackRecord> sample) {
    List<String> result = new ArrayList<>();
    for (String c : candidates) {
      int nonBlank = 0;
      int free = 0;
      for (FeedbackRecord r : sample) {
        if (r.isError()) {
          continue;
        }
        String v = r.get(c).orElse("");
        if (v.isBlank()) {
          continue;
        }
        nonBlank++;
        if (isFreeText(v)) {
          free++;
        }
      }
      if (nonBlank > 0 && free * 2 >= nonBlank) {
        result.add(c);
      }
    }
    return result;
  }

  /** At least 15 characters, three words, and letters in at least half of the non-space characters. */
  static boolean isFreeText(String value) {
    String v = value.strip();
    if (v.length() < 15) {
      return false;
    }
    int words = 0;
    int letters = 0;
    int visible = 0;
    boolean inWord = false;
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      boolean space = Character.isWhitespace(ch);
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
      if (!space) {
        visible++;
        if (Character.isLetter(ch)) {
          letters++;
        }
      }
    }
    return words >= 3 && letters * 2 >= visible;
  }

  /** Lower case ({@link Locale#ROOT}) with everything but letters and digits removed. */
  static String normalise(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        sb.append(ch);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
