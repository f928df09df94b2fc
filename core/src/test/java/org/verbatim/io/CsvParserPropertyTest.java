package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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

class CsvParserPropertyTest {

  private static final Path FILE = Path.of("t.csv");
  private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  /**
   * Any text, well-formed or not, gives the records commons-csv's RFC 4180 parser gives (empty lines ignored), or
   * fails where it fails.
   */
  @Property(tries = 3000)
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
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (commonsFailed) {
      assertThrows(FeedbackFileException.class, () -> readAll(parser(bytes, 4, true)));
    } else {
      // neither the buffer size nor the size of each read may matter
      assertEquals(expected, readAll(parser(bytes, 4, true)));
      assertEquals(expected, readAll(parser(bytes, 5, false)));
      assertEquals(expected, readAll(parser(bytes, Utf8Input.BUFFER, false)));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab,,\"\"\r\n \t\u00a0\u2003éz".toCharArray()).ofMaxLength(40)
        .map(s -> s.replace("z", "😀")); // whole surrogate pairs only: UTF-8 has no lone surrogates
  }

  @Test
  void recordsKnowTheLineTheyStartOn() throws IOException {
    CsvParser csv = parser("h1,h2\r\n\r\n1,\"a\nb\"\n\n\r2,x\r3,\"y\" \n".getBytes(StandardCharsets.UTF_8), 4, false);
    List<Long> lines = new ArrayList<>();
    List<List<String>> records = new ArrayList<>();
    Fields f = new Fields(4, 1);
    for (int n = csv.next(f); n >= 0; n = csv.next(f)) {
      records.add(strings(f, n));
      lines.add(csv.line());
      f.clear();
    }
    assertEquals(List.of(List.of("h1", "h2"), List.of("1", "a\nb"), List.of("2", "x"), List.of("3", "y")), records);
    assertEquals(List.of(1L, 3L, 7L, 8L), lines);
  }

  @Test
  void malformedQuotingNamesTheLine() {
    FeedbackFileException stray = assertThrows(FeedbackFileException.class,
        () -> readAll(parser("a\n\"b\"c\n".getBytes(StandardCharsets.UTF_8), 16, false)));
    assertEquals(2, stray.line());
    FeedbackFileException open = assertThrows(FeedbackFileException.class,
        () -> readAll(parser("a\nb\n\"c\nd\ne".getBytes(StandardCharsets.UTF_8), 16, false)));
    assertEquals(3, open.line());
  }

  /** A white space character after a closing quote is dropped, whether it takes one byte or three. */
  @Test
  void whiteSpaceAfterClosingQuoteMayBeUnicode() throws IOException {
    byte[] text = "\"a\" \u2003\t,\"b\"\u2003\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(List.of("a", "b")), readAll(parser(text, 4, true)));
    FeedbackFileException e = assertThrows(FeedbackFileException.class,
        () -> readAll(parser("\"a\"\u00a0\n".getBytes(StandardCharsets.UTF_8), 16, false)));
    assertEquals(1, e.line());
  }

  private static CsvParser parser(byte[] bytes, int bufferSize, boolean oneByteAtATime) throws IOException {
    InputStream in = oneByteAtATime ? new OneByteAtATime(bytes) : new ByteArrayInputStream(bytes);
    return new CsvParser(FILE, new Utf8Input(FILE, in, bufferSize));
  }

  private static List<String> strings(Fields f, int n) {
    List<String> out = new ArrayList<>();
    for (int k = f.count - n; k < f.count; k++) {
      out.add(f.string(k));
    }
    return out;
  }

  private static List<List<String>> readAll(CsvParser csv) throws IOException {
    List<List<String>> out = new ArrayList<>();
    Fields f = new Fields(4, 1);
    for (int n = csv.next(f); n >= 0; n = csv.next(f)) {
      out.add(strings(f, n));
      f.clear();
    }
    return out;
  }

  /** Hands out one byte per read, to exercise every buffer boundary. */
  private static final class OneByteAtATime extends InputStream {
    private final byte[] bytes;
    private int next;

    OneByteAtATime(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return next < bytes.length ? bytes[next++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (next >= bytes.length) {
        return -1;
      }
      buffer[offset] = bytes[next++];
      return 1;
    }
  }
}
