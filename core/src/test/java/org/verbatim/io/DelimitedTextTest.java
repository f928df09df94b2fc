package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delimiters (sniffed and given), encodings and the misread check of {@link FeedbackReader}. */
class DelimitedTextTest {

  @TempDir Path dir;

  private Path write(String name, String content, Charset charset) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(charset));
  }

  private static List<List<String>> records(FeedbackReader r) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (FeedbackRecord rec = r.next(); rec != null; rec = r.next()) {
      assertFalse(rec.isError(), rec.error().orElse(""));
      out.add(rec.values());
    }
    return out;
  }

  @Test
  void excelSemicolonFileWithCommasInTheTextIsSniffedAsSemicolon() throws IOException {
    // what Excel writes in much of Europe: ; between fields, commas left unquoted in the text
    Path f = write("eu.csv", "id;date;comment\r\n1;05/01/2026;Kind, but late\r\n2;06/01/2026;\"Said \"\"no\"\"; then left\"\r\n",
        StandardCharsets.UTF_8);
    try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV)) {
      assertEquals(Optional.of(';'), r.delimiter());
      assertTrue(r.delimiterSniffed());
      assertEquals(List.of("id", "date", "comment"), r.header());
      assertEquals(List.of(List.of("1", "05/01/2026", "Kind, but late"), List.of("2", "06/01/2026", "Said \"no\"; then left")),
          records(r));
    }
  }

  @Test
  void tabAndPipeAreSniffedAndCommaWinsATie() throws IOException {
    Path tsv = write("t.tsv", "id\tcomment\n1\tgood, kind; fine | ok\n", StandardCharsets.UTF_8);
    Path pipe = write("p.txt", "id|comment\n1|good, kind\n", StandardCharsets.UTF_8);
    Path comma = write("c.csv", "id,comment;note\n1,a;b\n", StandardCharsets.UTF_8);
    try (FeedbackReader r = FeedbackReader.open(tsv, FeedbackFormat.CSV)) {
      assertEquals(Optional.of('\t'), r.delimiter());
      assertEquals(List.of(List.of("1", "good, kind; fine | ok")), records(r));
    }
    try (FeedbackReader r = FeedbackReader.open(pipe, FeedbackFormat.CSV)) {
      assertEquals(Optional.of('|'), r.delimiter());
    }
    try (FeedbackReader r = FeedbackReader.open(comma, FeedbackFormat.CSV)) {
      assertEquals(Optional.of(','), r.delimiter());
      assertEquals(List.of("id", "comment;note"), r.header());
    }
  }

  @Test
  void theDelimiterAgreeingWithMoreRecordsWins() {
    // ';' splits the header in 3 but the records disagree; ',' splits every record like the header
    String sample = "a;b,c;d\n1,x\n2,y\n3,z\n";
    assertEquals(',', DelimiterSniffer.sniff(sample.getBytes(StandardCharsets.UTF_8), true));
    assertEquals(',', DelimiterSniffer.sniff("comment\nfine\n".getBytes(StandardCharsets.UTF_8), true));
  }

  @Test
  void aGivenDelimiterThatLeavesTheHeaderOneColumnHoldingAnotherIsRefused() throws IOException {
    Path f = write("eu.csv", "id;comment\n1;Kind, but late\n", StandardCharsets.UTF_8);
    ReadOptions comma = ReadOptions.builder().delimiter(',').build();
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> FeedbackReader.open(f, FeedbackFormat.CSV, comma));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("looks ';'-separated"), e.getMessage());
    assertTrue(e.getMessage().contains("--delimiter ;"), e.getMessage());
  }

  @Test
  void windows1252AndLatin1AreTranscoded() throws IOException {
    String text = "id,comment\n1,\"Caf\u00e9 staff didn\u2019t care \u2013 \u00a320 lost\"\n";
    Path f = write("w.csv", text, Charset.forName("windows-1252"));
    ReadOptions cp = ReadOptions.builder().encoding(ReadOptions.encoding("windows-1252")).build();
    try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV, cp)) {
      assertEquals(List.of(List.of("1", "Caf\u00e9 staff didn\u2019t care \u2013 \u00a320 lost")), records(r));
      assertEquals("windows-1252", r.encoding().name());
    }
    // the same file as UTF-8 (the default) stops at the line, naming the option
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> {
      try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV)) {
        records(r);
      }
    });
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("--encoding windows-1252"), e.getMessage());
    Path latin = write("l.csv", "id,comment\n1,na\u00efve \u00bd\n", StandardCharsets.ISO_8859_1);
    try (FeedbackReader r = FeedbackReader.open(latin, FeedbackFormat.CSV,
        ReadOptions.builder().encoding(StandardCharsets.ISO_8859_1).build())) {
      assertEquals(List.of(List.of("1", "na\u00efve \u00bd")), records(r));
    }
  }

  @Test
  void aByteThatIsNoCharacterOfTheEncodingStopsAtItsLine() throws IOException {
    byte[] bytes = "id,comment\n1,ok\n2,bad ?\n".getBytes(StandardCharsets.US_ASCII);
    bytes[bytes.length - 2] = (byte) 0x81; // undefined in windows-1252
    Path f = Files.write(dir.resolve("bad.csv"), bytes);
    ReadOptions cp = ReadOptions.builder().encoding(ReadOptions.encoding("windows-1252")).build();
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> {
      try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV, cp)) {
        records(r);
      }
    });
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("not valid windows-1252"), e.getMessage());
  }

  @Test
  void utf16WithAByteOrderMarkIsReadWithoutBeingNamed() throws IOException {
    Path le = write("le.csv", "\uFEFFid\tcomment\n1\tna\u00efve \uD83D\uDE0A\n", StandardCharsets.UTF_16LE);
    try (FeedbackReader r = FeedbackReader.open(le, FeedbackFormat.CSV)) {
      assertEquals(StandardCharsets.UTF_16, r.encoding());
      assertEquals(Optional.of('\t'), r.delimiter());
      assertEquals(List.of(List.of("1", "na\u00efve \uD83D\uDE0A")), records(r));
    }
  }

  @Test
  void transcodingKeepsEveryCharacterAcrossBufferEdges() throws IOException {
    Random random = new Random(7);
    StringBuilder sb = new StringBuilder("id,comment\n");
    List<String> expected = new ArrayList<>();
    String alphabet = "abc \u00e9\u00fc\u2019\u20ac\u4e2d";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder v = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        v.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextInt(10) == 0) {
        v.append("\uD83D\uDE0A");
      }
      expected.add(v.toString());
      sb.append(i).append(",\"").append(v).append("\"\n");
    }
    for (Charset cs : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.write(cs.encode("\uFEFF").array(), 0, 2);
      bytes.write(sb.toString().getBytes(cs));
      Path f = Files.write(dir.resolve(cs.name() + ".csv"), bytes.toByteArray());
      try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.CSV,
          ReadOptions.builder().encoding(StandardCharsets.UTF_16).build())) {
        List<List<String>> got = records(r);
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
          assertEquals(expected.get(i), got.get(i).get(1), "record " + i + " in " + cs);
        }
      }
    }
  }

  @Test
  void delimiterNames() {
    assertEquals('\t', ReadOptions.parseDelimiter("tab"));
    assertEquals('\t', ReadOptions.parseDelimiter("\\t"));
    assertEquals(';', ReadOptions.parseDelimiter(";"));
    assertEquals('|', ReadOptions.parseDelimiter("pipe"));
    assertThrows(IllegalArgumentException.class, () -> ReadOptions.parseDelimiter("ab"));
    assertThrows(IllegalArgumentException.class, () -> ReadOptions.parseDelimiter("\""));
    assertThrows(IllegalArgumentException.class, () -> ReadOptions.encoding("klingon-8"));
  }

  @Test
  void csvRowWithASemicolonQuotesSemicolonsNotCommas() {
    CsvRow row = new CsvRow(';');
    assertEquals("a,b;\"c;d\";\"say \"\"hi\"\"\"\n", row.add("a,b").add("c;d").add("say \"hi\"").end().take());
    CsvRow tab = new CsvRow('\t');
    assertEquals("x y\t\"p\tq\"\n", tab.add("x y").add("p\tq").end().take());
  }
}
