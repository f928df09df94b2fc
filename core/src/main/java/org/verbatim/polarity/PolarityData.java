package org.verbatim.polarity;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.Polarity;

/**
 * Readers for the shared per-theme polarity files.
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
 * List<LabelledPair> train = PolarityData.mams(Path.of("datasets/mams-acsa"), "train");
 * }</pre>
 *
 * <p>Stateless and thread-safe. Errors are {@link PolarityFileException}s naming the file and line; comment text
 * never appears in a message.
 */
public final class PolarityData {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  private PolarityData() {}

  /**
   * Reads the (comment, theme, polarity) triples of a MAMS-ACSA split.
   *
   * @param split {@code train}, {@code val} or {@code test}
   * @throws PolarityFileException if a file is missing, malformed, has an unknown id or polarity
   * @throws IOException if reading fails
   */
  public static List<LabelledPair> mams(Path dir, String split) throws IOException {
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
        throw new PolarityFileException(labels.toString(), line, "id " + id + " not found in " + split + ".csv");
      }
      String value = field(rec, "polarity", labels, line);
      Polarity p;
      try {
        p = Polarity.parse(value);
      } catch (IllegalArgumentException e) {
        throw new PolarityFileException(labels.toString(), line,
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
   * @throws PolarityFileException if a file is missing or malformed, or a criticality is not an integer in -5..5
   * @throws IOException if reading fails
   */
  public static List<LabelledPair> nhsPhase1(Path dir, String split) throws IOException {
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
        throw new PolarityFileException(labels.toString(), line,
            "polarity must be an integer in -5..5 or empty: '" + value + "'");
      }
      out.add(new LabelledPair(id, new PolarityExample(text, theme(rec, labels, line), criticality(c))));
    });
    return List.copyOf(out);
  }

  /**
   * One coded row of a long-form polarity file.
   *
   * @param id the comment id
   * @param theme the theme id (not blank)
   * @param polarity the coded polarity
   * @param line the 1-based line of the row in its file, for messages
   */
  public record Code(String id, String theme, Polarity polarity, long line) {

    public Code {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(theme, "theme");
      Objects.requireNonNull(polarity, "polarity");
    }
  }

  /**
   * What {@link #codes} read.
   *
   * @param codes the rows with a value, in file order
   * @param withoutValue rows skipped because their polarity was empty
   */
  public record Codes(List<Code> codes, int withoutValue) {

    public Codes {
      codes = List.copyOf(codes);
    }
  }

  /**
   * Reads any long-form polarity file: a header naming {@code id}, {@code theme} and {@code polarity} (other
   * columns are ignored), one (comment, theme) pair per row. A value is a polarity name in any case
   * ({@code positive}, {@code negative}, {@code neutral}, {@code mixed}) or a signed number whose sign counts,
   * as {@link #criticality}; rows with an empty value are skipped and counted.
   *
   * <pre>{@code
   * Codes c = PolarityData.codes(Path.of("train_polarity.csv"));
   * c.codes().get(0).polarity();
   * }</pre>
   *
   * @throws PolarityFileException naming the file and line if the file is missing, not UTF-8, malformed, lacks a
   *     column, or has an empty theme or a value that is neither a polarity nor a number
   * @throws IOException if reading fails
   */
  public static Codes codes(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    List<Code> out = new ArrayList<>();
    int[] empty = {0};
    read(file, (rec, line) -> {
      String id = field(rec, "id", file, line);
      String value = field(rec, "polarity", file, line).strip();
      String theme = theme(rec, file, line);
      if (value.isEmpty()) {
        empty[0]++;
        return;
      }
      out.add(new Code(id, theme, anyPolarity(value, file, line), line));
    });
    return new Codes(out, empty[0]);
  }

  private static Polarity anyPolarity(String value, Path file, long line) throws PolarityFileException {
    try {
      return Polarity.parse(value);
    } catch (IllegalArgumentException notAName) {
      try {
        double score = Double.parseDouble(value);
        if (Double.isFinite(score)) {
          return score < 0 ? Polarity.NEGATIVE : score == 0 ? Polarity.NEUTRAL : Polarity.POSITIVE;
        }
      } catch (NumberFormatException notANumber) {
        // reported below
      }
      throw new PolarityFileException(file.toString(), line,
          "polarity must be positive, negative, neutral, mixed or a signed number: '" + value + "'");
    }
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

  private static Map<String, String> texts(Path file) throws IOException {
    Map<String, String> texts = new HashMap<>();
    read(file, (rec, line) -> {
      String id = field(rec, "id", file, line);
      if (texts.put(id, field(rec, "text", file, line)) != null) {
        throw new PolarityFileException(file.toString(), line, "unique id, found duplicate " + id);
      }
    });
    return texts;
  }

  private static String theme(CSVRecord rec, Path file, long line) throws PolarityFileException {
    String t = field(rec, "theme", file, line).strip();
    if (t.isEmpty()) {
      throw new PolarityFileException(file.toString(), line, "a non-empty theme");
    }
    return t;
  }

  private static String field(CSVRecord rec, String name, Path file, long line) throws PolarityFileException {
    if (!rec.isMapped(name)) {
      throw new PolarityFileException(file.toString(), 1, "a header with column '" + name + "'");
    }
    if (!rec.isSet(name)) {
      throw new PolarityFileException(file.toString(), line, "a value in column '" + name + "'");
    }
    return rec.get(name);
  }

  private interface RowHandler {
    void row(CSVRecord rec, long line) throws PolarityFileException;
  }

  private static void read(Path file, RowHandler handler) throws IOException {
    Reader reader;
    try {
      reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    } catch (NoSuchFileException e) {
      throw new PolarityFileException(file.toString(), 0, "an existing file");
    }
    try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
      long line = 2;
      for (CSVRecord rec : parser) {
        handler.row(rec, line);
        line = parser.getCurrentLineNumber() + 1;
      }
    } catch (CharacterCodingException e) {
      throw new PolarityFileException(file.toString(), 0, "UTF-8 text");
    } catch (java.io.UncheckedIOException e) {
      throw new PolarityFileException(file.toString(), 0, "well-formed CSV (" + e.getCause().getClass().getSimpleName() + ")");
    }
  }
}
