package org.verbatim.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.eval.LabelSets;

/**
 * Reads and writes {@code id,labels} CSV files the way {@code metrics.py} does.
 *
 * <p>Reading: UTF-8 with an optional byte-order mark; the first non-empty row is the header and must contain
 * the columns {@code id} and {@code labels} (exact names; other columns such as {@code text} are ignored; if
 * a name repeats, its last column is used, as in Python's {@code csv.DictReader}); blank lines are skipped;
 * ids are stripped of white space; the {@code labels} field is parsed by {@link LabelSets#parse} and a row
 * too short to have one has no labels. Writing: header {@code id,labels}, labels joined by
 * {@link LabelSets#join}, CRLF line ends and minimal quoting, like {@code metrics.write_predictions}.
 *
 * <pre>{@code
 * Map<String, Set<String>> gold = LabelFiles.readById(Path.of("gold.csv"));   // file order
 * LabelFiles.writePredictions(Path.of("pred.csv"), ids, predictedSets);
 * }</pre>
 *
 * <p>Stateless and thread-safe. Error messages name the file and line, never a comment's text.
 */
public final class LabelFiles {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setTrailingData(true).setLenientEof(true).get();

  private LabelFiles() {}

  /**
   * One data row of a label file.
   *
   * @param id the stripped id
   * @param labels the parsed label set
   * @param line the 1-based line on which the row starts
   */
  public record Row(String id, Set<String> labels, long line) {
    /** @throws NullPointerException if {@code id} or {@code labels} is null */
    public Row {
      Objects.requireNonNull(id, "id");
      TreeSet<String> copy = new TreeSet<>(LabelSets.CODE_POINT_ORDER);
      copy.addAll(Objects.requireNonNull(labels, "labels"));
      labels = Collections.unmodifiableSet(copy);
    }
  }

  /**
   * Reads every data row in file order; ids may repeat (as in a {@code --labels-from} file).
   *
   * @throws CodedDataException if the file is not UTF-8, has no {@code id}/{@code labels} header, a row has
   *     no id field, or the CSV is malformed
   * @throws IOException if the file cannot be read
   */
  public static List<Row> readRows(Path file) throws IOException, CodedDataException {
    Objects.requireNonNull(file, "file");
    String content = decode(file);
    long[] lineStarts = lineStarts(content);
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(content), FORMAT)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!hasNext(it, file, parser)) {
        throw new CodedDataException(file, 0, "header must contain id and labels (the file is empty)");
      }
      CSVRecord header = next(it, file, parser);
      List<String> names = header.toList();
      int idCol = names.lastIndexOf("id");
      int labelsCol = names.lastIndexOf("labels");
      if (idCol < 0 || labelsCol < 0) {
        throw new CodedDataException(file, lineOf(header, content, lineStarts),
            "header must contain id and labels (got " + names + ")");
      }
      while (hasNext(it, file, parser)) {
        CSVRecord rec = next(it, file, parser);
        long line = lineOf(rec, content, lineStarts);
        if (rec.size() <= idCol) {
          throw new CodedDataException(file, line,
              "row has " + rec.size() + " field(s); expected an id in column " + (idCol + 1));
        }
        String labels = rec.size() > labelsCol ? rec.get(labelsCol) : null;
        rows.add(new Row(LabelSets.pythonStrip(rec.get(idCol)), LabelSets.parse(labels), line));
      }
    }
    return Collections.unmodifiableList(rows);
  }

  /**
   * Reads a file whose ids must be distinct, as a map from id to label set in file order.
   *
   * @throws CodedDataException if an id repeats (naming the id and both lines) or {@link #readRows} fails
   * @throws IOException if the file cannot be read
   */
  public static Map<String, Set<String>> readById(Path file) throws IOException, CodedDataException {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    Map<String, Long> firstLine = new HashMap<>();
    for (Row row : readRows(file)) {
      Long previous = firstLine.putIfAbsent(row.id(), row.line());
      if (previous != null) {
        throw new CodedDataException(file, row.line(),
            "duplicate id '" + row.id() + "' (first on line " + previous + "); ids must be unique");
      }
      out.put(row.id(), row.labels());
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Writes an {@code id,labels} file atomically (temporary file, then an atomic move).
   *
   * @throws NullPointerException if an argument, an id, a set or a label is null
   * @throws IllegalArgumentException if the lists differ in size or a label contains {@code ;}
   * @throws IOException if the file cannot be written
   */
  public static void writePredictions(Path file, List<String> ids, List<? extends Set<String>> labels)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(labels, "labels");
    if (ids.size() != labels.size()) {
      throw new IllegalArgumentException(
          "ids and labels must have the same size: " + ids.size() + " != " + labels.size());
    }
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord("id", "labels");
      for (int i = 0; i < ids.size(); i++) {
        Set<String> set = Objects.requireNonNull(labels.get(i), "labels[" + i + "]");
        for (String l : set) {
          if (Objects.requireNonNull(l, "label").contains(";")) {
            throw new IllegalArgumentException("labels[" + i + "] has a label containing ';'");
          }
        }
        printer.printRecord(Objects.requireNonNull(ids.get(i), "ids[" + i + "]"), LabelSets.join(set));
      }
    }
    AtomicOutput.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(Path file) throws IOException, CodedDataException {
    byte[] bytes = Files.readAllBytes(file);
    String content;
    try {
      content = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CodedDataException(file, 0, "not valid UTF-8", e);
    }
    return content.startsWith("\uFEFF") ? content.substring(1) : content;
  }

  private static boolean hasNext(Iterator<CSVRecord> it, Path file, CSVParser parser) throws CodedDataException {
    try {
      return it.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw malformed(file, parser, e);
    }
  }

  private static CSVRecord next(Iterator<CSVRecord> it, Path file, CSVParser parser) throws CodedDataException {
    try {
      return it.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw malformed(file, parser, e);
    }
  }

  private static CodedDataException malformed(Path file, CSVParser parser, RuntimeException e) {
    // commons-csv messages give line and position only, never field content, so the cause is kept.
    return new CodedDataException(file, parser.getCurrentLineNumber() + 1, "malformed CSV (expected "
        + "comma-separated fields, quoted with \" where needed)", e);
  }

  /** Offsets where each line starts; a line ends with \n, \r\n or a lone \r (as Python's csv reads). */
  private static long[] lineStarts(String s) {
    long[] starts = new long[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** The 1-based line where {@code rec} starts, skipping blank lines that the parser passed over. */
  private static long lineOf(CSVRecord rec, String content, long[] lineStarts) {
    int pos = (int) Math.min(rec.getCharacterPosition(), content.length());
    while (pos < content.length() && (content.charAt(pos) == '\n' || content.charAt(pos) == '\r')) {
      pos++;
    }
    int idx = Arrays.binarySearch(lineStarts, pos);
    return (idx >= 0 ? idx : -idx - 2) + 1;
  }
}
