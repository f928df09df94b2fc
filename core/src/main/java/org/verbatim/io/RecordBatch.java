package org.verbatim.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.verbatim.Classification;

/**
 * A run of consecutive records of one file with their results, reused from run to run: what the batch path
 * reads, classifies and writes without building a {@link FeedbackRecord} per row. A reader fills it
 * ({@link FeedbackReader#next(RecordBatch)}); a classifier takes each {@link #text(int)} and sets
 * {@link #classified} or {@link #failed}; a {@link ClassifiedWriter} writes it. CSV fields other than the
 * text column stay as bytes and are copied to the output as they are.
 *
 * <pre>{@code
 * RecordBatch batch = reader.newBatch(1024, "comment");
 * while (reader.next(batch) > 0) {
 *   for (int i = 0; i < batch.size(); i++) {
 *     if (batch.isRecordError(i)) batch.failed(i, "line " + batch.line(i) + ": " + batch.recordError(i));
 *     else batch.classified(i, classifier.classify(batch.text(i)));
 *   }
 *   writer.write(batch);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: hand a batch from thread to thread with a happens-before edge (a blocking queue does), and
 * let one thread use it at a time.
 */
public final class RecordBatch {

  /** About how many field bytes a batch holds before its reader stops filling it. */
  static final int BYTES = 1 << 20;

  final FeedbackReader reader;
  final String textColumn;
  /** Index of the text column in the CSV header, or -1. */
  final int textIndex;
  private final int capacity;
  int size;
  private final long[] lines;
  private final long[] numbers;
  private final String[] texts;
  private final String[] recordErrors;
  private final Classification[] results;
  private final String[] errors;
  /** CSV: the fields of all records, and each record's first field and field count. */
  final Fields fields;
  private final int[] firstField;
  private final int[] fieldCount;
  /** JSON Lines: the records, and the line as read of each one that is not a JSON object (else null). */
  private final FeedbackRecord[] records;
  private final String[] raws;

