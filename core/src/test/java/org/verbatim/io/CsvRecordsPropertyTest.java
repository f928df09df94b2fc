package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRecordsPropertyTest {

  private static final Path FILE = Path.of("t.csv");
  private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  /**
   * Any text, well-formed or not, gives the records commons-csv's RFC 4180 parser gives (empty lines ignored), or
   * fails where it fails.
   */
  @Property(tries = 3000, seed = "20261205")
  void sameRecordsAsCommonsCsv(@ForAll("texts") String text) throws IOException {
    List<List<String>> expected = new ArrayList<>();
    boolean commonsFailed = false;
    try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(COMMONS).get()) {
      for (CSVRecord r : p) {
        expected.add(r.toList());
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      commonsFailed = true;
    }
    CsvRecords ours = new CsvRecords(FILE, new OneCharAtATime(text));
    if (commonsFailed) {
      assertThrows(FeedbackFileException.class, () -> readAll(ours));
    } else {
      assertEquals(expected, readAll(ours));
    }
    // the buffer size must not matter
    if (!commonsFailed) {
      assertEquals(expected, readAll(new CsvRecords(FILE, new StringReader(text))));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab,,\"\"\r\n \t\u00a0é".toCharArray()).ofMaxLength(40);
  }

  @Test
  void recordsKnowTheLineTheyStartOn() throws IOException {
    CsvRecords csv = new CsvRecords(FILE, new StringReader("h1,h2\r\n\r\n1,\"a\nb\"\n\n\r2,x\r3,\"y\" \n"));
    List<Long> lines = new ArrayList<>();
    List<List<String>> records = new ArrayList<>();
    for (List<String> r = csv.next(); r != null; r = csv.next()) {
      records.add(r);
      lines.add(csv.line());
    }
    assertEquals(List.of(List.of("h1", "h2"), List.of("1", "a\nb"), List.of("2", "x"), List.of("3", "y")), records);
    assertEquals(List.of(1L, 3L, 7L, 8L), lines);
  }

  @Test
  void malformedQuotingNamesTheLine() {
    FeedbackFileException stray = assertThrows(FeedbackFileException.class,
        () -> readAll(new CsvRecords(FILE, new StringReader("a\n\"b\"c\n"))));
    assertEquals(2, stray.line());
    FeedbackFileException open = assertThrows(FeedbackFileException.class,
        () -> readAll(new CsvRecords(FILE, new StringReader("a\nb\n\"c\nd\ne"))));
    assertEquals(3, open.line());
  }

  private static List<List<String>> readAll(CsvRecords csv) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (List<String> r = csv.next(); r != null; r = csv.next()) {
      out.add(r);
    }
    return out;
  }

  /** Hands out one character per read, to exercise every buffer boundary. */
  private static final class OneCharAtATime extends Reader {
    private final String text;
    private int next;

    OneCharAtATime(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (next >= text.length()) {
        return -1;
      }
      buffer[offset] = text.charAt(next++);
      return 1;
    }

    @Override
    public void close() {}
  }
}
