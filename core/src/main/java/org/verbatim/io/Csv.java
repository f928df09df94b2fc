package org.verbatim.io;

import java.util.List;
import java.util.Objects;

/**
 * CSV records as text, quoted as every CSV file this library writes is ({@link CsvRow}'s rules: RFC 4180,
 * commons-csv's minimal quoting, {@code \n} line ends). For small files built in memory; large ones go through a
 * {@link ClassifiedWriter}.
 *
 * <pre>{@code
 * Csv.record(List.of("id-1", "listening;respect"));   // "id-1,listening;respect\n"
 * Csv.record(List.of("a,b", "say \"hi\""));           // "\"a,b\",\"say \"\"hi\"\"\"\n"
 * }</pre>
 *
 * <p>Stateless and thread-safe; a {@link RecordBuilder} is not.
 */
public final class Csv {

  private Csv() {}

  /**
   * One record with its line end.
   *
   * @throws NullPointerException if the list or a field is null
   */
  public static String record(List<String> fields) {
    Objects.requireNonNull(fields, "fields");
    CsvRow row = new CsvRow();
    for (String f : fields) {
      row.add(f);
    }
    return row.end().take();
  }

  /**
   * Builds one record at a time as UTF-8 bytes without its line end, in a buffer reused from record to record, for
   * writers that end the lines themselves (Spark's part files in {@code verbatim-spark}); the bytes are those of
   * {@link #record} without its {@code \n}.
   *
   * <pre>{@code
   * Csv.RecordBuilder b = new Csv.RecordBuilder();
   * byte[] line = b.add("id-1").add("a,b").take();   // id-1,"a,b"
   * }</pre>
   *
   * <p>Not thread-safe.
   */
  public static final class RecordBuilder {

    private final CsvRow row = new CsvRow();

    /** A builder with an empty record. */
    public RecordBuilder() {}

    /**
     * Appends a field to the record.
     *
     * @throws NullPointerException if {@code field} is null
     */
    public RecordBuilder add(String field) {
      row.add(field);
      return this;
    }

    /** The record's bytes (UTF-8, no line end); the next {@link #add} starts a new record. */
    public byte[] take() {
      return row.takeRecord();
    }
  }
}
