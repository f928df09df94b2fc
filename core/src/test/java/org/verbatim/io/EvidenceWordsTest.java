package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;

/**
 * The evidence words columns: {@code evidence_text} of the wide layout (CSV bytes, spreadsheet and Spark's
 * {@link FlatColumns} strings), the one-hot layout's {@code evidence} and the long layout's {@code evidence}, all one
 * format that splits back into the theme ids and the words.
 */
class EvidenceWordsTest {

  @TempDir Path dir;

  private static final List<String> HEADER = List.of("id", "comment");

  /** A comment with the characters the format escapes, and its classification. */
  private static final String ODD = "Staff | nurses; kind \\ rude: late";

  private static Classification odd() {
    return new Classification(List.of(
        new ThemeTag("staff", 0.9, Polarity.MIXED, List.of(new Evidence(0, 14), new Evidence(16, 27))),
        new ThemeTag("odd:id;x", 0.5, Polarity.NEGATIVE, List.of(new Evidence(29, 33))),
        new ThemeTag("none", 0.4, Polarity.NEUTRAL, List.of())));
  }

  @Test
  void separatorsInTheWordsAreEscaped() {
    assertEquals("staff: Staff \\| nurses | kind \\\\ rude; odd\\:id\\;x: late",
        new FlatColumns().evidenceText(odd(), ODD));
    assertEquals(List.of(Map.entry("staff", List.of("Staff | nurses", "kind \\ rude")),
        Map.entry("odd:id;x", List.of("late"))), parse(new FlatColumns().evidenceText(odd(), ODD)));
    assertEquals("", new FlatColumns().evidenceText(Classification.EMPTY, ODD));
  }

  @Test
  void everyLayoutWritesTheWordsOneWay() throws IOException {
    String wide = cells(Layout.WIDE).get(6);
    assertEquals(new FlatColumns().evidenceText(odd(), ODD), wide);
    assertEquals(wide, cells(Layout.ONEHOT).get(2 + 3 + 3));
    Path longCsv = write(Layout.LONG, ODD, odd());
    try (FeedbackReader r = FeedbackReader.open(longCsv)) {
      assertEquals("Staff \\| nurses | kind \\\\ rude", r.next().get("evidence").orElseThrow());
      assertEquals("late", r.next().get("evidence").orElseThrow());
    }
  }

  private List<String> cells(Layout layout) throws IOException {
    try (FeedbackReader r = FeedbackReader.open(write(layout, ODD, odd()))) {
      return r.next().values();
    }
  }

  private Path write(Layout layout, String text, Classification c) throws IOException {
    Path out = dir.resolve(layout.id() + ".csv");
    try (ClassifiedWriter w = ClassifiedWriter.open(FeedbackFormat.CSV, Files.newOutputStream(out), HEADER,
        OutputColumns.withPrefix(""), new WriteOptions(',', false, layout, List.of("staff", "odd:id;x", "none")))) {
      w.write(ClassifiedRow.of(FeedbackRecord.of(2, 1, HEADER, List.of("1", text)), text, c));
    }
    return out;
  }

  /**
   * Any comment and spans: the CSV byte writer's cell is the text of {@link FlatColumns#evidenceText} (a surrogate
   * cut from its pair by a span written as {@code ?} by both), the spreadsheet sink's CSV twin writes the same
   * bytes, and the cell splits back into the theme ids and the words of the spans.
   */
  @Property(tries = 400, seed = "20261205")
  void wideCellsSplitBackIntoThemesAndWords(@ForAll("rows") Row row) throws IOException {
    Classification c = row.classification();
    String text = row.text();
    ByteArrayOutputStream fast = new ByteArrayOutputStream();
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    FeedbackRecord record = FeedbackRecord.of(2, 1, HEADER, List.of("1", text));
    OutputColumns columns = OutputColumns.withPrefix("vb_");
    WriteOptions wide = new WriteOptions(';', false, Layout.WIDE, List.of());
    try (ClassifiedWriter a = ClassifiedWriter.open(FeedbackFormat.CSV, fast, HEADER, columns, wide);
        ClassifiedWriter b = new TableWriter(new TableWriter.CsvSink(table, ';', false), HEADER, columns, wide)) {
      a.write(ClassifiedRow.of(record, text, c));
      b.write(ClassifiedRow.of(record, text, c));
    }
    assertArrayEquals(table.toByteArray(), fast.toByteArray(), "the String and the byte writers agree");
    Path file = Files.write(Files.createTempFile("evidence-words", ".csv"), fast.toByteArray()); // no @TempDir here
    String cell;
    try (FeedbackReader r = FeedbackReader.open(file, FeedbackFormat.CSV, ReadOptions.builder().delimiter(';').build())) {
      FeedbackRecord back = r.next();
      assertEquals(List.of("1", asUtf8(text)), back.values().subList(0, 2));
      cell = back.get("vb_evidence_text").orElseThrow();
    } finally {
      Files.delete(file);
    }
    assertEquals(asUtf8(new FlatColumns().evidenceText(c, text)), cell);
    List<Map.Entry<String, List<String>>> expected = new ArrayList<>();
    for (ThemeTag t : c.tags()) {
      if (!t.evidence().isEmpty()) {
        expected.add(Map.entry(t.themeId(), t.evidence().stream().map(e -> asUtf8(e.in(text))).toList()));
      }
    }
    assertEquals(expected, parse(cell));
  }