  RecordBatch(FeedbackReader reader, int capacity, String textColumn) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.textColumn = Objects.requireNonNull(textColumn, "textColumn");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    this.capacity = capacity;
    this.textIndex = reader.header().indexOf(textColumn);
    lines = new long[capacity];
    numbers = new long[capacity];
    texts = new String[capacity];
    recordErrors = new String[capacity];
    results = new Classification[capacity];
    errors = new String[capacity];
    boolean csv = reader.format() == FeedbackFormat.CSV;
    fields = csv ? new Fields(64 * 1024, capacity * Math.max(1, reader.header().size())) : null;
    if (fields != null) {
      fields.limit(reader.limits().maxFieldBytes());
    }
    firstField = csv ? new int[capacity] : null;
    fieldCount = csv ? new int[capacity] : null;
    records = csv ? null : new FeedbackRecord[capacity];
    raws = csv ? null : new String[capacity];
  }

  void clear() {
    Arrays.fill(texts, 0, size, null);
    Arrays.fill(recordErrors, 0, size, null);
    Arrays.fill(results, 0, size, null);
    Arrays.fill(errors, 0, size, null);
    if (records != null) {
      Arrays.fill(records, 0, size, null);
      Arrays.fill(raws, 0, size, null);
    } else {
      fields.clear();
    }
    size = 0;
  }

  void addCsv(long line, long number, int first, int count, String text, String recordError) {
    int i = size++;
    lines[i] = line;
    numbers[i] = number;
    firstField[i] = first;
    fieldCount[i] = count;
    texts[i] = text;
    recordErrors[i] = recordError;
  }

  /** Adds a JSON record; {@code problem} makes a good record an error record (null: the record's own error). */
  void addJson(FeedbackRecord record, String text, String problem) {
    addJson(record, text, problem, null);
  }

  /** As {@link #addJson(FeedbackRecord, String, String)}, keeping the line as read of a record that did not parse. */
  void addJson(FeedbackRecord record, String text, String problem, String raw) {
    int i = size++;
    raws[i] = raw;
    lines[i] = record.line();
    numbers[i] = record.number();
    records[i] = record;
    texts[i] = text;
    recordErrors[i] = problem != null ? problem : record.error().orElse(null);
  }

  /**
   * The line as read of JSON Lines record {@code i} when it is not a JSON object (so an error row can keep it),
   * else null; always null for CSV.
   */
  public String rawLine(int i) {
    Objects.checkIndex(i, size);
    return raws == null ? null : raws[i];
  }

  /** The most records this batch holds. */
  public int capacity() {
    return capacity;
  }

  /** The number of records in the batch. */
  public int size() {
    return size;
  }

  /** The format of the file the records come from. */
  public FeedbackFormat format() {
    return reader.format();
  }

  /** The 1-based line where record {@code i} starts. */
  public long line(int i) {
    return lines[Objects.checkIndex(i, size)];
  }

  /** The 1-based record number of record {@code i} in its file. */
  public long number(int i) {
    return numbers[Objects.checkIndex(i, size)];
  }

  /** The text to classify: the text column's value, {@code ""} when it is missing or the record is an error. */
  public String text(int i) {
    return texts[Objects.checkIndex(i, size)];
  }

  /** True when record {@code i} could not be read as expected (see {@link FeedbackRecord#isError()}). */
  public boolean isRecordError(int i) {
    return recordErrors[Objects.checkIndex(i, size)] != null;
  }

  /** Why record {@code i} could not be read, without its line, or null for a good record. */
  public String recordError(int i) {
    return recordErrors[Objects.checkIndex(i, size)];
  }

  /**
   * The value of the first column named {@code column} in record {@code i}, or null when the record has none
   * (decoded on each call: meant for a few columns, not for every field).
   */
  public String value(int i, String column) {
    Objects.checkIndex(i, size);
    Objects.requireNonNull(column, "column");
    if (records != null) {
      return records[i].get(column).orElse(null);
    }
    if (column.equals(textColumn) && recordErrors[i] == null && textIndex >= 0) {
      return texts[i];
    }
    int k = reader.header().indexOf(column);
    return k < 0 || k >= fieldCount[i] ? null : fields.string(firstField[i] + k);
  }

  /**
   * Sets the result of record {@code i}.
   *
   * @throws NullPointerException if {@code classification} is null
   * @throws IllegalArgumentException if an evidence span lies outside the text (the row is left without a result)
   */
  public void classified(int i, Classification classification) {
    Objects.checkIndex(i, size);
    Objects.requireNonNull(classification, "classification");
    ClassifiedRow.checkEvidence(texts[i], classification);
    results[i] = classification;
    errors[i] = null;
  }

  /**
   * Marks record {@code i} as failed: it is written with no themes and this error.
   *
   * @param error why, never containing comment text
   * @throws NullPointerException if {@code error} is null
   */
  public void failed(int i, String error) {
    Objects.checkIndex(i, size);
    errors[i] = Objects.requireNonNull(error, "error");
    results[i] = Classification.EMPTY;
  }

  /** The themes of record {@code i}: empty for a failed row; null before it was classified. */
  public Classification classification(int i) {
    return results[Objects.checkIndex(i, size)];
  }

  /** The error written with record {@code i}, or null. */
  public String error(int i) {
    return errors[Objects.checkIndex(i, size)];
  }

  /**
   * Record {@code i} as a row for {@link ClassifiedWriter#write(ClassifiedRow)}.
   *
   * @throws IllegalStateException if the record has no result yet
   */
  public ClassifiedRow row(int i) {
    Objects.checkIndex(i, size);
    if (results[i] == null) {
      throw new IllegalStateException("record " + numbers[i] + " (line " + lines[i] + ") has no result yet");
    }
    FeedbackRecord record = record(i);
    return errors[i] != null
        ? ClassifiedRow.failed(record, errors[i])
        : ClassifiedRow.of(record, texts[i], results[i]);
  }

  /** Record {@code i} as a {@link FeedbackRecord}. */
  public FeedbackRecord record(int i) {
    Objects.checkIndex(i, size);
    if (records != null) {
      return records[i];
    }
    List<String> values = new ArrayList<>(fieldCount[i]);
    for (int k = 0; k < fieldCount[i]; k++) {
      values.add(fields.string(firstField[i] + k));
    }
    List<String> header = reader.header();
    return recordErrors[i] == null
        ? FeedbackRecord.of(lines[i], numbers[i], header, values)
        : FeedbackRecord.error(lines[i], numbers[i], header, values, recordErrors[i]);
  }

  int firstField(int i) {
    return firstField[i];
  }

  int fieldCount(int i) {
    return fieldCount[i];
  }
}
