package org.verbatim.report;

import java.util.Objects;

/**
 * Settings of a report: which columns hold the text, date, group and row id, the title, the prefix of the
 * classified columns, how many quotes to sample, how many groups to compare, the sampling seed, and optional run
 * metadata.
 *
 * <pre>{@code
 * ReportOptions options = ReportOptions.builder()
 *     .title("Family feedback 2024")
 *     .dateColumn("date")
 *     .groupColumn("team")
 *     .build();                          // text column detected from the header
 * }</pre>
 *
 * <p>Immutable and thread-safe. Null column names mean "none" (for the text column: "detect it").
 *
 * @param title the report title, not blank, at most 200 characters
 * @param textColumn the column holding the comment text, or null to detect it ({@link org.verbatim.io.ColumnSelector})
 * @param dateColumn the date column for trends, or null for no trends
 * @param groupColumn the group column for the comparison (team, service, area), or null for none
 * @param idColumn the column holding a row id shown with quotes, or null to use a column named {@code id} if any
 * @param columnPrefix the prefix of the columns classify appended ({@code ""} for none)
 * @param quotes quotes sampled per theme and polarity, 1 to 50
 * @param topGroups how many groups (the largest) to compare, 1 to 50
 * @param seed the seed of the quote sample
 * @param source the input's name shown in the report (e.g. a file name), or null
 * @param meta run metadata shown in the summary, or null
 * @param accuracy an {@code evaluate} JSON and/or an {@code agree} JSON shown as the accuracy and agreement
 *     sections, or null
 */
public record ReportOptions(
    String title,
    String textColumn,
    String dateColumn,
    String groupColumn,
    String idColumn,
    String columnPrefix,
    int quotes,
    int topGroups,
    long seed,
    String source,
    ReportMeta meta,
    AccuracyInputs accuracy) {

  /** Default title. */
  public static final String DEFAULT_TITLE = "Feedback themes report";
  /** Default quotes per theme and polarity. */
  public static final int DEFAULT_QUOTES = 3;
  /** Default number of groups compared. */
  public static final int DEFAULT_TOP_GROUPS = 8;
  /** Default sampling seed. */
  public static final long DEFAULT_SEED = 42L;

  /**
   * @throws NullPointerException if {@code title} or {@code columnPrefix} is null
   * @throws IllegalArgumentException naming the parameter and value when one is out of range or blank
   */
  public ReportOptions {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(columnPrefix, "columnPrefix");
    if (title.isBlank() || title.length() > 200) {
      throw new IllegalArgumentException("title must be 1 to 200 characters, not blank: length " + title.length());
    }
    checkColumn("textColumn", textColumn);
    checkColumn("dateColumn", dateColumn);
    checkColumn("groupColumn", groupColumn);
    checkColumn("idColumn", idColumn);
    if (quotes < 1 || quotes > 50) {
      throw new IllegalArgumentException("quotes must be in [1, 50]: " + quotes);
    }
    if (topGroups < 1 || topGroups > 50) {
      throw new IllegalArgumentException("topGroups must be in [1, 50]: " + topGroups);
    }
  }

  private static void checkColumn(String name, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank (use null for none): '" + value + "'");
    }
  }

  /** A builder with the defaults: title {@value #DEFAULT_TITLE}, no prefix, 3 quotes, 8 groups, seed 42. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder().title(title).textColumn(textColumn).dateColumn(dateColumn).groupColumn(groupColumn)
        .idColumn(idColumn).columnPrefix(columnPrefix).quotes(quotes).topGroups(topGroups).seed(seed)
        .source(source).meta(meta).accuracy(accuracy);
  }

  /** Builds {@link ReportOptions}; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private String title = DEFAULT_TITLE;
    private String textColumn;
    private String dateColumn;
    private String groupColumn;
    private String idColumn;
    private String columnPrefix = "";
    private int quotes = DEFAULT_QUOTES;
    private int topGroups = DEFAULT_TOP_GROUPS;
    private long seed = DEFAULT_SEED;
    private String source;
    private ReportMeta meta;
    private AccuracyInputs accuracy;

    private Builder() {}

    /** Report title. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Text column, or null to detect it. */
    public Builder textColumn(String textColumn) {
      this.textColumn = textColumn;
      return this;
    }

    /** Date column, or null for none. */
    public Builder dateColumn(String dateColumn) {
      this.dateColumn = dateColumn;
      return this;
    }

    /** Group column, or null for none. */
    public Builder groupColumn(String groupColumn) {
      this.groupColumn = groupColumn;
      return this;
    }

    /** Row id column, or null to use a column named {@code id} if present. */
    public Builder idColumn(String idColumn) {
      this.idColumn = idColumn;
      return this;
    }

    /** Prefix of the classified columns; null means none. */
    public Builder columnPrefix(String columnPrefix) {
      this.columnPrefix = columnPrefix == null ? "" : columnPrefix;
      return this;
    }

    /** Quotes per theme and polarity. */
    public Builder quotes(int quotes) {
      this.quotes = quotes;
      return this;
    }

    /** Number of groups compared. */
    public Builder topGroups(int topGroups) {
      this.topGroups = topGroups;
      return this;
    }

    /** Seed of the quote sample. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Name of the input shown in the report, or null. */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /** Run metadata, or null. */
    public Builder meta(ReportMeta meta) {
      this.meta = meta;
      return this;
    }

    /** Evaluation and agreement figures to show, or null. */
    public Builder accuracy(AccuracyInputs accuracy) {
      this.accuracy = accuracy;
      return this;
    }

    /**
     * @throws IllegalArgumentException if a setting is invalid (see {@link ReportOptions})
     */
    public ReportOptions build() {
      return new ReportOptions(title, textColumn, dateColumn, groupColumn, idColumn, columnPrefix, quotes,
          topGroups, seed, source, meta, accuracy);
    }
  }
}
