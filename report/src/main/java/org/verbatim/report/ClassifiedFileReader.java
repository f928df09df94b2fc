package org.verbatim.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.Evidence;
import org.verbatim.Polarity;

/**
 * Streams a file written by {@code verbatim classify} (CSV with a header row, or JSONL: one JSON object per line)
 * into a {@link ReportBuilder}, one row at a time. The format is taken from the extension ({@code .jsonl},
 * {@code .ndjson}, {@code .json} are JSONL; anything else is CSV unless the first non-blank character is
 * <code>{</code>).
 *
 * <pre>{@code
 * ClassifiedFileReader.read(Path.of("classified.csv"), builder);
 * }</pre>
 *
 * <p>Stateless and thread-safe; each call reads its own file.
 */
final class ClassifiedFileReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClassifiedFileReader() {}

  /** The file formats read. */
  enum Format {
    CSV,
    JSONL
  }

  /**
   * Reads every row of {@code input} into {@code builder}.
   *
   * @throws ReportInputException naming the file and the record or line when the file is missing, unreadable,
   *     not UTF-8, or a row is malformed (the message never contains comment text)
   */
  static void read(Path input, ReportBuilder builder) throws ReportInputException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(builder, "builder");
    if (!Files.exists(input)) {
      throw new ReportInputException(input + ": file not found");
    }
    if (!Files.isRegularFile(input)) {
      throw new ReportInputException(input + ": not a regular file");
    }
    try {
      if (format(input) == Format.JSONL) {
        readJsonl(input, builder);
      } else {
        readCsv(input, builder);
      }
    } catch (ReportInputException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw new ReportInputException(input + ": file not found", e);
    } catch (CharacterCodingException e) {
      throw new ReportInputException(input + ": not valid UTF-8 text", e);
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new ReportInputException(input + ": cannot read: " + e.getMessage(), e);
    }
  }

  static Format format(Path input) throws IOException {
    String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Format.JSONL;
    }
    if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
      return Format.CSV;
    }
    try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      int c;
      while ((c = reader.read()) >= 0) {
        if (c == '\uFEFF' || Character.isWhitespace(c)) {
          continue;
        }
        return c == '{' ? Format.JSONL : Format.CSV;
      }
    }
    return Format.CSV;
  }

  private static void readCsv(Path input, ReportBuilder builder) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = new ArrayList<>(parser.getHeaderNames());
      if (header.isEmpty()) {
        throw new ReportInputException(input + ": empty file, expected a CSV header row");
      }
      if (header.get(0).startsWith("\uFEFF")) {
        header.set(0, header.get(0).substring(1));
      }
      try {
        builder.columns(header);
      } catch (IllegalArgumentException e) {
        throw new ReportInputException(input + ": " + e.getMessage(), e);
      }
      String themes = new ClassifiedColumns(builder.options().columnPrefix()).themesColumn();
      if (!header.contains(themes)) {
        throw new ReportInputException(input + ": missing column '" + themes + "' (is this a file written by "
            + "verbatim classify? use --column-prefix if its columns have one); columns: " + String.join(", ", header));
      }
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
          throw new ReportInputException(input + ": malformed CSV after line " + parser.getCurrentLineNumber()
              + " (an unclosed quote?)", e);
        }
        long line = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
          if (record.size() == 1 && record.get(0).isEmpty()) {
            continue;
          }
          throw new ReportInputException(input + ": record " + record.getRecordNumber() + " (ending on line " + line
              + ") has " + record.size() + " fields, the header has " + header.size());
        }
        Map<String, String> row = new LinkedHashMap<>(header.size() * 2);
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), record.get(i));
        }
        try {
          builder.accept(row);
        } catch (IllegalArgumentException e) {
          throw new ReportInputException(input + ": record " + record.getRecordNumber() + " (ending on line " + line
              + "): " + e.getMessage(), e);
        }
      }
    }
  }

  private static void readJsonl(Path input, ReportBuilder builder) throws IOException {
    ClassifiedColumns names = new ClassifiedColumns(builder.options().columnPrefix());
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JacksonException e) {
          throw new ReportInputException(input + ": line " + number + ": not valid JSON (column "
              + e.getLocation().getColumnNr() + ")", e);
        }
        if (node == null || !node.isObject()) {
          throw new ReportInputException(input + ": line " + number + ": expected a JSON object");
        }
        try {
          accept(node, names, builder);
        } catch (IllegalArgumentException e) {
          throw new ReportInputException(input + ": line " + number + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private static void accept(JsonNode node, ClassifiedColumns names, ReportBuilder builder) {
    List<String> classified = names.names();
    String themesKey = classified.get(0);
    String scoresKey = classified.get(1);
    String polarityKey = classified.get(2);
    String evidenceKey = classified.get(3);
    String errorKey = classified.get(4);
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!classified.contains(f.getKey())) {
        JsonNode v = f.getValue();
        fields.put(f.getKey(), v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
      }
    }
    JsonNode themes = node.get(themesKey);
    if (themes == null) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      throw new IllegalArgumentException("missing field '" + themesKey + "' (is this a file written by verbatim "
          + "classify? use --column-prefix if its fields have one); fields: " + String.join(", ", keys));
    }
    JsonNode error = node.get(errorKey);
    String errorText = error == null || error.isNull() ? null : error.asText();
    List<String> ids = new ArrayList<>();
    if (themes.isArray()) {
      for (JsonNode t : themes) {
        if (!t.isTextual()) {
          throw new IllegalArgumentException("field '" + themesKey + "' must be an array of theme ids (strings)");
        }
        String id = t.asText().strip();
        if (!id.isEmpty() && !ids.contains(id)) {
          ids.add(id);
        }
      }
    } else if (!themes.isNull()) {
      throw new IllegalArgumentException("field '" + themesKey + "' must be an array of theme ids");
    }
    JsonNode scores = object(node, scoresKey);
    JsonNode polarity = object(node, polarityKey);
    JsonNode evidence = object(node, evidenceKey);
    List<ThemeResult> results = new ArrayList<>(ids.size());
    for (String id : ids) {
      double score = Double.NaN;
      JsonNode s = scores == null ? null : scores.get(id);
      if (s != null && !s.isNull()) {
        if (!s.isNumber() || !(s.asDouble() >= 0.0 && s.asDouble() <= 1.0)) {
          throw new IllegalArgumentException("field '" + scoresKey + "': score of theme '" + id
              + "' must be a number in [0, 1]");
        }
        score = s.asDouble();
      }
      Polarity p = Polarity.NEUTRAL;
      JsonNode pv = polarity == null ? null : polarity.get(id);
      if (pv != null && !pv.isNull()) {
        try {
          p = Polarity.parse(pv.asText());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("field '" + polarityKey + "': polarity of theme '" + id
              + "' must be one of positive, negative, mixed, neutral", e);
        }
      }
      results.add(new ThemeResult(id, score, p, spans(evidence == null ? null : evidence.get(id), evidenceKey, id)));
    }
    builder.accept(fields, results, errorText);
  }

  private static JsonNode object(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw new IllegalArgumentException("field '" + key + "' must be an object keyed by theme id");
    }
    return v;
  }

  private static List<Evidence> spans(JsonNode array, String key, String id) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("field '" + key + "': evidence of theme '" + id + "' must be an array");
    }
    List<Evidence> out = new ArrayList<>(array.size());
    for (JsonNode span : array) {
      JsonNode start;
      JsonNode end;
      if (span.isObject()) {
        start = span.get("start");
        end = span.get("end");
      } else if (span.isArray() && span.size() == 2) {
        start = span.get(0);
        end = span.get(1);
      } else {
        start = null;
        end = null;
      }
      if (start == null || end == null || !start.canConvertToInt() || !end.canConvertToInt()
          || !start.isIntegralNumber() || !end.isIntegralNumber()) {
        throw new IllegalArgumentException("field '" + key + "': evidence of theme '" + id
            + "' must be objects with integer 'start' and 'end'");
      }
      int s = start.asInt();
      int e = end.asInt();
      if (s >= 0 && e >= s) {
        out.add(new Evidence(s, e));
      }
    }
    return out;
  }
}
