package org.verbatim.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams the records of a CSV or JSON Lines feedback file, one at a time, in file order.
 *
 * <pre>{@code
 * try (FeedbackReader reader = FeedbackReader.open(Path.of("feedback.csv"))) {
 *   reader.header();                       // [id, comment, date]
 *   for (FeedbackRecord r = reader.next(); r != null; r = reader.next()) { ... }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The file must be UTF-8; a byte order mark is allowed and dropped. Anything else stops reading with a
 *       {@link FeedbackFileException} naming the line and byte offset.
 *   <li>CSV follows RFC 4180 with a header row; column names can be anything (also repeated or empty). Blank
 *       lines between records are skipped. Malformed quoting stops reading with a {@link FeedbackFileException}
 *       naming the line. A record with a different number of fields than the header is an
 *       {@linkplain FeedbackRecord#isError() error record}.
 *   <li>JSON Lines has one JSON object per line; blank lines are skipped. A line that is not a JSON object is
 *       an error record, and reading goes on.
 * </ul>
 *
 * <p>Memory use does not depend on the file size: the bytes go through one reused buffer, and the batch path
 * ({@link #next(RecordBatch)}) decodes only the text column. Not thread-safe: use one reader per thread
 * ({@link #bytesRead()} excepted).
 */
public final class FeedbackReader implements Closeable {

  /** The JSON mapper, made on first use: a CSV run never loads jackson-databind (some 300 classes). */
  private static final class Json {
    static final ObjectMapper MAPPER =
        JsonMapper.builder(
                JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
  }

  private final Path file;
  private final FeedbackFormat format;
  private final long size;
  private final Utf8Input source;
  private final List<String> header;
  private final CsvParser csv;
  private final Fields fields = new Fields(1024, 16);
  private final JsonLines lines;
  private final ReadLimits limits;
  private final XlsxRows sheet;
  private final Charset encoding;
  private final char delimiter;
  private final boolean delimiterSniffed;
  private long recordNumber;

  private FeedbackReader(Path file, FeedbackFormat format, ReadOptions options) throws IOException {
    this.file = file;
    this.format = format;
    this.limits = options.limits();
    fields.limit(limits.maxFieldBytes());
    if (Files.isDirectory(file)) {
      throw new FeedbackFileException(file, 0, "is a directory; expected a " + format.id() + " file");
    }
    this.size = Files.size(file);
    if (format == FeedbackFormat.XLSX) {
      this.encoding = StandardCharsets.UTF_8;
      this.delimiter = 0;
      this.delimiterSniffed = false;
      this.source = null;
      this.csv = null;
      this.lines = null;
      this.sheet = XlsxRows.open(file, options.sheet().orElse(null));
      this.header = sheet.header();
      return;
    }
    this.sheet = null;
    this.encoding = encodingOf(file, options.encoding());
    InputStream in = Files.newInputStream(file);
    try {
      this.source = StandardCharsets.UTF_8.equals(encoding)
          ? new Utf8Input(file, in)
          : new Utf8Input(file, new Utf8Transcoder(in, encoding));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    try {
      if (format == FeedbackFormat.CSV) {
        this.delimiterSniffed = options.delimiter().isEmpty();
        this.delimiter = delimiterSniffed ? DelimiterSniffer.sniff(file, encoding) : options.delimiter().get();
        this.csv = new CsvParser(file, source, delimiter, limits.maxQuotedLines());
        int n = csv.next(fields);
        if (n < 0) {
          throw new FeedbackFileException(file, 1, "empty file; expected a header row with column names");
        }
        this.header = List.copyOf(strings(fields, 0, n));
        DelimiterSniffer.checkNotMisread(file, header, delimiter);
        this.lines = null;
      } else {
        this.delimiter = 0;
        this.delimiterSniffed = false;
        this.csv = null;
        this.header = List.of();
        this.lines = new JsonLines(source, limits.maxFieldBytes());
      }
    } catch (IOException | RuntimeException e) {
      try {
        source.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Opens a file in the format given by its extension ({@code .csv}, {@code .jsonl}, {@code .ndjson}).
   *
   * @throws NullPointerException if {@code file} is null
   * @throws IllegalArgumentException if the extension names no supported format
   * @throws FeedbackFileException if the file is a directory, empty, or its CSV header cannot be read
   * @throws IOException if the file cannot be opened
   */
  public static FeedbackReader open(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    FeedbackFormat format =
        FeedbackFormat.fromFileName(file)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "cannot tell the format of " + file + " from its extension; expected .csv, .jsonl or .ndjson"));
    return open(file, format);
  }

  /**
   * Opens a file in the given format, whatever its extension, with the default {@link ReadOptions} (delimiter
   * sniffed, UTF-8, first sheet). A CSV header is read at once.
   *
   * @throws NullPointerException if an argument is null
   * @throws FeedbackFileException if the file is a directory, empty, or its CSV header cannot be read
   * @throws IOException if the file cannot be opened
   */
  public static FeedbackReader open(Path file, FeedbackFormat format) throws IOException {
    return open(file, format, ReadOptions.DEFAULT);
  }

  /**
   * Opens a file in the given format with the given options. A CSV or spreadsheet header is read at once; a CSV
   * file whose header reads as one column holding another usual delimiter ({@code ;} in a file read with
   * {@code ,}) is refused, naming the delimiter it looks like.
   *
   * @throws NullPointerException if an argument is null
   * @throws FeedbackFileException if the file is a directory, empty, misread, or its header cannot be read
   * @throws IOException if the file cannot be opened
   */
  public static FeedbackReader open(Path file, FeedbackFormat format, ReadOptions options) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(options, "options");
    return new FeedbackReader(file, format, options);
  }

  /**
   * Opens a file in the given format with the default options and the given limits on one record (see
   * {@link ReadLimits}).
   *
   * @throws NullPointerException if an argument is null
   * @throws FeedbackFileException if the file is a directory, empty, misread, or its header cannot be read
   * @throws IOException if the file cannot be opened
   */
  public static FeedbackReader open(Path file, FeedbackFormat format, ReadLimits limits) throws IOException {
    return open(file, format, ReadOptions.of(Objects.requireNonNull(limits, "limits")));
  }

  /**
   * The encoding to read: the one asked for, except that a UTF-16 byte order mark at the start of a file asked
   * to be read as UTF-8 (the default) makes it UTF-16.
   */
  private static Charset encodingOf(Path file, Charset asked) throws IOException {
    if (!StandardCharsets.UTF_8.equals(asked)) {
      return asked;
    }
    byte[] start = new byte[2];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(start, 0, 2);
    }
    boolean utf16 = n == 2 && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
        || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF));
    return utf16 ? StandardCharsets.UTF_16 : asked;
  }

  /** The text encoding being read (UTF-8 for spreadsheets). */
  public Charset encoding() {
    return encoding;
  }

  /** The CSV field delimiter in use (given or sniffed), or empty for other formats. */
  public Optional<Character> delimiter() {
    return delimiter == 0 ? Optional.empty() : Optional.of(delimiter);
  }

  /** True when the CSV delimiter was sniffed rather than given. */
  public boolean delimiterSniffed() {
    return delimiterSniffed;
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The limits on one record this reader applies. */
  public ReadLimits limits() {
    return limits;
  }

  /** The format being read. */
  public FeedbackFormat format() {
    return format;
  }

  /** The CSV header (column names in order, possibly repeated or empty); empty for JSON Lines. */
  public List<String> header() {
    return header;
  }

  /** The file size in bytes when it was opened. */
  public long size() {
    return size;
  }

  /**
   * Bytes read from the file so far (reading runs a little ahead of the records returned); for progress. The one
   * method that may be called from another thread while this one reads.
   */
  public long bytesRead() {
    return source == null ? sheet.bytesRead() : source.bytesRead();
  }

  /** True when the file starts with a UTF-8 byte order mark (known after the first record or header). */
  public boolean hadByteOrderMark() {
    return source != null && source.hadBom();
  }

  /**
   * The next record, or null at the end of the file.
   *
   * @throws FeedbackFileException if the file is not UTF-8 or has malformed CSV quoting
   * @throws IOException if the file cannot be read
   */
  public FeedbackRecord next() throws IOException {
    return format == FeedbackFormat.CSV ? nextCsv() : format == FeedbackFormat.XLSX ? nextSheetRow() : nextJson();
  }

  private FeedbackRecord nextSheetRow() throws IOException {
    List<String> values = sheet.next();
    if (values == null) {
      return null;
    }
    recordNumber++;
    String problem = values.size() > header.size()
        ? "row has " + values.size() + " cells, the header has " + header.size() : null;
    while (values.size() < header.size()) {
      values.add("");
    }
    return problem == null
        ? FeedbackRecord.of(sheet.row(), recordNumber, header, values)
        : FeedbackRecord.error(sheet.row(), recordNumber, header, values, problem);
  }

  private FeedbackRecord nextCsv() throws IOException {
    fields.clear();
    int n = csv.next(fields);
    if (n < 0) {
      return null;
    }
    recordNumber++;
    List<String> values = strings(fields, 0, n);
    String problem = problem(fields, 0, n);
    return problem == null
        ? FeedbackRecord.of(csv.line(), recordNumber, header, values)
        : FeedbackRecord.error(csv.line(), recordNumber, header, values, problem);
  }

  /**
   * Why the CSV record of fields {@code [first, first + n)} of {@code f} is an error record (a field over the size
   * limit, or a field count unlike the header's), or null.
   */
  private String problem(Fields f, int first, int n) {
    if (f.overflowField >= 0) {
      int k = f.overflowField - first;
      String name = k < header.size() ? " ('" + header.get(k) + "')" : "";
      return "field " + (k + 1) + name + " is " + f.overflowBytes + " bytes, over the limit of "
          + limits.maxFieldBytes() + " bytes; it is left empty and the row is not classified";
    }
    return fieldCountProblem(n);
  }

  /** Why a CSV record with {@code n} fields is an error record, or null when it has one field per column. */
  private String fieldCountProblem(int n) {
    return n == header.size()
        ? null
        : "record has " + n + (n == 1 ? " field" : " fields") + ", the header has " + header.size();
  }

  private static List<String> strings(Fields fields, int first, int n) {
    List<String> values = new ArrayList<>(n);
    for (int k = first; k < first + n; k++) {
      values.add(fields.string(k));
    }
    return values;
  }

  private FeedbackRecord nextJson() throws IOException {
    String text;
    do {
      text = lines.next();
      if (text == null) {
        return null;
      }
    } while (text.isBlank() && lines.tooLong() == 0);
    recordNumber++;
    return lines.tooLong() > 0 ? tooLong(lines.line(), recordNumber) : json(text, lines.line(), recordNumber);
  }

  private FeedbackRecord tooLong(long line, long number) {
    return FeedbackRecord.error(line, number, List.of(), List.of(), "the line is " + lines.tooLong()
        + " bytes, over the limit of " + limits.maxFieldBytes() + " bytes; it is not read and the row is not classified");
  }

  /**
   * Reads the next records into {@code batch} (made by {@link #newBatch}), up to its capacity or about a
   * megabyte of field bytes, whichever comes first.
   *
   * @return the number of records read; 0 at the end of the file
   * @throws IllegalArgumentException if the batch was made by another reader
   * @throws FeedbackFileException if the file is not UTF-8 or has malformed CSV quoting
   * @throws IOException if the file cannot be read
   */
  public int next(RecordBatch batch) throws IOException {
    Objects.requireNonNull(batch, "batch");
    if (batch.reader != this) {
      throw new IllegalArgumentException("the batch was made by another reader");
    }
    batch.clear();
    int capacity = batch.capacity();
    if (format == FeedbackFormat.CSV) {
      Fields f = batch.fields;
      int textIndex = batch.textIndex;
      while (batch.size < capacity && f.length < RecordBatch.BYTES) {
        int first = f.count;
        f.resetOverflow();
        int n = csv.next(f);
        if (n < 0) {
          break;
        }
        recordNumber++;
        String problem = problem(f, first, n);
        String text = problem != null || textIndex < 0 ? "" : f.string(first + textIndex);
        batch.addCsv(csv.line(), recordNumber, first, n, text, problem);
      }
    } else if (format == FeedbackFormat.XLSX) {
      while (batch.size < capacity) {
        FeedbackRecord r = nextSheetRow();
        if (r == null) {
          break;
        }
        batch.addJson(r, r.isError() ? "" : r.get(batch.textColumn).orElse(""), null);
      }
    } else {
      long bytes = 0;
      while (batch.size < capacity && bytes < RecordBatch.BYTES) {
        String text;
        do {
          text = lines.next();
        } while (text != null && text.isBlank() && lines.tooLong() == 0);
        if (text == null) {
          break;
        }
        bytes += text.length();
        recordNumber++;
        FeedbackRecord r = lines.tooLong() > 0 ? tooLong(lines.line(), recordNumber) : json(text, lines.line(), recordNumber);
        if (r.isError()) {
          batch.addJson(r, "", null, r.columns().isEmpty() && lines.tooLong() == 0 ? text : null);
        } else {
          java.util.Optional<String> t = r.get(batch.textColumn);
          batch.addJson(r, t.orElse(""), t.isPresent() ? null
              : "no field '" + batch.textColumn + "' (the text field); the record's fields are "
                  + (r.columns().isEmpty() ? "none" : ColumnException.list(r.columns())));
        }
      }
    }
    return batch.size;
  }

  /**
   * A batch for {@link #next(RecordBatch)}: up to {@code capacity} records at a time, with the value of
   * {@code textColumn} decoded for the classifier (the other fields stay as bytes).
   *
   * @throws IllegalArgumentException if {@code capacity} is below 1
   * @throws NullPointerException if {@code textColumn} is null
   */
  public RecordBatch newBatch(int capacity, String textColumn) {
    return new RecordBatch(this, capacity, textColumn);
  }

  private static FeedbackRecord json(String text, long line, long number) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      String why = jsonProblem(e);
      return FeedbackRecord.error(
          line,
          number,
          List.of(),
          List.of(),
          "not a valid JSON object" + (why.isEmpty() ? "" : ": " + why)
              + (column > 0 ? " (problem at column " + column + ")" : ""));
    }
    if (!(node instanceof ObjectNode object)) {
      return FeedbackRecord.error(line, number, List.of(), List.of(), "expected a JSON object, found " + describe(node));
    }
    List<String> columns = new ArrayList<>(object.size());
    List<String> values = new ArrayList<>(object.size());
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      columns.add(field.getKey());
      values.add(textOf(field.getValue()));
    }
    return FeedbackRecord.ofJson(line, number, columns, values, object);
  }

  /** Why a line is not valid JSON, in words that never quote the line (a field name at most), or "". */
  static String jsonProblem(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      return "too large or too deeply nested (" + e.getOriginalMessage() + ")";
    }
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (m.startsWith("Duplicate field '")) {
      int end = m.indexOf('\'', "Duplicate field '".length());
      String name = end < 0 ? "" : m.substring("Duplicate field '".length(), end);
      return "the field '" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "' appears twice";
    }
    if (m.startsWith("Unexpected end-of-input")) {
      return "the line ends inside a value (a string, object or array is not closed)";
    }
    if (m.startsWith("Unrecognized token")) {
      return "a word that is not a JSON value (strings need double quotes)";
    }
    if (m.startsWith("Trailing token")) {
      return "something follows the object on the same line";
    }
    if (m.startsWith("Unexpected character")) {
      return "an unexpected character";
    }
    if (m.contains("Illegal unquoted character") || m.contains("Unrecognized character escape")) {
      return "a string with a control character or an invalid escape";
    }
    return "";
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isNull() ? "null" : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The text of a JSON value as documented on {@link FeedbackRecord}. */
  static String textOf(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBigDecimal()) {
      return value.decimalValue().toString();
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    return value.toString();
  }

  @Override
  public void close() throws IOException {
    if (source != null) {
      source.close();
    } else {
      sheet.close();
    }
  }
}
