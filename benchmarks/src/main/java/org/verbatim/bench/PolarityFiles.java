package org.verbatim.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.Polarity;
import org.verbatim.io.CodedDataException;
import org.verbatim.train.PolarityExample;

/**
 * Readers for the shared datasets' per-theme polarity files, as the polarity benchmarks read them (the library's
 * general reader of polarity codes is {@code org.verbatim.io.CodedData}).
 *
 * <ul>
 *   <li>{@code mams-acsa}: {@code SPLIT_polarity.csv} with columns {@code id,theme,polarity} (polarity one of
 *       {@code positive}, {@code neutral}, {@code negative}); texts come from {@code SPLIT.csv}
 *       ({@code id,text,labels}) by id.
 *   <li>{@code nhs-fft-phase1}: {@code polarity.csv} with {@code id,theme,polarity}, the polarity being the
 *       source's criticality, an integer in -5..5, empty when unusable. It is mapped to
 *       {@link #criticality(int) negative below 0, neutral at 0, positive above 0}; rows with an empty value
 *       are skipped. Texts come from {@code train.csv} or {@code test.csv}; a row belongs to the split whose
 *       file holds its id.
 * </ul>
 *
 * <pre>{@code
 * List<LabelledPair> train = PolarityFiles.mams(Path.of("datasets/mams-acsa"), "train");
 * }</pre>
 *
 * <p>Stateless and thread-safe. Errors are {@link CodedDataException}s naming the file and line; comment text
 * never appears in a message.
 */
public final class PolarityFiles {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  private PolarityFiles() {}

  /**
   * Reads the (comment, theme, polarity) triples of a MAMS-ACSA split.
   *
   * @param split {@code train}, {@code val} or {@code test}
   * @throws CodedDataException if a file is missing, malformed, has an unknown id or polarity
   * @throws IOException if reading fails
   */
  public static List<LabelledPair> mams(Path dir, String split) throws IOException, CodedDataException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(split, "split");
    if (!split.equals("train") && !split.equals("val") && !split.equals("test")) {
      throw new IllegalArgumentException("split must be train, val or test: " + split);
    }
    Map<String, String> texts = texts(dir.resolve(split + ".csv"));
    Path labels = dir.resolve(split + "_polarity.csv");
    List<LabelledPair> out = new ArrayList<>();
    read(labels, (rec, line) -> {
      String id = field(rec, "id", labels, line);
      String text = texts.get(id);
      if (text == null) {
        throw new CodedDataException(labels, line, "id " + id + " not found in " + split + ".csv");
      }
      String value = field(rec, "polarity", labels, line);
      Polarity p;
      try {
        p = Polarity.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CodedDataException(labels, line,
            "polarity must be positive, neutral or negative: '" + value + "'");
      }
      out.add(new LabelledPair(id, new PolarityExample(text, theme(rec, labels, line), p)));
    });
    return List.copyOf(out);
  }

  /**
   * Reads the (comment, theme, polarity) triples of the nhs-fft-phase1 comments in one split file.
   *
   * @param split {@code train} or {@code test}: the file whose ids are kept
   * @throws CodedDataException if a file is missing or malformed, or a criticality is not an integer in -5..5
   * @throws IOException if reading fails
   */
  public static List<LabelledPair> nhsPhase1(Path dir, String split) throws IOException, CodedDataException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(split, "split");
    if (!split.equals("train") && !split.equals("test")) {
      throw new IllegalArgumentException("split must be train or test: " + split);
    }
    Map<String, String> texts = texts(dir.resolve(split + ".csv"));
    Path labels = dir.resolve("polarity.csv");
    List<LabelledPair> out = new ArrayList<>();
    read(labels, (rec, line) -> {
      String id = field(rec, "id", labels, line);
      String value = field(rec, "polarity", labels, line).strip();
      String text = texts.get(id);
      if (text == null || value.isEmpty()) {
        return;
      }
      int c;
      try {
        c = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        c = Integer.MIN_VALUE;
      }
      if (c < -5 || c > 5) {
        throw new CodedDataException(labels, line,
            "polarity must be an integer in -5..5 or empty: '" + value + "'");
      }
      out.add(new LabelledPair(id, new PolarityExample(text, theme(rec, labels, line), criticality(c))));
    });
    return List.copyOf(out);
  }

  /** Maps a criticality score to a polarity: below 0 negative, 0 neutral, above 0 positive. */
  public static Polarity criticality(int score) {
    return score < 0 ? Polarity.NEGATIVE : score == 0 ? Polarity.NEUTRAL : Polarity.POSITIVE;
  }

  /** The examples of labelled pairs. */
  public static List<PolarityExample> examples(List<LabelledPair> pairs) {
    List<PolarityExample> out = new ArrayList<>(pairs.size());
    pairs.forEach(p -> out.add(p.example()));
    return out;
  }

  private static Map<String, String> texts(Path file) throws IOException, CodedDataException {
    Map<String, String> texts = new HashMap<>();
    read(file, (rec, line) -> {
      String id = field(rec, "id", file, line);
      if (texts.put(id, field(rec, "text", file, line)) != null) {
        throw new CodedDataException(file, line, "unique id, found duplicate " + id);
      }
    });
    return texts;
  }

  private static String theme(CSVRecord rec, Path file, long line) throws CodedDataException {
    String t = field(rec, "theme", file, line).strip();
    if (t.isEmpty()) {
      throw new CodedDataException(file, line, "a non-empty theme");
    }
    return t;
  }

  private static String field(CSVRecord rec, String name, Path file, long line) throws CodedDataException {
    if (!rec.isMapped(name)) {
      throw new CodedDataException(file, 1, "a header with column '" + name + "'");
    }
    if (!rec.isSet(name)) {
      throw new CodedDataException(file, line, "a value in column '" + name + "'");
    }
    return rec.get(name);
  }

  private interface RowHandler {
    void row(CSVRecord rec, long line) throws CodedDataException;
  }

  private static void read(Path file, RowHandler handler) throws IOException, CodedDataException {
    Reader reader;
    try {
      reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    } catch (NoSuchFileException e) {
      throw new CodedDataException(file, 0, "an existing file");
    }
    try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
      long line = 2;
      for (CSVRecord rec : parser) {
        handler.row(rec, line);
        line = parser.getCurrentLineNumber() + 1;
      }
    } catch (CharacterCodingException e) {
      throw new CodedDataException(file, 0, "UTF-8 text");
    } catch (java.io.UncheckedIOException e) {
      throw new CodedDataException(file, 0, "well-formed CSV (" + e.getCause().getClass().getSimpleName() + ")");
    }
  }
}
