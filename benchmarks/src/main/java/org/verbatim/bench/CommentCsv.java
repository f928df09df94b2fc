package org.verbatim.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.train.LabelledComment;

/**
 * Reads and writes the benchmark CSV files: datasets ({@code id,text,labels}, labels joined by {@code ;}),
 * and comment lists ({@code id,text}); predictions ({@code id,labels}) are written by the library's
 * {@code org.verbatim.io.LabelFiles}.
 *
 * <pre>{@code
 * List<LabelledComment> train = CommentCsv.read(Path.of("data/nhs-fft-v6/train.csv"));
 * }</pre>
 *
 * <p>Label fields are split on {@code ;} and each name is stripped; empty names are dropped, as the peer scorer
 * {@code metrics.py} does. Stateless and thread-safe. Error messages name the file and line, never the text.
 */
public final class CommentCsv {

  private static final CSVFormat READ = CSVFormat.RFC4180.builder()
      .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
  private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private CommentCsv() {}

  /**
   * Reads a dataset file with the columns {@code id}, {@code text} and {@code labels} (others are ignored).
   *
   * @throws IOException if the file cannot be read, a column is missing, a row is short or an id repeats;
   *     the message names the file and the line
   */
  public static List<LabelledComment> read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(READ).get()) {
      Map<String, Integer> header = p.getHeaderMap();
      for (String col : List.of("id", "text", "labels")) {
        if (!header.containsKey(col)) {
          throw new IOException(file + ": line 1: missing column '" + col + "', expected header id,text,labels (got "
              + header.keySet() + ")");
        }
      }
      List<LabelledComment> out = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (CSVRecord rec : p) {
        long line = p.getCurrentLineNumber();
        if (!rec.isConsistent()) {
          throw new IOException(file + ": line " + line + ": expected " + header.size() + " fields, got " + rec.size());
        }
        String id = rec.get("id").strip();
        if (id.isEmpty()) {
          throw new IOException(file + ": line " + line + ": empty id");
        }
        if (!ids.add(id)) {
          throw new IOException(file + ": line " + line + ": duplicate id '" + id + "'");
        }
        out.add(new LabelledComment(id, rec.get("text"), new ArrayList<>(parseLabels(rec.get("labels")))));
      }
      return out;
    } catch (UncheckedIOException e) {
      throw new IOException(file + ": malformed CSV: " + e.getCause().getMessage(), e);
    }
  }

  /** Splits a {@code ;}-joined label field; null or blank gives an empty set. */
  public static Set<String> parseLabels(String field) {
    Set<String> out = new TreeSet<>();
    if (field == null) {
      return out;
    }
    for (String part : field.split(";", -1)) {
      String s = part.strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }


  /** Writes {@code id,text} rows (the input format of the CLI and of the keyword baseline). */
  public static void writeTexts(Path file, List<LabelledComment> rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, WRITE)) {
      p.printRecord("id", "text");
      for (LabelledComment c : rows) {
        p.printRecord(c.id(), c.text());
      }
    }
  }

}