  /** What a string reads back as after UTF-8 encoding (a lone surrogate becomes {@code ?}). */
  private static String asUtf8(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  /**
   * Splits an evidence words cell as the README describes: a backslash takes the next character as it is; an
   * unescaped {@code ": "} ends a theme id, {@code " | "} a span, {@code "; "} a theme.
   */
  static List<Map.Entry<String, List<String>>> parse(String cell) {
    List<Map.Entry<String, List<String>>> out = new ArrayList<>();
    if (cell.isEmpty()) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    String theme = null;
    List<String> words = new ArrayList<>();
    for (int i = 0; i < cell.length(); i++) {
      char ch = cell.charAt(i);
      if (ch == '\\') {
        cur.append(cell.charAt(++i));
      } else if (theme == null && ch == ':') {
        theme = cur.toString();
        cur.setLength(0);
        assertEquals(' ', cell.charAt(++i));
      } else if (theme != null && ch == '|') {
        assertEquals(' ', cur.charAt(cur.length() - 1));
        cur.setLength(cur.length() - 1);
        words.add(cur.toString());
        cur.setLength(0);
        assertEquals(' ', cell.charAt(++i));
      } else if (theme != null && ch == ';') {
        words.add(cur.toString());
        out.add(Map.entry(theme, List.copyOf(words)));
        cur.setLength(0);
        words.clear();
        theme = null;
        assertEquals(' ', cell.charAt(++i));
      } else {
        cur.append(ch);
      }
    }
    words.add(cur.toString());
    out.add(Map.entry(theme, List.copyOf(words)));
    return out;
  }

  record Row(String text, Classification classification) {}

  @Provide
  Arbitrary<Row> rows() {
    Arbitrary<Character> chars = Arbitraries.oneOf(
        Arbitraries.of('a', 'b', ' ', ' ', '\\', '|', ';', ':', ',', '"', '\n', '\t', 'é', '中'),
        Arbitraries.chars().range('\uD800', '\uDFFF'),
        Arbitraries.chars().alpha());
    Arbitrary<String> texts = Arbitraries.oneOf(
        chars.list().ofMaxSize(40).map(EvidenceWordsTest::join),
        Arbitraries.strings().withChars("ab |;\\").ofMaxLength(30).map(s -> s + "\uD83D\uDE00 ok \uD83D\uDE00"));
    Arbitrary<String> ids = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcxyz_-").ofMinLength(1).ofMaxLength(8),
        Arbitraries.strings().withChars("a:;|\\ ").ofMinLength(1).ofMaxLength(6).filter(s -> !s.isBlank()));
    return texts.flatMap(text -> {
      Arbitrary<Evidence> spans = Combinators.combine(
          Arbitraries.integers().between(0, text.length()), Arbitraries.integers().between(0, text.length()))
          .as((x, y) -> new Evidence(Math.min(x, y), Math.max(x, y)));
      Arbitrary<ThemeTag> tags = Combinators.combine(ids, Arbitraries.doubles().between(0, 1),
          Arbitraries.of(Polarity.class), spans.list().ofMaxSize(3))
          .as(ThemeTag::new);
      return tags.list().ofMaxSize(4).uniqueElements(ThemeTag::themeId)
          .map(t -> new Row(text, new Classification(t)));
    });
  }

  private static String join(List<Character> cs) {
    StringBuilder sb = new StringBuilder();
    cs.forEach(sb::append);
    return sb.toString();
  }
}
