package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

class FeedbackReaderPropertyTest {

  /**
   * Any table written by a standard CSV printer, with blank lines between some records, reads back unchanged,
   * each record at the line it starts on.
   */
  @Property(tries = 200, seed = "20261205")
  void csvRoundTripsValuesAndStartingLines(@ForAll("tables") List<List<String>> rows) throws IOException {
    List<String> header = List.of("id", "text");
    StringWriter out = new StringWriter();
    List<Long> expectedLines = new ArrayList<>();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        if (Integer.parseInt(row.get(0)) % 3 == 0) {
          out.write(Integer.parseInt(row.get(0)) % 2 == 0 ? "\r\n" : "\n"); // skipped blank line
        }
        expectedLines.add(1 + countLineBreaks(out.toString()));
        printer.printRecord(row);
      }
    }
    Path file = Files.createTempFile("prop", ".csv");
    try {
      Files.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
      List<List<String>> read = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      try (FeedbackReader reader = FeedbackReader.open(file)) {
        for (FeedbackRecord r = reader.next(); r != null; r = reader.next()) {
          read.add(r.values());
          lines.add(r.line());
        }
      }
      assertEquals(rows, read);
      assertEquals(expectedLines, lines);
    } finally {
      Files.delete(file);
    }
  }

  private static long countLineBreaks(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' && (i == 0 || s.charAt(i - 1) != '\r')) {
        n++;
      } else if (c == '\r') {
        n++;
      }
    }
    return n;
  }

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> text =
        Arbitraries.of("a", "b", " ", ",", "\"", "\n", "\r", "\r\n", "é", "€", "😀", "\t", ";", "'")
            .list()
            .ofMaxSize(12)
            .map(parts -> String.join("", parts));
    return Arbitraries.integers()
        .between(0, 500)
        .flatMap(n -> text.map(t -> List.of(Integer.toString(n), t)))
        .list()
        .ofMaxSize(30);
  }
}
