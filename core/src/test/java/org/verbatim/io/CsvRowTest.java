package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class CsvRowTest {

  private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  /** Any records come out exactly as commons-csv's RFC 4180 printer writes them (the format we promise to keep). */
  @Property(tries = 500, seed = "20261205")
  void writesWhatCommonsCsvWrites(@ForAll("records") List<List<String>> records) throws IOException {
    StringWriter expected = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(expected, COMMONS)) {
      for (List<String> r : records) {
        printer.printRecord(r);
      }
    }
    CsvRow row = new CsvRow();
    CsvRow built = new CsvRow();
    for (List<String> r : records) {
      r.forEach(row::add);
      row.end();
      // the same fields built byte by byte with open/close
      for (String v : r) {
        built.open().appendText(v).close();
      }
      built.end();
    }
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    row.writeTo(actual);
    assertEquals(expected.toString(), actual.toString(StandardCharsets.UTF_8));
    assertEquals(expected.toString(), built.take());
  }

  /** Record by record without line ends, the builder gives the bytes of Csv.record without its \n. */
  @Property(tries = 200, seed = "20261205")
  void recordBuilderGivesTheRecordWithoutItsLineEnd(@ForAll("records") List<List<String>> records) {
    Csv.RecordBuilder builder = new Csv.RecordBuilder();
    for (List<String> r : records) {
      r.forEach(builder::add);
      String expected = Csv.record(r);
      assertEquals(expected.substring(0, expected.length() - 1), new String(builder.take(), StandardCharsets.UTF_8));
    }
  }

  @Provide
  Arbitrary<List<List<String>>> records() {
    // the characters where quoting rules change, plus ordinary and non-ASCII ones
    Arbitrary<String> field = Arbitraries.strings()
        .withChars(" \t\r\n\",;#!$'\u0000\u001f~aZ9é—z".toCharArray())
        .ofMinLength(0).ofMaxLength(12)
        .map(s -> s.replace("z", "😀")); // whole surrogate pairs only: UTF-8 has no lone surrogates
    Arbitrary<String> longField = Arbitraries.strings().withChars("ab \"".toCharArray()).ofMinLength(500).ofMaxLength(3000);
    return Arbitraries.oneOf(field, field, field, longField).list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(5);
  }

  @Test
  void quotesOnlyWhereNeeded() throws IOException {
    CsvRow row = new CsvRow().add("").add("").add("a,b").add("say \"hi\"").add("#tag").add("end ").add("plain").end();
    assertEquals("\"\",,\"a,b\",\"say \"\"hi\"\"\",\"#tag\",\"end \",plain\n", row.take());
    byte[] utf8 = "é,ü".getBytes(StandardCharsets.UTF_8);
    assertEquals("\"é,ü\",ü\n", new CsvRow().add(utf8, 0, utf8.length).add(utf8, 3, 2).end().take());
    assertTrue(CsvRow.needsQuotes("", true));
    assertFalse(CsvRow.needsQuotes("", false));
    assertFalse(CsvRow.needsQuotes("$5", false));
  }
}
